// The views of the preview and of HTML export. Adding a view is one renderer function and one entry in VIEWS;
// the preview's view switcher, the `emend/render` request, the CLI and export all read this list.
import type { Analysis } from '../analysis';
import type { Paragraph } from '../model';
import type { Collation } from '../collate/collation';
import { collationHtml } from '../collate/view';
import type { RenderCache } from './cache';
import { diplomaticParagraph } from './diplomatic';
import { attr, escapeHtml } from './html';
import { readingParagraph } from './reading-html';
import { paragraphSummaries } from './summaries';

/** One block of rendered output: a paragraph (or a row of side by side), with the source lines it comes from. */
export interface RenderedBlock {
  /** Stable while the block's content is unchanged (see RenderCache), so the preview can keep its DOM node. */
  key: string;
  /** First and last zero-based source line, or null for blocks that stand for no source (column headings). */
  line: number | null;
  endLine: number | null;
  /** The whole element, with `data-line`, `data-line-end` and `data-key`. */
  html: string;
  /** A block that only frames the content (column headings): a view of nothing but these is empty. */
  frame?: true;
}

/** What the collation view needs: the document's collation with its witness, why there is none, or null when the
 * document names no witness. Only the language server (which loads witnesses) can answer it. */
export type CollationSource = () => { collation: Collation } | { error: string } | null;

export interface RenderInput {
  analysis: Analysis;
  cache: RenderCache;
  /** For the collation view; absent where no witness can be loaded (the CLI's `render`). */
  collation?: CollationSource;
}

export interface PreviewView {
  id: string;
  /** Short name for the view switcher. */
  label: string;
  /** One sentence for tooltips and `emend render --help`. */
  description: string;
  blocks(input: RenderInput): RenderedBlock[];
}

export const VIEWS: readonly PreviewView[] = [
  {
    id: 'diplomatic',
    label: 'Diplomatic',
    description: 'The page as written: deletions struck through, insertions raised with a caret, other hands set apart.',
    blocks: (input) => paragraphBlocks(input, 'diplomatic', 'p', 'emend-p', (src, p) => diplomaticParagraph(src, p)),
  },
  {
    id: 'final',
    label: 'Final',
    description: 'The text as revised: deletions dropped, insertions kept.',
    blocks: (input) => paragraphBlocks(input, 'final', 'p', 'emend-p', (src, p) => readingParagraph(src, p, 'final', false).html),
  },
  {
    id: 'draft',
    label: 'Draft',
    description: 'The text as first written: deletions kept, insertions dropped.',
    blocks: (input) => paragraphBlocks(input, 'draft', 'p', 'emend-p', (src, p) => readingParagraph(src, p, 'draft', false).html),
  },
  {
    id: 'side-by-side',
    label: 'Side by side',
    description: 'Draft and final in two columns, paragraph by paragraph, with the changed words highlighted.',
    blocks: (input) => [SIDE_BY_SIDE_HEADING, ...paragraphBlocks(input, 'side-by-side', 'div', 'emend-row', sideBySideRow)],
  },
  {
    id: 'collation',
    label: 'Collation',
    description: 'The final reading compared with the witness named in the header, every variant marked with the witness\'s reading.',
    blocks: collationBlocks,
  },
];

export const VIEW_IDS: readonly string[] = VIEWS.map((v) => v.id);
export const DEFAULT_VIEW = 'diplomatic';

export function findView(id: string): PreviewView | undefined {
  return VIEWS.find((v) => v.id === id);
}

const SIDE_BY_SIDE_HEADING: RenderedBlock = {
  key: 'side-by-side-heading',
  line: null,
  endLine: null,
  frame: true,
  html: '<div class="emend-row emend-row-heading" data-key="side-by-side-heading">'
    + '<div class="emend-col emend-col-draft">Draft</div><div class="emend-col emend-col-final">Final</div></div>',
};

function sideBySideRow(src: string, p: Paragraph): string {
  const summaries = paragraphSummaries(src, p);
  const draft = readingParagraph(src, p, 'draft', true, summaries);
  const final = readingParagraph(src, p, 'final', true, summaries);
  const cell = (which: 'draft' | 'final', r: { html: string; empty: boolean }) =>
    `<div class="emend-col emend-col-${which}${r.empty ? ' emend-col-empty' : ''}"${attr('aria-label', which === 'draft' ? 'Draft' : 'Final')}>`
    + (r.empty ? `<span class="emend-absent">(not in the ${which})</span>` : r.html) + '</div>';
  return cell('draft', draft) + cell('final', final);
}

/**
 * One block per source paragraph whose inner HTML `inner` gives ('' leaves the paragraph out), cached by the
 * paragraph's text. The element carries the paragraph's source lines for scroll sync and double-click reveal.
 */
export function paragraphBlocks(input: RenderInput, view: string, tag: string, cls: string,
  inner: (source: string, p: Paragraph) => string): RenderedBlock[] {
  const { analysis, cache } = input;
  const src = analysis.source;
  const lines = analysis.lines;
  const out: RenderedBlock[] = [];
  for (const p of analysis.doc.paragraphs) {
    const { key, html } = cache.get(view, src.slice(p.start, p.end), () => inner(src, p));
    if (html === '') continue;
    const line = lines.positionAt(p.start).line;
    const endLine = lines.positionAt(p.end).line;
    out.push({
      key, line, endLine,
      html: `<${tag} class="emend-block ${cls}" data-line="${line}" data-line-end="${endLine}" data-key="${key}">${html}</${tag}>`,
    });
  }
  return out;
}

let collationRenders = 0;

/**
 * The collation view: one block, the collation's own HTML (core/collate/view.ts), whose paragraphs carry their
 * source lines; or a message saying why there is nothing to compare. The collation changes with either text, so the
 * block gets a new key each time and is replaced whole.
 */
function collationBlocks(input: RenderInput): RenderedBlock[] {
  const r = input.collation ? input.collation() : undefined;
  const message = r === undefined
    ? 'The collation view needs the witness, which the editor loads; on the command line use `emend collate`.'
    : r === null
      ? 'This transcription names no witness to compare with: add a `witness:` line to its header (Emend: Compare with Witness…).'
      : 'error' in r ? `The witness cannot be compared: ${r.error}` : null;
  if (message !== null || !r || 'error' in r) {
    return [{ key: `collation-message-${++collationRenders}`, line: null, endLine: null,
      html: `<p class="emend-block emend-collation-message" data-key="collation-message-${collationRenders}">${escapeHtml(message ?? '')}</p>` }];
  }
  const key = `collation-${++collationRenders}`;
  return [{ key, line: null, endLine: null, html: `<div class="emend-collation-block" data-key="${key}">${collationHtml(input.analysis, r.collation)}</div>` }];
}
