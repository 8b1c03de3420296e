// The editorial marks as TEI elements (Guidelines ch. 11.3–11.5, 3.5.1, 3.11.3; docs/tei.md has the table):
// `?{}` <unclear @cert> (alternatives in <choice>), `_{}` <gap @reason @quantity @unit @precision>, `%{}` <note
// type="editorial">, `|page{}` <pb @n @facs>, `|column{}` <cb @n>. `|-` only makes the next line break <lb break="no"/>.
import type { EditorialNode } from '../model';
import { CERTAINTIES, GAP_REASONS, SUPPLIED_REASONS, type GapUnit } from '../editorial';
import { uriReference } from './facsimile-export';
import { witnessPath } from '../collate/witness';

/** What the body writer offers: raw output, escaped text, escaped attributes (undefined and '' left out). */
export interface EditorialOut {
  raw(s: string): void;
  text(s: string): void;
  attrs(a: Record<string, string | undefined>): string;
  /** The xml:id of the facsimile's <surface> showing an image (as the header names it), if any. */
  surfaceOf(image: string): string | undefined;
}

/** A keyword if it is one of `list` ('' or an unknown keyword: `fallback`). */
const known = (kw: string, list: readonly string[], fallback?: string) => (kw && list.includes(kw) ? kw : fallback);

/** An insertion's placement as an <add @place>: `^over{}` is written over the deleted text ("overstrike"). */
export const placeOf = (kw: string): string => (kw === 'over' ? 'overstrike' : kw);

/** The Guidelines' suggested values of att.dimensions' @unit. */
export const TEI_UNITS: Record<GapUnit, string> = { char: 'chars', word: 'words', line: 'lines', cm: 'cm', mm: 'mm' };

export const suppliedReason = (kw: string): string => known(kw, SUPPLIED_REASONS, 'omitted')!;

/** Writes `n`; returns true for a word break (the caller's next line break is then <lb break="no"/>). */
export function editorialTei(w: EditorialOut, n: EditorialNode): boolean {
  switch (n.kind) {
    case 'unclear': {
      const open = `<unclear${w.attrs({ cert: known(n.keyword, CERTAINTIES) })}>`;
      const many = n.alternatives.length > 1;
      if (many) w.raw('<choice>');
      for (const a of n.alternatives) {
        w.raw(open);
        w.text(a.text);
        w.raw('</unclear>');
      }
      if (many) w.raw('</choice>');
      return false;
    }
    case 'gap': {
      const e = n.extent;
      const num = (v: number | undefined) => (v === undefined ? undefined : String(v));
      const counted = e && (e.quantity !== undefined || e.atLeast !== undefined);
      w.raw(
        `<gap${w.attrs({
          reason: known(n.keyword, GAP_REASONS, 'illegible'),
          quantity: num(e?.quantity),
          atLeast: num(e?.atLeast),
          atMost: num(e?.atMost),
          unit: e?.unit && TEI_UNITS[e.unit],
          precision: e?.approximate ? 'low' : undefined,
          // An extent that does not parse is kept in words; a unit without a number is of unknown size.
          extent: !e ? n.extentText.trim() : counted ? undefined : 'unknown',
        })}/>`,
      );
      return false;
    }
    case 'note':
      w.raw('<note type="editorial">');
      w.text(n.text.trim());
      w.raw('</note>');
      return false;
    case 'page': {
      const image = n.image ? witnessPath(n.image) : '';
      const surface = image ? w.surfaceOf(image) : undefined;
      w.raw(`<pb${w.attrs({ n: n.n, facs: surface ? `#${surface}` : image ? uriReference(image) : undefined })}/>`);
      return false;
    }
    case 'column':
      w.raw(`<cb${w.attrs({ n: n.n })}/>`);
      return false;
    case 'word-break':
      return true;
  }
}
