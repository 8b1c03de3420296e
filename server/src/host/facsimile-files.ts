// The facsimile's files (the header's `facsimile:` images and `layout:` files): where they are, and reading them
// through the host, so the editor (any file system, the browser too) and the command line read them alike. Images
// are read for their header only (kind and size; the viewer decodes the pixels); layouts whole. Each file is read
// again only when its size or modification time changed (the cache a caller keeps).
import {
  buildFacsimile,
  facsimileSpec,
  unnamedImage,
  imageInfo,
  isIiifUrl,
  layoutTooLarge,
  MAX_LAYOUT_BYTES,
  readLayout,
  type Analysis,
  type Facsimile,
  type ImageLoad,
  type LayoutLoad,
} from '../core/index';
import { FileError, type Files } from './files';
import { displayLocation, fileUri, isAbsolutePath, relativePath, resolvePath } from './uris';

/** Images larger than this are not read for their size (the viewer still tries to show them). */
const MAX_IMAGE_BYTES = 1024 * 1024 * 1024;

/** Where a header's name leads: a URI beside the transcription (`folder` null for an unsaved one), or why not. */
export function facsimileTarget(name: string, folder: string | null): { uri: string } | { error: string } {
  if (isIiifUrl(name)) return { uri: name };
  if (folder !== null) return { uri: resolvePath(folder, name) };
  if (isAbsolutePath(name)) return { uri: fileUri(name) };
  return { error: `${name} cannot be found: this transcription is not saved in a folder yet.` };
}

/**
 * The image of page `page` (0-based) as the spec names it, read through `files`: or why not (a page break that names
 * no image, a relative name for an unsaved transcription).
 */
export function loadPageImage(
  files: Files,
  name: string,
  page: number,
  folder: string | null,
  cache?: FacsimileCache,
): ImageLoad | Promise<ImageLoad> {
  if (!name) return { name, error: unnamedImage(page) };
  const t = facsimileTarget(name, folder);
  return 'error' in t ? { name, error: `The image ${t.error}` } : loadImage(files, name, t.uri, cache);
}

/**
 * The layout file the spec names, read through `files`: or why not. A page that names none (an empty name, with
 * FacsimileSpec.layoutPerPage) has a layout of no pages.
 */
export async function loadNamedLayout(
  files: Files,
  name: string,
  folder: string | null,
  cache?: FacsimileCache,
): Promise<LayoutLoad> {
  if (!name) return { ok: true, layout: { format: 'PAGE', pages: [] } };
  const t = facsimileTarget(name, folder);
  return 'error' in t ? { ok: false, error: `The layout file ${t.error}` } : loadLayout(files, name, t.uri, cache);
}

/** Read results by URI and file version, kept by the caller between reads. */
export type FacsimileCache = Map<string, { version: string; value: unknown }>;

async function cached<T>(
  files: Files,
  uri: string,
  key: string,
  cache: FacsimileCache | undefined,
  read: (size: number) => Promise<T>,
  missing: () => T,
  failed: (why: string) => T,
): Promise<T> {
  let stat;
  try {
    stat = await files.stat(uri);
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e));
  }
  if (!stat) return missing();
  if (stat.type !== 'file')
    return failed(stat.type === 'directory' ? 'it is a folder, not a file' : 'it is not a regular file');
  const version = `${stat.mtime}:${stat.size}`;
  const hit = cache?.get(key);
  if (hit && hit.version === version) return hit.value as T;
  let value: T;
  try {
    value = await read(stat.size);
  } catch (e) {
    value = failed(e instanceof FileError || e instanceof Error ? e.message : String(e));
  }
  cache?.set(key, { version, value });
  return value;
}

export async function loadImage(files: Files, name: string, uri: string, cache?: FacsimileCache): Promise<ImageLoad> {
  if (isIiifUrl(uri)) return { name, remote: true };
  return cached<ImageLoad>(
    files,
    uri,
    'image:' + uri,
    cache,
    async (size) => {
      if (size > MAX_IMAGE_BYTES) return { name, error: `The image ${name} is too large to read (over 1 GB).` };
      const r = imageInfo(name, await files.readFile(uri));
      return r.ok ? { name, info: r.info } : { name, error: r.error };
    },
    () => ({ name, error: `The image ${name} was not found (looked for ${displayLocation(uri)}).` }),
    (why) => ({ name, error: `The image ${name} cannot be read: ${why}.` }),
  );
}

export async function loadLayout(files: Files, name: string, uri: string, cache?: FacsimileCache): Promise<LayoutLoad> {
  return cached<LayoutLoad>(
    files,
    uri,
    'layout:' + uri,
    cache,
    async (size) =>
      size > MAX_LAYOUT_BYTES
        ? { ok: false, error: layoutTooLarge(name, size) }
        : readLayout(name, await files.readFile(uri)),
    () => ({ ok: false, error: `The layout file ${name} was not found (looked for ${displayLocation(uri)}).` }),
    (why) => ({ ok: false, error: `The layout file ${name} cannot be read: ${why}.` }),
  );
}

/**
 * An image name as the header gives it (relative to the transcription's `folder`) as seen from the folder `to` of
 * another file (a TEI export, an imported transcription): the relative path between them, or the image's URI when
 * they are on different file systems; unchanged for an address on the web, or when either folder is unknown.
 */
export function rebaseImage(name: string, folder: string | null, to: string | null): string {
  if (!name || isIiifUrl(name) || /^[A-Za-z][A-Za-z0-9+.-]+:\/\//.test(name) || folder === null || to === null)
    return name;
  const uri = resolvePath(folder, name);
  return relativePath(to, uri) ?? uri;
}

/**
 * The facsimile of a transcription as its header names it (`facsimile:`, `layout:`), read through `files` and
 * linked (the core's buildFacsimile), for the TEI export; null when the header names neither. `folder` is the
 * transcription's folder (null for an unsaved one); `target`, the folder the TEI goes to, if known: the pages'
 * image names are made relative to it. Nothing is fetched: an IIIF image is known by its address only.
 */
export async function readFacsimile(
  files: Files,
  analysis: Analysis,
  folder: string | null,
  cache?: FacsimileCache,
  target?: string | null,
): Promise<Facsimile | null> {
  const spec = facsimileSpec(analysis);
  if (spec.images.length === 0 && spec.layouts.length === 0) return null;
  const images = await Promise.all(spec.images.map((name, k) => loadPageImage(files, name, k, folder, cache)));
  const layouts = await Promise.all(
    spec.layouts.map(async (name) => ({ name, load: await loadNamedLayout(files, name, folder, cache) })),
  );
  const f = buildFacsimile(analysis, images, layouts);
  // Without a facsimile: in the header, a page's name is the one the layout records, often the archive's path,
  // not a file beside the transcription: no image is named.
  if (spec.images.length === 0) return { ...f, pages: f.pages.map((p) => ({ ...p, image: '' })) };
  if (target === undefined) return f;
  return { ...f, pages: f.pages.map((p) => ({ ...p, image: rebaseImage(p.image, folder, target) })) };
}
