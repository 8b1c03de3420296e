// What the editorial marks say, read from what is written between their braces: an unclear reading's alternatives,
// a gap's extent, a page break's number and image, the keywords each mark takes, and the hands of the `hands:`
// header. The parser finds where these marks begin and end (parser.ts); this module reads their insides, for the
// readings, hovers, renderers and exports alike (docs/markup.md, "Editorial marks").
import type { Header, Span } from './model';

/** The keywords each mark takes between its sigil and its brace; the first of each list is what no keyword means. */
export const PLACEMENTS = ['above', 'below', 'margin', 'over', 'inline'] as const;
export const CERTAINTIES = ['', 'high', 'medium', 'low'] as const;
export const GAP_REASONS = ['illegible', 'lost'] as const;
export const SUPPLIED_REASONS = ['omitted', 'lost', 'illegible'] as const;
export const BREAKS = ['page', 'column'] as const;

export type Placement = (typeof PLACEMENTS)[number];
export type Certainty = (typeof CERTAINTIES)[number];
export type GapReason = (typeof GAP_REASONS)[number];
export type SuppliedReason = (typeof SUPPLIED_REASONS)[number];

/** The keywords a mark written with `sigil` accepts (`|` takes one of BREAKS, which is not optional). */
export function keywordsFor(sigil: string): readonly string[] {
  switch (sigil) {
    case '^':
      return PLACEMENTS;
    case '?':
      return CERTAINTIES.slice(1);
    case '_':
      return GAP_REASONS;
    case '+':
      return SUPPLIED_REASONS;
    case '|':
      return BREAKS;
    default:
      return [];
  }
}

/** Characters a backslash makes literal, inside and outside marks. */
export const ESCAPABLE_CHARS = '~^*{}<>\\?+_%|@';

export function isEscapableCode(c: number): boolean {
  return c < 128 && ESCAPABLE_CHARS.includes(String.fromCharCode(c));
}

/** Source text [start, end) with its escapes read (`\}` is `}`). */
export function unescaped(src: string, start: number, end: number): string {
  let out = '';
  let k = start;
  for (let i = start; i < end; i++) {
    if (src.charCodeAt(i) === 92 && i + 1 < end && isEscapableCode(src.charCodeAt(i + 1))) {
      out += src.slice(k, i);
      k = i + 1;
      i++;
    }
  }
  return out + src.slice(k, end);
}

/** The parts of [start, end) between unescaped `|` characters, as spans of the source (untrimmed). */
export function splitBars(src: string, start: number, end: number): Span[] {
  const parts: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 92 && i + 1 < end && isEscapableCode(src.charCodeAt(i + 1))) i++;
    else if (c === 124) {
      parts.push({ start: from, end: i });
      from = i + 1;
    }
  }
  parts.push({ start: from, end });
  return parts;
}

/** A span trimmed of spaces and tabs at both ends. */
export function trimmed(src: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && (src.charCodeAt(start) === 32 || src.charCodeAt(start) === 9)) start++;
  while (end > start && (src.charCodeAt(end - 1) === 32 || src.charCodeAt(end - 1) === 9)) end--;
  return { start, end };
}

export interface Alternative extends Span {
  /** The alternative's text, escapes read. */
  text: string;
}

/** An unclear reading's alternatives (`?{word|ward}`: two), in the order written; the first is the one the readings
 *  show. Each is trimmed of the spaces around its `|`. */
export function alternatives(src: string, start: number, end: number): Alternative[] {
  const parts = splitBars(src, start, end);
  return parts.map((p, k) => {
    // The first alternative keeps its spaces (they are the reading's); the others are trimmed.
    const s = k === 0 && parts.length === 1 ? p : trimmed(src, p);
    return { ...s, text: unescaped(src, s.start, s.end) };
  });
}

export type GapUnit = 'char' | 'word' | 'line' | 'cm' | 'mm';

/** A gap's extent as written between its braces. */
export interface Extent {
  /** How many units, when one number is given. */
  quantity?: number;
  /** A range `3-5 words`. */
  atLeast?: number;
  atMost?: number;
  unit?: GapUnit;
  /** `ca. 5 letters`, `c. 5`, `~5`. */
  approximate: boolean;
}

const UNITS: Record<string, GapUnit> = {
  letter: 'char',
  letters: 'char',
  char: 'char',
  chars: 'char',
  character: 'char',
  characters: 'char',
  word: 'word',
  words: 'word',
  line: 'line',
  lines: 'line',
  cm: 'cm',
  mm: 'mm',
};

/** The units a gap's extent may name, as written. */
export const UNIT_WORDS = Object.keys(UNITS);

/** The unit a word names (`letters`, `chars`, `word`, `cm`…), or undefined. */
export function gapUnit(word: string): GapUnit | undefined {
  return Object.hasOwn(UNITS, word) ? UNITS[word] : undefined;
}

/**
 * Reads a gap's extent: empty or `?` (unknown), `3 words`, `ca. 5 letters`, `c. 5 letters`, `~5 letters`, `2-3 lines`,
 * `a line`, `1 line`, a number alone (letters), a unit alone (`word`: one word). Null when it does not parse.
 * Linear, no regular expression: the text is split on spaces.
 */
export function parseExtent(text: string): Extent | null {
  const words = text
    .trim()
    .toLowerCase()
    .split(/[ \t]+/u);
  if (words.length === 1 && (words[0] === '' || words[0] === '?')) return { approximate: false };
  let k = 0;
  let approximate = false;
  if (words[k] === 'ca.' || words[k] === 'c.' || words[k] === 'ca' || words[k] === 'about') {
    approximate = true;
    k++;
  } else if (words[k]!.startsWith('~') && words[k]!.length > 1) {
    approximate = true;
    words[k] = words[k]!.slice(1);
  }
  const count = words[k];
  if (count === undefined) return null;
  const extent: Extent = { approximate };
  if (count === 'a' || count === 'an' || count === 'one') {
    extent.quantity = 1;
  } else if (count === '?') {
    // an unknown number of the unit
  } else {
    const dash = count.indexOf('-');
    if (dash > 0) {
      const lo = wholeNumber(count.slice(0, dash)),
        hi = wholeNumber(count.slice(dash + 1));
      if (lo === null || hi === null || hi < lo) return null;
      extent.atLeast = lo;
      extent.atMost = hi;
    } else {
      const n = wholeNumber(count);
      if (n === null) {
        // A unit alone: one of it.
        const unit = gapUnit(count);
        if (!unit || k + 1 !== words.length || approximate) return null;
        return { quantity: 1, unit, approximate: false };
      }
      extent.quantity = n;
    }
  }
  k++;
  if (k < words.length) {
    const unit = gapUnit(words[k]!);
    if (!unit || k + 1 !== words.length) return null;
    extent.unit = unit;
  } else if (extent.quantity !== undefined || extent.atLeast !== undefined) {
    extent.unit = 'char';
  }
  return extent;
}

function wholeNumber(s: string): number | null {
  if (s.length === 0 || s.length > 6) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return Number(s);
}

/** How a unit is written, for one and for more: `letter`/`letters`. */
export const UNIT_NAMES: Readonly<Record<GapUnit, readonly [string, string]>> = {
  char: ['letter', 'letters'],
  word: ['word', 'words'],
  line: ['line', 'lines'],
  cm: ['cm', 'cm'],
  mm: ['mm', 'mm'],
};

/** A gap described in words: "about 3 words, illegible", "lost", "2–3 lines, lost". */
export function describeGap(extent: Extent | null, reason: GapReason): string {
  const size = extent ? describeExtent(extent) : '';
  return size ? `${size}, ${reason}` : reason;
}

/** An extent in words ("about 5 letters", "2–3 lines"), or '' when unknown. */
export function describeExtent(e: Extent): string {
  const about = e.approximate ? 'about ' : '';
  const [one, many] = UNIT_NAMES[e.unit ?? 'char'];
  if (e.atLeast !== undefined && e.atMost !== undefined) return `${about}${e.atLeast}–${e.atMost} ${many}`;
  if (e.quantity !== undefined) return `${about}${e.quantity} ${e.quantity === 1 ? one : many}`;
  if (e.unit) return `an unknown number of ${many}`;
  return '';
}

/**
 * A page or column break's number, image and layout file, from what stands between its braces: `12`, `12 | p12.jpg`,
 * `| p12.jpg`, `12 | p12.jpg | p12.page.xml`. A `|` in a name is written `\\|`.
 */
export function breakParts(src: string, start: number, end: number): { n: string; image: string; layout: string } {
  const parts = splitBars(src, start, end);
  const part = (k: number) => {
    const p = parts[k];
    if (!p) return '';
    const t = trimmed(src, k === 2 ? { start: p.start, end } : p);
    return unescaped(src, t.start, t.end);
  };
  return { n: part(0), image: part(1), layout: part(2) };
}

/** A hand listed in the `hands:` header: `sec: the secretary`. */
export interface HandEntry {
  id: string;
  description: string;
}

/** Whether `c` may be part of a hand's id: ASCII letters and digits, `_`, `-`, `.`. */
export function isHandIdCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

/**
 * The hands the `hands:` header lists, separated by `;`: `rr: Ronald Reagan; sec: a secretary`. An item without an
 * `id:` (the older form, descriptions only) names no hand a mark can refer to; it is skipped.
 */
export function listedHands(header: Header | null): HandEntry[] {
  const field = header?.fields.find((f) => f.key === 'hands');
  if (!field) return [];
  const hands: HandEntry[] = [];
  for (const item of field.value.split(';')) {
    const text = item.trim();
    let k = 0;
    while (k < text.length && isHandIdCode(text.charCodeAt(k))) k++;
    if (k === 0 || text[k] !== ':') continue;
    hands.push({ id: text.slice(0, k), description: text.slice(k + 1).trim() });
  }
  return hands;
}
