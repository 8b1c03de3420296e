// The extension's Node entry (chosen by main.ts when VS Code runs dist/extension.js in a Node extension host: the
// desktop, a remote): the language server runs as a Node process (dist/server.js) over IPC. Everything else is
// activation.ts, shared with the browser entry (extension.browser.ts). No markup logic lives in the client:
// everything that needs the markup's meaning asks the server (custom requests in server/src/protocol.ts).
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { EmendApi } from './markdown/markdown-api';
import { activateWith, clientOptions } from './activation';

export { deactivate } from './activation';

export function activate(context: ExtensionContext): Promise<EmendApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateWith(context, new LanguageClient('emend', 'Emend', serverOptions, clientOptions(context)));
}
