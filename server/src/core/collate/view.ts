// The preview's collation view: the final reading with every variant marked and the witness's reading beside it,
// headed by the share of words that agree. An HTML fragment with everything escaped (the preview's CSP forbids
// inline script and style attributes; the classes below are styled by COLLATION_CSS).
import type { Analysis } from '../analysis';
import { escapeHtml } from './html';
import type { Collation } from './collation';
import { bLine, bPhrase } from './describe';
import { variantMessage } from './checks';
import type { Variant } from './variants';

/** Styles for the collation view's classes, for the preview's stylesheet. */
export const COLLATION_CSS = `
.emend-collation .collation-summary { font-weight: 600; }
.emend-collation .variant { border-bottom: 2px solid var(--vscode-editorInfo-foreground, #3794ff); }
.emend-collation .variant.kind-omission { text-decoration: underline wavy var(--vscode-editorWarning-foreground, #cca700); border: none; }
.emend-collation .variant.kind-misreading { border-bottom-style: dotted; }
.emend-collation .variant.kind-transposition { border-bottom-style: dashed; }
.emend-collation .witness { font-size: 0.85em; color: var(--vscode-descriptionForeground, #717171); margin: 0 0.2em; }
.emend-collation .witness::before { content: "] "; }
.emend-collation .witness.empty::after { content: "—"; }
.emend-collation .witness-only { font-size: 0.85em; color: var(--vscode-gitDecoration-addedResourceForeground, #587c0c); }
.emend-collation .witness-only::before { content: "+ "; }
.emend-collation .legend { font-size: 0.85em; color: var(--vscode-descriptionForeground, #717171); }
`;

const KIND_LABEL = {
  misreading: 'misreading', substitution: 'other words', omission: 'lacking in the witness',
  addition: 'only in the witness', repetition: 'repeated in the witness', transposition: 'elsewhere in the witness',
} as const;

function percent(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

/** The collation view's HTML body fragment. */
export function collationHtml(analysis: Analysis, c: Collation): string {
  const out: string[] = [];
  const total = c.a.words.length;
  const agreeing = Math.round(c.agreement * total);
  out.push('<section class="emend-collation">');
  out.push(`<p class="collation-summary">Compared with ${escapeHtml(c.witness.name)}: ${percent(c.agreement)} of the words agree `
    + `(${agreeing} of ${total}); ${c.variants.length} variant${c.variants.length === 1 ? '' : 's'}.</p>`);
  const counts = new Map<string, number>();
  for (const v of c.variants) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
  if (counts.size) {
    out.push(`<p class="legend">${[...counts].map(([k, n]) => `${n} ${escapeHtml(KIND_LABEL[k as keyof typeof KIND_LABEL])}`).join(' · ')}</p>`);
  }
  const text = c.reading.text;
  const starts = c.a.words.starts, ends = c.a.words.ends;
  const n = c.a.words.length;
  /** Reading offset where a variant's mark opens (its first word, or where its missing words would stand). */
  const openAt = (v: Variant) => v.aTo > v.aFrom ? starts[v.aFrom]! : v.aFrom < n ? starts[v.aFrom]! : text.length;
  const closeAt = (v: Variant) => v.aTo > v.aFrom ? ends[v.aTo - 1]! : openAt(v);
  let k = 0;
  for (const p of c.reading.paragraphs) {
    const line = analysis.lines.positionAt(c.reading.map.toSource(p.start)).line;
    out.push(`<p data-line="${line}">`);
    let at = p.start;
    // Variants opening inside this paragraph (an addition at the very end of a paragraph belongs to it).
    while (k < c.variants.length && openAt(c.variants[k]!) <= p.end) {
      const v = c.variants[k]!;
      const open = Math.max(openAt(v), at), close = Math.max(closeAt(v), open);
      const title = escapeHtml(variantMessage(c, v));
      const witness = escapeHtml(bPhrase(c, v.bFrom, v.bTo, 120));
      const where = `data-witness-line="${bLine(c, v.bFrom)}"`;
      out.push(escapeHtml(text.slice(at, open)));
      if (v.aTo === v.aFrom) {
        out.push(`<span class="witness-only kind-${v.kind}" title="${title}" ${where}>${witness}</span> `);
        at = open;
      } else {
        const clipped = Math.min(close, p.end);
        out.push(`<span class="variant kind-${v.kind}" title="${title}" ${where}>${escapeHtml(text.slice(open, clipped))}</span>`);
        out.push(`<span class="witness${witness ? '' : ' empty'}">${witness}</span>`);
        at = clipped;
      }
      k++;
    }
    out.push(escapeHtml(text.slice(at, p.end)));
    out.push('</p>');
  }
  out.push('</section>');
  return out.join('');
}
