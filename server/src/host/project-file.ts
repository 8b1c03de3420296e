// The project file `.emend.json` that applies to a transcription: the nearest one in the transcription's folder or
// a folder above it. One lookup and one set of messages for the editor and `emend check`; the core validates the
// text (core/config.ts).
import { parseProjectConfig, PROJECT_FILE, type ProjectConfig } from '../core/index';
import { FileError, type Files } from './files';
import { describeFailure, readText } from './read-text';
import { childUri, displayLocation, folderAbove } from './uris';

/** Larger project files are reported, not parsed. */
export const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

export interface ProjectFile {
  /** The project file's URI, or null when none applies (the defaults). */
  uri: string | null;
  config: ProjectConfig;
  /** What is wrong with it, one line each, starting with its location; what could be understood still applies. */
  errors: string[];
}

export const NO_PROJECT_FILE: ProjectFile = { uri: null, config: { severity: {} }, errors: [] };

/** Reads and validates the project file at `uri`. */
export async function loadProjectFile(files: Files, uri: string): Promise<ProjectFile> {
  const where = displayLocation(uri);
  const read = await readText(files, uri, MAX_PROJECT_FILE_BYTES);
  if (!read.ok) {
    const why = read.kind === 'missing' ? 'no such file or directory' : describeFailure(read);
    return { uri, config: { severity: {} }, errors: [`${where}: ${why}`] };
  }
  const { config, errors } = parseProjectConfig(read.text);
  const prefix = `${PROJECT_FILE}: `;
  return { uri, config, errors: errors.map((m) => `${where}: ${m.startsWith(prefix) ? m.slice(prefix.length) : m}`) };
}

/** Looks project files up by folder, each folder at most once until `clear`. */
export class ProjectFiles {
  private readonly byFolder = new Map<string, Promise<ProjectFile>>();

  constructor(private readonly files: Files) {}

  /** The project file for the documents in `folder` (a URI). */
  forFolder(folder: string): Promise<ProjectFile> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.lookUp(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  /** Forgets every lookup (a project file changed, appeared or went away). */
  clear(): void {
    this.byFolder.clear();
  }

  private async lookUp(folder: string): Promise<ProjectFile> {
    const candidate = childUri(folder, PROJECT_FILE);
    let present: boolean;
    try {
      const stat = await this.files.stat(candidate);
      // A folder of that name is not a project file; a device or pipe would be, and is reported unreadable.
      present = stat !== null && stat.type !== 'directory';
    } catch (e) {
      // One that is there but cannot be looked at is reported; a place the host cannot look is passed over.
      present = !(e instanceof FileError && e.kind === 'unavailable');
    }
    if (present) return loadProjectFile(this.files, candidate);
    const above = folderAbove(folder);
    return above === null ? NO_PROJECT_FILE : this.forFolder(above);
  }
}
