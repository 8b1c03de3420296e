// The views of the preview and of HTML export. Adding a view is one renderer function and one entry in VIEWS;
// the preview's view switcher, the `emend/render` request, the CLI and export all read this list.
import type { Analysis } from '../analysis';
import type { EmendDocument } from '../model';
import type { ReadingOptions } from '../readings';
import type { RenderCache } from './cache';
import { diplomaticParagraph } from './diplomatic';
import { DEFAULT_SIGLA, type Sigla } from './sigla';
import { headerValue } from '../header';
import { attr } from './html';
import { readingParagraph } from './reading-html';
import { paragraphSummaries } from './summaries';
import { collationBlocks, type CollationSource } from '../collate/view';

/** One block of rendered output: a paragraph (or a row of side by side), with the source lines it comes from. */
export interface RenderedBlock {
  /** Stable while the block's content is unchanged (see RenderCache), so the preview can keep its DOM node. */
  key: string;
  /** First and last zero-based source line, or null for blocks that stand for no source (column headings). */
  line: number | null;
  endLine: number | null;
  /** The whole element, with `data-line`, `data-line-end` and `data-key`. */
  html: string;
}

export interface RenderInput {
  analysis: Analysis;
  cache: RenderCache;
  /** For the collation view: the collation with the witness, or why there is none (the server supplies it). */
  collation?: CollationSource;
  /** How the diplomatic view draws the editorial marks (setting `emend.preview.sigla`). */
  sigla?: Sigla;
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
    description:
      'The page as written: deletions struck through, insertions raised with a caret, other hands set apart.',
    blocks: (input) => {
      const sigla = input.sigla ?? DEFAULT_SIGLA;
      // A paragraph's titles name its hands from the header: a changed `hands:` line renders the paragraphs again.
      const hands = headerValue(input.analysis.doc.header, 'hands')?.value ?? '';
      const name = `diplomatic${sigla === DEFAULT_SIGLA ? '' : `-${sigla}`}${hands ? `-h${hash(hands)}` : ''}`;
      return paragraphBlocks(input, name, 'p', 'emend-p', (doc, k) => diplomaticParagraph(doc, k, sigla));
    },
  },
  {
    id: 'final',
    label: 'Final',
    description: 'The text as revised: deletions dropped, insertions kept.',
    blocks: (input) =>
      paragraphBlocks(
        input,
        'final',
        'p',
        'emend-p',
        (doc, k) => readingParagraph(doc, k, 'final', false, undefined, input.analysis.options).html,
      ),
  },
  {
    id: 'draft',
    label: 'Draft',
    description: 'The text as first written: deletions kept, insertions dropped.',
    blocks: (input) =>
      paragraphBlocks(
        input,
        'draft',
        'p',
        'emend-p',
        (doc, k) => readingParagraph(doc, k, 'draft', false, undefined, input.analysis.options).html,
      ),
  },
  {
    id: 'side-by-side',
    label: 'Side by side',
    description: 'Draft and final in two columns, paragraph by paragraph, with the changed words highlighted.',
    blocks: (input) => [
      SIDE_BY_SIDE_HEADING,
      ...paragraphBlocks(input, 'side-by-side', 'div', 'emend-row', (doc, k) =>
        sideBySideRow(doc, k, input.analysis.options),
      ),
    ],
  },
  {
    id: 'collation',
    label: 'Collation',
    description:
      'The final reading with the witness’s variants marked and its readings beside them, and the share of words that agree.',
    blocks: (input) =>
      collationBlocks(
        input.analysis,
        input.collation ?? {
          message:
            'No witness to compare with: name one in the header (witness: path), or run Emend: Compare with Witness….',
        },
        input.cache,
      ),
  },
];

/** A short number for a string (FNV-1a), to tell apart cache generations; not for security. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export const VIEW_IDS: readonly string[] = VIEWS.map((v) => v.id);
export const DEFAULT_VIEW = 'diplomatic';

export function findView(id: string): PreviewView | undefined {
  return VIEWS.find((v) => v.id === id);
}

const SIDE_BY_SIDE_HEADING: RenderedBlock = {
  key: 'side-by-side-heading',
  line: null,
  endLine: null,
  html:
    '<div class="emend-row emend-row-heading" data-key="side-by-side-heading">' +
    '<div class="emend-col emend-col-draft">Draft</div><div class="emend-col emend-col-final">Final</div></div>',
};

function sideBySideRow(doc: EmendDocument, index: number, options: Pick<ReadingOptions, 'supplied' | 'gap'>): string {
  const summaries = paragraphSummaries(doc, index);
  const draft = readingParagraph(doc, index, 'draft', true, summaries, options);
  const final = readingParagraph(doc, index, 'final', true, summaries, options);
  const cell = (which: 'draft' | 'final', r: { html: string; empty: boolean }) =>
    `<div class="emend-col emend-col-${which}${r.empty ? ' emend-col-empty' : ''}"${attr('aria-label', which === 'draft' ? 'Draft' : 'Final')}>` +
    (r.empty ? `<span class="emend-absent">(not in the ${which})</span>` : r.html) +
    '</div>';
  return cell('draft', draft) + cell('final', final);
}

/**
 * One block per source paragraph whose inner HTML `inner` gives ('' leaves the paragraph out), cached by the
 * paragraph's text. The element carries the paragraph's source lines for scroll sync and double-click reveal.
 */
export function paragraphBlocks(
  input: RenderInput,
  view: string,
  tag: string,
  cls: string,
  inner: (doc: EmendDocument, index: number) => string,
): RenderedBlock[] {
  const { analysis, cache } = input;
  const src = analysis.source;
  const lines = analysis.lines;
  const out: RenderedBlock[] = [];
  // The reading options are part of what a paragraph's HTML depends on: a changed setting renders it again.
  const { supplied, gap } = analysis.options;
  const cacheView = `${view}${supplied ? `-${supplied}` : ''}${gap ? `-${gap}` : ''}`;
  for (const [index, p] of analysis.doc.paragraphs.entries()) {
    const { key, html } = cache.get(cacheView, src.slice(p.start, p.end), () => inner(analysis.doc, index));
    if (html === '') continue;
    const line = lines.positionAt(p.start).line;
    const endLine = lines.positionAt(p.end).line;
    out.push({
      key,
      line,
      endLine,
      html: `<${tag} class="emend-block ${cls}" data-line="${line}" data-line-end="${endLine}" data-key="${key}">${html}</${tag}>`,
    });
  }
  return out;
}
