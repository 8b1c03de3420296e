// The readings of a transcription, each as text plus a map back to the source.
//   draft:      as first written — deletions kept, insertions dropped (with all they contain);
//   final:      as revised — deletions dropped (with all they contain), insertions kept;
//   diplomatic: everything, deletions in ⟦…⟧ and insertions in ⸌…⸍ (plain-text view of the page).
// Where a mark is dropped, the spaces either side are joined so the reading gains no doubled space and
// no space before punctuation that the transcription did not have (docs/markup.md, "Readings").
import type { EmendDocument } from './model';
import { CR, isLineBreakCode, LF, lineBreakLength } from './line-breaks';
import { Segments, SourceMap } from './source-map';
import {
  ADD,
  COLUMN,
  DEL,
  ESCAPE,
  GAP,
  HAND,
  HAND_REF,
  NOTE,
  PAGE,
  SUBST,
  SUPPLIED,
  type SyntaxTree,
  TEXT,
  UNCLEAR,
  WORD_BREAK,
} from './syntax';
import { describeExtent, isEscapableCode, parseExtent, splitBars, trimmed, unescaped } from './editorial';

export { SourceMap };

export type ReadingKind = 'draft' | 'final' | 'diplomatic';
export const READING_KINDS: readonly ReadingKind[] = ['draft', 'final', 'diplomatic'];

export const DIPLOMATIC_BRACKETS = { del: ['⟦', '⟧'], add: ['⸌', '⸍'] } as const;

/** How the editorial marks show in the readings (settings `emend.readings.*`, docs/markup.md "Editorial marks"). */
export interface ReadingOptions {
  /** Supplied text `+{…}` in square brackets (the default) or plain. */
  supplied?: 'brackets' | 'plain';
  /** A gap `_{…}` as `[…]` (the default) or described: `[3 words illegible]`. */
  gap?: 'ellipsis' | 'description';
}

/** What a gap shows in a reading. */
export function gapPlaceholder(extentText: string, reason: string, style: ReadingOptions['gap']): string {
  if (style !== 'description') return '[…]';
  const extent = parseExtent(extentText);
  const size = extent ? describeExtent(extent) : '';
  return `[${size ? size + ' ' : ''}${reason || 'illegible'}]`;
}

const SPACE = 32,
  TAB = 9;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Punctuation that is written against the word after it. */
export function isOpeningPunctuation(c: number): boolean {
  // ( [ « “ „ ‘ ¿ ¡
  return c === 40 || c === 91 || c === 0xab || c === 0x201c || c === 0x201e || c === 0x2018 || c === 0xbf || c === 0xa1;
}

/** Punctuation that is written against the word before it. */
export function isClosingPunctuation(c: number): boolean {
  // , . ; : ! ? ) ] » ” …
  return (
    c === 44 ||
    c === 46 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 93 ||
    c === 0xbb ||
    c === 0x201d ||
    c === 0x2026
  );
}

export interface ReadingParagraph {
  /** Index into the document's paragraphs. */
  index: number;
  start: number;
  end: number;
}

export interface Reading {
  kind: ReadingKind;
  readonly text: string;
  map: SourceMap;
  /** Reading offsets where dropped text joined two kept pieces: where the reading checks look. */
  junctions: number[];
  /** The paragraphs present in this reading (a paragraph left empty by the reading is dropped). */
  paragraphs: ReadingParagraph[];
}

/** What stands between the text a reading has emitted and the next: see Builder.drop and Builder.edge. */
const NONE = 0,
  EDGE = 1,
  DROP = 2;
type Pending = typeof NONE | typeof EDGE | typeof DROP;

/** Builds a reading as segments: runs of source text (mapped one to one) and symbols (an escape's character, a
 *  bracket), the text itself being made once at the end, so the common case (long runs of source) copies nothing. */
class Builder {
  private length = 0;
  private readonly seg: Segments;
  readonly junctions: number[] = [];
  /** What stands between the last emitted text and the next: nothing, a kept mark's edge, or a dropped mark. */
  private pending: Pending = NONE;
  /** Whether the pending join is over dropped text (a junction the reading checks look at). */
  private junction = false;
  private lineStart = true;

  /** `capacity`: about how many segments to expect (the arrays grow beyond it if need be). */
  constructor(
    private readonly src: string,
    capacity: number,
  ) {
    this.seg = new Segments(capacity);
  }

  get offset(): number {
    return this.length;
  }

  /** Set by a word break `|-`: the spaces and line breaks that follow are left out, up to the next text. */
  private gluing = false;

  /** A word break: drops like a mark, and the next text joins the word across line breaks. */
  glue(): void {
    this.drop();
    this.gluing = true;
  }

  /** A mark the reading leaves out: the text either side is joined (docs/markup.md, "Spaces and punctuation"). */
  drop(): void {
    this.pending = DROP;
    this.junction = true;
    this.skippedSpace = false;
  }

  /** Spaces after the last mark edge were skipped (they stood before what follows, in the source). */
  private skippedSpace = false;

  /** The edge of a mark the reading keeps: its delimiter vanishes, and a space is not doubled across it, but the
   *  text either side is otherwise copied as written. A dropped mark pending at the same place decides. */
  edge(): void {
    if (this.pending === NONE) this.pending = EDGE;
  }

  /** Offset where the current paragraph's text began in the reading, or -1 while it has yielded none. */
  paragraphStart = -1;
  private separatorStart = -1;
  private separatorEnd = -1;

  /** Begins a paragraph; [sepStart, sepEnd) is the source's separator before it (sepStart -1 for none). */
  startParagraph(sepStart: number, sepEnd: number): void {
    this.pending = NONE;
    this.junction = false;
    this.gluing = false;
    this.lineStart = true;
    this.paragraphStart = -1;
    this.separatorLength = 0;
    this.separatorStart = sepStart;
    this.separatorEnd = sepEnd;
  }

  endParagraph(): void {
    // A paragraph that has yielded no text has nothing to trim: what the reading holds is earlier paragraphs'.
    if (this.pending !== NONE && this.paragraphStart >= 0) {
      this.trimTrailingSpaces();
      // A last line the reading emptied goes with its line break (`\n`, `\r\n` or `\r`).
      if (this.length > this.paragraphStart && isLineBreakCode(this.lastCode())) {
        const lf = this.lastCode() === LF;
        this.trimTrailing(isLineBreakCode, 1);
        if (lf && this.length > this.paragraphStart && this.lastCode() === CR) this.trimTrailing(isLineBreakCode, 1);
      }
    }
    this.pending = NONE;
    if (this.paragraphStart >= 0 && this.length === this.paragraphStart) this.dropEmptiedParagraph();
  }

  /** Emits source text [start, end) verbatim, joining spaces across a dropped mark. */
  text(start: number, end: number): void {
    const src = this.src;
    if (this.gluing) {
      while (start < end && (isSpace(src.charCodeAt(start)) || isLineBreakCode(src.charCodeAt(start)))) start++;
      if (start === end) return;
      this.gluing = false;
      this.pending = NONE;
      this.junction = false;
    }
    if (this.pending !== NONE) {
      const dropped = this.pending === DROP;
      // The previous paragraph's text is not this paragraph's to trim: a paragraph with no text yet begins a line.
      const last = this.paragraphStart < 0 ? LF : this.lastCode();
      const atLineStart = this.lineStart || isLineBreakCode(last);
      // Spaces after the mark are skipped when the reading already has a separator: a space or a line start (a
      // space is never doubled across a mark), or, after a dropped mark, an opening bracket or quote written
      // against the dropped word.
      if (atLineStart || isSpace(last) || (dropped && isOpeningPunctuation(last))) {
        const from = start;
        while (start < end && isSpace(src.charCodeAt(start))) start++;
        if (start > from) this.skippedSpace = true;
        if (start === end) return;
      }
      const skipped = this.skippedSpace;
      // After a dropped mark, a space before it goes when what follows is a line break, or punctuation that was
      // written against the dropped word (`my ~~word~~, then`); a space the source had before the punctuation stays.
      // At a kept mark's edge the text is as written (`true friend ~~?~~ of`).
      const first = src.charCodeAt(start);
      const lineBreak = isLineBreakCode(first);
      if (dropped && isSpace(last) && (lineBreak || (!skipped && isClosingPunctuation(first))))
        this.trimTrailingSpaces();
      // A line the reading emptied disappears with its line break, so the reading gains no empty line (which
      // would read as a paragraph break).
      if (lineBreak && (this.lineStart || isLineBreakCode(this.lastCode()))) {
        start += lineBreakLength(src, start);
        if (start >= end) return;
      }
      if (!atLineStart && this.junction) this.junctions.push(this.length);
      this.pending = NONE;
      this.junction = false;
    }
    if (end <= start) return;
    this.pushSource(start, end);
  }

  /** Emits a string standing for the source position `at` (an escape's character, a bracket). */
  /** `width` is how many source characters it stands for: 1, or 0 for a bracket closing an unclosed mark. */
  symbol(value: string, at: number, width: 0 | 1 = 1): void {
    this.gluing = false;
    if (this.pending !== NONE) {
      if (!this.lineStart && !isLineBreakCode(this.lastCode()) && this.junction) this.junctions.push(this.length);
      this.pending = NONE;
      this.junction = false;
    }
    this.beginText();
    this.seg.push(this.length, at, Math.min(value.length, width), value);
    this.length += value.length;
    this.lineStart = false;
  }

  /** The paragraph's first text brings the separator before it. */
  private beginText(): void {
    if (this.paragraphStart >= 0) return;
    if (this.separatorStart >= 0 && this.separatorEnd > this.separatorStart) {
      const sep = this.separatorStart;
      this.separatorStart = -1;
      this.paragraphStart = 0;
      this.pushSource(sep, this.separatorEnd);
      this.separatorLength = this.separatorEnd - sep;
    }
    this.paragraphStart = this.length;
  }

  /** The separator written before the current paragraph (0 for none). */
  private separatorLength = 0;

  /** A paragraph whose text the joining rules trimmed away entirely (an indented line holding only a dropped mark)
   *  is dropped with its separator, as one that yields no text at all. */
  private dropEmptiedParagraph(): void {
    this.trimTrailing(() => true, this.separatorLength);
    while (this.junctions.length > 0 && this.junctions[this.junctions.length - 1]! > this.length) this.junctions.pop();
    this.paragraphStart = -1;
  }

  private pushSource(start: number, end: number): void {
    if (this.paragraphStart < 0) this.beginText();
    const seg = this.seg;
    const k = seg.count - 1;
    if (k >= 0 && seg.symbolIds[k]! < 0 && seg.srcStarts[k]! + seg.lengths[k]! === start) {
      seg.lengths[k]! += end - start;
    } else {
      seg.push(this.length, start, end - start, null);
    }
    this.length += end - start;
    this.lineStart = false;
  }

  private lastCode(): number {
    const seg = this.seg;
    const k = seg.count - 1;
    if (k < 0) return LF;
    const id = seg.symbolIds[k]!;
    if (id < 0) return this.src.charCodeAt(seg.srcStarts[k]! + seg.lengths[k]! - 1);
    const symbol = seg.symbols[id]!;
    return symbol.charCodeAt(symbol.length - 1);
  }

  private trimTrailingSpaces(): void {
    this.trimTrailing(isSpace, Infinity);
  }

  /** Removes up to `max` characters matching `test` from the end of the reading. */
  private trimTrailing(test: (c: number) => boolean, max: number): void {
    let budget = max;
    const seg = this.seg;
    for (;;) {
      const k = seg.count - 1;
      // Symbols (escaped markup characters, brackets) are never spaces or line breaks: trimming stops there.
      if (k < 0 || seg.symbolIds[k]! >= 0) return;
      const start = seg.srcStarts[k]!;
      let len = seg.lengths[k]!;
      while (len > 0 && budget > 0 && test(this.src.charCodeAt(start + len - 1))) {
        len--;
        budget--;
      }
      const removed = seg.lengths[k]! - len;
      if (removed === 0) return;
      this.length -= removed;
      if (len > 0) {
        seg.lengths[k] = len;
        return;
      }
      seg.pop();
      if (budget === 0) return;
    }
  }

  finish(kind: ReadingKind, paragraphs: ReadingParagraph[]): Reading {
    // The text is made in a function of its own (Segments.text): V8 compiles a long loop while it runs, and code
    // after the loop that had not yet run would make that compiled code bail out at every call.
    const text = this.seg.text(this.src);
    return { kind, text, map: this.seg.map(this.length), junctions: this.junctions, paragraphs };
  }
}

// One walk over the parser's flat tree feeds the builder. Whether a mark is kept, dropped or bracketed is decided in
// `treatment`.

type Treatment = 'contents' | 'keep' | 'drop' | 'brackets';

function treatment(mark: 'del' | 'add' | 'hand', kind: ReadingKind): Treatment {
  if (mark === 'hand') return kind === 'diplomatic' ? 'contents' : 'keep';
  if (kind === 'diplomatic') return 'brackets';
  return (mark === 'del' ? kind === 'draft' : kind === 'final') ? 'keep' : 'drop';
}

const MARK_NAMES = { [DEL]: 'del', [ADD]: 'add', [HAND]: 'hand' } as Record<number, 'del' | 'add' | 'hand'>;

function walkSyntax(t: SyntaxTree, first: number, kind: ReadingKind, b: Builder, o: ReadingOptions): void {
  for (let i = first; i >= 0; i = t.next(i)) {
    switch (t.kind(i)) {
      case TEXT:
        b.text(t.start(i), t.end(i));
        break;
      case ESCAPE:
        b.symbol(t.source[t.start(i) + 1]!, t.start(i) + 1);
        break;
      case HAND_REF:
        break; // who made the mark: no text
      case NOTE:
      case PAGE:
      case COLUMN:
        b.drop();
        break;
      case WORD_BREAK:
        if (kind === 'diplomatic') b.symbol('-', t.start(i));
        else b.glue();
        break;
      case GAP: {
        const reason = t.keyword(i) || 'illegible';
        b.symbol(gapPlaceholder(unescaped(t.source, t.openEnd(i), t.innerEnd(i)), reason, o.gap), t.start(i));
        break;
      }
      case UNCLEAR:
        unclearSyntax(t, i, kind, b);
        break;
      case SUPPLIED: {
        const lost = t.keyword(i) === 'lost' || t.keyword(i) === 'illegible';
        const [open, close] =
          kind === 'diplomatic' ? (lost ? ['[', ']'] : ['⟨', '⟩']) : o.supplied === 'plain' ? ['', ''] : ['[', ']'];
        if (open) b.symbol(open, t.start(i));
        else b.edge();
        walkSyntax(t, t.first(i), kind, b, o);
        if (!close) b.edge();
        else if (t.closed(i)) b.symbol(close, t.closeStart(i));
        else b.symbol(close, t.end(i), 0);
        break;
      }
      case SUBST: {
        const a = t.first(i),
          c = t.next(a);
        markSyntax(t, a, kind, b, o);
        if (kind === 'diplomatic') b.text(t.end(a), t.start(c));
        else b.drop();
        markSyntax(t, c, kind, b, o);
        break;
      }
      default:
        markSyntax(t, i, kind, b, o);
    }
  }
}

/** An unclear reading: its first alternative, in every reading; the diplomatic one puts a dot under each letter
 *  (the Leiden convention). */
function unclearSyntax(t: SyntaxTree, i: number, kind: ReadingKind, b: Builder): void {
  const src = t.source;
  const parts = splitBars(src, t.openEnd(i), t.innerEnd(i));
  const first = parts.length > 1 ? trimmed(src, parts[0]!) : parts[0]!;
  b.edge();
  let from = first.start;
  for (let k = first.start; k < first.end; k++) {
    const c = src.charCodeAt(k);
    const escape = c === 92 && k + 1 < first.end && isEscapableCode(src.charCodeAt(k + 1));
    if (kind === 'diplomatic') {
      if (escape) k++;
      const ch = src[k]!;
      if (isSpace(c)) b.text(k, k + 1);
      else b.symbol(ch + '\u0323', k);
    } else if (escape) {
      b.text(from, k);
      b.symbol(src[k + 1]!, k + 1);
      k++;
      from = k + 1;
    }
  }
  if (kind !== 'diplomatic') b.text(from, first.end);
  b.edge();
}

function markSyntax(t: SyntaxTree, i: number, kind: ReadingKind, b: Builder, o: ReadingOptions): void {
  const mark = MARK_NAMES[t.kind(i)]!;
  switch (treatment(mark, kind)) {
    case 'contents':
      walkSyntax(t, t.first(i), kind, b, o);
      return;
    case 'brackets': {
      const [open, close] = DIPLOMATIC_BRACKETS[mark as 'del' | 'add'];
      b.symbol(open, t.start(i));
      walkSyntax(t, t.first(i), kind, b, o);
      if (t.closed(i)) b.symbol(close, t.closeStart(i));
      else b.symbol(close, t.end(i), 0);
      return;
    }
    case 'keep':
      b.edge();
      walkSyntax(t, t.first(i), kind, b, o);
      b.edge();
      return;
    case 'drop':
      b.drop();
      return;
  }
}

/** One reading of a parsed document. Linear in the document's size. */
export function reading(doc: EmendDocument, kind: ReadingKind, options: ReadingOptions = {}): Reading {
  return build(doc.syntax, kind, 0, doc.syntax.paragraphs.length, options);
}

/** The reading of paragraph `index` alone, as the preview shows each paragraph: its offsets are the reading's own
 *  (from 0), its map leads into the whole source. */
export function paragraphReading(
  doc: EmendDocument,
  index: number,
  kind: ReadingKind,
  options: ReadingOptions = {},
): Reading {
  return build(doc.syntax, kind, index, index + 1, options);
}

/** The reading of paragraphs [from, to) of the flat tree `t`. */
function build(t: SyntaxTree, kind: ReadingKind, from: number, to: number, options: ReadingOptions): Reading {
  // About one segment for every two nodes (a reading keeps runs of text whole and joins those a drop did not split).
  const nodes = to - from === t.paragraphs.length ? t.count : 0;
  const b = new Builder(t.source, (nodes >> 1) + 16);
  const paragraphs: ReadingParagraph[] = [];
  let previous = -1;
  for (let index = from; index < to; index++) {
    // The separator is written only once this paragraph yields text: a paragraph the reading empties
    // (a struck stamp, say) disappears with its blank lines.
    const p = t.paragraphs[index]!;
    b.startParagraph(
      previous >= 0 ? t.end(t.paragraphs[previous]!) : -1,
      previous >= 0 ? t.start(t.paragraphs[previous + 1]!) : -1,
    );
    walkSyntax(t, t.first(p), kind, b, options);
    b.endParagraph();
    const start = b.paragraphStart;
    if (start < 0) continue;
    paragraphs.push({ index, start, end: b.offset });
    previous = index;
  }
  return b.finish(kind, paragraphs);
}
