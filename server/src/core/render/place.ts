// Where a place in the preview comes from: the character `textOffset` characters into a paragraph as a view shows it
// (the text content of its block, or of a side-by-side column) back to its offset in the source, so that a double
// click in the preview puts the cursor on the word clicked, not at the paragraph's start. It follows the renderers:
// the diplomatic view shows every character of the source except the marks' delimiters (carets are CSS, not text);
// the reading views show the paragraph's reading, whose source map leads back.
import { type EmendDocument, type Inline, isEditorial } from '../model';
import { visibleText } from './editorial-html';
import { DEFAULT_SIGLA, type Sigla } from './sigla';
import { paragraphReading, type ReadingOptions } from '../readings';

export type PlaceView = 'diplomatic' | 'draft' | 'final';
export const PLACE_VIEWS: readonly PlaceView[] = ['diplomatic', 'draft', 'final'];

/** The source offset shown `textOffset` characters into paragraph `index` of `doc` in `view` (clamped to the
 *  paragraph); `options`: how supplied text and gaps show in the readings, as the preview rendered them. */
export function sourceOffsetInView(
  doc: EmendDocument,
  index: number,
  view: PlaceView,
  textOffset: number,
  options: Pick<ReadingOptions, 'supplied' | 'gap'> = {},
  sigla: Sigla = DEFAULT_SIGLA,
): number {
  const p = doc.paragraphs[index]!;
  const k = Math.max(0, Math.floor(textOffset));
  if (view === 'diplomatic') {
    const found = walk(p.children, k, sigla);
    return typeof found === 'number' ? found : p.end;
  }
  const r = paragraphReading(doc, index, view, options);
  return Math.min(p.end, Math.max(p.start, r.map.toSource(Math.min(k, r.text.length))));
}

/** The offset of the k-th shown character among `nodes`, or how many characters they show when fewer than k+1. */
function walk(nodes: Inline[], k: number, sigla: Sigla): number | { shown: number } {
  let left = k;
  const text = (start: number, end: number): number | null => {
    if (left < end - start) return start + left;
    left -= end - start;
    return null;
  };
  for (const node of nodes) {
    if (node.kind === 'text') {
      const at = text(node.start, node.end);
      if (at !== null) return at;
    } else if (node.kind === 'escape') {
      // `\}` shows as `}`: the character escaped.
      if (left === 0) return node.end - 1;
      left -= 1;
    } else if (isEditorial(node)) {
      const shown = visibleText(node, sigla).length;
      if (left < shown) return node.start;
      left -= shown;
    } else if (node.kind === 'subst') {
      for (const part of [node.first, 'between', node.second] as const) {
        if (part === 'between') {
          const at = text(node.first.end, node.second.start);
          if (at !== null) return at;
          continue;
        }
        const inner = walk(part.children, left, sigla);
        if (typeof inner === 'number') return inner;
        left -= inner.shown;
      }
    } else {
      const inner = walk(node.children, left, sigla);
      if (typeof inner === 'number') return inner;
      left -= inner.shown;
    }
  }
  return { shown: k - left };
}
