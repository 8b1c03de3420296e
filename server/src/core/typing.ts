// Quiet while typing: which problems the editor holds back at the cursor. A mark being typed is incomplete by
// nature — `~~tell` is an unclosed deletion until its closing `~~` comes, a `^{}` is empty until its words come — so
// reporting it at once turns the file red and offers fixes for what the transcriber is about to type anyway.
//
//   - While the transcriber is typing (the last edit was within the pause, see lsp/typing.ts), every problem of
//     the mark the cursor is in (from its opener to where it ends, for an unclosed mark its paragraph's end) and
//     every problem touching the cursor (a half-typed word against the witness) is held back.
//   - Whether typing or not, an empty mark with the cursor inside it is held back: it is the place being typed into.
//
// Once the transcriber pauses, or leaves the mark, everything is reported again. Nothing is lost: the problems are
// only held back from the editor; `emend check` and every other reader of `diagnose()` see them all.
import { type EmendDocument, type Inline, mark, type MarkNode, type Problem, type Span } from './model';

/** The marks around `offset`, outermost first: those it lies inside of or at the open end of (an unclosed mark). */
export function marksAround(doc: EmendDocument, offset: number): MarkNode[] {
  const paragraphs = doc.paragraphs;
  let lo = 0,
    hi = paragraphs.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || offset > paragraphs[found]!.end) return [];
  const chain: MarkNode[] = [];
  let nodes: Inline[] = paragraphs[found]!.children;
  for (;;) {
    let next: MarkNode | null = null;
    for (const n of nodes) {
      const marks = n.kind === 'subst' ? [n.first, n.second] : mark(n) ? [n] : [];
      for (const m of marks) if (inside(m, offset)) next = m;
    }
    if (!next) return chain;
    chain.push(next);
    nodes = next.children;
  }
}

/** Whether `offset` is inside the mark: after its opener, and before its end (or at it, while it is not closed). */
function inside(m: MarkNode, offset: number): boolean {
  return m.open.end <= offset && (offset < m.end || (m.close === null && offset === m.end));
}

function touches(p: Span, offset: number): boolean {
  return p.start <= offset && offset <= p.end;
}

function within(p: Span, m: MarkNode): boolean {
  return p.start >= m.start && p.end <= m.end;
}

/**
 * The problems to hold back from the editor, given the cursors (source offsets) and whether the transcriber is
 * typing. The rest are reported.
 */
export function heldAtCursors(
  doc: EmendDocument,
  problems: readonly Problem[],
  cursors: readonly number[],
  typing: boolean,
): Set<Problem> {
  const held = new Set<Problem>();
  for (const cursor of cursors) {
    const marks = marksAround(doc, cursor);
    const innermost = marks[marks.length - 1];
    for (const p of problems) {
      if (p.code === 'empty-mark' && p.start < cursor && cursor < p.end) held.add(p);
      else if (typing && (touches(p, cursor) || (innermost !== undefined && within(p, innermost)))) held.add(p);
    }
  }
  return held;
}
