// The one-line summary of each revision of a paragraph (from core/revisions.ts), keyed by its node, so every view
// can put the same words as the editor's hover on the element that shows the revision.
import type { EmendDocument, MarkNode, SubstNode } from '../model';
import { paragraphRevisions } from '../revisions';

export type Summaries = Map<MarkNode | SubstNode, string>;

/** The summaries of the revisions in paragraph `index` of `doc`. */
export function paragraphSummaries(doc: EmendDocument, index: number): Summaries {
  const map: Summaries = new Map();
  for (const r of paragraphRevisions(doc, index, index + 1)) map.set(r.node, r.summary);
  return map;
}
