// Going from revision to revision: the next or previous one from an offset, wrapping around the document
// as VS Code's "next problem" does.
import type { Span } from './model';

export interface Step<T extends Span> {
  revision: T;
  index: number;
  /** True when the search went past the end (or start) of the document and came round. */
  wrapped: boolean;
}

/** The first revision starting after `offset` (or the first of all, wrapping). `revs` sorted by start. */
export function nextRevision<T extends Span>(revs: readonly T[], offset: number): Step<T> | undefined {
  if (revs.length === 0) return undefined;
  let lo = 0,
    hi = revs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (revs[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < revs.length
    ? { revision: revs[lo]!, index: lo, wrapped: false }
    : { revision: revs[0]!, index: 0, wrapped: true };
}

/** The last revision starting before `offset` (or the last of all, wrapping). `revs` sorted by start. */
export function previousRevision<T extends Span>(revs: readonly T[], offset: number): Step<T> | undefined {
  if (revs.length === 0) return undefined;
  let lo = 0,
    hi = revs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (revs[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  const k = lo - 1;
  return k >= 0
    ? { revision: revs[k]!, index: k, wrapped: false }
    : { revision: revs[revs.length - 1]!, index: revs.length - 1, wrapped: true };
}
