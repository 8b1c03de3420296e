// The revisions a collation check looks at: insertions (alone or in a substitution), found by walking the tree
// the one parser built (no second reading of the markup), and the words of the final reading inside a span.
import type { EmendDocument, Inline, MarkNode, SubstNode, Span } from '../model';
import type { Side } from './collation';

export interface Revision {
  /** The whole revision: a lone mark or a substitution. */
  node: MarkNode | SubstNode;
  /** Its insertion, if any. */
  insertion: MarkNode | null;
  /** Its deletion, if any. */
  deletion: MarkNode | null;
}

/** Deletions, insertions and substitutions at any depth, in document order (text in another hand is looked into). */
export function revisions(doc: EmendDocument): Revision[] {
  const out: Revision[] = [];
  const walk = (nodes: Inline[]): void => {
    for (const n of nodes) {
      if (n.kind === 'subst') {
        const ins = n.first.kind === 'add' ? n.first : n.second;
        const del = n.first.kind === 'del' ? n.first : n.second;
        out.push({ node: n, insertion: ins, deletion: del });
        walk(n.first.children);
        walk(n.second.children);
      } else if (n.kind === 'add') {
        out.push({ node: n, insertion: n, deletion: null });
        walk(n.children);
      } else if (n.kind === 'del') {
        out.push({ node: n, insertion: null, deletion: n });
        walk(n.children);
      } else if (n.kind === 'hand') walk(n.children);
    }
  };
  for (const p of doc.paragraphs) walk(p.children);
  return out;
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
  let lo = 0, hi = s.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (s[mid]! < start) lo = mid + 1; else hi = mid; }
  let to = lo;
  while (to < s.length && side.srcEnds[to]! <= end) to++;
  return [lo, to];
}
