// What every LSP feature module gets: the connection, the open documents, and their cached analyses.
// Feature modules (lsp/<feature>.ts) translate between LSP and the pure core; they hold no markup logic.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/index';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the open document's current version, or undefined for an unknown URI. */
  analysis(uri: string): Analysis | undefined;
  /** What the client announced in `initialize`. */
  clientCapabilities(): import('vscode-languageserver/node').ClientCapabilities;
  /**
   * Listens to `workspace/didChangeWatchedFiles`. The connection keeps one handler per notification, so features
   * must listen here rather than call `connection.onDidChangeWatchedFiles` (which would silence the others).
   */
  onDidChangeWatchedFiles(
    listener: (params: import('vscode-languageserver/node').DidChangeWatchedFilesParams) => void,
  ): void;
}

/** A feature: registers its handlers and capabilities. */
export interface Feature {
  /** Capabilities this feature adds to the `initialize` result. */
  capabilities?: Partial<import('vscode-languageserver/node').ServerCapabilities>;
  register(ctx: ServerContext): void;
  /** Called once the client has sent `initialized` (dynamic registrations go here). */
  initialized?(ctx: ServerContext): void;
}
