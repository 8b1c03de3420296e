// A box drawn on the facsimile (emend/facsimileDraw): the server finds the words the selection touches, reads the
// layout file the header names (or picks a free name beside the transcription for a new one, never an existing
// file), and answers with the PAGE XML text that records the link and the header edit naming a new file
// (core/facsimile/draw.ts). The client writes the file through the editor's file system and applies the edit, so
// it is undoable like any edit and works in the browser too.
import {
  decodeXmlBytes,
  drawLink,
  facsimileSpec,
  unnamedImage,
  headerLineEdit,
  isIiifUrl,
  layoutFileName,
  transcriptionWords,
  type Analysis,
} from '../core/index';
import { facsimileTarget, loadImage, type FacsimileCache } from '../host/facsimile-files';
import { baseName, parentFolder, resolvePath } from '../host/uris';
import { FacsimileDrawRequest, type FacsimileDrawResult } from '../protocol';
import type { Feature, ServerContext } from './context';
import { analysisFor, field, invalid } from './request-params';

/** New layout files tried beside the transcription before giving up: stem.page.xml … stem-20.page.xml. */
const MAX_NAME_ATTEMPTS = 20;

export const facsimileDraw: Feature = {
  register(ctx) {
    const cache: FacsimileCache = new Map();
    ctx.connection.onRequest(FacsimileDrawRequest, async (p: unknown) => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const num = (name: string) => {
        const v = field(p, name);
        return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
      };
      const [version, start, end, page] = [num('version'), num('start'), num('end'), num('page')];
      const box = field(p, 'box');
      if (
        version === null ||
        start === null ||
        end === null ||
        page === null ||
        end < start ||
        !Array.isArray(box) ||
        box.length !== 4 ||
        !box.every((v) => typeof v === 'number' && Number.isFinite(v))
      ) {
        return invalid(
          'Expected `version`, `start`, `end` and `page` as whole numbers (end ≥ start) and `box` as [x, y, w, h].',
        );
      }
      const uri = field(p, 'uri') as string;
      const result = await draw(ctx, cache, analysis, uri, {
        version,
        start,
        end,
        page,
        box: { x: box[0] as number, y: box[1] as number, w: box[2] as number, h: box[3] as number },
      });
      return result;
    });
  },
};

async function draw(
  ctx: ServerContext,
  cache: FacsimileCache,
  analysis: Analysis,
  uri: string,
  req: {
    version: number;
    start: number;
    end: number;
    page: number;
    box: { x: number; y: number; w: number; h: number };
  },
): Promise<FacsimileDrawResult> {
  if ((ctx.documents.get(uri)?.version ?? 0) !== req.version) {
    return { error: 'The transcription changed while the box was drawn; draw it again.' };
  }
  const folder = parentFolder(uri);
  if (folder === null)
    return { error: 'Save the transcription in a folder first: the layout file is written beside it.' };
  const spec = facsimileSpec(analysis);
  const imageName = spec.images[req.page] ?? (req.page === 0 ? undefined : spec.images[spec.images.length - 1]);
  if (imageName === undefined) return { error: 'The header names no page image (`facsimile:`) to draw on.' };
  if (imageName === '') return { error: unnamedImage(req.page) };
  if (isIiifUrl(imageName)) {
    return { error: 'Boxes can be drawn on local page images only; this page is an IIIF image on the web.' };
  }
  const target = facsimileTarget(imageName, folder);
  if ('error' in target) return { error: `The image ${target.error}` };
  const image = await loadImage(ctx.host, imageName, target.uri, cache);
  if (!('info' in image)) return { error: 'error' in image ? image.error : `The image ${imageName} cannot be read.` };
  const size = { name: imageName, width: image.info.width, height: image.info.height };

  let layout: { name: string; text: string } | null = null;
  let namedButNew = false;
  let layoutUri: string;
  let layoutName: string;
  // One layout file for the transcription, or (page breaks naming layouts) the page's own; a page after the first
  // that names none cannot get one from the header's `layout:` line, which is the first page's.
  const named = (spec.layoutPerPage ? spec.layouts[req.page] : spec.layouts[0]) || undefined;
  if (named === undefined && spec.layoutPerPage && req.page > 0) {
    return {
      error: `Page ${req.page + 1} names no layout file: name one in its page break, as in \`|page{${req.page + 1} | image.jpg | page-${req.page + 1}.page.xml}\`, and boxes drawn on it are recorded there.`,
    };
  }
  if (named !== undefined) {
    const t = facsimileTarget(named, folder);
    if ('error' in t) return { error: `The layout file ${t.error}` };
    layoutUri = t.uri;
    layoutName = named;
    let bytes: Uint8Array | null = null;
    try {
      if (await ctx.host.stat(t.uri)) bytes = await ctx.host.readFile(t.uri);
    } catch (e) {
      return { error: `The layout file ${named} cannot be read: ${e instanceof Error ? e.message : String(e)}.` };
    }
    if (bytes !== null) {
      const decoded = decodeXmlBytes(bytes);
      if (!decoded.ok) return { error: `The layout file ${named} cannot be read: ${decoded.error}` };
      layout = { name: named, text: decoded.text };
    } else if (spec.layoutPerPage) {
      // A page break that names a layout file not written yet: Emend writes it under that name.
      namedButNew = true;
    } else {
      return {
        error: `The layout file ${named} was not found. Remove the \`layout:\` line from the header and Emend creates a new file, or put the file there.`,
      };
    }
  } else {
    const name = baseName(uri);
    const stem = name.toLowerCase().endsWith('.emend') ? name.slice(0, -6) : name;
    let free: string | null = null;
    for (let k = 0; k < MAX_NAME_ATTEMPTS && free === null; k++) {
      const candidate = layoutFileName(stem, k);
      try {
        if (!(await ctx.host.stat(resolvePath(folder, candidate)))) free = candidate;
      } catch {
        // Not readable here: not free either.
      }
    }
    if (free === null)
      return { error: `No free name for a new layout file beside ${name} (tried ${stem}.page.xml and others).` };
    layoutName = free;
    layoutUri = resolvePath(folder, free);
  }

  const r = drawLink({
    words: transcriptionWords(analysis),
    start: req.start,
    end: req.end,
    // A page's own layout file holds that page alone.
    page: spec.layoutPerPage ? 0 : req.page,
    box: req.box,
    image: size,
    layout,
    newName: layoutName,
    now: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    transcription: baseName(uri),
  });
  if (!r.ok) return { error: r.error };
  let headerEdits: Extract<FacsimileDrawResult, { layout: unknown }>['headerEdits'] = [];
  if (layout === null && !namedButNew) {
    const h = headerLineEdit(analysis, 'layout', layoutName, 'facsimile');
    if ('error' in h) return { error: h.error };
    headerEdits = h.edits.map((e) => ({
      range: { start: analysis.lines.positionAt(e.start), end: analysis.lines.positionAt(e.end) },
      newText: e.newText,
    }));
  }
  return {
    layout: { uri: layoutUri, name: layoutName, text: r.text, created: layout === null },
    headerEdits,
    linked: r.linked,
    wordCount: r.wordCount,
    replaced: r.replaced,
  };
}
