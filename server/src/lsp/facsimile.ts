// The facsimile in the editor: answers `emend/facsimile` for an open transcription with its page images and every
// word's link (the core's buildFacsimile), reading the image headers and layout files the header names from disk,
// cached by modification time so that typing costs only the linking. File reading moves to the host interface
// when it lands.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildFacsimile,
  facsimileSpec,
  formatOfPath,
  IMAGE_HEAD_BYTES,
  imageInfo,
  isIiifUrl,
  layoutTooLarge,
  MAX_LAYOUT_BYTES,
  readLayout,
  roundBox,
  type ImageLoad,
  type LayoutLoad,
} from '../core/index';
import { FacsimileRequest, type FacsimilePageInfo, type FacsimileResult } from '../protocol';
import type { Feature } from './context';
import { analysisFor, field } from './request-params';
import type { ResponseError } from 'vscode-languageserver/node';

/** A header path as a file path beside the transcription, or why not. */
function locate(transcriptionUri: string, name: string): { path: string } | { error: string } {
  if (isAbsolute(name)) return { path: name };
  if (!transcriptionUri.startsWith('file:')) {
    return { error: `${name} cannot be found: this transcription is not saved in a folder yet.` };
  }
  return { path: resolve(dirname(fileURLToPath(transcriptionUri)), name) };
}

const cache = new Map<string, { key: string; value: unknown }>();

function cached<T>(path: string, kind: string, read: () => T): T {
  let key: string;
  try {
    const st = statSync(path);
    key = `${st.mtimeMs}:${st.size}`;
  } catch {
    key = 'missing';
  }
  const hit = cache.get(kind + path);
  if (hit && hit.key === key) return hit.value as T;
  const value = read();
  cache.set(kind + path, { key, value });
  return value;
}

function head(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

function loadImage(path: string, name: string): ImageLoad {
  return cached(path, 'image:', (): ImageLoad => {
    try {
      const st = statSync(path);
      if (!st.isFile()) return { name, error: `The image ${name} is a folder, not a file.` };
      let r = imageInfo(name, head(path, Math.min(st.size, IMAGE_HEAD_BYTES)));
      if (!r.ok && r.needs !== undefined && r.needs <= st.size + 12 * 64)
        r = imageInfo(name, head(path, Math.min(st.size, r.needs)));
      return r.ok ? { name, info: r.info } : { name, error: r.error };
    } catch (e) {
      return { name, error: `The image ${name} cannot be read: ${describe(e)}.` };
    }
  });
}

function loadLayout(path: string, name: string): LayoutLoad {
  return cached(path, 'layout:', (): LayoutLoad => {
    try {
      const st = statSync(path);
      if (!st.isFile()) return { ok: false, error: `The layout file ${name} is a folder, not a file.` };
      if (st.size > MAX_LAYOUT_BYTES) return { ok: false, error: layoutTooLarge(name, st.size) };
      return readLayout(name, readFileSync(path));
    } catch (e) {
      return { ok: false, error: `The layout file ${name} cannot be read: ${describe(e)}.` };
    }
  });
}

export const facsimile: Feature = {
  register(ctx) {
    ctx.connection.onRequest(FacsimileRequest, (p: unknown): FacsimileResult | ResponseError<void> => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const uri = field(p, 'uri') as string;
      const version = ctx.documents.get(uri)?.version ?? 0;
      const spec = facsimileSpec(analysis);
      const locations: (string | null)[] = [];
      const images: ImageLoad[] = spec.images.map((name) => {
        if (isIiifUrl(name)) {
          locations.push(name);
          return { name, remote: true };
        }
        const at = locate(uri, name);
        if ('error' in at) {
          locations.push(null);
          return { name, error: `The image ${at.error}` };
        }
        locations.push(pathToFileURL(at.path).toString());
        return loadImage(at.path, name);
      });
      const layouts = spec.layouts.map((name) => {
        const at = locate(uri, name);
        return {
          name,
          load:
            'error' in at
              ? ({ ok: false, error: `The layout file ${at.error}` } as LayoutLoad)
              : loadLayout(at.path, name),
        };
      });
      const f = buildFacsimile(analysis, images, layouts);
      const pages: FacsimilePageInfo[] = f.pages.map((page, k) => {
        const img = images[k] ?? images[images.length - 1];
        const format =
          img && 'info' in img
            ? img.info.format
            : img && 'remote' in img
              ? 'iiif'
              : img
                ? formatOfPath(img.name)
                : null;
        return {
          image: page.image,
          location: locations[k] ?? locations[locations.length - 1] ?? null,
          format: img && 'error' in img ? null : format,
          width: page.width,
          height: page.height,
        };
      });
      return {
        uri,
        version,
        pages,
        words: f.words.map((w) => {
          const b = w.box ? roundBox(w.box) : null;
          return {
            start: w.start,
            end: w.end,
            page: w.page,
            box: b ? [b.x, b.y, b.w, b.h] : null,
            approximate: w.approximate,
          };
        }),
        hasLayout: spec.layouts.length > 0,
        errors: f.errors,
      };
    });
  },
};
