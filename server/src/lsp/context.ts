// What every LSP feature module gets: the connection, the open documents and their cached analyses, the host's
// files, and the services features share (settings, witnesses, diagnostics), each created once here and typed.
// Feature modules (lsp/<feature>.ts) translate between LSP and the pure core; they hold no markup logic.
import {
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/index';
import type { Files, Host } from '../host/files';
import { ClientWatcher } from './client-watcher';
import { Diagnostics } from './diagnostics';
import { AnalysisCache } from './documents';
import { Settings } from './settings';
import { Typing } from './typing';
import { Witnesses } from './witness';
import { CollationChangedNotification, ProjectFileChangedNotification, WatchWitnessesNotification } from '../protocol';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the open document's current version, or undefined for an unknown URI. */
  analysis(uri: string): Analysis | undefined;
  /** What the client announced in `initialize` (empty before). */
  clientCapabilities(): ClientCapabilities;
  /** The URI of the folder holding the user documentation (diagnostics.md), for links; null if unknown. */
  documentation(): string | null;
  /** Files outside the open documents (project files, witnesses), and news of their changes. */
  host: Host;
  /** The severities and TEI settings of a document, and its project file. */
  settings: Settings;
  /** Each transcription's witness and its collation. */
  witnesses: Witnesses;
  /** Where each transcription's cursors are and when it was last edited: what diagnostics hold back while typing. */
  typing: Typing;
  /** Each document's problems; refreshing them when settings or a witness change. */
  diagnostics: Diagnostics;
  /**
   * Restricted Mode (an untrusted workspace): the workspace folders outside which `host` reads nothing; nothing is
   * fetched from the web either. Null in a trusted workspace.
   */
  restrictedTo(): readonly string[] | null;
}

/** A feature: registers its handlers and capabilities. */
export interface Feature {
  /** Capabilities this feature adds to the `initialize` result. */
  capabilities?: Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
  /** Called once the client has sent `initialized` (dynamic registrations go here). */
  initialized?(ctx: ServerContext): void;
}

/** The context, and what the server's start-up must tell it. */
export interface ContextControl {
  ctx: ServerContext;
  /** The client's `initialize` capabilities, and where the documentation is. */
  initialize(capabilities: ClientCapabilities, documentation: string | null): void;
  /** The client sent `initialized`. */
  initialized(): void;
}

/**
 * Creates the context: every service, wired to the others explicitly. `files` reads what the server reads (already
 * limited to `restrictedTo`'s folders, if any).
 */
export function createServerContext(
  connection: Connection,
  files: Files,
  restrictedTo: () => readonly string[] | null = () => null,
): ContextControl {
  let capabilities: ClientCapabilities = {};
  let docs: string | null = null;
  const clientCapabilities = () => capabilities;
  const documentation = () => docs;
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache(documents);
  const analysis = (uri: string) => analyses.get(uri);
  const watcher = new ClientWatcher(connection, clientCapabilities);
  const host: Host = {
    stat: (uri) => files.stat(uri),
    readFile: (uri) => files.readFile(uri),
    watch: (target, onChange) => watcher.watch(target, onChange),
  };
  // Settings and witnesses tell diagnostics when they change; diagnostics reads both. Created in that order, the
  // callbacks reach `diagnostics` only once everything exists.
  const settings = new Settings(connection, host, clientCapabilities, (project) => {
    diagnostics.refresh();
    // The client re-renders its views when its own settings change; a `.emend.json` it learns of from here.
    if (project) void connection.sendNotification(ProjectFileChangedNotification, {});
  });
  const witnesses = new Witnesses(documents, host, {
    change: (transcriptions) => {
      diagnostics.refresh();
      void connection.sendNotification(CollationChangedNotification, { uris: transcriptions });
    },
    watched: (uris) => void connection.sendNotification(WatchWitnessesNotification, { uris }),
  });
  const typing = new Typing(() => diagnostics.refresh());
  const diagnostics = new Diagnostics(
    connection,
    documents,
    analysis,
    clientCapabilities,
    documentation,
    settings,
    witnesses,
    typing,
  );
  return {
    ctx: {
      connection,
      documents,
      analysis,
      clientCapabilities,
      documentation,
      host,
      settings,
      witnesses,
      diagnostics,
      typing,
      restrictedTo,
    },
    initialize: (c, d) => {
      capabilities = c;
      docs = d;
    },
    initialized: () => watcher.initialized(),
  };
}
