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

/**
 * A JPEG, PNG or WebP: never decoded whole into the page. The first view is decoded straight to the size it is
 * seen at (the browser scales while decoding), and when the zoom asks for more detail than that copy has, the
 * part of the page in view (and a margin around it) is decoded at full resolution after the view stops moving.
 * So the pixels held are two screenfuls, whatever the scan's size.
 */
class RegionSource implements PageSource {
  private detail: { bmp: ImageBitmap; x: number; y: number; w: number; h: number } | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private wanted = '';
  constructor(
    private readonly blob: Blob,
    readonly width: number,
    readonly height: number,
    private overview: ImageBitmap,
  ) {}
  draw(ctx: CanvasRenderingContext2D, view: View, stage: { width: number; height: number }, redraw: () => void): void {
    ctx.drawImage(this.overview, 0, 0, this.width, this.height);
    const need = view.scale * devicePixelRatio;
    if (need <= (this.overview.width / this.width) * 1.05) return;
    const d = this.detail;
    // The image rectangle in view, with half a screen of margin.
    const corners = [
      toImage(view, 0, 0),
      toImage(view, stage.width, stage.height),
      toImage(view, stage.width, 0),
      toImage(view, 0, stage.height),
    ];
    const xs = corners.map((c) => c[0]),
      ys = corners.map((c) => c[1]);
    const vx0 = Math.max(0, Math.min(...xs)),
      vy0 = Math.max(0, Math.min(...ys)),
      vx1 = Math.min(this.width, Math.max(...xs)),
      vy1 = Math.min(this.height, Math.max(...ys));
    if (vx1 <= vx0 || vy1 <= vy0) return;
    if (d && d.x <= vx0 && d.y <= vy0 && d.x + d.w >= vx1 && d.y + d.h >= vy1) {
      ctx.drawImage(d.bmp, d.x, d.y, d.w, d.h);
      return;
    }
    if (d) ctx.drawImage(d.bmp, d.x, d.y, d.w, d.h);
    const mx = (vx1 - vx0) / 2,
      my = (vy1 - vy0) / 2;
    const x = Math.floor(Math.max(0, vx0 - mx)),
      y = Math.floor(Math.max(0, vy0 - my));
    const w = Math.ceil(Math.min(this.width, vx1 + mx) - x),
      h = Math.ceil(Math.min(this.height, vy1 + my) - y);
    const key = `${x},${y},${w},${h}`;
    if (key === this.wanted) return;
    this.wanted = key;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void createImageBitmap(this.blob, x, y, w, h).then(
        (bmp) => {
          if (this.wanted !== key) return bmp.close();
          this.detail?.bmp.close();
          this.detail = { bmp, x, y, w, h };
          redraw();
        },
        () => undefined,
      );
    }, 120);
  }
  heldBytes(): number {
    const d = this.detail;
    return this.overview.width * this.overview.height * 4 + (d ? d.bmp.width * d.bmp.height * 4 : 0);
  }
  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.overview.close();
    this.detail?.bmp.close();
  }
}

/** The size of the first view's copy: the page's size when it fills the stage at this device's pixel density. */
function overviewSize(
  width: number,
  height: number,
  stage: { width: number; height: number },
): { w: number; h: number } {
  const fit = Math.min((2 * stage.width * devicePixelRatio) / width, (2 * stage.height * devicePixelRatio) / height, 1);
  return { w: Math.max(1, Math.round(width * fit)), h: Math.max(1, Math.round(height * fit)) };
}

export async function loadLocal(
  page: { src: string; format: string | null; image: string; width: number; height: number },
  stage: { width: number; height: number },
): Promise<PageSource> {
  const name = page.image;
  let blob: Blob;
  try {
    const res = await fetch(page.src);
    if (!res.ok) throw new Error(String(res.status));
    blob = await res.blob();
  } catch {
    throw new Error(`${name} cannot be read: the file is missing or cannot be opened.`);
  }
  if (page.format === 'tiff') return withLevels(await decodeTiff(await blob.arrayBuffer(), name));
  try {
    // The server read the size from the file's header; without it, the browser's reading of it.
    const dims = page.width > 0 && page.height > 0 ? page : await imageSize(blob);
    const o = overviewSize(dims.width, dims.height, stage);
    const overview = await createImageBitmap(blob, { resizeWidth: o.w, resizeHeight: o.h, resizeQuality: 'high' });
    return new RegionSource(blob, dims.width, dims.height, overview);
  } catch {
    throw new Error(`${name} cannot be shown: the file is damaged, or not a JPEG, PNG or WebP image.`);
  }
}

/** The image's size in pixels as the browser reads it from the header (an <img> element's natural size). */
async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const url = URL.createObjectURL(blob);
  const img = new Image();
  try {
    img.src = url;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    img.src = '';
    URL.revokeObjectURL(url);
  }
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
