// What the extension's two entries share: extension.ts (Node: VS Code on the desktop and remote) and
// extension.browser.ts (a web worker: vscode.dev, github.dev) differ only in how the language server is started.
// Both make their LanguageClient and hand it here, which registers every part and starts it. No part uses Node:
// files go through workspace.fs, names through uri-paths.ts, so one source serves both.
import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerPreview } from './preview/index';
import { markdownApi, type EmendApi } from './markdown/markdown-api';
import { compareWithWitness } from './collate/compare-with-witness';
import { syncWitnesses } from './collate/witness-sync';
import { registerServerCommands, registerWorkspaceTrust } from './server/server-commands';
import { initializationOptions, registerFileAccess } from './server/file-access';
import { registerMarkCommands } from './editing/mark-commands';
import { registerPageAndPlacementCommands } from './editing/page-and-placement-commands';
import { registerRevisionCommands } from './navigation/revision-commands';
import { registerEditorialMarkNavigation } from './navigation/editorial-mark-commands';
import { registerReadingDocuments } from './readings/reading-documents';
import { registerStatusBar } from './status/status-bar';
import { registerTeiCommands } from './tei/tei-commands';
import { registerProblemHelp } from './help/problem-help';
import { registerFindingsView } from './collate/findings-view';
import { syncCursors } from './typing/cursor-sync';
import { registerFacsimile } from './facsimile/facsimile-manager';

/** Parts of the extension that register commands and views once the client exists. One line each. */
const PARTS: Array<(context: ExtensionContext, client: BaseLanguageClient) => void> = [
  registerServerCommands,
  registerWorkspaceTrust,
  registerFileAccess,
  registerMarkCommands,
  registerPageAndPlacementCommands,
  registerRevisionCommands,
  registerEditorialMarkNavigation,
  registerReadingDocuments,
  registerStatusBar,
  registerPreview,
  compareWithWitness,
  syncWitnesses,
  registerTeiCommands,
  registerProblemHelp,
  registerFindingsView,
  syncCursors,
  registerFacsimile,
];

/** The language client's options, the same wherever the server runs. */
export function clientOptions(context: ExtensionContext): LanguageClientOptions {
  return { documentSelector: [{ language: 'emend' }], initializationOptions: () => initializationOptions(context) };
}

let client: BaseLanguageClient | undefined;

/** Registers every part on `languageClient` and starts it; returns what `activate` returns. */
export async function activateWith(context: ExtensionContext, languageClient: BaseLanguageClient): Promise<EmendApi> {
  client = languageClient;
  for (const part of PARTS) part(context, client);
  await client.start();
  return markdownApi;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
