// The revisions a collation check looks at: insertions (alone or in a substitution), found by walking the tree
// the one parser built (no second reading of the markup), and the words of the final reading inside a span.
import type { EmendDocument, Inline, MarkNode, SubstNode, Span } from '../model';
import type { Side } from './collation';
import { revisions } from '../revisions';

/** A revision as the collation checks see it: the node with its insertion and deletion picked out. */
export interface MarkRevision {
  /** The whole revision: a lone mark or a substitution. */
  node: MarkNode | SubstNode;
  /** Its insertion, if any. */
  insertion: MarkNode | null;
  /** Its deletion, if any. */
  deletion: MarkNode | null;
}

/** Deletions, insertions and substitutions at any depth, in document order (from core/revisions.ts; hands left out). */
export function markRevisions(doc: EmendDocument): MarkRevision[] {
  const out: MarkRevision[] = [];
  for (const r of revisions(doc)) {
    const n = r.node;
    if (n.kind === 'subst') {
      out.push({ node: n, insertion: n.first.kind === 'add' ? n.first : n.second, deletion: n.first.kind === 'del' ? n.first : n.second });
    } else if (n.kind === 'add') {
      out.push({ node: n, insertion: n, deletion: null });
    } else if (n.kind === 'del') {
      out.push({ node: n, insertion: null, deletion: n });
    }
  }
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
