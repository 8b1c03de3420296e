// The preview's collation view: the final reading, readable as text, with the differences from the witness marked
// and the witness's reading beside each; headed by the share of words that agree and one filter per kind (its
// count, a checkbox) that shows or hides that kind's marks. Findings to act on (misplaced insertions, missed
// deletions) come first and are marked most strongly; misreadings and the witness's running heads are
// hidden until their box is ticked. What the witness reads at a gap or an unclear reading is its suggestion, shown
// after the mark in its own style and counted apart from the differences (uncertain.ts). The filters work without script (CSS `:has()` on the checkboxes), so an
// exported page filters too; the preview keeps the boxes' state across updates (client/src/preview/webview).
// Blocks in the shape of the other views (core/render/views.ts): one per paragraph of the final reading, with its
// source lines for scroll sync and a key that stays while it is unchanged. Everything from either document is escaped.
import type { Analysis } from '../analysis';
import { escapeHtml } from '../render/html';
import type { RenderCache } from '../render/cache';
import { explainedBy, witnessFindings } from './checks';
import type { Collation } from './collation';
import { bPhrase } from './describe';
import type { Finding } from './insertion-checks';
import { variantMessage } from './variant-problems';
import type { Variant, VariantKind } from './variants';
import { suggestionMark, suggestionWords } from './suggestion-text';

/** What the collation view is given: a collation, or why there is none (no witness named, witness unavailable). */
export type CollationSource = { collation: Collation } | { message: string };

/** A block of the view, as core/render/views.ts defines it. */
export interface CollationBlock {
  key: string;
  line: number | null;
  endLine: number | null;
  html: string;
}

/** What the view's filters show: the findings, then each kind of variant. */
export type CollationFilter = 'finding' | VariantKind;
export const COLLATION_FILTERS: readonly CollationFilter[] = [
  'finding',
  'substitution',
  'omission',
  'addition',
  'transposition',
  'repetition',
  'misreading',
  'paratext',
];

/** Each filter's label after its count, and whether it is shown until the reader unticks it. */
export const FILTER_LABELS: Record<CollationFilter, { one: string; many: string; shown: boolean }> = {
  finding: { one: 'finding to act on', many: 'findings to act on', shown: true },
  substitution: { one: 'other words', many: 'other words', shown: true },
  omission: { one: 'lacking in the witness', many: 'lacking in the witness', shown: true },
  addition: { one: 'only in the witness', many: 'only in the witness', shown: true },
  transposition: { one: 'elsewhere in the witness', many: 'elsewhere in the witness', shown: true },
  misreading: { one: 'misread', many: 'misread', shown: false },
  repetition: { one: 'repeated in the witness', many: 'repeated in the witness', shown: true },
  paratext: { one: 'running head or page number', many: 'running heads and page numbers', shown: false },
};

function percent(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

function keyed(cache: RenderCache | undefined, html: string, n: number): string {
  return cache ? cache.get('collation', html, () => html).key : `collation-${n}`;
}

/** The filter checkboxes, one per kind present, in COLLATION_FILTERS order. */
function filters(counts: Map<CollationFilter, number>): string {
  const boxes = COLLATION_FILTERS.filter((f) => counts.has(f)).map((f) => {
    const n = counts.get(f)!;
    const label = FILTER_LABELS[f];
    return (
      `<label class="emend-filter emend-filter-${f}"><input type="checkbox" data-kind="${f}"${label.shown ? ' checked' : ''}>` +
      ` ${n.toLocaleString('en')} ${n === 1 ? label.one : label.many}</label>`
    );
  });
  return boxes.length
    ? `<span class="emend-collation-legend" role="group" aria-label="Show the differences of each kind">${boxes.join(' ')}</span>`
    : '';
}

/** The collation view's blocks: a summary with the filters (or why there is no collation), then the paragraphs. */
export function collationBlocks(analysis: Analysis, source: CollationSource, cache?: RenderCache): CollationBlock[] {
  const out: CollationBlock[] = [];
  const c = 'collation' in source ? source.collation : null;
  const findings: Finding[] = c ? witnessFindings(analysis, c) : [];
  const suggested = c ? c.suggestions.filter((s) => s.bTo > s.bFrom) : [];
  let summary: string;
  if (c) {
    const total = c.a.words.length;
    const agreeing = Math.round(c.agreement * total);
    const counts = new Map<CollationFilter, number>();
    if (findings.length) counts.set('finding', findings.length);
    for (const v of c.variants) if (!explainedBy(v, findings)) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
    summary =
      `Compared with ${escapeHtml(c.witness.name)}: <span class="emend-collation-agreement">${percent(c.agreement)}</span> ` +
      `of the words agree (${agreeing} of ${total}); ${c.variants.length} variant${c.variants.length === 1 ? '' : 's'}` +
      (suggested.length
        ? `; ${suggested.length} suggestion${suggested.length === 1 ? '' : 's'} at gaps and unclear words.`
        : '.') +
      filters(counts);
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
  /** The finding explaining a variant, if any (its message is the variant's title, its class marks it strongly). */
  const findingOf = (v: Variant) => findings.find((f) => explainedBy(v, [f]));
  // The witness's suggestions, each after its mark's place in the reading (an unclear reading's last word, a gap).
  const extras = suggested.map((s) => {
    const place =
      s.node.kind === 'gap' || s.aTo === s.aFrom ? reading.map.toReading(s.node.end) : c!.a.words.ends[s.aTo - 1]!;
    const title = escapeHtml(
      `${suggestionMark(s)} — the witness reads “${suggestionWords(c!, s)}”: its suggestion, not a variant`,
    );
    return {
      at: place,
      html: `<span class="emend-suggestion emend-suggestion-${s.node.kind}" title="${title}">${escapeHtml(suggestionWords(c!, s, 120))}</span>`,
    };
  });
  let x = 0;
  let k = 0;
  for (const p of reading.paragraphs) {
    const parts: string[] = [];
    let at = p.start;
    /** Writes the text up to each suggestion placed before `until`, and the suggestion. */
    const flush = (until: number) => {
      while (x < extras.length && extras[x]!.at <= until) {
        const e = extras[x++]!;
        const place = Math.max(at, e.at);
        parts.push(escapeHtml(text.slice(at, place)), e.html);
        at = place;
      }
    };
    // Variants opening inside this paragraph (an addition after its last word belongs to it).
    while (c && k < variants.length && openAt(variants[k]!) <= p.end) {
      const v = variants[k]!;
      const open = Math.max(openAt(v), at),
        close = Math.max(closeAt(v), open);
      const finding = findingOf(v);
      const kind: CollationFilter = finding ? 'finding' : v.kind;
      const title = escapeHtml(finding ? finding.problem.message : variantMessage(c, v));
      const witness = escapeHtml(bPhrase(c, v.bFrom, v.bTo, 120));
      flush(open);
      parts.push(escapeHtml(text.slice(at, Math.max(at, open))));
      if (v.aTo === v.aFrom) {
        parts.push(
          `<span class="emend-witness-only emend-variant-${v.kind} emend-kind-${kind}" title="${title}">${witness}</span> `,
        );
        at = open;
      } else {
        const clipped = Math.min(close, p.end);
        parts.push(
          `<span class="emend-variant emend-variant-${v.kind} emend-kind-${kind}" title="${title}">${escapeHtml(text.slice(open, clipped))}</span>`,
        );
        parts.push(
          `<span class="emend-witness emend-kind-${kind}${witness ? '' : ' emend-witness-empty'}">${witness}</span>`,
        );
        at = clipped;
      }
      k++;
    }
    flush(p.end);
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

/**
 * The filters: a kind whose box is unticked loses its marks and its witness readings (the text reads on as the
 * transcription's). One rule per kind, for both stylesheets (media/preview.css holds the same rules).
 */
export function filterCss(): string {
  return COLLATION_FILTERS.map(
    (f) =>
      `#emend-preview:has(input[data-kind="${f}"]:not(:checked)) .emend-kind-${f} { background: none; text-decoration: none; outline: none; }\n` +
      `#emend-preview:has(input[data-kind="${f}"]:not(:checked)) .emend-witness.emend-kind-${f}, ` +
      `#emend-preview:has(input[data-kind="${f}"]:not(:checked)) .emend-witness-only.emend-kind-${f} { display: none; }`,
  ).join('\n');
}

/** Styles for the collation view's classes (the page's stylesheet appends them; the preview's mirrors them). */
export const COLLATION_CSS =
  `
.emend-collation-summary { color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: 0.5em; }
.emend-collation-legend { display: flex; flex-wrap: wrap; gap: 0.25em 1em; font-size: 0.85em; margin-top: 0.4em; }
.emend-filter { cursor: pointer; white-space: nowrap; }
.emend-collation-agreement { font-weight: bold; color: var(--fg); }
.emend-collation-none { color: var(--muted); font-style: italic; }
.emend-collation-p { line-height: 1.8; }
.emend-variant { background: var(--changed-del); border-radius: 2px; }
.emend-variant-misreading { background: none; text-decoration: underline dotted var(--muted); }
.emend-variant-transposition { background: none; text-decoration: underline dashed var(--hand); }
.emend-kind-finding.emend-variant { background: none; outline: 2px solid var(--del); border-radius: 2px; }
.emend-witness { color: var(--add); font-family: system-ui, sans-serif; font-size: 0.75em; margin: 0 0.3em 0 0.15em; }
.emend-witness::before { content: "] "; color: var(--muted); }
.emend-witness-empty::after { content: "\\2014"; }
.emend-witness-only { color: var(--add); background: var(--changed-add); font-family: system-ui, sans-serif; font-size: 0.75em; border-radius: 2px; }
.emend-witness-only::before { content: "+ "; }
.emend-witness-only.emend-variant-paratext { color: var(--muted); background: none; border: 1px solid var(--rule); padding: 0 0.3em; font-variant: small-caps; }
.emend-witness-only.emend-variant-paratext::before { content: "\\00b6 "; }
.emend-suggestion { color: var(--muted); font-family: system-ui, sans-serif; font-size: 0.75em; font-style: italic; margin: 0 0.3em 0 0.15em; }
.emend-suggestion::before { content: "witness: "; font-style: normal; }
` +
  filterCss() +
  '\n';
