// What the collation checks need of the tree the one parser built: a revision's insertion and deletion, whether
// a span touches a mark, and the words of the final reading inside a span.
import type { EmendDocument, Inline, MarkNode, SubstNode, Span } from '../model';
import type { Side } from './collation';

/** The insertion and the deletion of a revision (a lone mark has one of them; text in another hand neither). */
export function revisionParts(node: MarkNode | SubstNode): { insertion: MarkNode | null; deletion: MarkNode | null } {
  if (node.kind === 'subst') {
    return {
      insertion: node.first.kind === 'add' ? node.first : node.second,
      deletion: node.first.kind === 'del' ? node.first : node.second,
    };
  }
  return { insertion: node.kind === 'add' ? node : null, deletion: node.kind === 'del' ? node : null };
}

/** Whether any mark of the document overlaps [start, end) or contains it. */
export function touchesMark(doc: EmendDocument, start: number, end: number): boolean {
  const hit = (nodes: Inline[]): boolean => {
    for (const n of nodes) {
      if (n.kind === 'text' || n.kind === 'escape') continue;
      if (n.start < end && start < n.end) return true;
      if (n.start >= end) return false;
    }
    return false;
  };
  for (const p of doc.paragraphs) {
    if (p.end <= start) continue;
    if (p.start >= end) break;
    if (hit(p.children)) return true;
  }
  return false;
}

/** The outermost mark containing `offset` strictly inside it, or null. */
export function markAround(doc: EmendDocument, offset: number): Span | null {
  for (const p of doc.paragraphs) {
    if (offset < p.start || offset > p.end) continue;
    for (const n of p.children) {
      if (n.kind === 'text' || n.kind === 'escape') continue;
      if (n.start < offset && offset < n.end) return n;
    }
  }
  return null;
}

/** Words of a side whose source range lies inside [start, end): [from, to). */
export function wordsIn(side: Side, start: number, end: number): [number, number] {
  const s = side.srcStarts;
  let lo = 0,
    hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < s.length && side.srcEnds[to]! <= end) to++;
  return [lo, to];
}
