// The extension's one bundle (dist/extension.js), named by both the manifest's `main` and its `browser`: VS Code
// loads it in a Node extension host (the desktop, a remote) or in its web worker extension host (vscode.dev,
// github.dev), and it goes on with the entry for the host it finds itself in. Each entry is imported only when it is
// chosen, so the Node entry's modules (child processes, sockets) are never evaluated in a browser. One bundle for
// both hosts ships their shared code (the language client, the commands, the views) once in the .vsix.
import type { ExtensionContext } from 'vscode';
import type { EmendApi } from './markdown/markdown-api';

export { deactivate } from './activation';

/** A web worker has WorkerGlobalScope; Node has none. */
const inWebWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function';

export async function activate(context: ExtensionContext): Promise<EmendApi> {
  const entry = inWebWorker ? await import('./extension.browser.js') : await import('./extension.js');
  return entry.activate(context);
}
