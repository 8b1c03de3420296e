// Names of locations and the paths between them, worked out on URI paths (always `/`-separated, whatever the
// platform or scheme), so the client needs no Node `path` and does the same on the desktop, on a virtual file
// system (github.dev's `vscode-vfs:`) and in the browser. Pure: it imports nothing, so the unit tests cover it.

/** The parts of a URI these functions read (vscode's Uri has them). */
export interface UriParts {
  readonly scheme: string;
  readonly authority: string;
  /** Decoded, `/`-separated, starting with `/` for a location in a folder. */
  readonly path: string;
}

/** The last segment of a URI's path: the file's name. */
export function baseName(uri: UriParts): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A file's name without the extension given (compared case-insensitively): `letter.emend` → `letter`. */
export function stem(uri: UriParts, extension: string): string {
  const name = baseName(uri);
  return name.toLowerCase().endsWith(extension.toLowerCase()) && name.length > extension.length
    ? name.slice(0, name.length - extension.length)
    : name;
}

/** A Windows drive segment (`c:`), which no relative path crosses. */
function isDrive(segment: string | undefined): boolean {
  return segment !== undefined && /^[a-zA-Z]:$/.test(segment);
}

/**
 * The path from the folder holding `from` to `to`, with `/` (`../witnesses/sent.txt`), or null when there is
 * none: another scheme or authority (another file system, or another repository), another Windows drive.
 */
export function relativePath(from: UriParts, to: UriParts): string | null {
  if (from.scheme !== to.scheme || from.authority.toLowerCase() !== to.authority.toLowerCase()) return null;
  if (!from.path.startsWith('/') || !to.path.startsWith('/')) return null;
  const folder = from.path.split('/').slice(1, -1);
  const target = to.path.split('/').slice(1);
  // Windows drives compare without case, as the file system does; another drive has no relative path.
  const drive = isDrive(folder[0]) || isDrive(target[0]);
  if (drive && folder[0]?.toLowerCase() !== target[0]?.toLowerCase()) return null;
  let common = drive ? 1 : 0;
  while (common < folder.length && common < target.length - 1 && folder[common] === target[common]) common++;
  const up = folder.length - common;
  return [...Array<string>(up).fill('..'), ...target.slice(common)].join('/');
}
