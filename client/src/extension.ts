// The extension: starts the language server, registers commands, hosts the preview. No markup logic lives here:
// everything that needs the markup's meaning asks the server (custom requests in server/src/protocol.ts).
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerPreview } from './preview/index';
import { markdownApi, type EmendApi } from './markdown/markdown-api';
import { compareWithWitness } from './collate/compare-with-witness';
import { syncWitnesses } from './collate/witness-sync';
import { registerServerCommands } from './server/server-commands';
import { initializationOptions, registerFileAccess } from './server/file-access';
import { registerMarkCommands } from './editing/mark-commands';
import { registerRevisionCommands } from './navigation/revision-commands';
import { registerReadingDocuments } from './readings/reading-documents';
import { registerStatusBar } from './status/status-bar';
import { registerTeiCommands } from './tei/tei-commands';
import { registerProblemHelp } from './help/problem-help';
import { registerFindingsView } from './collate/findings-view';
import { registerFacsimile } from './facsimile/facsimile-manager';

let client: LanguageClient | undefined;

/** Parts of the extension that register commands and views once the client exists. One line each. */
const PARTS: Array<(context: ExtensionContext, client: LanguageClient) => void> = [
  registerServerCommands,
  registerFileAccess,
  registerMarkCommands,
  registerRevisionCommands,
  registerReadingDocuments,
  registerStatusBar,
  registerPreview,
  compareWithWitness,
  syncWitnesses,
  registerTeiCommands,
  registerProblemHelp,
  registerFindingsView,
  registerFacsimile,
];

export async function activate(context: ExtensionContext): Promise<EmendApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'emend' }],
    initializationOptions: initializationOptions(context),
  };
  client = new LanguageClient('emend', 'Emend', serverOptions, clientOptions);
  for (const part of PARTS) part(context, client);
  await client.start();
  return markdownApi;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
