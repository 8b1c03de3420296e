// Set Placement of Insertion: the keyword between `^` and the insertion's brace (or angle bracket) that says where
// it stands on the page (docs/markup.md, "Placement of an insertion"). Only the keyword changes; `above`, the default,
// is written as no keyword.
import type { Analysis } from './analysis';
import type { Inline, MarkNode, TextEdit } from './model';
import { mark } from './model';
import { PLACEMENTS, type Placement } from './editorial';
import type { ToggleResult } from './toggle-mark';
export { PLACEMENTS, type Placement } from './editorial';
import { paragraphAt } from './toggle-mark';

/** The innermost insertion holding `offset` (its delimiters included), if any. */
export function insertionAt(analysis: Analysis, offset: number): MarkNode | undefined {
  const para = paragraphAt(analysis.doc, offset);
  if (!para) return undefined;
  let found: MarkNode | undefined;
  const walk = (nodes: Inline[]): void => {
    for (const n of nodes) {
      if (n.end < offset || offset < n.start) continue;
      if (n.kind === 'subst') walk([n.first, n.second]);
      else if (mark(n)) {
        if (n.kind === 'add') found = n;
        walk(n.children);
      }
    }
  };
  walk(para.children);
  return found;
}

/** An insertion's placement as written: its keyword, or `above` for none (and for one Emend does not know). */
export function placementOf(m: MarkNode): Placement {
  return (PLACEMENTS as readonly string[]).includes(m.keyword) ? (m.keyword as Placement) : 'above';
}

/** The edit giving the insertion at `offset` the placement `to`; refused when no insertion holds the cursor. */
export function setPlacement(analysis: Analysis, offset: number, to: Placement): ToggleResult {
  const m = insertionAt(analysis, offset);
  if (!m)
    return {
      ok: false,
      message: 'There is no insertion at the cursor; put the cursor in an insertion `^{…}` to set where it stands.',
    };
  const keyword = to === 'above' ? '' : to;
  // The keyword stands between the `^` and the bracket, which is the opener's last character.
  const edits: TextEdit[] = [];
  if (keyword !== m.keyword) edits.push({ start: m.open.start + 1, end: m.open.end - 1, newText: keyword });
  const shift = keyword.length - m.keyword.length;
  // The cursor stays where it was in the text.
  const at = offset >= m.open.end ? offset + shift : offset;
  return { ok: true, action: 'wrap', edits, selection: { start: at, end: at } };
}
