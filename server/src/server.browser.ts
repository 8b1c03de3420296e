// The language server's web worker entry (chosen by main.ts in dist/server.js, which client/src/extension.browser.ts
// starts as a worker): the LSP connection over the worker's messages, and no file system of its own, so every file
// (a witness, a `.emend.json`, a facsimile's images and layouts) is read through the client's workspace.fs.
// Everything else is lsp/start-server.ts, shared with the Node entry (server.ts).
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { CONNECTION_OPTIONS } from './lsp/connection-options';
import { startServer } from './lsp/start-server';

/** The worker's global scope, as far as the connection needs it (WebWorker library types are not in this build). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(self),
  new BrowserMessageWriter(self),
  CONNECTION_OPTIONS,
);
// The docs' location comes from the client (InitializationOptions.documentation): a worker knows no folder.
startServer(connection, null, null);
