// Finding the project file `.emend.json` that applies to a transcription: the nearest one in the file's own
// directory or one of its ancestors (the editor applies the same rule). Parsing and validation are core/config.ts.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseProjectConfig, PROJECT_FILE, type ProjectConfig } from '../core/index';
import { decodeText, describeError } from './inputs';

export interface LoadedProject {
  /** The project file's path, or null when no project file applies (defaults). */
  path: string | null;
  config: ProjectConfig;
  /** One line each, prefixed with the project file's path. */
  errors: string[];
}

const DEFAULTS: LoadedProject = { path: null, config: { severity: {} }, errors: [] };

/** Reads and validates one project file. An unreadable or invalid file gives errors (and what could be understood). */
export function loadProjectFile(path: string): LoadedProject {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { path, config: { severity: {} }, errors: [`${path}: ${describeError(e)}`] };
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) return { path, config: { severity: {} }, errors: [`${path}: ${decoded.error}`] };
  const { config, errors } = parseProjectConfig(decoded.text);
  const prefix = `${PROJECT_FILE}: `;
  return { path, config, errors: errors.map((m) => `${path}: ${m.startsWith(prefix) ? m.slice(prefix.length) : m}`) };
}

/** Looks project files up by directory, reading each directory at most once per run. */
export class ProjectFiles {
  private readonly byDirectory = new Map<string, LoadedProject>();

  /** The project that applies to files in `directory` (an absolute path). */
  forDirectory(directory: string): LoadedProject {
    const visited: string[] = [];
    let dir = directory;
    let found: LoadedProject = DEFAULTS;
    for (;;) {
      const cached = this.byDirectory.get(dir);
      if (cached) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = join(dir, PROJECT_FILE);
      const loaded = exists(candidate) ? loadProjectFile(candidate) : null;
      if (loaded) {
        found = loaded;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDirectory.set(d, found);
    return found;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (e) {
    // A project file that exists but cannot be read is reported by loadProjectFile, not skipped.
    const code = (e as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
