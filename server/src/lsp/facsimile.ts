// The facsimile in the editor: answers `emend/facsimile` for an open transcription with its page images and every
// word's link (the core's buildFacsimile), reading the image headers and layout files the header names through
// the host (host/facsimile-files.ts: any file system the editor has, the browser's too), each read again only when
// it changed, so typing costs only the linking.
import type { ResponseError } from 'vscode-languageserver';
import { buildFacsimile, facsimileSpec, formatOfPath, isIiifUrl, roundBox, type ImageLoad } from '../core/index';
import { facsimileTarget, loadNamedLayout, loadPageImage, type FacsimileCache } from '../host/facsimile-files';
import { NOT_FETCHED_UNTRUSTED } from '../host/restricted-files';
import { parentFolder } from '../host/uris';
import { FacsimileRequest, type FacsimilePageInfo, type FacsimileResult } from '../protocol';
import type { Feature } from './context';
import { analysisFor, field } from './request-params';

export const facsimile: Feature = {
  register(ctx) {
    const cache: FacsimileCache = new Map();
    ctx.connection.onRequest(FacsimileRequest, async (p: unknown): Promise<FacsimileResult | ResponseError<void>> => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const uri = field(p, 'uri') as string;
      const version = ctx.documents.get(uri)?.version ?? 0;
      const folder = parentFolder(uri);
      const spec = facsimileSpec(analysis);
      const locations: (string | null)[] = [];
      // Restricted Mode: an IIIF image is not fetched from the web (the viewer gets no location for it).
      const offline = ctx.restrictedTo() !== null;
      const images: ImageLoad[] = await Promise.all(
        spec.images.map((name, k) => {
          if (offline && isIiifUrl(name)) {
            locations.push(null);
            return { name, error: `The image ${name} ${NOT_FETCHED_UNTRUSTED}.` };
          }
          const t = name ? facsimileTarget(name, folder) : null;
          locations.push(t && !('error' in t) ? t.uri : null);
          return loadPageImage(ctx.host, name, k, folder, cache);
        }),
      );
      const layouts = await Promise.all(
        spec.layouts.map(async (name) => ({ name, load: await loadNamedLayout(ctx.host, name, folder, cache) })),
      );
      const f = buildFacsimile(analysis, images, layouts);
      const pages: FacsimilePageInfo[] = f.pages.map((page, k) => {
        const img = images[k] ?? images[images.length - 1];
        const format =
          img && 'info' in img
            ? img.info.format
            : img && isIiifUrl(img.name)
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
