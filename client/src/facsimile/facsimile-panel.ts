// One facsimile panel: a webview showing the page images of one transcription with its words' links. It asks the
// server for the facsimile (emend/facsimile) and posts it to the webview, turning file locations into webview
// resource URIs (the folders of the images become the webview's resource roots); the webview draws and hit-tests.
import { Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FacsimileRequest, type FacsimileResult } from '../../../server/src/protocol';
import { whenStarted } from '../server/server-requests';
import { newNonce } from '../preview/webview-html';
import {
  FACSIMILE_VIEW_TYPE,
  isFromFacsimile,
  type FacsimileState,
  type FromFacsimile,
  type ToFacsimile,
  type ViewerPage,
} from './messages';
import { facsimileShell } from './webview-html';
import { baseName } from '../uri-paths';

export interface FacsimileHost {
  readonly extensionUri: Uri;
  readonly client: BaseLanguageClient;
  toggleLock(panel: FacsimilePanel): void;
  selectWord(resource: Uri, start: number, end: number): Promise<void>;
  /** Links the words selected in the transcription's editor to a box drawn on page `page`; says what happened. */
  drawBox(
    panel: FacsimilePanel,
    page: number,
    box: [number, number, number, number],
  ): Promise<{ ok: boolean; message: string }>;
  disposed(panel: FacsimilePanel): void;
  /** The offset of the cursor in the transcription's visible editor, if any. */
  cursorOffset(resource: Uri): number | undefined;
}

const UPDATE_DELAY_MS = 60;

export class FacsimilePanel implements Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private roots = '';
  private readonly subscriptions: Disposable[] = [];
  private isDisposed = false;
  /** Draw mode is to be turned on once the page is shown (Emend: Draw a Box on the Facsimile for the Selection). */
  private drawPending = false;
  /** The last first-view time the webview reported (ms), for the end-to-end test's figure. */
  lastShownMs: number | undefined;

  static create(host: FacsimileHost, resource: Uri, locked: boolean, column: ViewColumn): FacsimilePanel {
    const panel = window.createWebviewPanel(
      FACSIMILE_VIEW_TYPE,
      '',
      { viewColumn: column, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, retainContextWhenHidden: false },
    );
    return new FacsimilePanel(host, panel, resource, locked);
  }

  constructor(
    private readonly host: FacsimileHost,
    readonly panel: WebviewPanel,
    private res: Uri,
    private isLocked: boolean,
    private restored?: FacsimileState,
  ) {
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromFacsimile(m)) void this.onMessage(m);
      }),
    );
    this.setRoots([]);
  }

  get resource(): Uri {
    return this.res;
  }
  get locked(): boolean {
    return this.isLocked;
  }

  setResource(resource: Uri): void {
    if (resource.toString() === this.res.toString()) return;
    this.res = resource;
    this.restored = undefined;
    this.update(true);
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.update(true);
  }

  post(msg: ToFacsimile): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(msg);
  }

  update(now = false): void {
    if (this.isDisposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.refresh();
      },
      now ? 0 : UPDATE_DELAY_MS,
    );
  }

  /** The webview may load files only from the extension's media/ and the folders of the images it shows. */
  private setRoots(folders: Uri[]): void {
    const roots = [Uri.joinPath(this.host.extensionUri, 'media'), ...folders];
    const key = roots.map((r) => r.toString()).join('\n');
    if (key === this.roots) return;
    this.roots = key;
    const webview = this.panel.webview;
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    const media = (f: string) => webview.asWebviewUri(Uri.joinPath(this.host.extensionUri, 'media', f)).toString();
    const state: FacsimileState = this.restored ?? {
      uri: this.res.toString(),
      locked: this.isLocked,
      page: 0,
      rotation: 0,
    };
    webview.html = facsimileShell({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: media('facsimile.js'),
      styleUri: media('facsimile.css'),
      state: { ...state, uri: this.res.toString(), locked: this.isLocked },
    });
  }

  private title(): void {
    const name = baseName(this.res);
    this.panel.title = this.isLocked ? `[Facsimile] ${name}` : `Facsimile ${name}`;
  }

  private async refresh(): Promise<void> {
    const seq = ++this.sequence;
    const uri = this.res.toString();
    this.title();
    let result: FacsimileResult;
    try {
      await workspace.openTextDocument(this.res);
      if (!(await whenStarted(this.host.client))) {
        throw new Error('the Emend language server is not running. Run “Emend: Restart Language Server”.');
      }
      result = await this.host.client.sendRequest(FacsimileRequest, { uri });
    } catch (e) {
      if (seq === this.sequence)
        this.post({
          type: 'error',
          message: `The facsimile could not be shown: ${e instanceof Error ? e.message : String(e)}`,
        });
      return;
    }
    if (seq !== this.sequence || this.isDisposed) return;
    const folders = new Map<string, Uri>();
    for (const p of result.pages) {
      if (p.location && !p.location.startsWith('https:')) {
        const dir = Uri.joinPath(Uri.parse(p.location), '..');
        folders.set(dir.toString(), dir);
      }
    }
    const rootsBefore = this.roots;
    this.setRoots([...folders.values()]);
    if (this.roots !== rootsBefore) return; // the page reloads and says 'ready', which asks again
    const webview = this.panel.webview;
    const pages: ViewerPage[] = result.pages.map((p) => ({
      image: p.image,
      src: !p.location
        ? null
        : p.location.startsWith('https:')
          ? p.location
          : webview.asWebviewUri(Uri.parse(p.location)).toString(),
      format: p.format,
      width: p.width,
      height: p.height,
    }));
    this.post({
      type: 'show',
      uri,
      name: baseName(this.res),
      version: result.version,
      pages,
      words: result.words,
      hasLayout: result.hasLayout,
      errors: result.errors,
      locked: this.isLocked,
    });
    const offset = this.host.cursorOffset(this.res);
    if (offset !== undefined) this.post({ type: 'cursor', uri, offset });
    if (this.drawPending) {
      this.drawPending = false;
      this.post({ type: 'drawMode' });
    }
  }

  /** Takes the focus with draw mode on and a box placed, once the page is shown (a new panel's webview is not yet). */
  startDrawing(): void {
    this.drawPending = true;
    this.panel.reveal(this.panel.viewColumn, false);
    this.update(true);
  }

  private async onMessage(m: FromFacsimile): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.update(true);
        return;
      case 'toggleLock':
        this.host.toggleLock(this);
        return;
      case 'selectWord':
        if (m.uri === this.res.toString()) await this.host.selectWord(this.res, m.start, m.end);
        return;
      case 'shown':
        this.lastShownMs = m.ms;
        return;
      case 'draw': {
        if (m.uri !== this.res.toString()) return;
        // The webview waits for this answer before it takes another box: it always gets one.
        const r = await this.host.drawBox(this, m.page, m.box).catch((e: unknown) => ({
          ok: false,
          message: `The box was not recorded: ${e instanceof Error ? e.message : String(e)}`,
        }));
        this.post({ type: 'drawn', ok: r.ok, message: r.message });
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
