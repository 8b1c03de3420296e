// Locations as URI strings, and the few operations on them Emend needs, for any scheme (file:, and the virtual
// file systems of VS Code for the Web), through vscode-uri: the same URI implementation VS Code itself uses, so a
// URI the server builds compares equal to the one the editor sends.
import { URI, Utils } from 'vscode-uri';

/** The URI in the one spelling VS Code uses (so two spellings of one file compare equal), or null if unparsable. */
export function canonicalUri(uri: string): string | null {
  try {
    return URI.parse(uri, true).toString();
  } catch {
    return null;
  }
}

/** A file path as a file: URI. */
export function fileUri(path: string): string {
  return URI.file(path).toString();
}

/** The file-system path of a file: URI, or null for another scheme. */
export function filePath(uri: string): string | null {
  try {
    const u = URI.parse(uri, true);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

/** How to show a location to a user: the path of a file: URI, else the URI itself. */
export function displayLocation(uri: string): string {
  return filePath(uri) ?? uri;
}

/** Schemes whose documents have no folder, so relative paths cannot be resolved from them. */
const FOLDERLESS_SCHEMES = new Set(['untitled', 'vscode-notebook-cell', 'git', 'output', 'vscode-userdata']);

/** The folder holding `uri`, or null when it has none (an unsaved document, an unparsable URI). */
export function parentFolder(uri: string): string | null {
  try {
    const u = URI.parse(uri, true);
    if (FOLDERLESS_SCHEMES.has(u.scheme) || !u.path.startsWith('/')) return null;
    return Utils.dirname(u).toString();
  } catch {
    return null;
  }
}

/** The folder above `folder`, or null at the root. */
export function folderAbove(folder: string): string | null {
  const u = URI.parse(folder, true);
  const up = Utils.dirname(u);
  return up.path === u.path ? null : up.toString();
}

/** `name` inside `folder`. */
export function childUri(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder, true), name).toString();
}

/** Whether a path as a user wrote it is absolute: `/x`, `\x`, or a Windows drive `C:\x` / `C:/x`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(path);
}

/**
 * Where a path written in a file (a header's `witness:` line) or on the command line leads from `folder`: an
 * absolute path replaces the folder's path (on the same scheme and authority), a relative one is resolved
 * against it (`..` and `.` included, `/` as the separator).
 */
export function resolvePath(folder: string, path: string): string {
  const base = URI.parse(folder, true);
  if (isAbsolutePath(path)) return base.scheme === 'file' ? URI.file(path).toString() : base.with({ path }).toString();
  return Utils.resolvePath(base, path).toString();
}

/** The last segment of a URI's path, decoded. */
export function baseName(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri, true));
  } catch {
    return uri.slice(uri.lastIndexOf('/') + 1);
  }
}

/**
 * The relative path from `folder` to `uri` (`../scans/p1.jpg`), with `/` as the separator, or null when they are
 * on different file systems (scheme or authority).
 */
export function relativePath(folder: string, uri: string): string | null {
  try {
    const from = URI.parse(folder, true),
      to = URI.parse(uri, true);
    if (from.scheme !== to.scheme || from.authority !== to.authority) return null;
    const a = from.path.split('/').filter((x) => x !== ''),
      b = to.path.split('/').filter((x) => x !== '');
    let k = 0;
    while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
    return [...a.slice(k).map(() => '..'), ...b.slice(k)].join('/');
  } catch {
    return null;
  }
}
