// The host: everything Emend reads from outside the core, behind one small interface (in the spirit of
// vscode-markdown-languageservice's IWorkspace). The core never reads files; the server and the command line hand
// it text they got from a Files implementation:
//   - node.ts: Node's file system (the command line; the server for file: URIs);
//   - memory.ts: an in-memory tree, for tests;
//   - lsp/client-files.ts: the editor's own file system (VS Code's workspace.fs), asked over LSP, for other schemes
//     (virtual file systems, and the whole of the browser version).
// Locations are URI strings everywhere (uris.ts converts); every operation is asynchronous, so an implementation may
// ask another process and no request waits on a synchronous read.

/** What is at a URI. */
export interface FileStat {
  /** `other`: a device, socket or pipe: neither a file nor a folder. */
  type: 'file' | 'directory' | 'other';
  /** In bytes (files). */
  size: number;
  /** Last modification, in milliseconds since 1970: with `size`, tells a changed file from an unchanged one. */
  mtime: number;
}

export type FileErrorKind = 'not-found' | 'permission-denied' | 'is-a-directory' | 'unavailable';

/** Why a file could not be read, the same whichever implementation failed. `message` is one short phrase. */
export class FileError extends Error {
  constructor(
    readonly kind: FileErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface Files {
  /** What is at `uri`, or null when nothing is there. Rejects with a FileError only when it cannot tell. */
  stat(uri: string): Promise<FileStat | null>;
  /** The file's bytes. Rejects with a FileError. */
  readFile(uri: string): Promise<Uint8Array>;
}

/** What to watch: one file (by URI), or every file of a name anywhere in the workspace (such as `.emend.json`). */
export type WatchTarget = { uri: string } | { fileName: string };

export interface Disposable {
  dispose(): void;
}

/** Files, and news of their changes: what the language server needs (the command line runs once and needs none). */
export interface Host extends Files {
  /** Calls `onChange` with the URI of a file matching `target` that was created, changed or deleted. */
  watch(target: WatchTarget, onChange: (uri: string) => void): Disposable;
}
