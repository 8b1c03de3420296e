// The one parser of the markup: a single left-to-right pass over the source, linear in its length.
// It never throws; every input gives a usable tree plus a list of problems (see docs/markup.md, "Problems").
// The tree is built flat (syntax.ts); `doc.paragraphs`, the object tree, is made from it on first use.
import { isBlankLineCode as isBlank, isLineBreakCode, lineBreakLength, LineBreakSearch } from './line-breaks';
import { editDistance, parseHeader } from './header';
import type { EmendDocument, Fix, FixChanges, Header, Inline, Paragraph, Problem, TextEdit } from './model';
import { isClosingPunctuation, isOpeningPunctuation, reading } from './readings';
import { BOTH, DRAFT, FINAL, KEEPS, makeFix } from './fixes';
import { problem } from './problem';
import type { ProblemCode } from './codes';
import { MarkupSearch } from './markup-search';
import {
  ADD,
  ANGLE,
  BRACE,
  closerOfNode,
  COLUMN,
  DEL,
  delimiterOf,
  ESCAPE,
  GAP,
  HAND,
  HAND_REF,
  NOTE,
  PAGE,
  PARAGRAPH,
  SUBST,
  SUPPLIED,
  SyntaxTree,
  TEXT,
  tildeRun,
  UNCLEAR,
  WORD_BREAK,
} from './syntax';
import { ESCAPABLE_CHARS, isEscapableCode, isHandIdCode, keywordsFor } from './editorial';
import { checkEditorialMarks } from './editorial-checks';
import { paragraphObjects } from './tree-objects';

const BACKSLASH = 92,
  TILDE = 126,
  CARET = 94,
  STAR = 42,
  LBRACE = 123,
  RBRACE = 125,
  LT = 60,
  GT = 62,
  QUESTION = 63,
  PLUS = 43,
  UNDERSCORE = 95,
  PERCENT = 37,
  BAR = 124,
  AT = 64,
  MINUS = 45;
const NL = 10,
  CR = 13;

/** Characters a backslash makes literal. */
export const ESCAPABLE = ESCAPABLE_CHARS;

const isEscapable = isEscapableCode;

/** The longest keyword between a sigil and its brace that is looked at (the known ones are at most 9 letters). */
const MAX_KEYWORD = 16;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The node kind a sigil opens with a brace (`|` needs its keyword to tell a page from a column). */
function sigilKind(c: number, keyword: string): number {
  switch (c) {
    case PLUS:
      return SUPPLIED;
    case QUESTION:
      return UNCLEAR;
    case UNDERSCORE:
      return GAP;
    case PERCENT:
      return NOTE;
    default:
      return keyword === 'page' ? PAGE : keyword === 'column' ? COLUMN : -1;
  }
}

/**
 * Finds the line breaks that end a paragraph: a line break (`\n`, `\r\n` or `\r`) followed by a blank line (spaces
 * and tabs only, then a line break or the end of the document). Each line break is found once by a forward search,
 * and what follows one is read only as far as its blanks go: linear.
 */
class ParagraphBreaks {
  private readonly breaks: LineBreakSearch;

  constructor(private readonly src: string) {
    this.breaks = new LineBreakSearch(src);
  }

  /** The start of the first line break at or after `from` that ends a paragraph, or -1 when the paragraph runs to
   *  the end. Calls must not go backward. */
  next(from: number): number {
    const src = this.src,
      n = src.length;
    let nl = this.breaks.next(from);
    while (nl >= 0) {
      let j = nl + lineBreakLength(src, nl);
      while (j < n && isBlank(src.charCodeAt(j))) j++;
      // A line break that ends the document, or that only blanks follow to the end, ends its paragraph too.
      if (j >= n || isLineBreakCode(src.charCodeAt(j))) return nl;
      nl = this.breaks.next(j); // a line with text on it, perhaps indented: not a blank one
    }
    return -1;
  }
}

/** Marks nested deeper than this are read as text (reported once per paragraph). Real manuscripts stay far below it;
 *  the limit keeps every consumer of the tree (readings, renderers, exports) safe from stack exhaustion. */
export const MAX_NESTING = 100;

const KIND_NAME = {
  [DEL]: 'deletion',
  [ADD]: 'insertion',
  [HAND]: 'text in another hand',
  [SUPPLIED]: 'supplied text',
  [UNCLEAR]: 'unclear reading',
  [GAP]: 'gap',
  [NOTE]: 'note',
  [PAGE]: 'page break',
  [COLUMN]: 'column break',
} as Record<number, string>;

/** The problem code for a mark never closed, by kind. */
const UNCLOSED_CODE = {
  [DEL]: 'unclosed-deletion',
  [ADD]: 'unclosed-insertion',
  [HAND]: 'unclosed-hand',
  [SUPPLIED]: 'unclosed-supplied',
  [UNCLEAR]: 'unclosed-unclear',
  [GAP]: 'unclosed-gap',
  [NOTE]: 'unclosed-note',
  [PAGE]: 'unclosed-break',
  [COLUMN]: 'unclosed-break',
} as Record<number, ProblemCode>;

/** A parsed document: the object tree (`paragraphs`) is built from the flat `syntax` the first time it is read. */
export interface ParsedDocument extends EmendDocument {
  readonly syntax: SyntaxTree;
}

/**
 * The inline parser. The open marks form a stack of containers, level 0 being the paragraph: for each level, the
 * container node, its last child so far (children are linked as they come), and how many closed deletions and
 * insertions it holds (two or more: its children are looked at for substitutions when it closes).
 */
class InlineParser {
  readonly tree: SyntaxTree;
  /** Open marks; level 0 is the paragraph. */
  private depth = 0;
  private readonly container: number[] = [];
  private readonly lastChild: number[] = [];
  private readonly pairable: number[] = [];
  /** Set on a deletion when a crossing ended an inner deletion whose opener could have been meant to close this
   *  one (`~~a ^{b~~ c}`): the crossing is already reported, so this deletion is not reported again as unclosed. */
  private readonly crossed: boolean[] = [];
  /** How many marks of each opener are open, so a closer finds its match without searching. */
  private openBrace = 0;
  private openAngle = 0;
  private openHand = 0;
  /** Closers still to come for marks that a crossing ended early; they are consumed without a second report,
   *  but only at the nesting depth where the crossing left them (`depths`), and forgotten when the mark holding
   *  that place closes. One stack per closer, so each check is O(1). */
  private pendingTildes: number[] = [];
  private pendingTildeDepths: number[] = [];
  private pendingBrace: number[] = [];
  private pendingAngle: number[] = [];
  private pendingStar: number[] = [];
  /** Closers of openers refused for being nested too deep, innermost last; while any is pending, delimiters are text. */
  private refused: string[] = [];
  readonly braceAdds: number[] = [];
  readonly angleAdds: number[] = [];
  /** Every hand reference (`@id `) and editorial mark, for the checks that need the header (editorial-checks.ts). */
  readonly handRefs: number[] = [];
  readonly editorial: number[] = [];
  /** Where the scan resumes after a hand reference read just after its mark's opener (-1: nowhere). */
  private resumeAt = -1;
  /** Whether the paragraph being parsed holds supplied text or a hand's `@id ` (see checkInnerSpaces). */
  private rereadSpaces = false;

  private readonly scan: MarkupSearch;
  /** Where the paragraph being parsed begins and ends. */
  private paragraphStart = 0;
  private paragraphEnd = 0;
  /** Per level, the last deletion closed there with only text after it so far (-1 for none). */
  private readonly lastDeletion: number[] = [];
  /** Closed marks of this paragraph that hold nothing (reported at the paragraph's end). */
  private readonly empties: number[] = [];
  /** How many characters of edited paragraphs were read again to check fixes (see CHECK_BUDGET). */
  private checked = 0;
  /** Closed marks of this paragraph whose text begins or ends with a space (checked at the paragraph's end). */
  private readonly spaced: number[] = [];
  /** Marks that are the second (first) half of a substitution, with the spaces between the halves before (after)
   *  them; kept only while the paragraph has spaced marks. */
  private readonly gapBefore = new Set<number>();
  private readonly gapAfter = new Set<number>();
  private readonly lineBreaks: LineBreakSearch;
  /** Per level, where the open mark's line ends, and the closers of the marks open inside it, innermost first (set
   *  at the paragraph's end for the marks still open). */
  private readonly lineEnds: number[] = [];
  private readonly innerClosers: string[] = [];

  constructor(
    private readonly src: string,
    private readonly problems: Problem[],
    /** Whether fixes are checked by reading an edited paragraph again (not while doing just that). */
    private readonly checkFixes: boolean,
  ) {
    this.tree = new SyntaxTree(src);
    this.scan = new MarkupSearch(src);
    this.lineBreaks = new LineBreakSearch(src);
  }

  /** Records a problem, unless so many are already recorded that parse() will cut the list anyway (junk input
   *  would otherwise spend most of its time building messages nobody reads). */
  private report(make: () => Problem): void {
    if (this.problems.length < 2 * MAX_PROBLEMS) this.problems.push(make());
  }

  /** Parses src[start, end) as one paragraph. `more` tells whether another paragraph follows. */
  paragraph(start: number, end: number, more: boolean): number {
    const src = this.src;
    this.paragraphStart = start;
    this.paragraphEnd = end;
    const para = this.tree.add(PARAGRAPH, start, end);
    this.depth = 0;
    this.rereadSpaces = false;
    this.container[0] = para;
    this.lastChild[0] = -1;
    this.lastDeletion[0] = -1;
    this.pairable[0] = 0;
    if (this.pendingTildes.length) {
      this.pendingTildes = [];
      this.pendingTildeDepths = [];
    }
    if (this.pendingBrace.length) this.pendingBrace = [];
    if (this.pendingAngle.length) this.pendingAngle = [];
    if (this.pendingStar.length) this.pendingStar = [];
    if (this.refused.length) this.refused = [];
    const scan = this.scan;
    let textStart = start;
    let i = start;
    for (;;) {
      if (this.resumeAt >= 0) {
        i = textStart = this.resumeAt;
        this.resumeAt = -1;
      }
      i = scan.next(i);
      if (i >= end) break;
      const c = src.charCodeAt(i);
      if (c === LBRACE || c === BAR) {
        // `|-`, or the brace of an editorial mark's opener: its sigil stands before it, perhaps with a keyword
        // between, in the text not yet emitted (a `{` is rarer in a transcription than any sigil: the search stops
        // at it alone).
        let at = i;
        if (c === LBRACE) {
          at = i - 1;
          while (at >= textStart && i - at <= MAX_KEYWORD && isAsciiLetter(src.charCodeAt(at))) at--;
        }
        const s = at >= textStart ? src.charCodeAt(at) : 0;
        const after =
          s === QUESTION ||
          s === PLUS ||
          s === UNDERSCORE ||
          s === PERCENT ||
          (s === BAR && (at < i || src.charCodeAt(i + 1) === MINUS))
            ? this.sigil(at, s, end, textStart)
            : -1;
        if (after < 0) i++;
        else i = textStart = after;
      } else if (c === BACKSLASH) {
        if (i + 1 < end && isEscapable(src.charCodeAt(i + 1))) {
          this.text(textStart, i);
          this.append(this.tree.add(ESCAPE, i, i + 2));
          i += 2;
          textStart = i;
        } else {
          i++;
        }
      } else if (c === TILDE) {
        let n = 1;
        while (i + n < end && src.charCodeAt(i + n) === TILDE) n++;
        if (n >= 2) {
          this.text(textStart, i);
          this.tildes(i, n);
          textStart = i + n;
        }
        i += n;
      } else if (c === CARET) {
        let j = i + 1;
        while (j < end && j - i <= MAX_KEYWORD && isAsciiLetter(src.charCodeAt(j))) j++;
        const next = j < end ? src.charCodeAt(j) : 0;
        if (next === LBRACE || next === LT) {
          this.text(textStart, i);
          if (j > i + 1) this.checkKeyword(i, j, '^');
          this.open(ADD, next === LBRACE ? BRACE : ANGLE, i, j + 1, j - i - 1);
          i = j + 1;
          textStart = i;
        } else {
          i++;
        }
      } else {
        // } > *
        this.text(textStart, i);
        this.closer(i, c);
        i++;
        textStart = i;
      }
    }
    this.text(textStart, end);
    if (this.depth > 0) {
      // Where each mark still open ends its line, for the fix that closes it there: outermost first, so the line
      // breaks are searched forward only.
      for (let d = 1; d <= this.depth; d++) {
        const at = this.lineBreaks.next(this.tree.openEnd(this.container[d]!));
        this.lineEnds[d] = at < 0 || at > end ? end : at;
      }
      // Closing a mark where the paragraph ends closes the marks still open inside it first (a tilde run there would
      // close an inner deletion, not this one).
      let inner = '';
      for (let d = this.depth; d >= 1; d--) {
        this.innerClosers[d] = inner;
        inner += closerOfNode(this.tree, this.container[d]!);
      }
      while (this.depth > 0) this.unclosed(end, more);
    }
    if (this.pairable[0]! >= 2) this.group(para);
    if (this.empties.length > 0) {
      // Empty marks with nothing but spaces between them are removed together, by one fix shared by all of them.
      const empties = this.empties;
      for (let i = 0; i < empties.length;) {
        let j = i + 1;
        while (j < empties.length && this.onlyBlanks(this.tree.end(empties[j - 1]!), this.tree.start(empties[j]!))) j++;
        this.emptyMarks(empties.slice(i, j), start, end);
        i = j;
      }
      this.empties.length = 0;
    }
    if (this.spaced.length > 0) {
      for (const node of this.spaced) this.checkInnerSpaces(node);
      this.spaced.length = 0;
      this.gapBefore.clear();
      this.gapAfter.clear();
    }
    return para;
  }

  private append(node: number): void {
    const d = this.depth;
    const last = this.lastChild[d]!;
    if (last < 0) this.tree.setFirst(this.container[d]!, node);
    else this.tree.setNext(last, node);
    this.lastChild[d] = node;
  }

  private text(start: number, end: number): void {
    if (end <= start) return;
    const t = this.tree;
    const last = this.lastChild[this.depth]!;
    if (last >= 0 && t.kind(last) === TEXT && t.end(last) === start) t.setEnd(last, end);
    else this.append(t.add(TEXT, start, end));
  }

  /** Opens a mark at [start, end): `delim` is a deletion's number of tildes or an insertion's spelling. */
  private open(
    kind: typeof DEL | typeof ADD | typeof HAND | typeof SUPPLIED,
    delim: number,
    start: number,
    end: number,
    keywordLength = 0,
  ): void {
    if (this.refused.length > 0 || this.depth >= MAX_NESTING) {
      const delimiter = this.src.slice(start, end);
      if (this.refused.length === 0) {
        this.report(() =>
          problem(
            'nesting-too-deep',
            start,
            end,
            `Marks are nested more than ${MAX_NESTING} deep here; this \`${delimiter}\` and the marks inside it are read as text.`,
          ),
        );
      }
      this.refused.push(kind === DEL ? delimiter : kind === HAND ? '*' : delim === ANGLE ? '>' : '}');
      this.text(start, end);
      return;
    }
    const node = this.tree.add(kind, start, end, delim, keywordLength);
    this.append(node);
    if (kind !== DEL) this.lastDeletion[this.depth] = -1; // only text may stand between two same-tilde deletions
    const d = ++this.depth;
    this.container[d] = node;
    this.lastChild[d] = -1;
    this.pairable[d] = 0;
    this.crossed[d] = false;
    this.lastDeletion[d] = -1;
    if (kind === ADD) {
      if (delim === BRACE) {
        this.openBrace++;
        this.braceAdds.push(node);
      } else {
        this.openAngle++;
        this.angleAdds.push(node);
      }
    } else if (kind === HAND) {
      this.openHand++;
    } else if (kind === SUPPLIED) {
      this.openBrace++;
    }
    if (kind !== SUPPLIED) this.handRef(end);
  }

  /** A hand reference `@id ` just after an opener at `at` becomes the mark's first child; the scan resumes after it. */
  private handRef(at: number): void {
    const src = this.src;
    if (src.charCodeAt(at) !== AT) return;
    let k = at + 1;
    while (k < this.paragraphEnd && k - at <= 64 && isHandIdCode(src.charCodeAt(k))) k++;
    const c = src.charCodeAt(k);
    if (k === at + 1 || k >= this.paragraphEnd || !(c === 32 || c === 9)) return;
    const ref = this.tree.add(HAND_REF, at, k + 1);
    this.append(ref);
    this.handRefs.push(ref);
    this.resumeAt = k + 1;
    this.rereadSpaces = true; // the space after the id is notation, though it stands next to a mark
  }

  /**
   * A mark that begins with a sigil at `at` (`?` `+` `_` `%` `|`), perhaps with a keyword before its brace; `|-` is a
   * word break. Returns where the scan goes on, or -1 when the sigil is text here. The editorial marks but supplied
   * text hold no markup: their closer is the first unescaped `}` in the paragraph (linear: the scan goes on from it).
   */
  private sigil(at: number, c: number, end: number, textStart: number): number {
    const src = this.src;
    if (this.refused.length > 0) return -1;
    if (c === BAR && src.charCodeAt(at + 1) === MINUS && at + 1 < end) {
      this.text(textStart, at);
      this.append(this.tree.add(WORD_BREAK, at, at + 2));
      return at + 2;
    }
    let j = at + 1;
    while (j < end && j - at <= MAX_KEYWORD && isAsciiLetter(src.charCodeAt(j))) j++;
    if (j >= end || src.charCodeAt(j) !== LBRACE) return -1;
    const keyword = src.slice(at + 1, j);
    let kind = sigilKind(c, keyword);
    if (kind < 0) {
      // `|{` is text; `|` with a keyword that is neither page nor column is read as a page break, and reported.
      if (j === at + 1) return -1;
      kind = PAGE;
    }
    this.text(textStart, at);
    if (j > at + 1) this.checkKeyword(at, j, src[at]!);
    if (kind === SUPPLIED) {
      this.rereadSpaces = true;
      this.open(SUPPLIED, 0, at, j + 1, j - at - 1);
      return j + 1;
    }
    // An atomic mark: its closer is the first `}` not escaped.
    let k = j + 1;
    while (k < end) {
      const d = src.charCodeAt(k);
      if (d === RBRACE) break;
      k += d === BACKSLASH && k + 1 < end && isEscapable(src.charCodeAt(k + 1)) ? 2 : 1;
    }
    const closed = k < end;
    const node = this.tree.add(kind as typeof UNCLEAR, at, closed ? k + 1 : end, 0, j - at - 1);
    if (closed) this.tree.setClosed(node);
    this.append(node);
    this.editorial.push(node);
    if (kind !== NOTE) this.lastDeletion[this.depth] = -1;
    if (!closed) this.unclosedAtomic(node);
    return closed ? k + 1 : end;
  }

  /** `unknown-keyword`: a keyword between a sigil and its brace that the mark does not take. */
  private checkKeyword(at: number, braceAt: number, sigil: string): void {
    const keyword = this.src.slice(at + 1, braceAt);
    const known = keywordsFor(sigil);
    if (known.includes(keyword)) return;
    const lower = keyword.toLowerCase();
    let near = known.find((k) => k === lower);
    for (let d = 1; !near && d <= 2; d++) near = known.find((k) => editDistance(lower, k, d + 1) <= d);
    near ??= lower.length >= 2 ? known.find((k) => k.startsWith(lower)) : undefined;
    const fixes: Fix[] = [];
    if (near) {
      const edits = [{ start: at + 1, end: braceAt, newText: near }];
      fixes.push(makeFix(`Write \`${sigil}${near}\``, edits, this.changes(edits, BOTH), true));
    }
    if (sigil !== '|') {
      const edits = [{ start: at + 1, end: braceAt, newText: '' }];
      fixes.push(makeFix(`Remove \`${keyword}\``, edits, this.changes(edits, BOTH), !near));
    } else {
      for (const k of known) {
        if (k === near) continue;
        const edits = [{ start: at + 1, end: braceAt, newText: k }];
        fixes.push(makeFix(`Write \`|${k}\``, edits, this.changes(edits, BOTH)));
      }
    }
    const what = sigil === '^' ? 'a placement' : sigil === '?' ? 'a certainty' : sigil === '|' ? 'a break' : 'a reason';
    this.report(() =>
      problem(
        'unknown-keyword',
        at,
        braceAt + 1,
        `\`${keyword}\` is not ${what} Emend knows; \`${sigil}…{\` takes ${known.map((k) => `\`${k}\``).join(', ')}.` +
          (sigil === '|' ? ' It is read as a page break.' : ''),
        fixes,
      ),
    );
  }

  /** An editorial mark with no `}` before its paragraph ends: it runs to the end (as marks do), reported with fixes. */
  private unclosedAtomic(node: number): void {
    const t = this.tree;
    const openStart = t.start(node),
      openEnd = t.openEnd(node),
      end = t.end(node);
    const name = KIND_NAME[t.kind(node)]!;
    let lineEnd = this.lineBreaks.next(openEnd);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    while (lineEnd > openEnd && isBlank(this.src.charCodeAt(lineEnd - 1))) lineEnd--;
    const fixes: Fix[] = [];
    const close = this.closing(node, lineEnd, '}');
    if (close)
      fixes.push(
        makeFix(`Close the ${name} at the end of its line with \`}\``, [close], this.changes([close], BOTH), true),
      );
    const escape = [{ start: openStart, end: openStart, newText: '\\' }];
    fixes.push(
      makeFix(`Escape \`${this.src[openStart]}\` (keep it as text)`, escape, this.changes(escape, BOTH), !close),
    );
    this.report(() =>
      problem(
        UNCLOSED_CODE[t.kind(node)]!,
        openStart,
        openEnd,
        `This ${name} is never closed; add \`}\` where it ends (until then it runs to the end of its paragraph).`,
        fixes,
      ),
    );
  }

  /** Pops the innermost mark, ending it at `end`; `closed` when a closer ends there (as long as the opener implies). */
  private pop(end: number, closed: boolean): number {
    const t = this.tree;
    const d = this.depth;
    const node = this.container[d]!;
    this.forgetPendingDeeperThan(d - 1);
    t.setEnd(node, end);
    if (closed) t.setClosed(node);
    if (this.pairable[d]! >= 2) this.group(node);
    this.depth = d - 1;
    const kind = t.kind(node);
    if (kind === ADD) {
      if (t.delim(node) === BRACE) this.openBrace--;
      else this.openAngle--;
    } else if (kind === HAND) {
      this.openHand--;
    } else if (kind === SUPPLIED) {
      this.openBrace--;
    }
    if (closed && (kind === DEL || kind === ADD)) this.pairable[d - 1]!++;
    return node;
  }

  /** Whether mark `node` is closed by the closer character `c` (`}`, `>` or `*`). */
  private closedBy(node: number, c: number): boolean {
    const t = this.tree;
    if (c === STAR) return t.kind(node) === HAND;
    if (c === RBRACE && t.kind(node) === SUPPLIED) return true;
    return t.kind(node) === ADD && t.delim(node) === (c === RBRACE ? BRACE : ANGLE);
  }

  /** Closers awaited inside a mark that has now closed will never come where they were awaited. */
  private forgetPendingDeeperThan(depth: number): void {
    while (this.pendingTildeDepths.length > 0 && this.pendingTildeDepths[this.pendingTildeDepths.length - 1]! > depth) {
      this.pendingTildeDepths.pop();
      this.pendingTildes.pop();
    }
    forgetDeeper(this.pendingBrace, depth);
    forgetDeeper(this.pendingAngle, depth);
    forgetDeeper(this.pendingStar, depth);
  }

  /** Closes the innermost mark with the closer that ends at `end`. */
  private close(end: number): void {
    const node = this.pop(end, true);
    const t = this.tree;
    if (t.kind(node) === DEL) {
      const previous = this.lastDeletion[this.depth]!;
      if (previous >= 0 && t.delim(previous) === t.delim(node)) this.checkSameTildes(previous, node);
      this.lastDeletion[this.depth] = node;
    }
    const first = t.first(node);
    // Empty, or holding only the `@id ` of its hand: no text either way.
    if (first < 0 || (t.kind(first) === HAND_REF && t.next(first) < 0)) {
      this.empties.push(node); // reported at the paragraph's end, with a fix checked against the readings
    } else {
      // A space just inside the mark is looked at once the paragraph's substitutions are known (spaces between the
      // two halves of one are notation, not text a space inside could double).
      const src = this.src;
      if (isBlank(src.charCodeAt(t.openEnd(node))) || isBlank(src.charCodeAt(t.closeStart(node) - 1)))
        this.spaced.push(node);
    }
  }

  private tildes(at: number, n: number): void {
    if (this.refused.length > 0) {
      // Runs close refused deletions (as text) while they can; tildes left once none is refused are read as usual.
      let rest = n;
      while (rest >= 2 && this.refused.length > 0) {
        const top = this.refused[this.refused.length - 1]!;
        if (top[0] === '~' && top.length <= rest) {
          this.refused.pop();
          rest -= top.length;
        } else {
          this.refused.push(tildeRun(rest));
          rest = 0;
        }
      }
      if (rest < 2) {
        this.text(at, at + n);
        return;
      }
      this.text(at, at + n - rest);
      this.tildes(at + n - rest, rest);
      return;
    }
    const t = this.tree;
    let k = at;
    let rest = n;
    while (rest >= 2) {
      const d = this.depth;
      // A deletion is closed by as many tildes as opened it.
      const closing = d > 0 && t.kind(this.container[d]!) === DEL ? t.delim(this.container[d]!) : Infinity;
      if (closing <= rest) {
        this.close(k + closing);
        k += closing;
        rest -= closing;
        continue;
      }
      const pending = this.pendingTildes.length > 0 ? this.pendingTildes[this.pendingTildes.length - 1]! : Infinity;
      if (pending <= rest && this.pendingTildeDepths[this.pendingTildeDepths.length - 1] === d) {
        this.pendingTildes.pop();
        this.pendingTildeDepths.pop();
        k += pending;
        rest -= pending;
        continue;
      }
      this.open(DEL, rest, k, k + rest);
      k += rest;
      rest = 0;
    }
    if (rest === 1) this.text(k, k + 1);
  }

  private closer(at: number, c: number): void {
    if (this.refused.length > 0) {
      const ch = this.src[at]!;
      if (this.refused[this.refused.length - 1] === ch) this.refused.pop();
      else if (c === STAR) this.refused.push('*');
      this.text(at, at + 1);
      return;
    }
    if (this.depth > 0 && this.closedBy(this.container[this.depth]!, c)) {
      this.close(at + 1);
      return;
    }
    const openCount = c === RBRACE ? this.openBrace : c === GT ? this.openAngle : this.openHand;
    if (openCount > 0) {
      this.crossing(at, c);
      return;
    }
    const pendingCloser = c === RBRACE ? this.pendingBrace : c === GT ? this.pendingAngle : this.pendingStar;
    if (pendingCloser.length > 0 && pendingCloser[pendingCloser.length - 1] === this.depth) {
      pendingCloser.pop();
      return;
    }
    if (c === STAR) {
      this.open(HAND, 0, at, at + 1);
      return;
    }
    this.text(at, at + 1);
    const ch = this.src[at]!;
    this.report(() =>
      problem(
        'stray-closer',
        at,
        at + 1,
        `This \`${ch}\` closes nothing (no \`${c === RBRACE ? '^{` or `+{' : '^<'}\` is open); it is kept as text.`,
        [
          makeFix(`Escape it as \`\\${ch}\``, [{ start: at, end: at, newText: '\\' }], KEEPS, true),
          makeFix(`Remove the stray \`${ch}\``, [{ start: at, end: at + 1, newText: '' }], BOTH),
        ],
      ),
    );
  }

  /** A closer whose mark is open but not innermost: the marks cross. End the inner marks here, then the matched one. */
  private crossing(at: number, c: number): void {
    const t = this.tree;
    const inner: number[] = [];
    while (!this.closedBy(this.container[this.depth]!, c)) inner.push(this.pop(at, false));
    const outer = this.container[this.depth]!;
    this.close(at + 1);
    // Their closers are awaited where the outer mark stood, outermost's last.
    const depth = this.depth;
    for (let k = inner.length - 1; k >= 0; k--) {
      const node = inner[k]!;
      const kind = t.kind(node);
      if (kind === DEL) {
        this.pendingTildes.push(t.delim(node));
        this.pendingTildeDepths.push(depth);
      } else
        (kind === HAND
          ? this.pendingStar
          : kind === ADD && t.delim(node) === ANGLE
            ? this.pendingAngle
            : this.pendingBrace
        ).push(depth);
    }
    let ambiguous = -1;
    if (depth > 0 && t.kind(this.container[depth]!) === DEL && !this.crossed[depth]) {
      for (const node of inner) {
        if (t.kind(node) === DEL && t.delim(node) === t.delim(this.container[depth]!)) {
          this.crossed[depth] = true;
          ambiguous = node;
        }
      }
    }
    const first = inner[inner.length - 1]!;
    this.report(() =>
      problem(
        'crossing-marks',
        at,
        at + 1,
        `Marks cross: this \`${this.src[at]}\` ends the ${KIND_NAME[t.kind(outer)]} opened with \`${delimiterOf(t, outer)}\`, ` +
          `but the ${KIND_NAME[t.kind(first)]} opened inside it with \`${delimiterOf(t, first)}\` is still open. ` +
          'Close the inner mark first, or split one of them so that one lies wholly inside the other.' +
          (ambiguous >= 0
            ? ` If the \`${delimiterOf(t, ambiguous)}\` inside was meant to end the deletion opened before the ` +
              `${KIND_NAME[t.kind(outer)]}, those two cross instead; until this is mended that deletion runs to the end of its paragraph.`
            : ''),
      ),
    );
  }

  private unclosed(end: number, more: boolean): void {
    const crossed = this.crossed[this.depth] === true;
    let lineEnd = this.lineEnds[this.depth]!;
    const innerClosers = this.innerClosers[this.depth]!;
    const node = this.pop(end, false);
    if (crossed) return;
    const t = this.tree;
    const kind = t.kind(node);
    const name = KIND_NAME[kind]!;
    const closer = closerOfNode(t, node);
    const delimiter = delimiterOf(t, node);
    const openStart = t.start(node),
      openEnd = t.openEnd(node);
    const src = this.src;
    while (lineEnd > openEnd && isBlank(src.charCodeAt(lineEnd - 1))) lineEnd--;
    // Each fix says which readings it changes, found by reading the edited paragraph again: closing the mark where
    // the parser ends it keeps them (unless it then pairs with a mark beside it into a substitution, whose spaces
    // between are in neither reading); closing it earlier moves text out of it; removing the opener keeps the text
    // but not its meaning (a hand's text is in both readings either way).
    const fixes: Fix[] = [];
    const closers = innerClosers + closer;
    const atEnd = this.closing(node, end, closers);
    if (atEnd)
      fixes.push(
        makeFix(
          `Close the ${name} at the end of the ${more ? 'paragraph' : 'document'} with \`${closers}\``,
          [atEnd],
          this.changes([atEnd], BOTH),
          lineEnd === end,
        ),
      );
    // At the end of its line only when no mark inside it is open there.
    const atLineEnd = lineEnd < end && innerClosers === '' ? this.closing(node, lineEnd, closer) : null;
    if (atLineEnd)
      fixes.push(
        makeFix(
          `Close the ${name} at the end of its line with \`${closer}\``,
          [atLineEnd],
          this.changes([atLineEnd], BOTH),
          !atEnd,
        ),
      );
    const remove = [{ start: openStart, end: openEnd, newText: '' }];
    fixes.push(makeFix(`Remove the unmatched \`${delimiter}\`, keeping the text`, remove, this.changes(remove, BOTH)));
    if (kind === HAND) {
      // A lone asterisk is often just an asterisk (a footnote sign, "5 * 3").
      const escape = [{ start: openStart, end: openStart, newText: '\\' }];
      fixes.push(makeFix('Escape it as `\\*` (a literal asterisk)', escape, this.changes(escape, BOTH)));
    }
    const code = more ? 'mark-crosses-paragraph' : UNCLOSED_CODE[kind]!;
    const message = more
      ? `This ${name} is still open at the blank line that ends its paragraph; marks end with their paragraph. ` +
        `Close it with \`${closer}\` (mark each paragraph separately if the ${name} runs on).`
      : `This ${name} is never closed; add \`${closer}\` where it ends.`;
    this.report(() => problem(code, openStart, openEnd, message, fixes));
  }

  /**
   * `nested-deletion-tildes`: two deletions with as many tildes and only text between, `~~a ~~[gap]~~^{blend of}
   * curiosity and~~`, where the tildes between look the wrong way round: the first deletion's closer has a space
   * before it and a word after it, as an opener would, and the second's opener a word before it, as a closer would.
   * That is how a deletion inside a deletion reads when the outer one was written with the same number of tildes:
   * the transcriber meant `~~~a ~~[gap]~~^{blend of} curiosity and~~~`, and that is the fix.
   */
  private checkSameTildes(first: number, second: number): void {
    const src = this.src;
    const t = this.tree;
    const k = t.delim(first);
    const wordAt = (i: number): boolean => {
      const c = src.charCodeAt(i);
      return i >= 0 && i < src.length && !isBlank(c) && !isLineBreakCode(c) && c !== TILDE;
    };
    const closeStart = t.closeStart(first);
    if (
      !wordAt(t.openEnd(first)) || // `~~a`: opens
      !isBlank(src.charCodeAt(closeStart - 1)) || // `a ~~[`: opens, though it closed
      !wordAt(t.end(first)) ||
      t.end(first) >= t.start(second) ||
      !wordAt(t.start(second) - 1) || // `]~~^`: closes, though it opened
      !wordAt(t.closeStart(second) - 1) // `and~~`: closes
    )
      return;
    const run = tildeRun(k + 1);
    const edits = [
      { start: t.start(first), end: t.openEnd(first), newText: run },
      { start: t.closeStart(second), end: t.end(second), newText: run },
    ];
    const start = closeStart,
      end = t.openEnd(second);
    const inner = src.slice(t.end(first), t.start(second));
    this.report(() =>
      problem(
        'nested-deletion-tildes',
        start,
        end,
        `These two \`${tildeRun(k)}\` read as the end of one deletion and the start of another, but they look like a ` +
          `deletion inside a deletion (of “${inner}”). A deletion inside another needs fewer tildes than the outer one: ` +
          `write the outer one with \`${run}\`.`,
        [makeFix(`Write the outer deletion with \`${run}\``, edits, this.changes(edits, FINAL), true)],
      ),
    );
  }

  /**
   * `empty-mark`, with a fix that removes the mark (or a run of them with only spaces between) and whatever spaces the
   * readings leave out around it, so that both read as before: `x ^{} y` → `x y`, `(^{} a)` → `(a)`, `a ^{}, b` →
   * `a, b`. Whether it does is checked by reading the edited paragraph again (an empty mark is rare; a budget keeps
   * junk input linear).
   */
  private emptyMarks(run: number[], paraStart: number, paraEnd: number): void {
    const src = this.src;
    const t = this.tree;
    const p = t.start(run[0]!),
      q = t.end(run[run.length - 1]!);
    let b = p,
      a = q;
    while (b > paraStart && isBlank(src.charCodeAt(b - 1))) b--;
    while (a < paraEnd && isBlank(src.charCodeAt(a))) a++;
    const previous = b > paraStart ? src.charCodeAt(b - 1) : NL;
    const next = a < paraEnd ? src.charCodeAt(a) : NL;
    // What a reading does where a mark drops out (docs/markup.md): spaces after it go after a space, a line start or
    // an opening bracket; a space before it goes before a line break or punctuation written against it.
    let from = p,
      to = q;
    if (a > q && (b < p || isLineBreakCode(previous) || isOpeningPunctuation(previous))) to = a;
    if (b < p && (isLineBreakCode(next) || (a === q && isClosingPunctuation(next)))) from = b;
    // A line holding nothing else goes with its line break (the one before it, on a paragraph's last line).
    if (b === p && a === q && isLineBreakCode(previous) && isLineBreakCode(next)) {
      if (a < paraEnd) to = a + lineBreakLength(src, a);
      else if (b > paraStart) from = p - (src.charCodeAt(p - 1) === NL && src.charCodeAt(p - 2) === CR ? 2 : 1);
    }
    const edits = [{ start: from, end: to, newText: '' }];
    const fix = makeFix(
      run.length > 1 ? 'Remove the empty marks' : 'Remove the empty mark',
      edits,
      this.changes(edits, BOTH),
      true,
    );
    for (const node of run) {
      const start = t.start(node),
        end = t.end(node);
      const handOnly = t.first(node) >= 0 ? ' but the hand that made it' : '';
      this.report(() =>
        problem('empty-mark', start, end, `This ${KIND_NAME[t.kind(node)]} holds no text${handOnly}.`, [fix]),
      );
    }
  }

  /** True when src[from, to) holds only spaces and tabs. */
  private onlyBlanks(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!isBlank(this.src.charCodeAt(k))) return false;
    return true;
  }

  /** The edit that writes `closer` at `at`, the end of mark `node`'s text, or null when it cannot be written there:
   *  a backslash just before it would escape it (`*a\` + `*`), a tilde would join its run (`~~a~` + `~~`), so that
   *  character is escaped first; the tilde run of a mark inside, ending there too, would join it whatever is done. */
  private closing(node: number, at: number, closer: string): TextEdit | null {
    const src = this.src;
    let k = at;
    while (k > 0 && src.charCodeAt(k - 1) === BACKSLASH) k--;
    if ((at - k) % 2 === 1) return { start: at, end: at, newText: '\\' + closer };
    if (closer[0] === '~' && src.charCodeAt(at - 1) === TILDE) {
      if (!this.textBefore(node, at)) return null;
      return { start: at - 1, end: at, newText: '\\~' + closer };
    }
    return { start: at, end: at, newText: closer };
  }

  /** The readings that `edits`, inside the paragraph being parsed, change: found by reading the edited paragraph
   *  again, or `otherwise` once a document has spent its budget for that (see CHECK_BUDGET). */
  private changes(edits: TextEdit[], otherwise: FixChanges): FixChanges {
    if (!this.checkFixes || this.checked >= CHECK_BUDGET) return otherwise;
    this.checked += 2 * (this.paragraphEnd - this.paragraphStart);
    return changedReadings(this.src, this.paragraphStart, this.paragraphEnd, edits);
  }

  /** True when the character before `at` is in a text node inside mark `node` (not a delimiter, not an escape). */
  private textBefore(node: number, at: number): boolean {
    const t = this.tree;
    let n = t.first(node);
    while (n >= 0) {
      if (t.start(n) < at && at <= t.end(n)) {
        const kind = t.kind(n);
        if (kind === TEXT) return true;
        if (kind === ESCAPE) return false;
        if (kind === SUBST) {
          n = t.first(n);
          continue;
        }
        if (at <= t.openEnd(n) || (t.closed(n) && at > t.closeStart(n))) return false; // in a delimiter
        n = t.first(n);
        continue;
      }
      n = t.next(n);
    }
    return false;
  }

  /** A space just inside a delimiter that doubles a space (or line edge) just outside it. Called at the end of the
   *  mark's paragraph. */
  private checkInnerSpaces(node: number): void {
    const src = this.src;
    const t = this.tree;
    const first = t.first(node);
    // A hand's `@id ` is notation: the text begins after it.
    const inner0 = first >= 0 && t.kind(first) === HAND_REF ? t.end(first) : t.openEnd(node),
      inner1 = t.closeStart(node);
    if (inner0 >= inner1) return;
    const c0 = src.charCodeAt(inner0),
      c1 = src.charCodeAt(inner1 - 1);
    if (!isBlank(c0) && !isBlank(c1)) return; // the common case: nothing to look at
    let allSpace = true;
    for (let k = inner0; k < inner1; k++) {
      if (!isBlank(src.charCodeAt(k))) {
        allSpace = false;
        break;
      }
    }
    if (allSpace) return;
    const start = t.start(node),
      end = t.end(node);
    const before = start > 0 ? src.charCodeAt(start - 1) : NL;
    const after = end < src.length ? src.charCodeAt(end) : NL;
    // The spaces between a substitution's halves are in neither reading: a space inside doubles nothing there.
    const outsideBefore = (isBlank(before) || isLineBreakCode(before)) && !this.gapBefore.has(node);
    const outsideAfter = (isBlank(after) || isLineBreakCode(after)) && !this.gapAfter.has(node);
    const edits: TextEdit[] = [];
    // Trimmed, the text would touch the delimiters: a tilde or backslash there could join a tilde run or escape a
    // closer (`~~\~ ~~` → `~~\~~~`), and a line break there changes which spaces a reading keeps at the line's start
    // (`~~a\n ~~ b` reads `a\n b` as drafted, `~~a\n~~ b` reads `a\nb`): only reading it again tells.
    // Supplied text's brackets, and a hand's `@id `, stand where spaces would be compared: read it again to tell.
    let touchy = this.rereadSpaces;
    if (outsideBefore && isBlank(c0)) {
      let k = inner0;
      while (isBlank(src.charCodeAt(k))) k++;
      edits.push({ start: inner0, end: k, newText: '' });
      // An `@` brought against the opener would name a hand (`~~ @s x~~` → `~~@s x~~`).
      touchy ||= src.charCodeAt(k) === TILDE || src.charCodeAt(k) === AT || isLineBreakCode(src.charCodeAt(k));
    }
    let changes = KEEPS;
    if (outsideAfter && isBlank(c1)) {
      let k = inner1;
      while (isBlank(src.charCodeAt(k - 1))) k--;
      edits.push({ start: k, end: inner1, newText: '' });
      touchy ||=
        src.charCodeAt(k - 1) === TILDE ||
        src.charCodeAt(k - 1) === BACKSLASH ||
        isLineBreakCode(src.charCodeAt(k - 1));
      // A reading that keeps the mark keeps these spaces and skips the ones outside (so as not to double them);
      // after the fix it has the ones outside. The same unless they differ (a tab for a space, two for one) or a
      // line break follows the mark (a reading keeps no space at a paragraph's end either way).
      let o = end;
      while (o < src.length && isBlank(src.charCodeAt(o))) o++;
      if (end < this.paragraphEnd && src.slice(k, inner1) !== src.slice(end, o)) {
        const kind = t.kind(node);
        changes = kind === DEL ? DRAFT : kind === ADD ? FINAL : BOTH;
      }
    }
    if (edits.length === 0) return;
    if (touchy) changes = this.changes(edits, BOTH);
    this.report(() =>
      problem(
        'space-inside-mark',
        start,
        end,
        `A space just inside this ${KIND_NAME[t.kind(node)]} doubles the space outside it.`,
        [makeFix('Trim the spaces inside the mark', edits, changes, true)],
      ),
    );
  }

  /** Pairs a closed deletion and a closed insertion separated by nothing but spaces into a substitution. */
  private group(container: number): void {
    const t = this.tree;
    let prev = -1;
    let a = t.first(container);
    while (a >= 0) {
      const ka = t.kind(a);
      if ((ka === DEL || ka === ADD) && t.closed(a)) {
        const b = this.nextAcrossSpaces(a);
        if (
          b >= 0 &&
          t.kind(b) !== ka &&
          (t.kind(b) === DEL || t.kind(b) === ADD) &&
          t.closed(b) &&
          !(ka === ADD && this.startsSubstitution(b))
        ) {
          if (this.spaced.length > 0) {
            this.gapAfter.add(a);
            this.gapBefore.add(b);
          }
          const s = t.add(SUBST, t.start(a), t.end(b));
          const after = t.next(b);
          t.setFirst(s, a);
          t.setNext(a, b);
          t.setNext(b, -1);
          t.setNext(s, after);
          if (prev < 0) t.setFirst(container, s);
          else t.setNext(prev, s);
          prev = s;
          a = after;
          continue;
        }
      }
      prev = a;
      a = t.next(a);
    }
  }

  /** The sibling after `node`, skipping one text node of spaces and tabs only (-1 for none). */
  private nextAcrossSpaces(node: number): number {
    const t = this.tree,
      src = this.src;
    const n = t.next(node);
    if (n < 0 || t.kind(n) !== TEXT) return n;
    for (let k = t.start(n), end = t.end(n); k < end; k++) {
      if (!isBlank(src.charCodeAt(k))) return n;
    }
    return t.next(n);
  }

  /** True when the deletion `del` is followed, across spaces only, by a closed insertion: in `^{x} ~~a~~ ^{b}` the
   *  deletion pairs with the insertion after it (the usual order), not with the one before. */
  private startsSubstitution(del: number): boolean {
    const t = this.tree;
    const c = this.nextAcrossSpaces(del);
    return t.kind(del) === DEL && c >= 0 && t.kind(c) === ADD && t.closed(c);
  }
}

function forgetDeeper(depths: number[], depth: number): void {
  while (depths.length > 0 && depths[depths.length - 1]! > depth) depths.pop();
}

/** The parser lists at most this many problems (then one `too-many-problems`): junk input must not flood the editor. */
export const MAX_PROBLEMS = 1000;

export function parse(source: string): ParsedDocument {
  return parseDocument(source, true);
}

function parseDocument(source: string, checkFixes: boolean): ParsedDocument {
  const problems: Problem[] = [];
  const { header, bodyStart } = parseHeader(source, problems);
  const inline = new InlineParser(source, problems, checkFixes);
  const tree = inline.tree;
  const n = source.length;
  const breaks = new ParagraphBreaks(source);
  let start = nextContent(source, bodyStart);
  while (start < n) {
    // The paragraph ends at a line break followed by a blank line, or at the end of the document.
    let end = n;
    let next = n;
    const nl = breaks.next(start);
    if (nl >= 0) {
      end = nl;
      next = nextContent(source, nl + 1);
    }
    while (end > start && isBlank(source.charCodeAt(end - 1))) end--;
    tree.paragraphs.push(inline.paragraph(start, end, next < n));
    start = next;
  }
  checkSpellings(tree, inline.braceAdds, inline.angleAdds, problems);
  checkEditorialMarks(tree, header, inline.handRefs, inline.editorial, problems, (edits) => {
    const sorted = [...edits].sort(byStart);
    const ps = tree.paragraphs;
    const from = sorted[0]!.start,
      to = sorted[sorted.length - 1]!.end;
    const p = ps.find((q) => tree.start(q) <= from && to <= tree.end(q));
    if (!checkFixes || p === undefined || tree.end(p) - tree.start(p) > EDIT_CHECK_MAX) return BOTH;
    return changedReadings(source, tree.start(p), tree.end(p), sorted);
  });
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  if (problems.length > MAX_PROBLEMS) {
    const first = problems[MAX_PROBLEMS]!;
    problems.length = MAX_PROBLEMS;
    problems.push(
      problem(
        'too-many-problems',
        first.start,
        first.end,
        `The markup has more than ${MAX_PROBLEMS} problems; only the first ${MAX_PROBLEMS} are listed. ` +
          'Is this file a transcription? Mend the first ones and the rest will show.',
      ),
    );
  }
  return parsedDocument(source, header, bodyStart, problems, tree);
}

function parsedDocument(
  source: string,
  header: Header | null,
  bodyStart: number,
  problems: Problem[],
  syntax: SyntaxTree,
): ParsedDocument {
  let objects: { paragraphs: Paragraph[]; nodes: Inline[] } | undefined;
  const made = () => (objects ??= paragraphObjects(syntax));
  const doc = { source, header, bodyStart, problems } as ParsedDocument;
  // Own properties, so that a copy of the document (`{ ...doc }`) still has its paragraphs.
  Object.defineProperty(doc, 'paragraphs', { enumerable: true, configurable: true, get: () => made().paragraphs });
  Object.defineProperty(doc, 'syntax', { enumerable: false, value: syntax });
  Object.defineProperty(doc, 'nodeObject', { enumerable: false, value: (i: number) => made().nodes[i]! });
  return doc;
}

/** Characters of edited paragraphs read again per document to check fixes (closing a mark where the paragraph ends
 *  it, removing an empty one): problems are few in a transcription, and this keeps junk input linear. Beyond it, a
 *  fix says it may change the readings. */
const CHECK_BUDGET = 1 << 20;

/** The most characters of a paragraph that `editChanges` reads again; for a longer one it answers BOTH. */
const EDIT_CHECK_MAX = 64 * 1024;

/**
 * Which readings `edits` change, when they all fall inside one paragraph of the parsed document (not longer than
 * EDIT_CHECK_MAX): found by reading that paragraph again with the edits applied. Otherwise BOTH (it may change
 * them). For fixes whose effect on the readings depends on what stands around them.
 */
export function editChanges(doc: EmendDocument, edits: TextEdit[]): FixChanges {
  if (edits.length === 0) return KEEPS;
  let from = Infinity,
    to = -1;
  for (const e of edits) {
    from = Math.min(from, e.start);
    to = Math.max(to, e.end);
  }
  const ps = doc.paragraphs;
  let lo = 0,
    hi = ps.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid]!.start <= from) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const p = found >= 0 ? ps[found]! : undefined;
  if (!p || to > p.end || p.end - p.start > EDIT_CHECK_MAX) return BOTH;
  return changedReadings(doc.source, p.start, p.end, [...edits].sort(byStart));
}

/** Which readings of paragraph [start, end) of `src` the edits (all inside it) change, found by reading it again. */
function changedReadings(src: string, start: number, end: number, edits: TextEdit[]): FixChanges {
  const before = paragraphReadings(src.slice(start, end));
  let text = '';
  let k = start;
  for (const e of edits) {
    text += src.slice(k, e.start) + e.newText;
    k = e.end;
  }
  const after = paragraphReadings(text + src.slice(k, end));
  // An edit that empties the paragraph, or splits it, would move the blank lines around it: counted as a change.
  if (!before || !after) return BOTH;
  const draft = before[0] !== after[0],
    final = before[1] !== after[1];
  return draft && final ? BOTH : draft ? DRAFT : final ? FINAL : KEEPS;
}

/** The draft and final readings of a text that is one paragraph, or null when it is not. */
function paragraphReadings(text: string): [string, string] | null {
  // A line break first, so that a paragraph beginning with `---` is not read as a header block.
  const doc = parseDocument('\n' + text, false);
  const p = doc.paragraphs[0];
  if (doc.paragraphs.length !== 1 || p!.start !== 1 || p!.end !== text.length + 1) return null;
  return [reading(doc, 'draft').text, reading(doc, 'final').text];
}

/** The start of the first line at or after `from` that is not blank (or n). */
function nextContent(src: string, from: number): number {
  const n = src.length;
  let lineStart = from;
  let j = from;
  while (j < n) {
    const c = src.charCodeAt(j);
    if (isLineBreakCode(c)) {
      j += lineBreakLength(src, j);
      lineStart = j;
      continue;
    }
    if (isBlank(c)) {
      j++;
      continue;
    }
    return lineStart;
  }
  return n;
}

/** Above this many rarer-spelling insertions, only the first one's problem carries the fix for all of them. */
const MIXED_FIX_ALL_LIMIT = 20;

function checkSpellings(t: SyntaxTree, brace: number[], angle: number[], problems: Problem[]): void {
  if (brace.length === 0 || angle.length === 0) return;
  const [minority, to] = angle.length <= brace.length ? ([angle, '^{'] as const) : ([brace, '^<'] as const);
  const closeTo = to === '^{' ? '}' : '>';
  const openTo = to === '^{' ? '{' : '<';
  // Where marks cross or nest too deep, closers are matched in ways a respelling would change; no fix is offered.
  const fixable = !problems.some((p) => p.code === 'crossing-marks' || p.code === 'nesting-too-deep');
  const delimiters = (node: number, edits: TextEdit[]): void => {
    edits.push({ start: t.start(node), end: t.openEnd(node), newText: to });
    if (t.closed(node)) edits.push({ start: t.closeStart(node), end: t.end(node), newText: closeTo });
  };
  // The text inside a respelt insertion, at any depth, must not hold what the new spelling reads as its closer:
  // `^<quote: {sic}>` becomes `^{quote: \{sic\}}` (both brackets escaped, so the text reads as it did).
  const escapes = (first: number, edits: TextEdit[]): void => {
    for (let n = first; n >= 0; n = t.next(n)) {
      const kind = t.kind(n);
      if (kind === TEXT) {
        for (let k = t.start(n), end = t.end(n); k < end; k++) {
          const c = t.source[k];
          if (c === openTo || c === closeTo) edits.push({ start: k, end: k, newText: '\\' });
        }
      } else if (kind !== ESCAPE) {
        escapes(t.first(n), edits);
      }
    }
  };
  const respell = (node: number): TextEdit[] => {
    const edits: TextEdit[] = [];
    delimiters(node, edits);
    escapes(t.first(node), edits);
    return edits.sort(byStart);
  };
  let all: Fix | undefined;
  const allFix = (): Fix => {
    if (all) return all;
    const edits: TextEdit[] = [];
    let covered = -1; // the end of the last insertion whose text was escaped (insertions come in document order)
    for (const node of minority) {
      delimiters(node, edits);
      if (t.start(node) >= covered) {
        escapes(t.first(node), edits);
        covered = t.end(node);
      }
    }
    return (all = makeFix(`Write every insertion as \`${to}…${closeTo}\``, edits.sort(byStart), KEEPS, true));
  };
  minority.forEach((node, index) => {
    if (problems.length >= 2 * MAX_PROBLEMS) return;
    let fixes: Fix[] = [];
    if (fixable) {
      const one = makeFix(`Write this insertion as \`${to}…${closeTo}\``, respell(node), KEEPS);
      // The fix for all of them is offered on every occurrence while that stays small, else on the first only.
      fixes = minority.length <= MIXED_FIX_ALL_LIMIT || index === 0 ? [allFix(), one] : [{ ...one, preferred: true }];
    }
    problems.push(
      problem(
        'insertion-spellings-mixed',
        t.start(node),
        t.openEnd(node),
        `This document writes insertions both as \`^{…}\` (${brace.length}) and as \`^<…>\` (${angle.length}); ` +
          `this one uses the rarer spelling \`${delimiterOf(t, node)}\`.`,
        fixes,
      ),
    );
  });
}

function byStart(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || a.end - b.end;
}
