// The desktop language server's entry (dist/server.js): the LSP connection over Node's IPC or stdio (chosen by the
// command line VS Code or another client starts it with), and Node's file system for file: URIs. Everything else
// is lsp/start-server.ts, which a web worker entry shares.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from './host/node';
import { CONNECTION_OPTIONS } from './lsp/connection-options';
import { startServer } from './lsp/start-server';

startServer(createConnection(ProposedFeatures.all, CONNECTION_OPTIONS), nodeFiles);
