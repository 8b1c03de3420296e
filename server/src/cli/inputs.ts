// The files a command works on: expanding arguments (`-` for standard input, a directory for every `*.emend`
// below it) and reading each one as UTF-8 text, with one-line errors for what cannot be read. Shared by every
// command that takes FILE... (render, check, and later collate, import, export).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type { CliIO } from './command';

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
  let bytes: Buffer;
  if (input.path === null) {
    try {
      bytes = await io.readStdin();
    } catch (e) {
      return { ok: false, error: `-: cannot read standard input: ${describeError(e)}` };
    }
  } else {
    try {
      const size = statSync(input.path).size;
      if (size > MAX_INPUT_BYTES) {
        return { ok: false, error: `${input.name}: too large (${mb(size)}; the limit is ${mb(MAX_INPUT_BYTES)})` };
      }
      bytes = readFileSync(input.path);
    } catch (e) {
      return { ok: false, error: `${input.name}: ${describeError(e)}` };
    }
  }
  const decoded = decodeText(bytes);
  return 'text' in decoded ? { ok: true, text: decoded.text } : { ok: false, error: `${input.name}: ${decoded.error}` };
}

/** Decodes UTF-8, refusing binary content and invalid UTF-8 with a reason. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length > MAX_INPUT_BYTES)
    return { error: `too large (${mb(bytes.length)}; the limit is ${mb(MAX_INPUT_BYTES)})` };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { error: 'is UTF-16 text; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: `is a binary file (a NUL byte at byte ${nul}), not a transcription` };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let k = 0; k < bad; k++) if (bytes[k] === 10) line++;
    return { error: `is not valid UTF-8 (line ${line}, byte ${bad}); save it as UTF-8` };
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number,
      min: number,
      max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c === 0xe0) {
      need = 2;
      min = 0xa0;
    } else if (c === 0xed) {
      need = 2;
      min = 0x80;
      max = 0x9f;
    } else if (c >= 0xe1 && c <= 0xef) {
      need = 2;
      min = 0x80;
    } else if (c === 0xf0) {
      need = 3;
      min = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) {
      need = 3;
      min = 0x80;
    } else if (c === 0xf4) {
      need = 3;
      min = 0x80;
      max = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated sequence at the end
    const second = b[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const cont = b[i + k]!;
      if (cont < 0x80 || cont > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
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
