// Boxes and polygons in image pixels: bounding boxes, unions, intersection over union, and the part of a word's
// box that a run of its characters covers.
import type { Box } from './layout';

/** The bounding box of flat [x0, y0, x1, y1, …] points; null for fewer than one point. */
export function boundingBox(points: readonly number[]): Box | null {
  if (points.length < 2) return null;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let k = 0; k + 1 < points.length; k += 2) {
    const x = points[k]!,
      y = points[k + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function boxPolygon(b: Box): number[] {
  return [b.x, b.y, b.x + b.w, b.y, b.x + b.w, b.y + b.h, b.x, b.y + b.h];
}

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x),
    y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function area(b: Box): number {
  return Math.max(0, b.w) * Math.max(0, b.h);
}

/** Intersection over union of two boxes, in [0, 1]. */
export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const u = area(a) + area(b) - inter;
  return u > 0 ? inter / u : 0;
}

/** Whether the point lies in the box (edges included). */
export function contains(b: Box, x: number, y: number): boolean {
  return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
}

/**
 * The part of a word's box that characters [from, to) of its `length` cover: from the glyph boxes when the
 * layout has them, else a horizontal slice in proportion to the characters (the word's full height).
 */
export function charsBox(box: Box, glyphs: readonly Box[] | null, length: number, from: number, to: number): Box {
  if (from <= 0 && to >= length) return box;
  if (glyphs && glyphs.length === length && to > from) {
    let out = glyphs[from]!;
    for (let k = from + 1; k < to; k++) out = union(out, glyphs[k]!);
    // Glyphs are often tighter than the word vertically; keep the word's height so boxes of one line line up.
    return { x: out.x, y: box.y, w: out.w, h: box.h };
  }
  const x0 = box.x + (box.w * Math.max(0, from)) / length;
  const x1 = box.x + (box.w * Math.min(length, to)) / length;
  return { x: x0, y: box.y, w: Math.max(0, x1 - x0), h: box.h };
}

/** Rounds a box to whole pixels (outward), for output. */
export function roundBox(b: Box): Box {
  const x = Math.floor(b.x),
    y = Math.floor(b.y);
  return { x, y, w: Math.ceil(b.x + b.w) - x, h: Math.ceil(b.y + b.h) - y };
}
