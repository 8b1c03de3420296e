// Line breaks and blank lines, defined once for the parser, the readings, the checks, the hover and line/character
// positions. A line break is `\r\n`, `\n` or a lone `\r`, as in LSP (old Mac files end their lines with `\r`). A
// blank line holds nothing but spaces and tabs; a line break followed by a blank line ends a paragraph, and the
// same blank line in a reading is where the checks' word searches and the hover's sentence stop.

export const LF = 10,
  CR = 13;

/** True for a character that begins or ends a line break (`\n`, `\r`). */
export function isLineBreakCode(c: number): boolean {
  return c === LF || c === CR;
}

/** True for a character a blank line may hold (space, tab). */
export function isBlankLineCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** The length of the line break that begins at `i`: 2 for `\r\n`, 1 for `\n` or a lone `\r`, 0 for none. */
export function lineBreakLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === LF) return 1;
  if (c === CR) return s.charCodeAt(i + 1) === LF ? 2 : 1;
  return 0;
}

/** True when `s[i]` is where a line break is counted: a `\n`, or a `\r` not followed by `\n`. A `\r\n` counts once
 *  (at its `\n`), so scans in either direction count every line break exactly once. */
export function endsLineBreak(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === LF || (c === CR && s.charCodeAt(i + 1) !== LF);
}

/** The start of the first line break at or after `from` and before `to` (or `to` when there is none). Reads the
 *  characters one by one: for spans that together read the document at most once (each paragraph's first line). */
export function lineEndFrom(s: string, from: number, to = s.length): number {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === LF || c === CR) return k;
  }
  return to;
}

/**
 * The line breaks of one string, found in order: `next(from)` is the start of the first line break at or after
 * `from`. It keeps the next `\n` and the next `\r` found with `indexOf` (a native search, not a loop over every
 * character) and searches for one again only once a caller has passed it, so a document costs one forward search per
 * character whatever its line ending: linear, even where `\r` never occurs.
 */
export class LineBreakSearch {
  private lf = -1;
  private cr = -1;
  private readonly n: number;

  constructor(private readonly s: string) {
    this.n = s.length;
  }

  /** The start of the first line break at or after `from`, or -1 when there is none. */
  next(from: number): number {
    if (this.lf < from && this.lf !== this.n) {
      const p = this.s.indexOf('\n', from);
      this.lf = p < 0 ? this.n : p;
    }
    if (this.cr < from && this.cr !== this.n) {
      const p = this.s.indexOf('\r', from);
      this.cr = p < 0 ? this.n : p;
    }
    const at = Math.min(this.lf, this.cr);
    return at === this.n ? -1 : at;
  }
}
