// Words in a reading, for the checks: letters, digits and combining marks make words (apostrophes inside a word
// too). Every scan is bounded, so a pathological "word" of a megabyte costs nothing more than a short one.
import { endsLineBreak, isBlankLineCode, isLineBreakCode } from '../line-breaks';

const LETTER = /[\p{L}\p{N}\p{M}]/u;

/** Longest token the checks look at, in UTF-16 units; longer runs are not words anyone doubled. */
export const MAX_WORD = 64;

/** For each UTF-16 unit outside ASCII: 0 not yet asked, 1 a word character, 2 not one (asked once, then remembered:
 *  a transcription in French or German asks about the same few accented letters thousands of times). */
const NON_ASCII = new Uint8Array(0x10000);

export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let known = NON_ASCII[c]!;
  if (known === 0) {
    known = (c >= 0xd800 && c <= 0xdfff) || LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    NON_ASCII[c] = known;
  }
  return known === 1;
}

export function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export interface Token {
  start: number;
  end: number;
}

/** The end of the token that starts at `i` (a word character), or -1 when it runs past MAX_WORD or none starts there. */
export function tokenEndFrom(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i <= MAX_WORD) {
    const c = text.charCodeAt(j);
    if (isWordCode(c) || (isApostrophe(c) && isWordAt(text, j + 1) && j > i)) j++;
    else break;
  }
  return j - i > MAX_WORD || j === i ? -1 : j;
}

/** The start of the token that ends at `end` (exclusive; text[end-1] a word character), or -1 as for tokenEndFrom. */
export function tokenStartBefore(text: string, end: number): number {
  let j = end;
  while (j > 0 && end - j <= MAX_WORD) {
    const c = text.charCodeAt(j - 1);
    if (isWordCode(c) || (isApostrophe(c) && isWordAt(text, j - 2) && j < end)) j--;
    else break;
  }
  return end - j > MAX_WORD || j === end ? -1 : j;
}

/** The token that starts at `i` (a word character), or null when it runs past MAX_WORD. */
export function tokenFrom(text: string, i: number): Token | null {
  const end = tokenEndFrom(text, i);
  return end < 0 ? null : { start: i, end };
}

/** The token that ends at `end` (exclusive; text[end-1] a word character), or null when it runs past MAX_WORD. */
export function tokenBefore(text: string, end: number): Token | null {
  const start = tokenStartBefore(text, end);
  return start < 0 ? null : { start, end };
}

/** The most characters the checks read per token they look for: the longest token and what separates it from the next. */
export const TOKEN_REACH = MAX_WORD + 8;

/**
 * Up to `count` tokens read forward from `from`, skipping anything that is not a word (spaces, punctuation) but
 * stopping at a blank line or after `limit` characters. Fewer tokens are returned when the text runs out.
 */
export function tokensForward(text: string, from: number, count: number, limit = count * TOKEN_REACH): Token[] {
  const out: Token[] = [];
  const stop = Math.min(text.length, from + limit);
  let i = from;
  while (i < stop && out.length < count) {
    const w = firstWordFrom(text, i, stop - i);
    const t = w < 0 ? null : tokenFrom(text, w);
    if (!t) break;
    out.push(t);
    i = t.end;
  }
  return out;
}

/** Up to `count` tokens read backward from `from`, in text order; the mirror of tokensForward. */
export function tokensBackward(text: string, from: number, count: number, limit = count * TOKEN_REACH): Token[] {
  const out: Token[] = [];
  const stop = Math.max(0, from - limit);
  let i = from;
  while (i > stop && out.length < count) {
    const w = lastWordBefore(text, i, i - stop);
    const t = w < 0 ? null : tokenBefore(text, w + 1);
    if (!t) break;
    out.push(t);
    i = t.start;
  }
  return out.reverse();
}

/** The first word character at or after `from` and within `limit` characters, before any blank line (a line of
 *  nothing but spaces and tabs: a paragraph break); -1 for none. */
export function firstWordFrom(text: string, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  let breaks = 0; // line breaks since the last character that was not blank
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (isLineBreakCode(c)) {
      if (endsLineBreak(text, i) && ++breaks === 2) return -1;
      continue;
    }
    if (isBlankLineCode(c)) continue;
    if (isWordCode(c)) return i;
    breaks = 0;
  }
  return -1;
}

/** The last word character before `from` and within `limit` characters, after any blank line; -1 for none. */
export function lastWordBefore(text: string, from: number, limit: number): number {
  const stop = Math.max(0, from - limit);
  let breaks = 0;
  for (let i = from; i > stop; i--) {
    const c = text.charCodeAt(i - 1);
    if (isLineBreakCode(c)) {
      if (endsLineBreak(text, i - 1) && ++breaks === 2) return -1;
      continue;
    }
    if (isBlankLineCode(c)) continue;
    if (isWordCode(c)) return i - 1;
    breaks = 0;
  }
  return -1;
}

/** An ASCII character with capitals folded to lower case (as toLowerCase does), or -1 outside ASCII: two folded
 *  characters that differ (neither -1) can only come from different words. */
export function asciiFold(c: number): number {
  if (c >= 128) return -1;
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** False only when the characters at i and j (either -1 for none) cannot begin or end the same word. */
export function mayMatch(text: string, i: number, j: number): boolean {
  if (i < 0 || j < 0) return false;
  const x = asciiFold(text.charCodeAt(i)),
    y = asciiFold(text.charCodeAt(j));
  return x < 0 || y < 0 || x === y;
}

export function tokenText(text: string, t: Token): string {
  return text.slice(t.start, t.end).toLowerCase();
}

/** Text quoted in a message: every run of spaces and line breaks as one space. */
export function oneLine(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ');
}
