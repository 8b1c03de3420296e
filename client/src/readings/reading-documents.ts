// Emend: Open Draft Reading / Open Final Reading / Compare Draft and Final / Reveal in Transcription.
// The readings are read-only virtual documents (scheme `emend-reading`) whose text the server gives
// (emend/reading); they follow the transcription as it is edited. The transcription itself is never rewritten.
import {
  commands,
  EventEmitter,
  languages,
  Position,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type CancellationToken,
  type Event,
  type ExtensionContext,
  type TextDocumentContentProvider,
  type TextDocument,
  type TextEditor,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  MapPositionRequest,
  ProjectFileChangedNotification,
  ReadingRequest,
  type MapPositionParams,
  type ReadingParams,
} from '../../../server/src/protocol';
import { baseName } from '../uri-paths';
import { askServer } from '../server/server-requests';

export const READING_SCHEME = 'emend-reading';
/**
 * The language of the readings (package.json): plain text, but a language of its own so that the manifest can turn
 * word wrap on for it as for transcriptions. A paragraph is one long line, cut off at the editor's edge without it,
 * in the reading editors and on both sides of Compare Draft and Final (whose wrap follows its documents' language).
 */
export const READING_LANGUAGE = 'emend-reading';

function asReading(doc: TextDocument): void {
  if (doc.uri.scheme === READING_SCHEME && doc.languageId !== READING_LANGUAGE)
    void languages.setTextDocumentLanguage(doc, READING_LANGUAGE).then(undefined, () => undefined);
}
type Kind = 'draft' | 'final';
const UPDATE_DELAY_MS = 250;

/** `emend-reading:/…/letter.emend (final)?<source uri>`: the tab reads "letter.emend (final)". */
export function readingUri(source: Uri, kind: Kind): Uri {
  return Uri.from({ scheme: READING_SCHEME, path: `${source.path} (${kind})`, query: source.toString() });
}

function parseReadingUri(uri: Uri): { source: Uri; kind: Kind } | undefined {
  const m = / \((draft|final)\)$/.exec(uri.path);
  if (!m || !uri.query) return undefined;
  return { source: Uri.parse(uri.query), kind: m[1] as Kind };
}

class ReadingProvider implements TextDocumentContentProvider {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange: Event<Uri> = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly client: BaseLanguageClient) {}

  async provideTextDocumentContent(uri: Uri, token: CancellationToken): Promise<string> {
    const parsed = parseReadingUri(uri);
    if (!parsed) return 'This is not an Emend reading address.';
    const { source, kind } = parsed;
    // The server reads open documents; open the transcription (without showing it) if it is not open yet,
    // for example when VS Code restores a reading editor after a reload.
    let doc = workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    if (!doc) {
      try {
        doc = await workspace.openTextDocument(source);
      } catch {
        return `The transcription ${source.fsPath || source.toString()} could not be opened, so its ${kind} reading cannot be shown.`;
      }
    }
    if (doc.languageId !== 'emend')
      return `${baseName(source)} is not an Emend transcription, so it has no ${kind} reading.`;
    if (token.isCancellationRequested) return '';
    const params: ReadingParams = { uri: this.client.code2ProtocolConverter.asUri(source), kind };
    const r = await askServer(this.client, `show the ${kind} reading`, ReadingRequest, params);
    return r
      ? r.text
      : `The ${kind} reading is unavailable while the Emend language server is not running (Emend: Restart Language Server).`;
  }

  /** Refreshes every open reading: the settings that shape them (`emend.readings.*`) changed. */
  settingsChanged(): void {
    for (const doc of workspace.textDocuments) if (doc.uri.scheme === READING_SCHEME) this.changed.fire(doc.uri);
  }

  /** Refreshes the open readings of an edited transcription, once typing pauses. */
  sourceChanged(source: Uri): void {
    for (const doc of workspace.textDocuments) {
      if (doc.uri.scheme !== READING_SCHEME || doc.uri.query !== source.toString()) continue;
      const key = doc.uri.toString();
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.changed.fire(doc.uri);
        }, UPDATE_DELAY_MS),
      );
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.changed.dispose();
  }
}

/** The transcription a command is about: the one given (explorer, editor title), else the active editor's. */
function sourceOf(arg: unknown, purpose: string): Uri | undefined {
  if (arg instanceof Uri) {
    if (arg.scheme === READING_SCHEME) return parseReadingUri(arg)?.source;
    return arg;
  }
  const editor = window.activeTextEditor;
  if (editor?.document.uri.scheme === READING_SCHEME) return parseReadingUri(editor.document.uri)?.source;
  if (editor && editor.document.languageId === 'emend') return editor.document.uri;
  void window.showInformationMessage(`Open an Emend transcription (*.emend) to ${purpose}.`);
  return undefined;
}

async function mapPosition(
  client: BaseLanguageClient,
  source: Uri,
  kind: Kind,
  position: Position,
  direction: MapPositionParams['direction'],
): Promise<Position | undefined> {
  const params: MapPositionParams = {
    uri: client.code2ProtocolConverter.asUri(source),
    kind,
    direction,
    position: { line: position.line, character: position.character },
  };
  const r = await askServer(
    client,
    direction === 'toSource' ? 'find the place in the transcription' : 'find the place in the reading',
    MapPositionRequest,
    params,
  );
  return r ? new Position(r.position.line, r.position.character) : undefined;
}

function place(editor: TextEditor, at: Position): void {
  editor.selection = new Selection(at, at);
  editor.revealRange(editor.selection, TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens the reading beside the transcription; when the transcription is the active editor, at its cursor's place. */
async function openReading(client: BaseLanguageClient, source: Uri, kind: Kind): Promise<void> {
  const active = window.activeTextEditor;
  const cursor = active && active.document.uri.toString() === source.toString() ? active.selection.active : undefined;
  const doc = await workspace.openTextDocument(readingUri(source, kind));
  const editor = await window.showTextDocument(doc, {
    viewColumn: ViewColumn.Beside,
    preserveFocus: true,
    preview: false,
  });
  if (cursor) {
    const at = await mapPosition(client, source, kind, cursor, 'toReading');
    if (at) place(editor, at);
  }
}

/** From a reading (or a side of the draft/final diff) to the same place in the transcription. */
async function revealInTranscription(client: BaseLanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  const parsed =
    editor && editor.document.uri.scheme === READING_SCHEME ? parseReadingUri(editor.document.uri) : undefined;
  if (!editor || !parsed) {
    void window.showInformationMessage(
      'Put the cursor in a draft or final reading (or in the draft/final comparison) to find its place in the transcription.',
    );
    return;
  }
  const source = await workspace.openTextDocument(parsed.source);
  const at = await mapPosition(client, parsed.source, parsed.kind, editor.selection.active, 'toSource');
  if (!at) return;
  const visible = window.visibleTextEditors.find((e) => e.document.uri.toString() === source.uri.toString());
  const target = await window.showTextDocument(source, {
    viewColumn: visible?.viewColumn ?? ViewColumn.Beside,
    preview: false,
  });
  place(target, at);
}

export function registerReadingDocuments(context: ExtensionContext, client: BaseLanguageClient): void {
  const provider = new ReadingProvider(client);
  workspace.textDocuments.forEach(asReading);
  context.subscriptions.push(
    provider,
    workspace.registerTextDocumentContentProvider(READING_SCHEME, provider),
    workspace.onDidOpenTextDocument(asReading),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('emend.readings')) provider.settingsChanged();
    }),
    client.onNotification(ProjectFileChangedNotification, () => provider.settingsChanged()),
    workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'emend' && e.contentChanges.length > 0) provider.sourceChanged(e.document.uri);
    }),
    commands.registerCommand('emend.openDraft', async (arg?: unknown) => {
      const source = sourceOf(arg, 'open its draft reading');
      if (source) await openReading(client, source, 'draft');
    }),
    commands.registerCommand('emend.openFinal', async (arg?: unknown) => {
      const source = sourceOf(arg, 'open its final reading');
      if (source) await openReading(client, source, 'final');
    }),
    commands.registerCommand('emend.revealInTranscription', () => revealInTranscription(client)),
    commands.registerCommand('emend.compareDraftFinal', async (arg?: unknown) => {
      const source = sourceOf(arg, 'compare its draft and final readings');
      if (!source) return;
      const title = `${baseName(source)}: Draft ↔ Final`;
      await commands.executeCommand('vscode.diff', readingUri(source, 'draft'), readingUri(source, 'final'), title, {
        viewColumn: ViewColumn.Beside,
        preview: false,
      });
    }),
  );
}
