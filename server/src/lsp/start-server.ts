// The language server, whatever carries it: server.ts starts it over Node's IPC or stdio with Node's files; a web
// worker can start it with the same features, reading every file through the client. It keeps the open documents,
// and hands each request to a feature module (lsp/<feature>.ts), which looks the document's analysis up and
// delegates to the pure core.
import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { Files } from '../host/files';
import { restrictedFiles } from '../host/restricted-files';
import type { InitializationOptions } from '../protocol';
import { clientFiles, filesByScheme } from './client-files';
import { createServerContext, type Feature } from './context';
import { diagnostics } from './diagnostics';
import { settings } from './settings';
import { codeActions } from './code-actions';
import { hover } from './hover';
import { readings } from './readings';
import { revisionRequests } from './revisions';
import { toggleMarkRequest } from './toggle-mark';
import { editorialCommandRequests } from './editorial-commands';
import { documentOutline } from './outline';
import { render } from './render';
import { previewPlace } from './preview-place';
import { witness } from './witness';
import { findings } from './findings';
import { typing } from './typing';
import { tei } from './tei';
import { facsimile } from './facsimile';
import { facsimileDraw } from './facsimile-draw';

/** Every feature of the server. Adding one is adding a module and a line here (one entry per line). */
export const FEATURES: Feature[] = [
  diagnostics,
  settings,
  codeActions,
  hover,
  readings,
  revisionRequests,
  toggleMarkRequest,
  editorialCommandRequests,
  documentOutline,
  render,
  previewPlace,
  witness,
  findings,
  typing,
  tei,
  facsimile,
  facsimileDraw,
];

/** The features' capabilities, merged once. Two features claiming one capability is a wiring mistake: the second
 * would silently replace the first (as a second handler for one request does), so it stops the server at start. */
function serverCapabilities(features: Feature[]): ServerCapabilities {
  const merged: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const f of features) {
    for (const [key, value] of Object.entries(f.capabilities ?? {})) {
      if (key in merged) throw new Error(`emend: two server features declare the capability ${key}`);
      (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/**
 * Starts the server on `connection`. `localFiles` reads file: URIs (Node's file system on the desktop; null in a
 * web worker); every other URI is read through the client, when it said it can (InitializationOptions).
 * `documentation` is where the docs folder is, as far as the entry knows (the client's word wins).
 */
export function startServer(connection: Connection, localFiles: Files | null, documentation: string | null): void {
  let clientServesFiles = false;
  let restrictedTo: readonly string[] | null = null;
  const files = restrictedFiles(
    filesByScheme(
      localFiles,
      clientFiles(connection, () => clientServesFiles),
    ),
    () => restrictedTo,
  );
  const { ctx, initialize, initialized } = createServerContext(connection, files, () => restrictedTo);
  const capabilities = serverCapabilities(FEATURES);
  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    clientServesFiles = options.fileAccess === true;
    restrictedTo = Array.isArray(options.restrictedTo)
      ? options.restrictedTo.filter((f): f is string => typeof f === 'string')
      : null;
    initialize(
      params.capabilities ?? {},
      typeof options.documentation === 'string' ? options.documentation : documentation,
    );
    return { capabilities, serverInfo: { name: 'emend' } };
  });
  for (const f of FEATURES) f.register(ctx);
  connection.onInitialized(() => {
    initialized();
    for (const f of FEATURES) f.initialized?.(ctx);
  });
  ctx.documents.listen(connection);
  connection.listen();
}
