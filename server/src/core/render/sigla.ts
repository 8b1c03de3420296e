// The sigla style of the diplomatic view (setting `emend.preview.sigla`): how the editorial marks are drawn.
//   editorial: styled spans (supplied in italics with brackets, unclear underlined with dots, a gap as a grey
//              placeholder with its description, a note as a superscript marker, a page break as a ruled "Page 12");
//   leiden:    the Leiden conventions (underdots for unclear letters, `[abc]` supplied-lost, `⟨abc⟩` supplied-omitted,
//              `...` / `[...]` / `[- - -]` / `[ca. 5]` for gaps, `|12|` for a page break).
import type { Extent } from '../editorial';

export const SIGLA = ['editorial', 'leiden'] as const;
export type Sigla = (typeof SIGLA)[number];
export const DEFAULT_SIGLA: Sigla = 'editorial';

export function isSigla(value: unknown): value is Sigla {
  return (SIGLA as readonly unknown[]).includes(value);
}

/** Each letter of `text` with a dot under it (U+0323), spaces left alone: Leiden's unclear letters. */
export function underdotted(text: string): string {
  let out = '';
  for (const ch of text) out += ch === ' ' || ch === '\t' || ch === '\n' ? ch : ch + '\u0323';
  return out;
}

/** Up to this many letters, a Leiden gap of known size is one dot a letter. */
const MAX_DOTS = 20;

/** What stands for a gap in Leiden: one dot per letter when the count is known, `ca. N` when it is approximate,
 *  `- - -` when unknown; lost text in square brackets, illegible text without. */
export function leidenGap(extent: Extent | null, lost: boolean): string {
  const inner = leidenGapSize(extent);
  return lost ? `[${inner}]` : inner;
}

function leidenGapSize(e: Extent | null): string {
  if (!e) return '- - -';
  const unit = e.unit ?? 'char';
  const suffix = unit === 'char' ? '' : ` ${unit === 'word' ? 'words' : unit === 'line' ? 'lines' : unit}`;
  if (e.atLeast !== undefined && e.atMost !== undefined)
    return `${e.approximate ? 'ca. ' : ''}${e.atLeast}-${e.atMost}${suffix}`;
  if (e.quantity === undefined) return '- - -';
  if (unit === 'char' && !e.approximate && e.quantity <= MAX_DOTS) return '.'.repeat(e.quantity);
  if (unit !== 'char' && e.quantity === 1)
    return `${e.approximate ? 'ca. ' : ''}1 ${unit === 'word' ? 'word' : unit === 'line' ? 'line' : unit}`;
  if (unit === 'char') return e.approximate ? `ca. ${e.quantity}` : `${e.quantity} letters`;
  return `${e.approximate ? 'ca. ' : ''}${e.quantity}${suffix}`;
}
