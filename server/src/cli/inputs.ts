// The files a command works on: expanding arguments (`-` for standard input, a directory for every `*.emend`
// below it) and reading each one as UTF-8 text, with one-line errors for what cannot be read. Shared by every
// command that takes FILE... (render, check, and later collate, import, export).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type { CliIO } from './command';
import { nodeFiles } from '../host/node';
import { describeFailure, readText } from '../host/read-text';
import { decodeUtf8 } from '../host/text';
import { fileUri } from '../host/uris';

/** The extension a directory is searched for. */
export const EMEND_EXTENSION = '.emend';

/** Larger inputs are refused with a message rather than exhausting memory (JS strings stop near 512 MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Directories never searched when a directory is given: version control, dependencies. */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export interface Input {
  /** What to call the input in messages: the path as the user wrote it (or below the directory they named), or `-`. */
  name: string;
  /** Absolute path, or null for standard input. */
  path: string | null;
  /** The path below the directory argument it was found in, or the file's base name (`-` for stdin): where
   *  commands that write one output per input (`render --out-dir`) put its output. */
  relative: string;
}

export interface Expansion {
  inputs: Input[];
  /** One line each, without the command prefix: `FILE: no such file or directory`. */
  errors: string[];
}

/** Expands FILE arguments. Directories give their `*.emend` files (sorted, depth first); `-` gives standard input once. */
export function expandInputs(args: readonly string[], io: Pick<CliIO, 'cwd'>): Expansion {
  const inputs: Input[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdin) errors.push('-: standard input can be read only once');
      else inputs.push({ name: '-', path: null, relative: '-' });
      stdin = true;
      continue;
    }
    const path = resolve(io.cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch (e) {
      errors.push(`${arg}: ${describeError(e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(path, found, new Set(), errors, arg);
      if (found.length === 0) errors.push(`${arg}: directory holds no *${EMEND_EXTENSION} files`);
      for (const f of found) {
        if (seen.has(f)) continue;
        seen.add(f);
        inputs.push({ name: displayName(arg, path, f), path: f, relative: relative(path, f) });
      }
    } else if (!seen.has(path)) {
      seen.add(path);
      inputs.push({ name: arg, path, relative: basename(path) });
    }
  }
  return { inputs, errors };
}

function walk(dir: string, out: string[], visited: Set<string>, errors: string[], label: string): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    errors.push(`${label}: ${describeError(e)}`);
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    errors.push(`${label}: ${describeError(e)}`);
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let stat;
    try {
      stat = statSync(p);
    } catch {
      continue; // a dangling link: not a transcription
    }
    if (stat.isDirectory()) {
      if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue;
      walk(p, out, visited, errors, join(label, name));
    } else if (stat.isFile() && name.endsWith(EMEND_EXTENSION)) {
      out.push(p);
    }
  }
}

function displayName(arg: string, dirPath: string, file: string): string {
  const rel = relative(dirPath, file);
  return isAbsolute(arg) ? file : join(arg, rel);
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** Reads an input as UTF-8 text (a leading byte-order mark is dropped). Binary or non-UTF-8 content is an error. */
export async function readInput(input: Input, io: Pick<CliIO, 'readStdin'>): Promise<ReadResult> {
  if (input.path === null) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readStdin();
    } catch (e) {
      return { ok: false, error: `-: cannot read standard input: ${describeError(e)}` };
    }
    if (bytes.length > MAX_INPUT_BYTES) return { ok: false, error: `-: ${describeFailure(tooLarge(bytes.length))}` };
    const decoded = decodeUtf8(bytes);
    return 'text' in decoded ? { ok: true, text: decoded.text } : { ok: false, error: `-: ${decoded.error}` };
  }
  const read = await readText(nodeFiles, fileUri(input.path), MAX_INPUT_BYTES, { special: true });
  if (read.ok) return { ok: true, text: read.text };
  // The command line speaks of files as Unix tools do; the rest is worded as every loader words it.
  const why =
    read.kind === 'missing'
      ? 'no such file or directory'
      : read.kind === 'directory'
        ? 'is a directory'
        : read.kind === 'unreadable'
          ? read.reason
          : describeFailure(read);
  return { ok: false, error: `${input.name}: ${why}` };
}

function tooLarge(size: number): { kind: 'too-large'; size: number; limit: number } {
  return { kind: 'too-large', size, limit: MAX_INPUT_BYTES };
}

/** A filesystem error as a short phrase: `no such file or directory`, `permission denied`, ... */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default: {
      const message = e instanceof Error ? e.message : String(e);
      return message.split('\n')[0]!;
    }
  }
}

/** Progress on standard error, only on a terminal and only for runs over many files. */
export class Progress {
  static readonly THRESHOLD = 20;
  private readonly active: boolean;
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly io: Pick<CliIO, 'stderr' | 'stderrIsTTY'>,
    private readonly total: number,
    private readonly verb: string,
  ) {
    this.active = io.stderrIsTTY && total >= Progress.THRESHOLD;
  }

  /** Call before working on the `index`-th input (zero-based). */
  tick(index: number, name: string): void {
    if (!this.active) return;
    const now = Date.now();
    if (index > 0 && index < this.total - 1 && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const shortName = name.length > 60 ? '…' + name.slice(-59) : name;
    this.io.stderr(`\r\x1b[K${this.verb} ${index + 1}/${this.total} ${shortName}`);
    this.shown = true;
  }

  /** Clears the progress line (call before printing anything else on standard error, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}
