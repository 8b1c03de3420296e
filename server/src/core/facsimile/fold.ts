// Folding for comparing a transcription with what an OCR/HTR engine read: lower case, compatibility forms read as
// their plain letters (long s ſ → s, ligatures ﬁ → fi, NFKC), and a vowel with a superscript e (aͤ, the old
// umlaut) → the umlaut (ä). Keeps, for every folded character, which character of the original it came from, so a
// folded match can be traced back to a part of a word's box.

const COMBINING_E = 0x364;
const UMLAUT: Record<string, string> = { a: 'ä', o: 'ö', u: 'ü', A: 'ä', O: 'ö', U: 'ü' };

export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the index of the unit of the original it came from. */
  from: Int32Array;
}

export function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i]!;
      from.push(i);
      i++;
      continue;
    }
    if (c === COMBINING_E && i > 0 && UMLAUT[text[i - 1]!] !== undefined && from[from.length - 1] === i - 1) {
      // The vowel was just written: replace it by its umlaut.
      out = out.slice(0, -1) + UMLAUT[text[i - 1]!]!;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const folded = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    for (let k = 0; k < folded.length; k++) from.push(i);
    out += folded;
    i += len;
  }
  return { text: out, from: Int32Array.from(from) };
}

/** Folded text alone. */
export function foldText(text: string): string {
  return fold(text).text;
}
