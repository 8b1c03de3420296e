// Reading a text file through the host: what is there is checked before it is read (a folder, a device, a file too
// large), then decoded (text.ts). Every loader (transcriptions on the command line, the project file, the witness)
// reads this way, so the same trouble gets the same words, whichever loader and whichever host.
import { FileError, type FileStat, type Files } from './files';
import { decodeUtf8 } from './text';

export type ReadFailure =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'unreadable'; reason: string }
  /** The bytes are not UTF-8 text; `reason` says why and where (text.ts). */
  | { kind: 'not-text'; reason: string };

export type TextRead = { ok: true; text: string; stat: FileStat } | ({ ok: false } & ReadFailure);

export interface ReadOptions {
  /** Read what is neither a file nor a folder too (a pipe named on the command line, as `<(cmd)` gives). */
  special?: boolean;
}

/** Reads `uri` as UTF-8 text, or says why not. Never rejects. */
export async function readText(files: Files, uri: string, limit: number, options: ReadOptions = {}): Promise<TextRead> {
  let stat: FileStat | null;
  try {
    stat = await files.stat(uri);
  } catch (e) {
    return failure(e);
  }
  if (!stat) return { ok: false, kind: 'missing' };
  if (stat.type === 'directory') return { ok: false, kind: 'directory' };
  if (stat.type === 'other' && !options.special) return { ok: false, kind: 'not-a-file' };
  if (stat.size > limit) return { ok: false, kind: 'too-large', size: stat.size, limit };
  let bytes: Uint8Array;
  try {
    bytes = await files.readFile(uri);
  } catch (e) {
    return failure(e);
  }
  // The file may have grown between the two calls.
  if (bytes.length > limit) return { ok: false, kind: 'too-large', size: bytes.length, limit };
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return { ok: false, kind: 'not-text', reason: decoded.error };
  return { ok: true, text: decoded.text, stat };
}

function failure(e: unknown): { ok: false } & ReadFailure {
  if (e instanceof FileError) {
    if (e.kind === 'not-found') return { ok: false, kind: 'missing' };
    if (e.kind === 'is-a-directory') return { ok: false, kind: 'directory' };
    return { ok: false, kind: 'unreadable', reason: e.message };
  }
  return { ok: false, kind: 'unreadable', reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
}

/** A size for people: `1.5 MB`, `17 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * The failure as a phrase after the file's name ("letter.txt is a folder, not a file"), shared by the loaders that
 * speak in sentences (the project file, the witness). `missing` is left to the caller, who knows where it looked.
 */
export function describeFailure(f: Exclude<ReadFailure, { kind: 'missing' }>): string {
  switch (f.kind) {
    case 'directory':
      return 'is a folder, not a file';
    case 'not-a-file':
      return 'is not a regular file';
    case 'too-large':
      return `is too large (${megabytes(f.size)}; the limit is ${megabytes(f.limit)})`;
    case 'unreadable':
      return `cannot be read: ${f.reason}`;
    case 'not-text':
      return f.reason;
  }
}
