// The parser's own output: the inline tree of every paragraph as one flat table of integers, six per node.
// Building it allocates a handful of typed arrays instead of an object per node, which is what lets a megabyte
// of transcription be parsed, read and checked in a few milliseconds. The hot consumers (readings, checks) walk
// it directly; everyone else reads the object tree of model.ts, which tree-objects.ts builds from it on demand.
// Offsets are UTF-16 code-unit offsets into the source, as everywhere in the core.

export const TEXT = 0,
  ESCAPE = 1,
  DEL = 2,
  ADD = 3,
  HAND = 4,
  SUBST = 5,
  PARAGRAPH = 6,
  /** `+{…}`: text supplied by the editor; holds inline nodes like the revision marks. */
  SUPPLIED = 7,
  /** The editorial marks whose text is not markup (atomic: no children): `?{…}`, `_{…}`, `%{…}`, `|page{…}`,
   *  `|column{…}`. What is between the braces is read by editorial.ts. */
  UNCLEAR = 8,
  GAP = 9,
  NOTE = 10,
  PAGE = 11,
  COLUMN = 12,
  /** `|-`: the word goes on after the line break (and any page or column break) that follows. */
  WORD_BREAK = 13,
  /** `@id ` at the very start of a revision or hand mark: the hand that made it (the space after is part of it). */
  HAND_REF = 14;
export type NodeKind =
  | typeof TEXT
  | typeof ESCAPE
  | typeof DEL
  | typeof ADD
  | typeof HAND
  | typeof SUBST
  | typeof PARAGRAPH
  | typeof SUPPLIED
  | typeof UNCLEAR
  | typeof GAP
  | typeof NOTE
  | typeof PAGE
  | typeof COLUMN
  | typeof WORD_BREAK
  | typeof HAND_REF;

/** The marks written sigil, optional keyword, `{`: their sigils. */
export const SIGIL: Partial<Record<NodeKind, string>> = {
  [SUPPLIED]: '+',
  [UNCLEAR]: '?',
  [GAP]: '_',
  [NOTE]: '%',
  [PAGE]: '|',
  [COLUMN]: '|',
};

/** An insertion's spelling, in the DELIM field: `^{…}` or `^<…>`. */
export const BRACE = 0,
  ANGLE = 1;

const STRIDE = 6;
const HEAD = 0,
  START = 1,
  END = 2,
  DELIM = 3,
  FIRST = 4,
  NEXT = 5;
/** HEAD packs the kind (4 bits), whether a mark was closed, and the length of the keyword written between a mark's
 *  sigil and its bracket (`^margin{`: 6; `|page{`: 4), 0 for none. */
const KIND_MASK = 15,
  CLOSED = 16,
  KEYWORD_SHIFT = 8;

/**
 * Node i's fields, six integers: its head (kind; for a mark, whether it was closed); start and end (the whole node,
 * delimiters included); DELIM, a deletion's number of tildes or an insertion's spelling; first child and next
 * sibling (-1 for none). A mark's delimiters follow from its kind and DELIM, so they are not stored. A
 * substitution's two children are its two marks in written order; a paragraph's children are its inline nodes.
 */
export class SyntaxTree {
  private data: Int32Array;
  count = 0;
  /** The paragraph nodes, in document order. */
  readonly paragraphs: number[] = [];

  constructor(readonly source: string) {
    // About one node per 32 characters to begin with (a letter has one per 44, dense markup one per 14: the table
    // grows by half). A larger first guess would make every letter pay for memory that only dense markup uses.
    this.data = new Int32Array(STRIDE * (64 + (source.length >> 5)));
  }

  kind(i: number): NodeKind {
    return (this.data[i * STRIDE + HEAD]! & KIND_MASK) as NodeKind;
  }
  start(i: number): number {
    return this.data[i * STRIDE + START]!;
  }
  end(i: number): number {
    return this.data[i * STRIDE + END]!;
  }
  /** A deletion's number of tildes, or an insertion's spelling (BRACE, ANGLE). */
  delim(i: number): number {
    return this.data[i * STRIDE + DELIM]!;
  }
  first(i: number): number {
    return this.data[i * STRIDE + FIRST]!;
  }
  next(i: number): number {
    return this.data[i * STRIDE + NEXT]!;
  }

  closed(i: number): boolean {
    return (this.data[i * STRIDE + HEAD]! & CLOSED) !== 0;
  }

  /** The length of the keyword between a mark's sigil and its bracket (0 for none). */
  keywordLength(i: number): number {
    return this.data[i * STRIDE + HEAD]! >>> KEYWORD_SHIFT;
  }

  /** The keyword written between a mark's sigil and its bracket (`margin` in `^margin{`), or '' for none. */
  keyword(i: number): string {
    const n = this.keywordLength(i);
    return n === 0 ? '' : this.source.slice(this.start(i) + 1, this.start(i) + 1 + n);
  }

  /** Where a mark's text begins: after its opening delimiter. */
  openEnd(i: number): number {
    return this.start(i) + delimiterLength(this, i);
  }

  /** The start of a mark's closing delimiter, or -1 when it was never closed. */
  closeStart(i: number): number {
    return this.closed(i) ? this.end(i) - (this.kind(i) === DEL ? this.delim(i) : 1) : -1;
  }

  /** Where a mark's text ends: before its closer, or at its end when it was never closed. */
  innerEnd(i: number): number {
    return this.closed(i) ? this.closeStart(i) : this.end(i);
  }

  // The parser's writes.

  /** A new node with no children, no sibling, and (for a mark) no closer yet. */
  add(kind: NodeKind, start: number, end: number, delim = 0, keywordLength = 0): number {
    const i = this.count++;
    let base = i * STRIDE;
    if (base + STRIDE > this.data.length) {
      const grown = new Int32Array(STRIDE * Math.ceil((this.data.length / STRIDE) * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[base++] = kind | (keywordLength << KEYWORD_SHIFT);
    d[base++] = start;
    d[base++] = end;
    d[base++] = delim;
    d[base++] = -1;
    d[base] = -1;
    return i;
  }

  setEnd(i: number, end: number): void {
    this.data[i * STRIDE + END] = end;
  }
  /** Marks mark i as closed by the delimiter that ends at its end. */
  setClosed(i: number): void {
    this.data[i * STRIDE + HEAD]! |= CLOSED;
  }
  setFirst(i: number, child: number): void {
    this.data[i * STRIDE + FIRST] = child;
  }
  setNext(i: number, sibling: number): void {
    this.data[i * STRIDE + NEXT] = sibling;
  }
}

/** The length of a mark's opening delimiter (0 for other nodes). */
function delimiterLength(t: SyntaxTree, i: number): number {
  switch (t.kind(i)) {
    case DEL:
      return t.delim(i);
    case ADD:
      return 2 + t.keywordLength(i);
    case HAND:
      return 1;
    case SUPPLIED:
    case UNCLEAR:
    case GAP:
    case NOTE:
    case PAGE:
    case COLUMN:
      return 2 + t.keywordLength(i);
    default:
      return 0;
  }
}

const TILDE_RUNS = ['', '~', '~~', '~~~', '~~~~', '~~~~~', '~~~~~~'];

export function tildeRun(n: number): string {
  return n < TILDE_RUNS.length ? TILDE_RUNS[n]! : '~'.repeat(n);
}

/** A mark's opening delimiter as written: `~~` (or a longer run), `^{`, `^<`, `^margin{`, `*`, `?{`, `|page{`… */
export function delimiterOf(t: SyntaxTree, i: number): string {
  switch (t.kind(i)) {
    case DEL:
      return tildeRun(t.delim(i));
    case ADD:
      return '^' + t.keyword(i) + (t.delim(i) === ANGLE ? '<' : '{');
    case HAND:
      return '*';
    default:
      return t.source.slice(t.start(i), t.openEnd(i));
  }
}

/** The delimiter that closes mark i. */
export function closerOfNode(t: SyntaxTree, i: number): string {
  switch (t.kind(i)) {
    case DEL:
      return tildeRun(t.delim(i));
    case ADD:
      return t.delim(i) === ANGLE ? '>' : '}';
    case HAND:
      return '*';
    default:
      return '}';
  }
}

/** Where forEachRevision finds a revision. */
export interface RevisionPlace {
  /** How many revisions enclose it: 0 in running text. */
  depth: number;
  /** The kind of mark whose text holds it (DEL, ADD or HAND; for a substitution's text, the half holding it), or -1
   *  in running text. */
  holder: number;
  /** No deletion holds it, so it is in the final reading unless it is a deletion itself. */
  final: boolean;
}

/**
 * Calls `fn` for every revision at any depth of paragraphs [from, to), in document order, an enclosing revision
 * before those inside it: each mark, and each substitution once (its two marks are not revisions of their own, but
 * what they hold is visited). The one walk of revisions: the checks, the counts and the revision list use it.
 */
export function forEachRevision(
  t: SyntaxTree,
  fn: (node: number, place: RevisionPlace) => void,
  from = 0,
  to = t.paragraphs.length,
): void {
  const visit = (first: number, depth: number, holder: number, final: boolean): void => {
    for (let n = first; n >= 0; n = t.next(n)) {
      const k = t.kind(n);
      if (k === SUPPLIED) {
        visit(t.first(n), depth, holder, final); // supplied text is no revision, but may hold one
        continue;
      }
      if (k !== DEL && k !== ADD && k !== HAND && k !== SUBST) continue;
      fn(n, { depth, holder, final });
      if (k === SUBST) {
        const a = t.first(n),
          b = t.next(a);
        visit(t.first(a), depth + 1, t.kind(a), final && t.kind(a) === ADD);
        visit(t.first(b), depth + 1, t.kind(b), final && t.kind(b) === ADD);
      } else {
        visit(t.first(n), depth + 1, k, final && k !== DEL);
      }
    }
  };
  for (let p = from; p < to; p++) visit(t.first(t.paragraphs[p]!), 0, -1, true);
}
