// Scroll sync between a source line and a vertical offset in the preview: pure arithmetic over the rendered blocks'
// positions, so both directions can be tested without a browser. Lines are zero-based and may be fractional.

export interface Anchor {
  /** First and last source line of the block. */
  line: number;
  endLine: number;
  /** Offset of the block's top from the top of the page, and its height, in pixels. */
  top: number;
  height: number;
}

/** The (fractional) source line shown at page offset `y`. Anchors are in page order. */
export function lineAtOffset(anchors: readonly Anchor[], y: number): number {
  if (anchors.length === 0) return 0;
  const first = anchors[0]!;
  if (y <= first.top) return (first.line * Math.max(0, y)) / Math.max(1, first.top);
  // The last anchor whose top is at or above y.
  let lo = 0,
    hi = anchors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (anchors[mid]!.top <= y) lo = mid;
    else hi = mid - 1;
  }
  const a = anchors[lo]!;
  const bottom = a.top + a.height;
  const span = a.endLine - a.line + 1;
  if (y < bottom) return a.line + (span * (y - a.top)) / Math.max(1, a.height);
  const next = anchors[lo + 1];
  if (!next) return a.endLine + 1;
  // In the gap between two blocks: between the line after this block and the next block's line.
  const gap = Math.max(1, next.top - bottom);
  return a.endLine + 1 + (next.line - a.endLine - 1) * Math.min(1, (y - bottom) / gap);
}

/** The page offset at which source line `line` (fractional) begins. Inverse of lineAtOffset where blocks exist. */
export function offsetOfLine(anchors: readonly Anchor[], line: number): number {
  if (anchors.length === 0 || line <= 0) return 0;
  const first = anchors[0]!;
  if (line < first.line) return (first.top * line) / Math.max(1, first.line);
  let lo = 0,
    hi = anchors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (anchors[mid]!.line <= line) lo = mid;
    else hi = mid - 1;
  }
  const a = anchors[lo]!;
  const span = a.endLine - a.line + 1;
  if (line < a.endLine + 1) return a.top + (a.height * (line - a.line)) / span;
  const bottom = a.top + a.height;
  const next = anchors[lo + 1];
  if (!next) return bottom;
  const lines = next.line - a.endLine - 1;
  return lines <= 0 ? next.top : bottom + ((next.top - bottom) * (line - a.endLine - 1)) / lines;
}

/** The index of the anchor whose lines contain `line`, or of the last one before it; -1 when none. */
export function anchorForLine(anchors: readonly Anchor[], line: number): number {
  let found = -1;
  let lo = 0,
    hi = anchors.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
