// The facsimile viewer's geometry, pure so that it is unit-tested: where the page image stands on the stage for a
// scale, a rotation by quarter turns and an offset; fitting the page or its width; zooming about a point; and
// bringing a box into view. Stage coordinates are CSS pixels, image coordinates are image pixels.

export interface View {
  /** CSS pixels per image pixel. */
  scale: number;
  /** Clockwise quarter turns: 0, 1, 2, 3. */
  turns: number;
  /** Where the image's origin (its top-left corner before rotation) lands on the stage. */
  tx: number;
  ty: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Image point → stage point. */
export function toStage(v: View, x: number, y: number): [number, number] {
  const sx = x * v.scale,
    sy = y * v.scale;
  switch (v.turns & 3) {
    case 1:
      return [v.tx - sy, v.ty + sx];
    case 2:
      return [v.tx - sx, v.ty - sy];
    case 3:
      return [v.tx + sy, v.ty - sx];
    default:
      return [v.tx + sx, v.ty + sy];
  }
}

/** Stage point → image point. */
export function toImage(v: View, px: number, py: number): [number, number] {
  const dx = px - v.tx,
    dy = py - v.ty;
  switch (v.turns & 3) {
    case 1:
      return [dy / v.scale, -dx / v.scale];
    case 2:
      return [-dx / v.scale, -dy / v.scale];
    case 3:
      return [-dy / v.scale, dx / v.scale];
    default:
      return [dx / v.scale, dy / v.scale];
  }
}

/** The stage rectangle [x, y, w, h] an image box covers. */
export function boxOnStage(v: View, b: readonly [number, number, number, number]): [number, number, number, number] {
  const [x0, y0] = toStage(v, b[0], b[1]);
  const [x1, y1] = toStage(v, b[0] + b[2], b[1] + b[3]);
  return [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
}

function rotated(image: Size, turns: number): Size {
  return turns & 1 ? { width: image.height, height: image.width } : image;
}

/** Places the rotated image so its top-left lies at (left, top) on the stage. */
function placeAt(scale: number, turns: number, image: Size, left: number, top: number): View {
  const v: View = { scale, turns: turns & 3, tx: 0, ty: 0 };
  const [x, y, ,] = boxOnStage(v, [0, 0, image.width, image.height]);
  v.tx = left - x;
  v.ty = top - y;
  return v;
}

/** The whole page in the stage, centred. */
export function fitPage(image: Size, stage: Size, turns: number): View {
  const r = rotated(image, turns);
  const scale = Math.min(stage.width / r.width, stage.height / r.height);
  return placeAt(scale, turns, image, (stage.width - r.width * scale) / 2, (stage.height - r.height * scale) / 2);
}

/** The page's width across the stage, its top at the top. */
export function fitWidth(image: Size, stage: Size, turns: number): View {
  const r = rotated(image, turns);
  const scale = stage.width / r.width;
  return placeAt(scale, turns, image, 0, Math.max(0, (stage.height - r.height * scale) / 2));
}

export const MIN_SCALE = 0.02,
  MAX_SCALE = 16;

/** Zooms by `factor` keeping the image point under (px, py) where it is. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, v.scale * factor));
  const f = scale / v.scale;
  return { scale, turns: v.turns, tx: px - (px - v.tx) * f, ty: py - (py - v.ty) * f };
}

/** Rotates a quarter turn clockwise about the stage's centre. */
export function rotate(v: View, stage: Size): View {
  const cx = stage.width / 2,
    cy = stage.height / 2;
  const [ix, iy] = toImage(v, cx, cy);
  const turned: View = { ...v, turns: (v.turns + 1) & 3, tx: 0, ty: 0 };
  const [sx, sy] = toStage(turned, ix, iy);
  return { ...turned, tx: cx - sx, ty: cy - sy };
}

/** The view moved as little as needed to show a box whole, with a margin; centred when it must move. */
export function reveal(v: View, box: readonly [number, number, number, number], stage: Size, margin = 24): View {
  const [x, y, w, h] = boxOnStage(v, box);
  if (x >= margin && y >= margin && x + w <= stage.width - margin && y + h <= stage.height - margin) return v;
  return { ...v, tx: v.tx + (stage.width / 2 - (x + w / 2)), ty: v.ty + (stage.height / 2 - (y + h / 2)) };
}

/** The index of the word whose box holds the image point: the smallest such box, exact boxes before line boxes. */
export function wordAtPoint(
  words: readonly { page: number; box: readonly [number, number, number, number] | null; approximate: boolean }[],
  page: number,
  x: number,
  y: number,
): number {
  let best = -1,
    bestArea = Infinity,
    bestApprox = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.page !== page || !w.box) continue;
    const [bx, by, bw, bh] = w.box;
    if (x < bx || x > bx + bw || y < by || y > by + bh) continue;
    const area = bw * bh;
    if ((bestApprox && !w.approximate) || (bestApprox === w.approximate && area < bestArea)) {
      best = i;
      bestArea = area;
      bestApprox = w.approximate;
    }
  }
  return best;
}
