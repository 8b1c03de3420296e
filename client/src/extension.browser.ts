// The extension's browser entry (chosen by main.ts when VS Code runs dist/extension.js in its web worker extension
// host: vscode.dev, github.dev): the language server runs in a web worker of its own (dist/server.js,
// server/src/server.browser.ts) and reads every file through this client (workspace.fs; client/src/server/
// file-access.ts). Everything else is activation.ts, shared with the Node entry (extension.ts).
import { Uri, type ExtensionContext } from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import type { EmendApi } from './markdown/markdown-api';
import { activateWith, clientOptions } from './activation';

export { deactivate } from './activation';

/**
 * The server's script as a `blob:` URL. The extension host's `fetch` reads the extension's own files wherever they
 * are served from (vscode.dev's CDN, or a remote server as in code-server), but its `Worker` refuses a remote
 * extension's URL; a worker started from the fetched script runs the same code everywhere.
 */
async function serverScript(context: ExtensionContext): Promise<string> {
  const location = Uri.joinPath(context.extensionUri, 'dist', 'server.js');
  const response = await fetch(location.toString(true));
  if (!response.ok) throw new Error(`the language server's script could not be loaded (${response.status})`);
  const script = new Blob([await response.arrayBuffer()], { type: 'text/javascript' });
  return URL.createObjectURL(script);
}

export function activate(context: ExtensionContext): Promise<EmendApi> {
  let script: Promise<string> | undefined;
  let worker: Worker | undefined;
  // A function, so that Restart Language Server starts a fresh worker (and ends the old one: a worker outlives
  // its connection's `exit`, having no process to end). It returns the transports itself: the library tells a
  // worker by `instanceof Worker`, which the extension host's wrapped Worker fails.
  const serverOptions = async (): Promise<MessageTransports> => {
    worker?.terminate();
    script ??= serverScript(context).catch((e: unknown) => {
      script = undefined;
      throw e;
    });
    worker = new Worker(await script, { name: 'Emend language server' });
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  context.subscriptions.push({
    dispose: () => {
      worker?.terminate();
      void script?.then((url) => URL.revokeObjectURL(url));
    },
  });
  return activateWith(context, new LanguageClient('emend', 'Emend', serverOptions, clientOptions(context)));
}
