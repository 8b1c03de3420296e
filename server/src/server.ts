// The desktop language server's entry (chosen by main.ts in dist/server.js): the LSP connection over Node's IPC or stdio (chosen by the
// command line VS Code or another client starts it with), and Node's file system for file: URIs. Everything else
// is lsp/start-server.ts, which a web worker entry shares.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { join } from 'node:path';
import { nodeFiles } from './host/node';
import { fileUri } from './host/uris';
import { CONNECTION_OPTIONS } from './lsp/connection-options';
import { startServer } from './lsp/start-server';

// dist/server.js sits in the extension's dist/ folder, beside docs/ (as server.js does in the repository's dist/).
const documentation = fileUri(join(__dirname, '..', 'docs'));

startServer(createConnection(ProposedFeatures.all, CONNECTION_OPTIONS), nodeFiles, documentation);
