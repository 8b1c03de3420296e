// Places in a collation: which witness words stand where some transcription words stand, and which words are
// matched in order (not moved). Shared by the checks, the hover and the review.
import type { Collation } from './collation';

/** The last word of A before `i` matched in order, or -1. */
function matchedBefore(c: Collation, i: number): number {
  const al = c.alignment;
  for (let k = i - 1; k >= 0; k--) if (al.aToB[k] !== -1 && !al.moved[k]) return k;
  return -1;
}

/** The first word of A from `i` on matched in order, or A's length. */
function matchedFrom(c: Collation, i: number): number {
  const al = c.alignment;
  for (let k = i; k < al.aToB.length; k++) if (al.aToB[k] !== -1 && !al.moved[k]) return k;
  return al.aToB.length;
}

/** The witness words [g0, g1) standing where A's words [from, to) stand: between the in-order matches around them. */
export function witnessGap(c: Collation, from: number, to: number): [number, number] {
  const before = matchedBefore(c, from),
    after = matchedFrom(c, to);
  const g0 = before < 0 ? 0 : c.alignment.aToB[before]! + 1;
  const g1 = after >= c.alignment.aToB.length ? c.b.words.length : c.alignment.aToB[after]!;
  return [g0, Math.max(g0, g1)];
}

/** Whether word `i` of the transcription is matched in order (not moved, not unmatched). */
export function inOrder(c: Collation, i: number): boolean {
  return c.alignment.aToB[i] !== -1 && !c.alignment.moved[i];
}
