// The preview's commands and wiring: opens previews (one that follows the active Emend editor, and any number
// locked to a document), keeps them in step with typing, scrolling and the cursor, and restores them after a
// window reload (WebviewPanelSerializer).
import {
  commands,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type TextEditor,
  type WebviewPanel,
} from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { PREVIEW_VIEW_TYPE, toPreviewState } from './messages';
import {
  CollationChangedNotification,
  ProjectFileChangedNotification,
  type CollationChangedParams,
} from '../../../server/src/protocol';
import { PreviewPanel, type PreviewHost } from './preview-panel';
import { defaultView, previewSettings } from './settings';

/** Editor scroll events within this window after we scrolled the editor are ours: not sent back (loop guard). */
const OWN_EDITOR_SCROLL_MS = 150;

export class PreviewManager implements PreviewHost, Disposable {
  private readonly panels = new Set<PreviewPanel>();
  private readonly subscriptions: Disposable[] = [];
  private readonly ownEditorScrollUntil = new Map<string, number>();
  private active: PreviewPanel | undefined;
  /** The Emend document last in the active text editor: while a preview has focus there is no active text editor. */
  private lastEmend: Uri | undefined = activeEmendUri();

  constructor(
    readonly extensionUri: Uri,
    readonly client: BaseLanguageClient,
  ) {
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor((e) => this.onActiveEditor(e)),
      workspace.onDidChangeTextDocument((e) => this.forResource(e.document.uri, (p) => p.update())),
      window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.languageId !== 'emend') return;
        const line = e.selections[0]?.active.line ?? 0;
        this.forResource(e.textEditor.document.uri, (p) =>
          p.post({ type: 'activeLine', uri: p.resource.toString(), line }),
        );
      }),
      window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e.textEditor)),
      workspace.onDidChangeConfiguration((e) => {
        // `emend.readings.*`: the server makes the readings with them (the language client has already told it).
        if (e.affectsConfiguration('emend.preview') || e.affectsConfiguration('emend.readings'))
          for (const p of this.panels) p.update(true);
      }),
      // A witness changed: previews of the transcriptions compared with it render again (the collation view).
      client.onNotification(CollationChangedNotification, (p: CollationChangedParams) => {
        for (const panel of this.panels) if (p.uris.includes(panel.resource.toString())) panel.update(true);
      }),
      // A `.emend.json` changed (its "supplied" and "gap"): every preview renders again.
      client.onNotification(ProjectFileChangedNotification, () => {
        for (const p of this.panels) p.update(true);
      }),
      // After a restart of the server, previews that showed an error render again.
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) for (const p of this.panels) p.update(true);
      }),
    );
  }

  /** The preview the user is looking at (focused), if any. */
  get activePreview(): PreviewPanel | undefined {
    return this.active;
  }

  /** A preview showing `resource`, preferring the focused one. */
  previewOf(resource: Uri): PreviewPanel | undefined {
    const key = resource.toString();
    if (this.active?.resource.toString() === key) return this.active;
    for (const p of this.panels) if (p.resource.toString() === key) return p;
    return undefined;
  }

  open(resource: Uri | undefined, toSide: boolean, locked = false): void {
    const target = resource ?? activeEmendUri();
    if (!target) {
      void window.showInformationMessage('Open an Emend transcription (a .emend file) to preview it.');
      return;
    }
    const column = toSide ? ViewColumn.Beside : (window.activeTextEditor?.viewColumn ?? ViewColumn.Active);
    const dynamic = locked ? undefined : [...this.panels].find((p) => !p.locked);
    if (dynamic) {
      dynamic.setResource(target);
      dynamic.panel.reveal(toSide ? dynamic.panel.viewColumn : column, toSide);
      return;
    }
    const panel = PreviewPanel.create(this, target, defaultView(target), locked, column, toSide);
    this.track(panel);
  }

  /** Restores a preview after a window reload from the state the webview saved. */
  restore(webviewPanel: WebviewPanel, state: unknown): void {
    const s = toPreviewState(state);
    if (!s) {
      webviewPanel.dispose();
      return;
    }
    const panel = new PreviewPanel(this, webviewPanel, Uri.parse(s.uri), s.view, s.locked, s.line);
    this.track(panel);
  }

  private track(panel: PreviewPanel): void {
    this.panels.add(panel);
    panel.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.active = panel;
      else if (this.active === panel) this.active = undefined;
      void commands.executeCommand('setContext', 'emendPreviewFocus', this.active !== undefined);
    });
    if (panel.panel.active) this.active = panel;
    void commands.executeCommand('setContext', 'emendPreviewFocus', this.active !== undefined);
  }

  toggleLock(panel: PreviewPanel | undefined = this.active ?? [...this.panels].find((p) => !p.locked)): void {
    if (!panel) {
      void window.showInformationMessage(
        'There is no Emend preview to lock or unlock; open one with “Emend: Open Preview to the Side”.',
      );
      return;
    }
    if (panel.locked) {
      // Only one preview follows the editor: unlocking this one locks any other that did.
      for (const p of this.panels) if (p !== panel && !p.locked) p.setLocked(true);
      panel.setLocked(false);
      // Unlocked from the preview's own button, the preview has focus: follow the editor the user last wrote in.
      const uri = activeEmendUri() ?? this.lastEmend;
      if (uri) panel.setResource(uri);
    } else {
      panel.setLocked(true);
    }
  }

  disposed(panel: PreviewPanel): void {
    this.panels.delete(panel);
    if (this.active === panel) {
      this.active = undefined;
      void commands.executeCommand('setContext', 'emendPreviewFocus', false);
    }
  }

  revealEditorLine(resource: Uri, line: number): void {
    if (!previewSettings(resource).scrollEditorWithPreview) return;
    const key = resource.toString();
    for (const editor of window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      const l = Math.max(0, Math.min(Math.floor(line), editor.document.lineCount - 1));
      this.ownEditorScrollUntil.set(key, Date.now() + OWN_EDITOR_SCROLL_MS);
      editor.revealRange(new Range(l, 0, l, 0), TextEditorRevealType.AtTop);
    }
  }

  async openSourceAt(resource: Uri, line: number, character = 0): Promise<void> {
    const visible = window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString());
    const document = visible?.document ?? (await workspace.openTextDocument(resource));
    const l = Math.max(0, Math.min(Math.floor(line), document.lineCount - 1));
    const c = Math.max(0, Math.min(Math.floor(character), document.lineAt(l).text.length));
    await window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? ViewColumn.Beside,
      selection: new Selection(l, c, l, c),
    });
  }

  private onActiveEditor(editor: TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'emend') return;
    this.lastEmend = editor.document.uri;
    for (const p of this.panels) if (!p.locked) p.setResource(editor.document.uri);
  }

  private onEditorScrolled(editor: TextEditor): void {
    if (editor.document.languageId !== 'emend') return;
    const key = editor.document.uri.toString();
    if (Date.now() < (this.ownEditorScrollUntil.get(key) ?? 0)) return;
    if (!previewSettings(editor.document.uri).scrollPreviewWithEditor) return;
    const line = editor.visibleRanges[0]?.start.line;
    if (line === undefined) return;
    this.forResource(editor.document.uri, (p) => p.post({ type: 'scrollToLine', uri: key, line }));
  }

  private forResource(resource: Uri, fn: (p: PreviewPanel) => void): void {
    const key = resource.toString();
    for (const p of this.panels) if (p.resource.toString() === key) fn(p);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The document of the active editor when it is an Emend transcription. */
export function activeEmendUri(): Uri | undefined {
  const doc = window.activeTextEditor?.document;
  return doc && doc.languageId === 'emend' ? doc.uri : undefined;
}

export function registerPreviewCommands(context: ExtensionContext, client: BaseLanguageClient): PreviewManager {
  const manager = new PreviewManager(context.extensionUri, client);
  context.subscriptions.push(
    manager,
    commands.registerCommand('emend.openPreview', (uri?: Uri) =>
      manager.open(uri instanceof Uri ? uri : undefined, false),
    ),
    commands.registerCommand('emend.openPreviewToSide', (uri?: Uri) =>
      manager.open(uri instanceof Uri ? uri : undefined, true),
    ),
    commands.registerCommand('emend.openLockedPreviewToSide', (uri?: Uri) =>
      manager.open(uri instanceof Uri ? uri : undefined, true, true),
    ),
    commands.registerCommand('emend.togglePreviewLock', () => manager.toggleLock()),
    window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => manager.restore(panel, state),
    }),
  );
  return manager;
}
