// The preview's collation view: the final reading with every variant marked and the witness's reading beside it,
// headed by the share of words that agree. Blocks in the shape of the other views (core/render/views.ts): one per
// paragraph of the final reading, with its source lines for scroll sync and a key that stays while it is unchanged.
// Everything from either document is escaped; the classes are styled by the preview's and the page's stylesheets.
import type { Analysis } from '../analysis';
import { escapeHtml } from '../render/html';
import type { RenderCache } from '../render/cache';
import type { Collation } from './collation';
import { bPhrase } from './describe';
import { variantMessage } from './variant-problems';
import type { Variant } from './variants';

/** What the collation view is given: a collation, or why there is none (no witness named, witness unavailable). */
export type CollationSource = { collation: Collation } | { message: string };

/** A block of the view, as core/render/views.ts defines it. */
export interface CollationBlock {
  key: string;
  line: number | null;
  endLine: number | null;
  html: string;
}

const KIND_LABEL = {
  misreading: 'misread',
  substitution: 'other words',
  omission: 'lacking in the witness',
  addition: 'only in the witness',
  repetition: 'repeated in the witness',
  transposition: 'elsewhere in the witness',
} as const;

function percent(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

function keyed(cache: RenderCache | undefined, html: string, n: number): string {
  return cache ? cache.get('collation', html, () => html).key : `collation-${n}`;
}

/** The collation view's blocks: a summary (or why there is no collation), then the final reading's paragraphs. */
export function collationBlocks(analysis: Analysis, source: CollationSource, cache?: RenderCache): CollationBlock[] {
  const out: CollationBlock[] = [];
  const c = 'collation' in source ? source.collation : null;
  let summary: string;
  if (c) {
    const total = c.a.words.length;
    const agreeing = Math.round(c.agreement * total);
    const counts = new Map<string, number>();
    for (const v of c.variants) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
    const legend = counts.size
      ? `<span class="emend-collation-legend">${[...counts].map(([k, n]) => `${n} ${escapeHtml(KIND_LABEL[k as keyof typeof KIND_LABEL])}`).join(' · ')}</span>`
      : '';
    summary =
      `Compared with ${escapeHtml(c.witness.name)}: <span class="emend-collation-agreement">${percent(c.agreement)}</span> ` +
      `of the words agree (${agreeing} of ${total}); ${c.variants.length} variant${c.variants.length === 1 ? '' : 's'}.${legend}`;
  } else {
    summary = escapeHtml((source as { message: string }).message);
  }
  const summaryKey = keyed(cache, summary, 0);
  out.push({
    key: summaryKey,
    line: null,
    endLine: null,
    html: `<p class="emend-block emend-collation-summary${c ? '' : ' emend-collation-none'}" data-key="${summaryKey}">${summary}</p>`,
  });

  // Without a collation the view still shows the final reading, so it never goes blank while a witness is set up.
  const reading = c ? c.reading : analysis.reading('final');
  const variants = c ? c.variants : [];
  const text = reading.text;
  const n = c ? c.a.words.length : 0;
  const openAt = (v: Variant) => (v.aFrom < n ? c!.a.words.starts[v.aFrom]! : text.length);
  const closeAt = (v: Variant) => (v.aTo > v.aFrom ? c!.a.words.ends[v.aTo - 1]! : openAt(v));
  let k = 0;
  for (const p of reading.paragraphs) {
    const parts: string[] = [];
    let at = p.start;
    // Variants opening inside this paragraph (an addition after its last word belongs to it).
    while (c && k < variants.length && openAt(variants[k]!) <= p.end) {
      const v = variants[k]!;
      const open = Math.max(openAt(v), at),
        close = Math.max(closeAt(v), open);
      const title = escapeHtml(variantMessage(c, v));
      const witness = escapeHtml(bPhrase(c, v.bFrom, v.bTo, 120));
      parts.push(escapeHtml(text.slice(at, open)));
      if (v.aTo === v.aFrom) {
        parts.push(`<span class="emend-witness-only emend-variant-${v.kind}" title="${title}">${witness}</span> `);
        at = open;
      } else {
        const clipped = Math.min(close, p.end);
        parts.push(
          `<span class="emend-variant emend-variant-${v.kind}" title="${title}">${escapeHtml(text.slice(open, clipped))}</span>`,
        );
        parts.push(`<span class="emend-witness${witness ? '' : ' emend-witness-empty'}">${witness}</span>`);
        at = clipped;
      }
      k++;
    }
    parts.push(escapeHtml(text.slice(at, p.end)));
    const inner = parts.join('');
    const line = analysis.lines.positionAt(reading.map.toSource(p.start)).line;
    const endLine = analysis.lines.positionAt(reading.map.toSource(Math.max(p.start, p.end - 1))).line;
    const key = keyed(cache, `${line}:${endLine}:${inner}`, out.length);
    out.push({
      key,
      line,
      endLine,
      html: `<p class="emend-block emend-p emend-collation-p" data-line="${line}" data-line-end="${endLine}" data-key="${key}">${inner}</p>`,
    });
  }
  return out;
}

/** The whole view as one HTML fragment (the `emend/collation` request, tests). */
export function collationHtml(analysis: Analysis, c: Collation): string {
  return collationBlocks(analysis, { collation: c })
    .map((b) => b.html)
    .join('\n');
}

/** Styles for the collation view's classes (the page's stylesheet appends them; the preview's mirrors them). */
export const COLLATION_CSS = `
.emend-collation-summary { color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: 0.5em; }
.emend-collation-legend { display: block; font-size: 0.85em; }
.emend-collation-agreement { font-weight: bold; color: var(--fg); }
.emend-collation-none { color: var(--muted); font-style: italic; }
.emend-collation-p { line-height: 1.8; }
.emend-variant { background: var(--changed-del); border-radius: 2px; }
.emend-variant-misreading { background: none; text-decoration: underline dotted var(--muted); }
.emend-variant-transposition { background: none; text-decoration: underline dashed var(--hand); }
.emend-witness { color: var(--add); font-size: 0.85em; margin: 0 0.25em; }
.emend-witness::before { content: "] "; color: var(--muted); }
.emend-witness-empty::after { content: "\\2014"; }
.emend-witness-only { color: var(--add); background: var(--changed-add); font-size: 0.85em; border-radius: 2px; }
.emend-witness-only::before { content: "+ "; }
`;
