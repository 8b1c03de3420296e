// Offsets ↔ (line, character) positions, both zero-based, characters in UTF-16 code units as in LSP. Lines end at
// `\n`, `\r\n` or a lone `\r`, as in LSP (line-breaks.ts).
import { lineBreakLength, LineBreakSearch } from './line-breaks';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    const breaks = new LineBreakSearch(text);
    for (let i = breaks.next(0); i >= 0; i = breaks.next(i)) {
      i += lineBreakLength(text, i);
      starts.push(i);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.lineEnd(position.line) : this.text.length;
    return Math.max(start, Math.min(start + Math.max(0, position.character), next));
  }

  /** Where the text of a line that has a line break after it ends: before its `\n`, `\r\n` or `\r`. */
  private lineEnd(line: number): number {
    const next = this.starts[line + 1]!;
    return next - (next >= 2 && this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? 2 : 1);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }
}
