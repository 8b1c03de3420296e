// The TEI elements that have an editorial mark (docs/tei.md, "Import"), written as the mark: <unclear> (and a
// <choice> of them) `?{a|b}`, <gap> `_{3 words}`, <note> `%{…}`, <pb> `|page{n | image}`, <cb> `|column{n}`, and
// the keywords of <add @place> and <supplied @reason>. Text is escaped with core/escape.ts.
import { escapeText } from '../../escape';
import { CERTAINTIES, gapUnit, parseExtent, SUPPLIED_REASONS, UNIT_NAMES } from '../../editorial';
import type { XmlElement, XmlNode } from '../xml';

/** The text of an element that holds nothing else (null when it holds an element: then it is no atomic mark). */
export function textOnly(el: XmlElement): string | null {
  let s = '';
  for (const c of el.children) {
    if (c.kind !== 'text') return null;
    s += c.text;
  }
  return s;
}

/** All the text below an element, white space collapsed (a note's). */
export function allText(el: XmlElement): string {
  const parts: string[] = [];
  const walk = (n: XmlNode, depth: number) => {
    if (n.kind === 'text') parts.push(n.text);
    else if (depth < 64) for (const c of n.children) walk(c, depth + 1);
  };
  walk(el, 0);
  return collapse(parts.join(''));
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const keyword = (v: string | undefined, list: readonly string[], none = '') =>
  v !== undefined && v !== none && list.includes(v) ? v : '';

/** `?cert{a|b}` for readings (escaped; `|` and braces in them are escaped too). */
export function unclearMarkup(readings: string[], cert: string | undefined): string {
  return `?${keyword(cert, CERTAINTIES)}{${readings.map((r) => escapeText(collapse(r))).join('|')}}`;
}

const count = (v: string | undefined) => (v !== undefined && /^[0-9]{1,6}$/.test(v.trim()) ? Number(v) : undefined);

/**
 * `_reason{extent}` for a <gap>; `lostUnit` is set when the size is in a unit the markup has no word for,
 * `assumedUnit` when a number comes with no @unit at all (TEI gives no default: letters are assumed), and
 * `lostExtent` when an @extent in words the markup cannot read is left out.
 */
export function gapMarkup(el: XmlElement): {
  markup: string;
  lostUnit: boolean;
  assumedUnit: boolean;
  lostExtent: boolean;
} {
  const a = el.attrs;
  const reason = a.get('reason') === 'lost' ? 'lost' : '';
  const unitAttr = a.get('unit')?.trim().toLowerCase();
  const unit = unitAttr ? gapUnit(unitAttr) : 'char';
  const about = a.get('precision') === 'low' || a.get('precision') === 'medium' ? 'ca. ' : '';
  const q = count(a.get('quantity'));
  const lo = count(a.get('atLeast')) ?? count(a.get('min'));
  const hi = count(a.get('atMost')) ?? count(a.get('max'));
  let extent = '';
  if (unit) {
    const [one, many] = UNIT_NAMES[unit];
    if (q !== undefined) extent = `${about}${q} ${q === 1 ? one : many}`;
    else if (lo !== undefined && hi !== undefined && lo <= hi) extent = `${about}${lo}-${hi} ${many}`;
    else if (unitAttr) extent = `? ${many}`;
  }
  const words = a.get('extent');
  const readable = words !== undefined && parseExtent(words) !== null;
  if (!extent && words && readable) extent = collapse(words);
  const lostUnit = !unit && (q !== undefined || lo !== undefined);
  const assumedUnit = !unitAttr && extent !== '' && (q !== undefined || lo !== undefined);
  // "unknown" (as Emend's export writes a gap of unknown size) says nothing to lose.
  const said = words?.trim().toLowerCase() ?? '';
  const lostExtent = !extent && said !== '' && said !== 'unknown' && !readable;
  return { markup: `_${reason}{${escapeText(extent)}}`, lostUnit, assumedUnit, lostExtent };
}

/** The keyword of supplied text for its @reason ('' for omitted or one the markup has none for). */
export const suppliedKeyword = (reason: string | undefined): string => keyword(reason, SUPPLIED_REASONS, 'omitted');

/** The placement keyword of an <add @place> ('' for above, the default, and for places the markup has no word for). */
export function placeKeyword(place: string | undefined): string {
  const p = (place ?? '').trim().split(/\s+/)[0]!.toLowerCase();
  if (p === 'below' || p === 'sublinear' || p === 'infralinear' || p === 'under') return 'below';
  if (p.includes('margin') || p === 'left' || p === 'right') return 'margin';
  if (p === 'overstrike' || p === 'over' || p === 'overwritten') return 'over';
  if (p === 'inline' || p === 'inspace' || p === 'intralinear') return 'inline';
  return '';
}

/** `|page{n | image}` or `|column{n}`. */
export function breakMarkup(kind: 'page' | 'column', n: string | undefined, image: string): string {
  const num = escapeText(collapse(n ?? ''));
  const img = image ? ` | ${escapeText(image.trim())}` : '';
  return `|${kind}{${num}${num && img ? img : img ? img.slice(1) : ''}}`;
}
