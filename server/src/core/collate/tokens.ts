// Words for collation: a hand-written linear scan of a text into words, each with its offsets and a normalised key.
// A word is a maximal run of letters and digits, with apostrophes kept inside it ("it's"); hyphens, dashes, spaces,
// line breaks and other punctuation separate words. The key is the word lower-cased with apostrophes removed, so
// that case, punctuation, hyphenation and line breaks never count as differences between two witnesses. An
// ampersand is the word "and" (its key is `and`), as scribes and printers used it.

/** The words of one text: parallel arrays, index = word number. Offsets are into the text that was scanned. */
export interface Words {
  /** Normalised keys (`It's` → `its`). */
  keys: string[];
  /** The word as written. */
  texts: string[];
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

const APOSTROPHE = 39,
  RIGHT_QUOTE = 0x2019,
  MODIFIER_APOSTROPHE = 0x2bc,
  AMPERSAND = 38;

/** Letters and digits: ASCII alphanumerics, and non-ASCII characters outside the punctuation and symbol blocks. */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < 0xc0) return c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  // General punctuation, super/subscripts, currency, letterlike, arrows, maths, technical, boxes, dingbats…
  if (c >= 0x2000 && c <= 0x2bff) return false;
  // Supplemental punctuation (the diplomatic reading's ⸌ ⸍, the double oblique hyphen ⸗ of Fraktur transcriptions).
  if (c >= 0x2e00 && c <= 0x2e7f) return false;
  // CJK punctuation, private use, surrogates are letters of astral planes (kept), specials.
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xe000 && c <= 0xf8ff) return false;
  if (c >= 0xfe10 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  if (c === 0xfeff || c === 0xfffd) return false;
  return true;
}

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_QUOTE || c === MODIFIER_APOSTROPHE;
}

/** The normalised key of a word as written: lower case, no apostrophes. */
export function wordKey(word: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < word.length; i++) {
    if (isApostrophe(word.charCodeAt(i))) {
      out += word.slice(from, i);
      from = i + 1;
    }
  }
  return (from === 0 ? word : out + word.slice(from)).toLowerCase();
}

/** Scans `text` into words. Linear in the text's length. */
export function words(text: string): Words {
  const keys: string[] = [];
  const texts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i)) && text.charCodeAt(i) !== AMPERSAND) i++;
    if (i >= n) break;
    const start = i;
    if (text.charCodeAt(i) === AMPERSAND) {
      texts.push('&');
      keys.push('and');
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      // An apostrophe between two word characters belongs to the word.
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    const w = text.slice(start, i);
    texts.push(w);
    keys.push(wordKey(w));
    starts.push(start);
    ends.push(i);
  }
  return { keys, texts, starts: Int32Array.from(starts), ends: Int32Array.from(ends), length: keys.length };
}

/** The index of the word containing `offset` (or ending at it), or -1. Binary search. */
export function wordAt(w: Words, offset: number): number {
  let lo = 0,
    hi = w.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (w.starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0 && offset <= w.ends[found]!) return found;
  return -1;
}

/** The index of the first word starting at or after `offset` (w.length when none). */
export function firstWordFrom(w: Words, offset: number): number {
  let lo = 0,
    hi = w.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
