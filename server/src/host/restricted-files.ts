// Restricted Mode (VS Code's untrusted workspace): a transcription's header may name any file (`witness:`,
// `facsimile:`, `layout:`, by absolute path or `../`), and a project file may sit above the workspace. In a workspace
// the user has not trusted, Emend reads only files inside the workspace's folders; everything else is refused with
// one message, which the loaders put in their sentences ("The witness ../x.txt cannot be read: outside the
// workspace, …"). Nothing is fetched from the web either (facsimile.ts in lsp/ leaves IIIF images out).
import { URI, Utils } from 'vscode-uri';
import { FileError, type Files } from './files';

/** Why a file outside an untrusted workspace is not read: a phrase after "cannot be read: ". */
export const OUTSIDE_UNTRUSTED_WORKSPACE =
  'outside the workspace, which is not trusted (in Restricted Mode Emend reads only files inside the workspace; trust it to read this one)';

/** Why an image on the web (IIIF) is not shown in an untrusted workspace: a phrase after "The image URL ". */
export const NOT_FETCHED_UNTRUSTED =
  'is not fetched: the workspace is not trusted (in Restricted Mode Emend fetches nothing from the web; trust it to show this image)';

/** `uri` with its path normalised (`a/../b` → `b`), as a string; null when it is not a URI. */
function normalised(uri: string): URI | null {
  try {
    const u = URI.parse(uri, true);
    return Utils.joinPath(u);
  } catch {
    return null;
  }
}

/** Whether `uri` is one of `folders` or inside one (same scheme and authority, path below the folder's). */
export function insideFolders(uri: string, folders: readonly string[]): boolean {
  const u = normalised(uri);
  if (!u) return false;
  for (const folder of folders) {
    const f = normalised(folder);
    if (!f || f.scheme !== u.scheme || f.authority !== u.authority) continue;
    const base = f.path.endsWith('/') ? f.path : `${f.path}/`;
    if (u.path === f.path || u.path.startsWith(base)) return true;
  }
  return false;
}

/**
 * `files`, limited to the folders `limit()` gives while it gives some: null means no limit (a trusted workspace).
 * Asked on every call, so the limit can change while the server runs.
 */
export function restrictedFiles(files: Files, limit: () => readonly string[] | null): Files {
  const check = (uri: string): void => {
    const folders = limit();
    if (folders !== null && !insideFolders(uri, folders)) {
      // `unavailable`, as for a place the host cannot look at: the project file's search passes over it quietly.
      throw new FileError('unavailable', OUTSIDE_UNTRUSTED_WORKSPACE);
    }
  };
  return {
    stat: async (uri) => {
      check(uri);
      return files.stat(uri);
    },
    readFile: async (uri) => {
      check(uri);
      return files.readFile(uri);
    },
  };
}
