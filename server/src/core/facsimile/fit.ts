// A layout page placed on its image: the layout's coordinates scaled to the image's pixels when the file states
// another size of the same shape (ALTO in mm10, a layout made on a larger scan than the JPEG at hand), and
// refused with one message when the file belongs to another image or has coordinates outside it.
import type { Box, LayoutLine, LayoutPage } from './layout';

export interface ImageSize {
  width: number;
  height: number;
}

/** Coordinates may stray this far outside the image (a share of its size) and are then clamped: OCR engines
 *  often draw a line's outline a few pixels past the edge. Beyond it the layout does not fit the image. */
const TOLERANCE = 0.02;
/** Two sizes are of the same shape when their aspect ratios differ by less than this share. */
const SAME_SHAPE = 0.015;

export type FitResult = { ok: true; page: LayoutPage; scaled: boolean } | { ok: false; error: string };

function describeImage(p: LayoutPage): string {
  return p.imageName ? ` (${p.imageName})` : '';
}

export function fitToImage(page: LayoutPage, image: ImageSize, imageLabel: string): FitResult {
  const iw = image.width,
    ih = image.height;
  let sx = 1,
    sy = 1;
  const unit = page.unit;
  if (page.width > 0 && page.height > 0) {
    const same = Math.abs(page.width - iw) <= 1 && Math.abs(page.height - ih) <= 1;
    if (!same || unit !== 'pixel') {
      const ratio = page.width / page.height / (iw / ih);
      if (Math.abs(ratio - 1) > SAME_SHAPE) {
        return {
          ok: false,
          error:
            `The layout describes an image of ${page.width} × ${page.height}${unit === 'pixel' ? ' px' : ` ${unit}`}${describeImage(page)}, ` +
            `but ${imageLabel} is ${iw} × ${ih} px: the layout belongs to another image.`,
        };
      }
      sx = iw / page.width;
      sy = ih / page.height;
    }
  }
  const scaled = sx !== 1 || sy !== 1;
  const mx = iw * TOLERANCE,
    my = ih * TOLERANCE;
  const fit = (b: Box): Box | null => {
    const x0 = b.x * sx,
      y0 = b.y * sy,
      x1 = (b.x + b.w) * sx,
      y1 = (b.y + b.h) * sy;
    if (x0 < -mx || y0 < -my || x1 > iw + mx || y1 > ih + my) return null;
    const cx0 = Math.max(0, x0),
      cy0 = Math.max(0, y0);
    return { x: cx0, y: cy0, w: Math.max(0, Math.min(iw, x1) - cx0), h: Math.max(0, Math.min(ih, y1) - cy0) };
  };
  const scalePoly = (pts: number[]) => (scaled ? pts.map((v, k) => v * (k % 2 ? sy : sx)) : pts);
  const lines: LayoutLine[] = [];
  for (const line of page.lines) {
    const box = fit(line.box);
    if (!box) return outside(line.id || line.text.slice(0, 40), line.box, iw, ih, imageLabel, page);
    const words = [];
    for (const w of line.words) {
      const wb = fit(w.box);
      if (!wb) return outside(w.id || w.text, w.box, iw, ih, imageLabel, page);
      const glyphs = w.glyphs ? w.glyphs.map((g) => fit(g) ?? wb) : null;
      words.push({ ...w, box: wb, polygon: scalePoly(w.polygon), glyphs });
    }
    lines.push({ ...line, box, polygon: scalePoly(line.polygon), words });
  }
  return { ok: true, page: { ...page, width: iw, height: ih, lines }, scaled };
}

function outside(what: string, b: Box, iw: number, ih: number, imageLabel: string, page: LayoutPage): FitResult {
  return {
    ok: false,
    error:
      `The layout places "${what}" at x ${Math.round(b.x)}–${Math.round(b.x + b.w)}, y ${Math.round(b.y)}–${Math.round(b.y + b.h)}, ` +
      `outside ${imageLabel} (${iw} × ${ih} px)${page.imageName ? `; the layout was made for ${page.imageName}` : ''}: it does not belong to this image.`,
  };
}

/** The page as its own image: used when no image can be read (its size from the layout itself). */
export function pageSize(page: LayoutPage): ImageSize | null {
  if (page.width > 0 && page.height > 0 && page.unit === 'pixel') {
    return { width: page.width, height: page.height };
  }
  return null;
}
