// What the witness suggests at a gap or an unclear reading, in words: the hover's line ("Gap: about 3 words,
// illegible — the witness reads “and the”"), the collation listing's and the view's. Plain text; callers escape.
import { editorialTitle } from '../render/editorial-html';
import type { Collation } from './collation';
import { aPhrase, bLine, bPhrase } from './describe';
import type { Suggestion } from './uncertain';

/** The mark's title ("Gap: about 3 words, illegible", "Unclear: word or ward"), as the editor's hover says it. */
export function suggestionMark(s: Suggestion): string {
  return editorialTitle(s.node);
}

/** What the witness reads there: its words, or '' when it has none. */
export function suggestionWords(c: Collation, s: Suggestion, max?: number): string {
  return bPhrase(c, s.bFrom, s.bTo, max);
}

/** The transcription's side in a listing: an unclear reading's words, a gap's placeholder. */
export function suggestionPlace(c: Collation, s: Suggestion, max?: number): string {
  return s.node.kind === 'gap' ? '[…]' : aPhrase(c, s.aFrom, s.aTo, max);
}

/** One-based line of the witness file where its suggestion stands. */
export function suggestionLine(c: Collation, s: Suggestion): number {
  return bLine(c, s.bFrom);
}

/** The suggestion at a source offset of the transcription (inside the gap or unclear mark), or undefined. */
export function suggestionAt(c: Collation, offset: number): Suggestion | undefined {
  const list = c.suggestions;
  let lo = 0,
    hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = list[mid]!.node;
    if (n.end <= offset) lo = mid + 1;
    else if (n.start > offset) hi = mid - 1;
    else return list[mid];
  }
  return undefined;
}
