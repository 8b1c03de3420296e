// The reading views (draft, final, and each column of side by side): the core's reading of one paragraph, escaped,
// with the parts that came from a mark wrapped so they can be styled (other hands) or highlighted (changed words).
import { type EmendDocument, type Inline, isEditorial, type MarkNode } from '../model';
import { paragraphReading, type Reading, type ReadingOptions } from '../readings';
import { decorate, type Decoration } from './decorate';
import { attr } from './html';
import { paragraphSummaries, type Summaries } from './summaries';

export type ReadingView = 'draft' | 'final';

export interface ReadingParagraphHtml {
  /** Inner HTML; '' when the reading leaves the paragraph empty. */
  html: string;
  empty: boolean;
}

/**
 * Paragraph `index` of `doc` in one reading. With `highlightChanges`, the text that the revision changed is marked: in the
 * draft what was later struck, in the final what was added (each titled with its revision's summary). `options`: how
 * supplied text and gaps show (the document's settings).
 */
export function readingParagraph(
  doc: EmendDocument,
  index: number,
  kind: ReadingView,
  highlightChanges: boolean,
  known?: Summaries,
  options: Pick<ReadingOptions, 'supplied' | 'gap'> = {},
): ReadingParagraphHtml {
  const r = paragraphReading(doc, index, kind, options);
  if (r.text.length === 0) return { html: '', empty: true };
  const decorations: Decoration[] = [];
  const summaries = highlightChanges ? (known ?? paragraphSummaries(doc, index)) : new Map();
  collect(doc.paragraphs[index]!.children, kind, highlightChanges, summaries, r, decorations);
  return { html: decorate(r.text, decorations), empty: false };
}

function collect(
  nodes: Inline[],
  kind: ReadingView,
  changes: boolean,
  summaries: Summaries,
  r: Reading,
  out: Decoration[],
): void {
  for (const node of nodes) {
    if (node.kind === 'text' || node.kind === 'escape' || isEditorial(node)) continue;
    if (node.kind === 'subst') {
      const title = summaries.get(node);
      mark(node.first, kind, changes, summaries, r, out, title);
      mark(node.second, kind, changes, summaries, r, out, title);
    } else {
      mark(node, kind, changes, summaries, r, out, summaries.get(node));
    }
  }
}

function mark(
  node: MarkNode,
  kind: ReadingView,
  changes: boolean,
  summaries: Summaries,
  r: Reading,
  out: Decoration[],
  title: string | undefined,
): void {
  const kept =
    node.kind === 'hand' || node.kind === 'supplied' || (node.kind === 'del' ? kind === 'draft' : kind === 'final');
  if (!kept) return;
  const start = r.map.toReading(node.start);
  const end = r.map.toReading(node.end);
  if (node.kind === 'hand' || node.kind === 'supplied') {
    out.push({ start, end, open: `<span class="emend-${node.kind}">`, close: '</span>' });
  } else if (changes) {
    const cls = node.kind === 'del' ? 'emend-changed emend-changed-del' : 'emend-changed emend-changed-add';
    out.push({ start, end, open: `<mark class="${cls}"${attr('title', title)}>`, close: '</mark>' });
  }
  collect(node.children, kind, changes, summaries, r, out);
}
