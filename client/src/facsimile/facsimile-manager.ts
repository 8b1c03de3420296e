// The facsimile's commands and wiring: Emend: Open Facsimile to the Side (one panel follows the active Emend
// editor; locked ones stay on their document), the cursor's word outlined on the scan as it moves, a click on the
// scan moving the cursor, and panels restored after a window reload (WebviewPanelSerializer).
import {
  commands,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  WorkspaceEdit,
  type Disposable,
  type ExtensionContext,
  type TextEditor,
  type WebviewPanel,
} from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { FacsimileDrawRequest, type FacsimileDrawParams } from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { baseName } from '../uri-paths';
import { FACSIMILE_VIEW_TYPE, toFacsimileState } from './messages';
import { FacsimilePanel, type FacsimileHost } from './facsimile-panel';

export class FacsimileManager implements FacsimileHost, Disposable {
  private readonly panels = new Set<FacsimilePanel>();
  private readonly subscriptions: Disposable[] = [];

  constructor(
    readonly extensionUri: Uri,
    readonly client: BaseLanguageClient,
  ) {
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor((e) => this.onActiveEditor(e)),
      workspace.onDidChangeTextDocument((e) => this.forResource(e.document.uri, (p) => p.update())),
      window.onDidChangeTextEditorSelection((e) => {
        const doc = e.textEditor.document;
        if (doc.languageId !== 'emend') return;
        const offset = doc.offsetAt(e.selections[0]?.active ?? e.textEditor.selection.active);
        this.forResource(doc.uri, (p) => p.post({ type: 'cursor', uri: doc.uri.toString(), offset }));
      }),
      // An image or layout saved beside the transcription: show it again.
      workspace.onDidSaveTextDocument((d) => {
        if (d.languageId !== 'emend') for (const p of this.panels) p.update();
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) for (const p of this.panels) p.update(true);
      }),
    );
  }

  /** Panels open now (for tests through the extension's API). */
  get open(): readonly FacsimilePanel[] {
    return [...this.panels];
  }

  openPanel(resource: Uri | undefined, locked: boolean): void {
    const doc = window.activeTextEditor?.document;
    const target = resource ?? (doc?.languageId === 'emend' ? doc.uri : undefined);
    if (!target) {
      void window.showInformationMessage('Open an Emend transcription (a .emend file) to show its facsimile.');
      return;
    }
    const dynamic = locked ? undefined : [...this.panels].find((p) => !p.locked);
    if (dynamic) {
      dynamic.setResource(target);
      dynamic.panel.reveal(dynamic.panel.viewColumn, true);
      return;
    }
    this.track(FacsimilePanel.create(this, target, locked, ViewColumn.Beside));
  }

  restore(webviewPanel: WebviewPanel, state: unknown): void {
    const s = toFacsimileState(state);
    if (!s) {
      webviewPanel.dispose();
      return;
    }
    this.track(new FacsimilePanel(this, webviewPanel, Uri.parse(s.uri), s.locked, s));
  }

  private track(panel: FacsimilePanel): void {
    this.panels.add(panel);
    panel.update(true);
  }

  toggleLock(
    panel: FacsimilePanel | undefined = [...this.panels].find((p) => p.panel.active) ?? [...this.panels][0],
  ): void {
    if (!panel) {
      void window.showInformationMessage(
        'There is no facsimile to lock; open one with “Emend: Open Facsimile to the Side”.',
      );
      return;
    }
    if (panel.locked) {
      for (const p of this.panels) if (p !== panel && !p.locked) p.setLocked(true);
      panel.setLocked(false);
      const doc = window.activeTextEditor?.document;
      if (doc?.languageId === 'emend') panel.setResource(doc.uri);
    } else panel.setLocked(true);
  }

  async selectWord(resource: Uri, start: number, end: number): Promise<void> {
    const key = resource.toString();
    const visible = window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    const document = visible?.document ?? (await workspace.openTextDocument(resource));
    const from = document.positionAt(start);
    const editor = await window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? ViewColumn.One,
      selection: new Selection(from, from),
      preserveFocus: false,
    });
    editor.revealRange(
      document.validateRange(new Selection(from, document.positionAt(end))),
      TextEditorRevealType.InCenterIfOutsideViewport,
    );
  }

  /** Emend: Draw a Box on the Facsimile for the Selection: the facsimile of the active transcription, focused, in draw mode. */
  drawFromEditor(): void {
    const doc = window.activeTextEditor?.document;
    if (doc?.languageId !== 'emend') {
      void window.showInformationMessage('Select words in an Emend transcription (a .emend file) to draw their box.');
      return;
    }
    const key = doc.uri.toString();
    let panel = [...this.panels].find((p) => p.resource.toString() === key);
    if (!panel) {
      this.openPanel(doc.uri, false);
      panel = [...this.panels].find((p) => p.resource.toString() === key);
    }
    panel?.startDrawing();
  }

  async drawBox(
    panel: FacsimilePanel,
    page: number,
    box: [number, number, number, number],
  ): Promise<{ ok: boolean; message: string }> {
    const resource = panel.resource;
    const key = resource.toString();
    const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (!editor) {
      return {
        ok: false,
        message: `Show ${baseName(resource)} in an editor and select the words the box is for, then draw it.`,
      };
    }
    const doc = editor.document;
    const params: FacsimileDrawParams = {
      uri: this.client.code2ProtocolConverter.asUri(doc.uri),
      version: doc.version,
      start: doc.offsetAt(editor.selection.start),
      end: doc.offsetAt(editor.selection.end),
      page,
      box,
    };
    const r = await askServer(this.client, 'record the box', FacsimileDrawRequest, params);
    if (!r) return { ok: false, message: 'The box was not recorded: the Emend language server did not answer.' };
    if ('error' in r) return { ok: false, message: r.error };
    const target = Uri.parse(r.layout.uri);
    // Never over a file that appeared since the server chose the name, nor over unsaved edits of the layout.
    if (r.layout.created) {
      const exists = await workspace.fs.stat(target).then(
        () => true,
        () => false,
      );
      if (exists) return { ok: false, message: `${r.layout.name} appeared meanwhile; draw the box again.` };
    } else if (workspace.textDocuments.some((d) => d.uri.toString() === target.toString() && d.isDirty)) {
      return {
        ok: false,
        message: `${r.layout.name} has unsaved changes in an editor: save or revert them, then draw the box again.`,
      };
    }
    try {
      await workspace.fs.writeFile(target, new TextEncoder().encode(r.layout.text));
    } catch (e) {
      return {
        ok: false,
        message: `Emend could not write ${r.layout.name}: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    if (r.headerEdits.length > 0) {
      const edit = new WorkspaceEdit();
      for (const e of r.headerEdits) {
        edit.replace(
          doc.uri,
          new Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
          e.newText,
        );
      }
      if (!(await workspace.applyEdit(edit))) {
        return {
          ok: false,
          message: `${r.layout.name} was written, but the header could not be changed: add the line “layout: ${r.layout.name}” to it.`,
        };
      }
    }
    panel.update(true);
    const words = r.wordCount === 1 ? `“${r.linked}”` : `${r.wordCount} words (“${r.linked}”)`;
    const replaced =
      r.replaced > 0 ? `, replacing ${r.replaced === 1 ? 'its earlier box' : `${r.replaced} earlier boxes`}` : '';
    const where = r.layout.created ? `in a new file, ${r.layout.name}, named in the header` : `in ${r.layout.name}`;
    return { ok: true, message: `Linked ${words} to the box${replaced}; recorded ${where}.` };
  }

  cursorOffset(resource: Uri): number | undefined {
    const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString());
    return editor ? editor.document.offsetAt(editor.selection.active) : undefined;
  }

  disposed(panel: FacsimilePanel): void {
    this.panels.delete(panel);
  }

  private onActiveEditor(editor: TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'emend') return;
    for (const p of this.panels) if (!p.locked) p.setResource(editor.document.uri);
  }

  private forResource(resource: Uri, fn: (p: FacsimilePanel) => void): void {
    const key = resource.toString();
    for (const p of this.panels) if (p.resource.toString() === key) fn(p);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function registerFacsimile(context: ExtensionContext, client: BaseLanguageClient): void {
  const manager = new FacsimileManager(context.extensionUri, client);
  context.subscriptions.push(
    manager,
    commands.registerCommand('emend.openFacsimileToSide', (uri?: Uri) =>
      manager.openPanel(uri instanceof Uri ? uri : undefined, false),
    ),
    commands.registerCommand('emend.openLockedFacsimileToSide', (uri?: Uri) =>
      manager.openPanel(uri instanceof Uri ? uri : undefined, true),
    ),
    commands.registerCommand('emend.toggleFacsimileLock', () => manager.toggleLock()),
    commands.registerCommand('emend.drawFacsimileBox', () => manager.drawFromEditor()),
    window.registerWebviewPanelSerializer(FACSIMILE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => manager.restore(panel, state),
    }),
  );
}
