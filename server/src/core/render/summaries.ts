// The one-line summary of each revision of a paragraph (from core/revisions.ts), keyed by its node, so every view
// can put the same words as the editor's hover on the element that shows the revision.
import type { EmendDocument, MarkNode, Paragraph, SubstNode } from '../model';
import { revisions } from '../revisions';

export type Summaries = Map<MarkNode | SubstNode, string>;

/** A document holding only `p`: readings and revisions of one paragraph, independent of the others. */
export function paragraphDocument(source: string, p: Paragraph): EmendDocument {
  return { source, header: null, bodyStart: p.start, paragraphs: [p], problems: [] };
}

export function paragraphSummaries(source: string, p: Paragraph): Summaries {
  const map: Summaries = new Map();
  for (const r of revisions(paragraphDocument(source, p))) map.set(r.node, r.summary);
  return map;
}
