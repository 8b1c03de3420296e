// LSP glue: creates the connection, keeps the open documents, and hands each request to a feature module
// (server/src/lsp/*.ts), which looks the document's analysis up and delegates to the pure core.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type DidChangeWatchedFilesParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './lsp/documents';
import { CONNECTION_OPTIONS } from './lsp/connection-options';
import type { Feature, ServerContext } from './lsp/context';
import { diagnostics } from './lsp/diagnostics';
import { settings } from './lsp/settings';
import { codeActions } from './lsp/code-actions';
import { hover } from './lsp/hover';
import { readings } from './lsp/readings';
import { revisionRequests } from './lsp/revisions';
import { toggleMarkRequest } from './lsp/toggle-mark';
import { documentOutline } from './lsp/outline';
import { render } from './lsp/render';
import { witness } from './lsp/witness';
import { tei } from './lsp/tei';
import { facsimile } from './lsp/facsimile';

/** Every feature of the server. Adding one is adding a module and a line here (one entry per line). */
const FEATURES: Feature[] = [
  diagnostics,
  settings,
  codeActions,
  hover,
  readings,
  revisionRequests,
  toggleMarkRequest,
  documentOutline,
  render,
  witness,
  tei,
  facsimile,
];

const connection = createConnection(ProposedFeatures.all, CONNECTION_OPTIONS);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache(documents);
let capabilities: ClientCapabilities = {};
const watchedFileListeners: ((params: DidChangeWatchedFilesParams) => void)[] = [];

const ctx: ServerContext = {
  connection,
  documents,
  analysis: (uri) => cache.get(uri),
  clientCapabilities: () => capabilities,
  onDidChangeWatchedFiles: (listener) => {
    watchedFileListeners.push(listener);
  },
};
connection.onDidChangeWatchedFiles((params) => {
  for (const listener of watchedFileListeners) listener(params);
});

/** The features' capabilities, merged once. Two features claiming one capability is a wiring mistake: the second
 * would silently replace the first (as a second handler for one request does), so it stops the server at start. */
const SERVER_CAPABILITIES: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
for (const f of FEATURES) {
  for (const [key, value] of Object.entries(f.capabilities ?? {})) {
    if (key in SERVER_CAPABILITIES) throw new Error(`emend: two server features declare the capability ${key}`);
    (SERVER_CAPABILITIES as Record<string, unknown>)[key] = value;
  }
}

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'emend' } };
});

for (const f of FEATURES) f.register(ctx);
connection.onInitialized(() => {
  for (const f of FEATURES) f.initialized?.(ctx);
});
documents.listen(connection);
connection.listen();
