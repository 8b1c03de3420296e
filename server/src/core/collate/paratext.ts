// Paratext of a witness: running heads, letterheads and page numbers, which a scanned or recognised witness repeats
// on every page and which are no part of the text. They are found from the witness alone, by a general rule (no
// list of known heads), and set apart: the aligner leaves them out and the collation reports them as `paratext`.
//
// The rule, line by line (a line of the witness file; an `.emend` witness's final reading keeps its line breaks):
//   - a candidate is a short line (at most MAX_WORDS words and MAX_CHARS characters) that is set apart from the
//     text around it: written in capitals, holding a number (a page number, a date), or standing alone between blank
//     lines (or at the start or end of the text);
//   - a page number is a candidate made of numbers only (`12`, `( 484 )`, `- 3 -`, `xii`), or one short word and a
//     number (`Page 3`, `p. 12`, `S. 7`);
//   - other candidates are grouped by their signature: their first SIGNATURE_WORDS words that are not numbers, so
//     `THE WHITE HOUSE`, `THE WHITE HOUSE WASHINGTON` and `THE WHITE HOUSE Nov. 28 85` are one group;
//   - a group (or the page numbers) is paratext when it recurs at page-like intervals: at least MIN_REPEATS lines
//     (two when every line is in capitals or holds a number), each at least MIN_PAGE_WORDS words after the last.
// A heading that really belongs to the text and recurs (`CHAPTER I`, `CHAPTER II`) matches this rule too; the
// collator gives such lines back to the text wherever the transcription has the same words at that place
// (collation.ts), so they are never reported as paratext there.
import { isWordChar, type Words } from './tokens';

/** Longest line, in words, that can be a running head or page number. */
export const MAX_WORDS = 8;
/** Longest line, in characters (trimmed), that can be a running head or page number. */
export const MAX_CHARS = 60;
/** Words of a line's signature: the part of a running head that stays the same from page to page. */
export const SIGNATURE_WORDS = 3;
/** Lines of one group needed for a running head (two suffice when each is in capitals or holds a number). */
export const MIN_REPEATS = 3;
/** Fewest words between two occurrences of a running head: a page holds more text than this. */
export const MIN_PAGE_WORDS = 30;

export type ParatextKind = 'running-head' | 'page-number';

export interface ParatextLine {
  kind: ParatextKind;
  /** Offsets of the line's text (trimmed) in the witness's compared text. */
  start: number;
  end: number;
  /** Its words: [from, to) into the witness's words. */
  from: number;
  to: number;
}

export interface Paratext {
  lines: ParatextLine[];
  /** Per witness word: 1 when it belongs to a paratext line. */
  flags: Uint8Array;
}

interface Line {
  start: number;
  end: number;
  from: number;
  to: number;
  blankBefore: boolean;
  blankAfter: boolean;
}

/** The lines of `text` holding words, with their word ranges and whether a blank line (or an edge) is beside them. */
function linesOf(text: string, w: Words): Line[] {
  const out: Line[] = [];
  let k = 0; // next word
  let lastWasBlank = true; // the start of the text counts as a blank line before
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = pos;
    while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    let s = pos,
      e = eol;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    const from = k;
    while (k < w.length && w.starts[k]! < eol) k++;
    if (s === e) {
      if (out.length > 0 && !out[out.length - 1]!.blankAfter && out[out.length - 1]!.end <= pos) {
        out[out.length - 1]!.blankAfter = true;
      }
      lastWasBlank = true;
    } else {
      // A line of punctuation only (a rule, a row of dots) is neither text nor a blank line for this purpose.
      if (k > from) out.push({ start: s, end: e, from, to: k, blankBefore: lastWasBlank, blankAfter: false });
      lastWasBlank = false;
    }
    if (eol >= n) break;
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  if (out.length > 0) out[out.length - 1]!.blankAfter = true; // the end of the text counts as a blank line after
  return out;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff;
}

function isDigits(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A lower-case Roman numeral of up to seven letters (`xii`, `iv`); no check of its arithmetic. */
function isRoman(key: string): boolean {
  if (key.length === 0 || key.length > 7) return false;
  for (let i = 0; i < key.length; i++) if (!'ivxlc'.includes(key[i]!)) return false;
  return true;
}

/** Whether every letter of text[start, end) is a capital, with at least two letters. */
function inCapitals(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    const c = ch.charCodeAt(0);
    if (!isWordChar(c) || (c >= 48 && c <= 57)) continue;
    const lower = ch.toLowerCase(),
      upper = ch.toUpperCase();
    if (lower === upper) continue; // a letter without case (CJK, digits of other scripts)
    if (ch !== upper) return false;
    letters++;
  }
  return letters >= 2;
}

interface Candidate {
  line: Line;
  strong: boolean;
}

/** Finds the witness's running heads and page numbers. Linear in the text (plus a sort of the groups' keys). */
export function findParatext(text: string, w: Words): Paratext {
  const flags = new Uint8Array(w.length);
  const lines = linesOf(text, w);
  const groups = new Map<string, Candidate[]>();
  const pageNumbers: Candidate[] = [];
  for (const line of lines) {
    const count = line.to - line.from;
    if (count > MAX_WORDS || line.end - line.start > MAX_CHARS) continue;
    let numbers = 0;
    const signature: string[] = [];
    for (let k = line.from; k < line.to; k++) {
      const key = w.keys[k]!;
      if (isDigits(key)) numbers++;
      else if (signature.length < SIGNATURE_WORDS) signature.push(key);
    }
    const capitals = inCapitals(text, line.start, line.end);
    const alone = line.blankBefore && line.blankAfter;
    if (!capitals && numbers === 0 && !alone) continue;
    const strong = capitals || numbers > 0;
    const onlyNumber =
      (numbers > 0 && numbers === count) ||
      (count === 1 && isRoman(w.keys[line.from]!) && alone) ||
      (count === 2 && numbers === 1 && signature[0]!.length <= 5);
    if (onlyNumber) {
      pageNumbers.push({ line, strong: true });
      continue;
    }
    if (signature.length === 0) continue;
    const key = signature.join(' ');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push({ line, strong });
  }
  const out: ParatextLine[] = [];
  const take = (group: Candidate[], kind: ParatextKind) => {
    const strong = group.every((c) => c.strong);
    if (group.length < (strong ? 2 : MIN_REPEATS)) return;
    for (let i = 1; i < group.length; i++) {
      if (group[i]!.line.from - group[i - 1]!.line.to < MIN_PAGE_WORDS) return;
    }
    for (const { line } of group) {
      out.push({ kind, start: line.start, end: line.end, from: line.from, to: line.to });
      flags.fill(1, line.from, line.to);
    }
  };
  take(pageNumbers, 'page-number');
  for (const group of groups.values()) take(group, 'running-head');
  out.sort((x, y) => x.from - y.from);
  return { lines: out, flags };
}
