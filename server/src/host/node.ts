// The host's files on Node: file: URIs read with node:fs/promises. Shared by the command line and the desktop
// language server. Errors become FileErrors with the same short phrases the other hosts use.
import { readFile, stat } from 'node:fs/promises';
import { FileError, type Files, type FileStat } from './files';
import { filePath } from './uris';

function pathOf(uri: string): string {
  const path = filePath(uri);
  if (path === null) throw new FileError('unavailable', `${uri} is not a file on this computer`);
  return path;
}

function fileError(e: unknown): FileError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileError('not-found', 'no such file or directory');
    case 'EACCES':
    case 'EPERM':
      return new FileError('permission-denied', 'permission denied');
    case 'EISDIR':
      return new FileError('is-a-directory', 'is a directory');
    case 'ELOOP':
      return new FileError('unavailable', 'too many symbolic links');
    case 'EMFILE':
    case 'ENFILE':
      return new FileError('unavailable', 'too many open files');
    default:
      return new FileError('unavailable', e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

export const nodeFiles: Files = {
  async stat(uri: string): Promise<FileStat | null> {
    const path = pathOf(uri);
    try {
      const s = await stat(path);
      return { type: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size, mtime: s.mtimeMs };
    } catch (e) {
      const error = fileError(e);
      if (error.kind === 'not-found') return null;
      throw error;
    }
  },
  async readFile(uri: string): Promise<Uint8Array> {
    const path = pathOf(uri);
    try {
      return await readFile(path);
    } catch (e) {
      throw fileError(e);
    }
  },
};
