// One preview panel: a webview showing one view of one document, updated as the document changes.
// It asks the server for the view's blocks (the client never reads the markup) and posts them to the webview,
// which patches its DOM; the panel only decides when, for which document, and keeps the answers in order.
import { Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PreviewPlaceRequest, RenderRequest, type RenderResult } from '../../../server/src/protocol';
import { whenStarted } from '../server/server-requests';
import { isFromWebview, PREVIEW_VIEW_TYPE, type FromWebview, type PreviewState, type ToWebview } from './messages';
import { previewSettings } from './settings';
import { baseName } from '../uri-paths';
import { newNonce, previewShell } from './webview-html';

/** What a panel needs from the manager that owns it. */
export interface PreviewHost {
  readonly extensionUri: Uri;
  readonly client: BaseLanguageClient;
  revealEditorLine(resource: Uri, line: number): void;
  openSourceAt(resource: Uri, line: number, character?: number): Promise<void>;
  toggleLock(panel: PreviewPanel): void;
  disposed(panel: PreviewPanel): void;
}

/** Typing is rendered at most this often; each render re-renders only the edited paragraph on the server. */
const UPDATE_DELAY_MS = 40;

export class PreviewPanel implements Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Requests are numbered so that a slow answer never overwrites a newer one. */
  private sequence = 0;
  private shownUri: string | undefined;
  private readonly subscriptions: Disposable[] = [];
  private isDisposed = false;

  static create(
    host: PreviewHost,
    resource: Uri,
    view: string,
    locked: boolean,
    column: ViewColumn,
    preserveFocus: boolean,
  ): PreviewPanel {
    const panel = window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      '',
      { viewColumn: column, preserveFocus },
      {
        enableScripts: true,
        enableFindWidget: true,
        enableCommandUris: false,
        localResourceRoots: [Uri.joinPath(host.extensionUri, 'media')],
      },
    );
    return new PreviewPanel(host, panel, resource, view, locked);
  }

  constructor(
    private readonly host: PreviewHost,
    readonly panel: WebviewPanel,
    private res: Uri,
    private currentView: string,
    private isLocked: boolean,
    private restoredLine?: number,
  ) {
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [Uri.joinPath(host.extensionUri, 'media')],
    };
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromWebview(m)) void this.onMessage(m);
      }),
    );
    this.loadShell();
  }

  get resource(): Uri {
    return this.res;
  }
  get view(): string {
    return this.currentView;
  }
  get locked(): boolean {
    return this.isLocked;
  }

  /** Shows another document (an unlocked preview following the editor). */
  setResource(resource: Uri): void {
    if (resource.toString() === this.res.toString()) return;
    this.res = resource;
    this.restoredLine = undefined;
    this.updateTitle();
    this.update(true);
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.updateTitle();
    this.update(true);
  }

  setView(view: string): void {
    this.currentView = view;
    this.update(true);
  }

  /** Renders again, after a short delay unless `now`. */
  update(now = false): void {
    if (this.isDisposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.render();
      },
      now ? 0 : UPDATE_DELAY_MS,
    );
  }

  post(msg: ToWebview): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(msg);
  }

  /** Loads the page itself, with a fresh nonce; afterwards only messages change it. */
  private loadShell(): void {
    const webview = this.panel.webview;
    const media = (f: string) => webview.asWebviewUri(Uri.joinPath(this.host.extensionUri, 'media', f)).toString();
    this.updateTitle();
    const state: PreviewState = { uri: this.res.toString(), view: this.currentView, locked: this.isLocked };
    if (this.restoredLine !== undefined) state.line = this.restoredLine;
    webview.html = previewShell({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: media('preview.js'),
      styleUri: media('preview.css'),
      state,
      settings: previewSettings(this.res),
    });
  }

  private updateTitle(): void {
    const name = baseName(this.res);
    this.panel.title = this.isLocked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  private async render(): Promise<void> {
    const seq = ++this.sequence;
    const uri = this.res.toString();
    let result: RenderResult;
    try {
      // Opening the document (without showing it) makes the client send it to the server if it is not open yet.
      await workspace.openTextDocument(this.res);
      if (!(await whenStarted(this.host.client))) {
        throw new Error(
          'the Emend language server is not running. Run “Emend: Restart Language Server”, or “Emend: Show Output” to see why.',
        );
      }
      result = await this.host.client.sendRequest(RenderRequest, { uri, view: this.currentView });
    } catch (e) {
      if (seq === this.sequence)
        this.post({
          type: 'error',
          uri,
          message: `The preview could not be updated: ${e instanceof Error ? e.message : String(e)}`,
        });
      return;
    }
    if (seq !== this.sequence || this.isDisposed) return;
    const first = this.shownUri !== uri;
    this.shownUri = uri;
    const msg: ToWebview = {
      type: 'update',
      uri,
      name: baseName(this.res),
      version: result.version,
      view: result.view,
      views: result.views,
      blocks: result.blocks,
      locked: this.isLocked,
      settings: previewSettings(this.res),
    };
    if (first) {
      const line = this.restoredLine ?? editorTopLine(this.res);
      if (line !== undefined) msg.line = line;
    }
    this.post(msg);
    if (first) {
      const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (editor) this.post({ type: 'activeLine', uri, line: editor.selection.active.line });
    }
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.shownUri = undefined;
        this.update(true);
        return;
      case 'selectView':
        this.setView(m.view);
        return;
      case 'toggleLock':
        this.host.toggleLock(this);
        return;
      case 'revealLine':
        if (m.uri === this.res.toString()) this.host.revealEditorLine(this.res, m.line);
        return;
      case 'openLine': {
        if (m.uri !== this.res.toString()) return;
        // The word clicked, when the server can say where it comes from; else the line under the pointer.
        const at = m.place
          ? await this.host.client.sendRequest(PreviewPlaceRequest, { uri: m.uri, ...m.place }).then(
              (r) => r.position,
              () => null,
            )
          : null;
        await this.host.openSourceAt(this.res, at ? at.line : m.line, at?.character);
        return;
      }
    }
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.host.disposed(this);
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
  }
}

function editorTopLine(resource: Uri): number | undefined {
  const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString());
  return editor?.visibleRanges[0]?.start.line;
}
