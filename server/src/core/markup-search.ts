// Where the next markup character stands in a document, found with `indexOf`: a native search, so ordinary text is
// never read character by character in JavaScript. One position is kept for each of the characters the parser
// must stop at (`\ ~ ^ * } >`, `{`, which ends every editorial mark's opener, and `|` for `|-`; every closer is
// one of them); each only moves forward and is searched again only once the parser has passed it, so the whole
// document costs one forward search per character: linear, and no regular expression. Each is a field of its own,
// which a loop over a list would not let V8 keep in registers.

export class MarkupSearch {
  private readonly n: number;
  // The next occurrence of each character at or after the last search that needed it (the document's length for
  // none; -1 before the first search).
  private backslash = -1;
  private tilde = -1;
  private caret = -1;
  private star = -1;
  private brace = -1;
  private angle = -1;
  private open = -1;
  private bar = -1;

  constructor(private readonly src: string) {
    this.n = src.length;
  }

  private find(ch: string, from: number): number {
    const p = this.src.indexOf(ch, from);
    return p < 0 ? this.n : p;
  }

  /** The position of the first markup character at or after `from` (the document's length when none). */
  next(from: number): number {
    let min = this.n;
    if (this.backslash < from) this.backslash = this.find('\\', from);
    if (this.backslash < min) min = this.backslash;
    if (this.tilde < from) this.tilde = this.find('~', from);
    if (this.tilde < min) min = this.tilde;
    if (this.caret < from) this.caret = this.find('^', from);
    if (this.caret < min) min = this.caret;
    if (this.star < from) this.star = this.find('*', from);
    if (this.star < min) min = this.star;
    if (this.brace < from) this.brace = this.find('}', from);
    if (this.brace < min) min = this.brace;
    if (this.angle < from) this.angle = this.find('>', from);
    if (this.angle < min) min = this.angle;
    if (this.open < from) this.open = this.find('{', from);
    if (this.open < min) min = this.open;
    if (this.bar < from) this.bar = this.find('|', from);
    if (this.bar < min) min = this.bar;
    return min;
  }
}
