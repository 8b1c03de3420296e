// What the viewer draws a page from. A local JPEG, PNG or WebP is decoded by the browser, a TIFF by tiff.ts; either
// is kept with smaller copies (halving down to screen size) so that a page seen whole is drawn from a copy of about
// its size on screen: sharp, and cheap to draw. An IIIF Image API service is drawn from its tiles at the level the
// zoom needs, fetched as they come into view and kept in a bounded cache.
import { decodeTiff } from './tiff';
import type { View } from '../view-transform';
import { toImage } from '../view-transform';

export interface PageSource {
  width: number;
  height: number;
  /** Draws what it has for the view; asks for missing tiles and calls `redraw` when they arrive. */
  draw(ctx: CanvasRenderingContext2D, view: View, stage: { width: number; height: number }, redraw: () => void): void;
  /** Bytes of decoded pixels held (for the memory figure). */
  heldBytes(): number;
  dispose(): void;
}

class BitmapSource implements PageSource {
  constructor(private readonly levels: ImageBitmap[]) {}
  get width(): number {
    return this.levels[0]!.width;
  }
  get height(): number {
    return this.levels[0]!.height;
  }
  draw(ctx: CanvasRenderingContext2D, view: View): void {
    // The smallest copy still at least as large as it is drawn.
    let level = this.levels[0]!;
    for (const l of this.levels) if (l.width / this.width >= view.scale * devicePixelRatio) level = l;
    ctx.drawImage(level, 0, 0, this.width, this.height);
  }
  heldBytes(): number {
    return this.levels.reduce((n, l) => n + l.width * l.height * 4, 0);
  }
  dispose(): void {
    for (const l of this.levels) l.close();
  }
}

async function withLevels(full: ImageBitmap): Promise<BitmapSource> {
  const levels = [full];
  let w = full.width,
    h = full.height;
  while (Math.max(w, h) > 1600) {
    w = Math.round(w / 2);
    h = Math.round(h / 2);
    levels.push(await createImageBitmap(full, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' }));
  }
  return new BitmapSource(levels);
}

export async function loadLocal(src: string, format: string | null, name: string): Promise<PageSource> {
  if (format === 'tiff') {
    const res = await fetch(src);
    if (!res.ok) throw new Error(`${name} cannot be read (${res.status}).`);
    return withLevels(await decodeTiff(await res.arrayBuffer(), name));
  }
  const img = new Image();
  img.decoding = 'async';
  img.src = src;
  try {
    await img.decode();
  } catch {
    throw new Error(`${name} cannot be shown: the file is missing, damaged, or not a JPEG, PNG or WebP image.`);
  }
  return withLevels(await createImageBitmap(img));
}

// --- IIIF ---------------------------------------------------------------------------------------------------

interface IiifInfo {
  id: string;
  width: number;
  height: number;
  tile: number;
  scaleFactors: number[];
}

/** The Image API service of an info.json, or of the `page`-th canvas of a Presentation manifest (v2 or v3). */
export async function loadIiif(url: string, page: number): Promise<PageSource> {
  const json = await fetchJson(url);
  let info = json;
  if (!isImageInfo(json)) {
    const service = manifestService(json, page);
    if (!service)
      throw new Error(`${url} is neither an IIIF info.json nor a manifest with an image service for page ${page + 1}.`);
    info = await fetchJson(service.replace(/\/$/, '') + '/info.json');
  }
  const i = info as Record<string, unknown>;
  const tiles = (i.tiles as { width: number; height?: number; scaleFactors: number[] }[] | undefined)?.[0];
  const parsed: IiifInfo = {
    id: String(i.id ?? i['@id']).replace(/\/$/, ''),
    width: Number(i.width),
    height: Number(i.height),
    tile: tiles?.width ?? 512,
    scaleFactors: tiles?.scaleFactors ?? [1, 2, 4, 8, 16, 32],
  };
  if (!/^https:\/\//.test(parsed.id) || !(parsed.width > 0 && parsed.height > 0)) {
    throw new Error(`${url}: the IIIF service has no https id or no size.`);
  }
  return new IiifSource(parsed);
}

async function fetchJson(url: string): Promise<unknown> {
  if (!/^https:\/\//i.test(url)) throw new Error(`${url}: IIIF resources are loaded over https only.`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}.`);
  return res.json();
}

function isImageInfo(j: unknown): boolean {
  const o = j as Record<string, unknown>;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.width === 'number' &&
    ('@id' in o || 'id' in o) &&
    !('items' in o) &&
    !('sequences' in o)
  );
}

function manifestService(j: unknown, page: number): string | null {
  const o = j as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking untyped JSON
  const v2 = o?.sequences?.[0]?.canvases?.[page]?.images?.[0]?.resource?.service;
  if (v2) return String(v2['@id'] ?? v2.id);
  const body = o?.items?.[page]?.items?.[0]?.items?.[0]?.body;
  const s = Array.isArray(body?.service) ? body.service[0] : body?.service;
  return s ? String(s.id ?? s['@id']) : null;
}

/** Tiles fetched and decoded at most this many at once kept: the memory the viewer holds stays bounded. */
const MAX_TILES = 96;

class IiifSource implements PageSource {
  private readonly tiles = new Map<string, ImageBitmap | 'loading' | 'failed'>();
  constructor(private readonly info: IiifInfo) {}
  get width(): number {
    return this.info.width;
  }
  get height(): number {
    return this.info.height;
  }
  draw(ctx: CanvasRenderingContext2D, view: View, stage: { width: number; height: number }, redraw: () => void): void {
    const { info } = this;
    const want = 1 / (view.scale * devicePixelRatio);
    let factor = info.scaleFactors[0] ?? 1;
    for (const f of info.scaleFactors) if (f <= want) factor = Math.max(factor, f);
    const span = info.tile * factor;
    // The image rectangle in view.
    const corners = [
      toImage(view, 0, 0),
      toImage(view, stage.width, 0),
      toImage(view, 0, stage.height),
      toImage(view, stage.width, stage.height),
    ];
    const x0 = Math.max(0, Math.min(...corners.map((c) => c[0]))),
      x1 = Math.min(info.width, Math.max(...corners.map((c) => c[0])));
    const y0 = Math.max(0, Math.min(...corners.map((c) => c[1]))),
      y1 = Math.min(info.height, Math.max(...corners.map((c) => c[1])));
    for (let ty = Math.floor(y0 / span) * span; ty < y1; ty += span) {
      for (let tx = Math.floor(x0 / span) * span; tx < x1; tx += span) {
        const w = Math.min(span, info.width - tx),
          h = Math.min(span, info.height - ty);
        const url = `${info.id}/${tx},${ty},${w},${h}/${Math.ceil(w / factor)},/0/default.jpg`;
        const t = this.tiles.get(url);
        if (t instanceof ImageBitmap) {
          this.tiles.delete(url);
          this.tiles.set(url, t); // most recently used last
          ctx.drawImage(t, tx, ty, w, h);
        } else if (t === undefined) this.fetchTile(url, redraw);
      }
    }
  }
  private fetchTile(url: string, redraw: () => void): void {
    this.tiles.set(url, 'loading');
    void fetch(url)
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(String(r.status)))))
      .then((b) => createImageBitmap(b))
      .then(
        (bmp) => {
          this.tiles.set(url, bmp);
          this.evict();
          redraw();
        },
        () => this.tiles.set(url, 'failed'),
      );
  }
  private evict(): void {
    let bitmaps = 0;
    for (const v of this.tiles.values()) if (v instanceof ImageBitmap) bitmaps++;
    for (const [k, v] of this.tiles) {
      if (bitmaps <= MAX_TILES) break;
      if (v instanceof ImageBitmap) {
        v.close();
        this.tiles.delete(k);
        bitmaps--;
      }
    }
  }
  heldBytes(): number {
    let n = 0;
    for (const v of this.tiles.values()) if (v instanceof ImageBitmap) n += v.width * v.height * 4;
    return n;
  }
  dispose(): void {
    for (const v of this.tiles.values()) if (v instanceof ImageBitmap) v.close();
    this.tiles.clear();
  }
}
