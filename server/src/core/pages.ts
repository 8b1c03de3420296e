// The pages of a transcription as its page breaks (`|page{12 | p12.jpg}`) mark them: where each begins, its
// number and its image. What the facsimile (one image a page) and the outline (pages as a level) read.
import type { BreakNode, EmendDocument, Inline } from './model';
import { mark } from './model';

/** The page and column breaks among `nodes`, in order, wherever they stand (inside a deletion or a hand's stretch too). */
export function breaksIn(nodes: readonly Inline[], out: BreakNode[] = []): BreakNode[] {
  for (const n of nodes) {
    if (n.kind === 'page' || n.kind === 'column') out.push(n);
    else if (n.kind === 'subst') breaksIn([n.first, n.second], out);
    else if (mark(n)) breaksIn(n.children, out);
  }
  return out;
}

/** The page breaks among `nodes`, in order, at any depth. */
export function pageBreaks(nodes: readonly Inline[]): BreakNode[] {
  return breaksIn(nodes).filter((b) => b.kind === 'page');
}

/** Whether the source holds anything but white space and marks of no text between `start` and `end`. */
function hasText(doc: EmendDocument, start: number, end: number): boolean {
  for (const p of doc.paragraphs) {
    if (p.end <= start || p.start >= end) continue;
    for (const n of p.children) {
      if (n.end <= start || n.start >= end) continue;
      if (n.kind === 'page' || n.kind === 'column' || n.kind === 'note') continue;
      if (n.kind !== 'text') return true;
      for (let i = Math.max(n.start, start); i < Math.min(n.end, end); i++) {
        const c = doc.source.charCodeAt(i);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
      }
    }
  }
  return false;
}

export interface MarkedPage {
  /** Where the page's text begins: its page break's start, or the body's for text before the first break. */
  start: number;
  /** The number the page break gives ('' for none, and for the text before the first break). */
  n: string;
  /** The image its page break names ('' for none). */
  image: string;
  /** The layout file its page break names ('' for none). */
  layout: string;
}

/**
 * The pages the page breaks make: one for the text before the first break (only if there is any), then one per
 * break. Empty when the transcription has no page break.
 */
export function markedPages(doc: EmendDocument): MarkedPage[] {
  const breaks = doc.paragraphs.flatMap((p) => pageBreaks(p.children));
  if (breaks.length === 0) return [];
  const pages: MarkedPage[] = [];
  if (hasText(doc, doc.bodyStart, breaks[0]!.start)) pages.push({ start: doc.bodyStart, n: '', image: '', layout: '' });
  for (const b of breaks) pages.push({ start: b.start, n: b.n, image: b.image, layout: b.layout });
  return pages;
}

/** The index of the page, among pages beginning at `starts` (ascending), that the offset falls on (-1 before the first). */
export function pageAt(starts: readonly number[], offset: number): number {
  let lo = 0,
    hi = starts.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
