// What the command line writes, and what it never writes over (README, "What emend writes"):
//   - never a file the command reads: one of its inputs, a transcription's witness, or any file a transcription's
//     header names (witness, facsimile, layout), not even with --force;
//   - an existing file only when this command wrote it from the same input and nobody changed it since, unless told
//     to (--force). What emend wrote is recorded in `.emend-outputs.json` in the folder it wrote to: for each file,
//     the input it came from and a hash of what was written.
// Files are written whole to a temporary name and renamed, so an error never leaves half a file; folders are
// created one level at a time, so a folder that cannot be made is one clear error at once (a recursive mkdir under
// /proc retries for minutes).
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { headerValue, parseHeader, witnessPath } from '../core/index';
import { describeError } from './inputs';

export const OUTPUTS_FILE = '.emend-outputs.json';

interface Written {
  /** The input the file was made from, relative to the file's folder; `-` for standard input. */
  from: string;
  /** SHA-256 of what was written, to tell whether the file changed since. */
  sha256: string;
}

interface OutputsRecord {
  version: 1;
  /** By file name, in this folder. */
  files: Record<string, Written>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The ways one path is known: its absolute path, its real path, and its file identity (for hard links). */
async function identities(path: string): Promise<string[]> {
  const out = [resolve(path)];
  try {
    out.push(await realpath(path));
    const s = await stat(path);
    out.push(`inode:${s.dev}:${s.ino}`);
  } catch {
    /* not there (yet): its path is enough */
  }
  return out;
}

export class Outputs {
  /** Identity of each protected file → why it is protected. */
  private readonly protectedFiles = new Map<string, string>();
  /** The records read so far, by folder. */
  private readonly records = new Map<string, OutputsRecord>();

  /**
   * `force`: replace existing files that emend did not write from the same input (never protected ones). Paths
   * in messages are shown relative to `cwd` when they are below it.
   */
  constructor(
    private readonly force: boolean,
    private readonly cwd: string,
  ) {}

  private show(path: string): string {
    const r = relative(this.cwd, path);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r : path;
  }

  /** A file the command reads, never to be written; `why` completes "PATH is …" ("one of the inputs"). */
  async protect(path: string, why: string): Promise<void> {
    for (const key of await identities(path)) if (!this.protectedFiles.has(key)) this.protectedFiles.set(key, why);
  }

  /**
   * Writes `text` to `target`, made from the input `from` (an absolute path; null for standard input). Returns null
   * when written, or why not, as one line.
   */
  async write(target: string, text: string, from: string | null): Promise<string | null> {
    const folder = dirname(target);
    const name = basename(target);
    const shown = this.show(target);
    if (name === OUTPUTS_FILE) return `${shown} is where emend records what it wrote; not written`;
    for (const key of await identities(target)) {
      const why = this.protectedFiles.get(key);
      if (why) return `${shown} is ${why}; emend never writes over a file it reads`;
    }
    const record = await this.record(folder);
    const source = from === null ? '-' : relative(folder, from) || basename(from);
    let existing: string | null = null;
    try {
      existing = await readFile(target, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return `${shown}: cannot write: ${describeError(e)}`;
    }
    if (existing !== null && !this.force) {
      const mine = record.files[name];
      if (!mine || mine.from !== source || source === '-')
        return `${shown} exists and emend did not write it from this input; not replaced (use --force to replace it)`;
      if (mine.sha256 !== sha256(existing))
        return `${shown} was changed since emend wrote it; not replaced (use --force to replace it)`;
    }
    const made = await makeFolder(folder);
    if (made) return made;
    const temporary = join(folder, `.${name}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, text, { flag: 'wx' });
      await rename(temporary, target);
    } catch (e) {
      await rm(temporary, { force: true });
      return `${shown}: cannot write: ${describeError(e)}`;
    }
    record.files[name] = { from: source, sha256: sha256(text) };
    return this.save(folder, record);
  }

  private async record(folder: string): Promise<OutputsRecord> {
    let r = this.records.get(folder);
    if (!r) {
      r = { version: 1, files: {} };
      try {
        const data = JSON.parse(await readFile(join(folder, OUTPUTS_FILE), 'utf8')) as Partial<OutputsRecord>;
        if (data && typeof data.files === 'object' && data.files !== null) r.files = data.files;
      } catch {
        /* none yet, or unreadable: nothing in this folder counts as emend's */
      }
      this.records.set(folder, r);
    }
    return r;
  }

  private async save(folder: string, record: OutputsRecord): Promise<string | null> {
    const path = join(folder, OUTPUTS_FILE);
    const temporary = join(folder, `.${OUTPUTS_FILE}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, JSON.stringify(record, null, 2) + '\n', { flag: 'wx' });
      await rename(temporary, path);
      return null;
    } catch (e) {
      await rm(temporary, { force: true });
      return `${path}: cannot record what was written: ${describeError(e)}`;
    }
  }
}

/**
 * Makes `folder` and the missing folders above it, one level at a time. Returns null, or why not as one line. Call
 * it once for an output folder before any work, so that a folder that cannot be made fails the run at once.
 */
export async function makeFolder(folder: string): Promise<string | null> {
  const missing: string[] = [];
  let dir = resolve(folder);
  for (;;) {
    try {
      const s = await stat(dir);
      if (!s.isDirectory()) return `cannot make the folder ${folder}: ${dir} is not a folder`;
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return `cannot make the folder ${folder}: ${describeError(e)}`;
      missing.push(dir);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return `cannot make the folder ${folder}: ${describeError(e)}`;
    }
  }
  return null;
}

/** The header keys whose values name files a transcription is read with. */
export const HEADER_FILE_KEYS = ['witness', 'facsimile', 'layout'] as const;

/** Protects a transcription read from `path` (shown as `name`) and every file its header names. */
export async function protectTranscription(outputs: Outputs, path: string, name: string, text: string): Promise<void> {
  await outputs.protect(path, 'one of the inputs');
  const { header } = parseHeader(text, []);
  for (const key of HEADER_FILE_KEYS) {
    const field = headerValue(header, key);
    const file = field ? witnessPath(field.value) : '';
    if (file) await outputs.protect(resolve(dirname(path), file), `named in the header of ${name} (${key}:)`);
  }
}
