// The one parser of the markup: a single left-to-right pass over the source, linear in its length.
// It never throws; every input gives a usable tree plus a list of problems (see docs/markup.md, "Problems").
import { parseHeader } from './header';
import type { EmendDocument, Inline, MarkNode, Paragraph, Problem, SubstNode, TextEdit } from './model';
import { problem } from './problem';

const BACKSLASH = 92, TILDE = 126, CARET = 94, STAR = 42, LBRACE = 123, RBRACE = 125, LT = 60, GT = 62;
const NL = 10, CR = 13, SPACE = 32, TAB = 9;

/** Characters a backslash makes literal. */
export const ESCAPABLE = '~^*{}<>\\';

function isEscapable(c: number): boolean {
  return c === TILDE || c === CARET || c === STAR || c === LBRACE || c === RBRACE || c === LT || c === GT || c === BACKSLASH;
}

/** SPECIAL[c] is 1 for the characters the scanner must look at; everything else is skipped in a tight loop. */
const SPECIAL = new Uint8Array(128);
for (const c of [BACKSLASH, TILDE, CARET, STAR, RBRACE, GT]) SPECIAL[c] = 1;

const TILDE_RUNS = ['', '~', '~~', '~~~', '~~~~', '~~~~~', '~~~~~~'];
function tildeRun(n: number): string {
  return n < TILDE_RUNS.length ? TILDE_RUNS[n]! : '~'.repeat(n);
}

const NO_CHILDREN: Inline[] = [];

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

interface Frame {
  node: MarkNode;
  /** For deletions, the number of tildes that close it. */
  tildes: number;
  /** Set on a deletion when a crossing ended an inner deletion whose opener could have been meant to close this
   *  one (`~~a ^{b~~ c}`): the crossing is already reported, so this deletion is not reported again as unclosed. */
  crossed: boolean;
}

/** Marks nested deeper than this are read as text (reported once per paragraph). Real manuscripts stay far below it;
 *  the limit keeps every consumer of the tree (readings, renderers, exports) safe from stack exhaustion. */
export const MAX_NESTING = 100;

const KIND_NAME = { del: 'deletion', add: 'insertion', hand: 'text in another hand' } as const;

export function closerOf(node: MarkNode): string {
  switch (node.kind) {
    case 'del': return node.delimiter;
    case 'add': return node.delimiter === '^<' ? '>' : '}';
    case 'hand': return '*';
  }
}

class InlineParser {
  private readonly stack: Frame[] = [];
  private children: Inline[] = [];
  private readonly childStack: Inline[][] = [];
  /** How many marks of each opener are on the stack, so a closer finds its match without searching. */
  private openBrace = 0;
  private openAngle = 0;
  private openHand = 0;
  /** Closers still to come for marks that a crossing ended early; they are consumed without a second report,
   *  but only at the nesting depth where the crossing left them (`depths`), and forgotten when the mark holding
   *  that place closes. One stack per closer, so each check is O(1). */
  private pendingTildes: string[] = [];
  private pendingTildeDepths: number[] = [];
  private pendingBrace: number[] = [];
  private pendingAngle: number[] = [];
  private pendingStar: number[] = [];
  /** Closers of openers refused for being nested too deep, innermost last; while any is pending, delimiters are text. */
  private refused: string[] = [];
  readonly braceAdds: MarkNode[] = [];
  readonly angleAdds: MarkNode[] = [];

  constructor(private readonly src: string, private readonly problems: Problem[]) {}

  /** Records a problem, unless so many are already recorded that parse() will cut the list anyway (junk input
   *  would otherwise spend most of its time building messages nobody reads). */
  private report(make: () => Problem): void {
    if (this.problems.length < 2 * MAX_PROBLEMS) this.problems.push(make());
  }

  /** Parses src[start, end) as one paragraph. `more` tells whether another paragraph follows. */
  paragraph(start: number, end: number, more: boolean): Paragraph {
    const src = this.src;
    this.children = [];
    this.pendingTildes = [];
    this.pendingTildeDepths = [];
    this.pendingBrace = [];
    this.pendingAngle = [];
    this.pendingStar = [];
    this.refused = [];
    let textStart = start;
    let i = start;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c >= 128 || SPECIAL[c] === 0) {
        i++;
        continue;
      }
      if (c === BACKSLASH) {
        if (i + 1 < end && isEscapable(src.charCodeAt(i + 1))) {
          this.text(textStart, i);
          this.add({ kind: 'escape', start: i, end: i + 2, char: src[i + 1]! });
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
        const next = i + 1 < end ? src.charCodeAt(i + 1) : 0;
        if (next === LBRACE || next === LT) {
          this.text(textStart, i);
          this.open('add', next === LBRACE ? '^{' : '^<', i, i + 2, 0);
          i += 2;
          textStart = i;
        } else {
          i++;
        }
      } else if (c === RBRACE || c === GT || c === STAR) {
        this.text(textStart, i);
        this.closer(i, c);
        i++;
        textStart = i;
      } else {
        i++;
      }
    }
    this.text(textStart, end);
    while (this.stack.length > 0) this.unclosed(end, more);
    return { start, end, children: group(this.children, src) };
  }

  private text(start: number, end: number): void {
    if (end <= start) return;
    const last = this.children[this.children.length - 1];
    if (last && last.kind === 'text' && last.end === start) last.end = end;
    else this.children.push({ kind: 'text', start, end });
  }

  private add(node: Inline): void {
    this.children.push(node);
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private open(kind: MarkNode['kind'], delimiter: string, start: number, end: number, tildes: number): void {
    if (this.refused.length > 0 || this.stack.length >= MAX_NESTING) {
      if (this.refused.length === 0) {
        this.report(() => problem('nesting-too-deep', start, end,
          `Marks are nested more than ${MAX_NESTING} deep here; this \`${delimiter}\` and the marks inside it are read as text.`));
      }
      this.refused.push(kind === 'del' ? delimiter : kind === 'hand' ? '*' : delimiter === '^<' ? '>' : '}');
      this.text(start, end);
      return;
    }
    // children are filled in when the mark is popped; until then it shares one empty array (fewer allocations).
    const node: MarkNode = { kind, delimiter, start, end, open: { start, end }, close: null, children: NO_CHILDREN };
    this.stack.push({ node, tildes, crossed: false });
    this.childStack.push(this.children);
    this.children = [];
    if (kind === 'add') {
      if (delimiter === '^{') { this.openBrace++; this.braceAdds.push(node); } else { this.openAngle++; this.angleAdds.push(node); }
    } else if (kind === 'hand') {
      this.openHand++;
    }
  }

  /** Pops the innermost frame, ending its mark at `end` (closed by [closeStart, end) when closeStart is given). */
  private pop(end: number, closeStart: number | null): MarkNode {
    const frame = this.stack.pop()!;
    const node = frame.node;
    this.forgetPendingDeeperThan(this.stack.length);
    node.end = end;
    node.close = closeStart === null ? null : { start: closeStart, end };
    node.children = group(this.children, this.src);
    this.children = this.childStack.pop()!;
    this.children.push(node);
    if (node.kind === 'add') {
      if (node.delimiter === '^{') this.openBrace--; else this.openAngle--;
    } else if (node.kind === 'hand') {
      this.openHand--;
    }
    return node;
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

  private close(closeStart: number, closeEnd: number): void {
    const node = this.pop(closeEnd, closeStart);
    if (node.children.length === 0) {
      this.report(() => problem('empty-mark', node.start, node.end,
        `This ${KIND_NAME[node.kind]} holds no text.`,
        [{ title: 'Remove the empty mark', edits: [{ start: node.start, end: node.end, newText: '' }], preferred: true }]));
    } else {
      this.checkInnerSpaces(node);
    }
  }

  private tildes(at: number, n: number): void {
    if (this.refused.length > 0) {
      let rest = n;
      while (rest >= 2) {
        const top = this.refused[this.refused.length - 1];
        if (top === undefined) break;
        if (top[0] === '~' && top.length <= rest) { this.refused.pop(); rest -= top.length; } else { this.refused.push(tildeRun(rest)); rest = 0; }
      }
      this.text(at, at + n - rest);
      if (rest > 0) this.tildes(at + n - rest, rest);
      return;
    }
    let k = at;
    let rest = n;
    while (rest >= 2) {
      const top = this.top();
      if (top && top.node.kind === 'del' && top.tildes <= rest) {
        this.close(k, k + top.tildes);
        k += top.tildes;
        rest -= top.tildes;
        continue;
      }
      const pending = this.pendingTildes[this.pendingTildes.length - 1];
      if (pending !== undefined && pending.length <= rest && this.pendingTildeDepths[this.pendingTildeDepths.length - 1] === this.stack.length) {
        this.pendingTildes.pop();
        this.pendingTildeDepths.pop();
        k += pending.length;
        rest -= pending.length;
        continue;
      }
      this.open('del', tildeRun(rest), k, k + rest, rest);
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
    const want = c === RBRACE ? '^{' : c === GT ? '^<' : '*';
    const top = this.top();
    if (top && (want === '*' ? top.node.kind === 'hand' : top.node.delimiter === want)) {
      this.close(at, at + 1);
      return;
    }
    const openCount = want === '^{' ? this.openBrace : want === '^<' ? this.openAngle : this.openHand;
    if (openCount > 0) {
      this.crossing(at, want);
      return;
    }
    const ch = this.src[at]!;
    const pendingCloser = c === RBRACE ? this.pendingBrace : c === GT ? this.pendingAngle : this.pendingStar;
    if (pendingCloser.length > 0 && pendingCloser[pendingCloser.length - 1] === this.stack.length) {
      pendingCloser.pop();
      return;
    }
    if (c === STAR) {
      this.open('hand', '*', at, at + 1, 0);
      return;
    }
    this.text(at, at + 1);
    this.report(() => problem('stray-closer', at, at + 1,
      `This \`${ch}\` closes nothing (no \`^${c === RBRACE ? '{' : '<'}\` is open); it is kept as text.`,
      [
        { title: `Escape it as \`\\${ch}\``, edits: [{ start: at, end: at, newText: '\\' }], preferred: true },
        { title: `Remove the stray \`${ch}\``, edits: [{ start: at, end: at + 1, newText: '' }] },
      ]));
  }

  /** A closer whose mark is open but not innermost: the marks cross. End the inner marks here, then the matched one. */
  private crossing(at: number, want: string): void {
    const inner: MarkNode[] = [];
    const crossed = inner;
    for (;;) {
      const top = this.top()!;
      const matches = want === '*' ? top.node.kind === 'hand' : top.node.delimiter === want;
      if (matches) break;
      const node = this.pop(at, null);
      inner.push(node);
      crossed.push(node);
    }
    const outer = this.top()!.node;
    this.close(at, at + 1);
    // Their closers are awaited where the outer mark stood, outermost's last.
    const depth = this.stack.length;
    for (let k = crossed.length - 1; k >= 0; k--) {
      const node = crossed[k]!;
      if (node.kind === 'del') { this.pendingTildes.push(node.delimiter); this.pendingTildeDepths.push(depth); }
      else (node.kind === 'hand' ? this.pendingStar : node.delimiter === '^<' ? this.pendingAngle : this.pendingBrace).push(depth);
    }
    const below = this.top();
    let ambiguous: MarkNode | null = null;
    if (below && below.node.kind === 'del' && !below.crossed) {
      for (const node of inner) {
        if (node.kind === 'del' && node.delimiter.length === below.tildes) { below.crossed = true; ambiguous = node; }
      }
    }
    const first = inner[inner.length - 1]!;
    this.report(() => problem('crossing-marks', at, at + 1,
      `Marks cross: this \`${this.src[at]}\` ends the ${KIND_NAME[outer.kind]} opened with \`${outer.delimiter}\`, ` +
      `but the ${KIND_NAME[first.kind]} opened inside it with \`${first.delimiter}\` is still open. ` +
      'Close the inner mark first, or split one of them so that one lies wholly inside the other.' +
      (ambiguous ? ` If the \`${ambiguous.delimiter}\` inside was meant to end the deletion opened before the ` +
        `${KIND_NAME[outer.kind]}, those two cross instead; until this is mended that deletion runs to the end of its paragraph.` : '')));
  }

  private unclosed(end: number, more: boolean): void {
    const crossed = this.top()!.crossed === true;
    const node = this.pop(end, null);
    if (crossed) return;
    const closer = closerOf(node);
    const src = this.src;
    let lineEnd = src.indexOf('\n', node.open.end);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    while (lineEnd > node.open.end && isBlank(src.charCodeAt(lineEnd - 1))) lineEnd--;
    const fixes = [
      { title: `Close the ${KIND_NAME[node.kind]} at the end of the ${more ? 'paragraph' : 'document'} with \`${closer}\``,
        edits: [{ start: end, end, newText: closer }], preferred: lineEnd === end },
    ];
    if (lineEnd < end) {
      fixes.push({ title: `Close the ${KIND_NAME[node.kind]} at the end of its line with \`${closer}\``,
        edits: [{ start: lineEnd, end: lineEnd, newText: closer }], preferred: false });
    }
    fixes.push({ title: `Remove the unmatched \`${node.delimiter}\` (keeps the text)`,
      edits: [{ start: node.open.start, end: node.open.end, newText: '' }], preferred: false });
    if (node.kind === 'hand') {
      // A lone asterisk is often just an asterisk (a footnote sign, "5 * 3").
      fixes.push({ title: 'Escape it as `\\*` (a literal asterisk)',
        edits: [{ start: node.open.start, end: node.open.start, newText: '\\' }], preferred: false });
    }
    const code = more ? 'mark-crosses-paragraph'
      : node.kind === 'del' ? 'unclosed-deletion' : node.kind === 'add' ? 'unclosed-insertion' : 'unclosed-hand';
    const message = more
      ? `This ${KIND_NAME[node.kind]} is still open at the blank line that ends its paragraph; marks end with their paragraph. ` +
        `Close it with \`${closer}\` (mark each paragraph separately if the ${KIND_NAME[node.kind]} runs on).`
      : `This ${KIND_NAME[node.kind]} is never closed; add \`${closer}\` where it ends.`;
    this.report(() => problem(code, node.open.start, node.open.end, message, fixes));
  }

  /** A space just inside a delimiter that doubles a space (or line edge) just outside it. */
  private checkInnerSpaces(node: MarkNode): void {
    const src = this.src;
    const inner0 = node.open.end, inner1 = node.close!.start;
    let allSpace = true;
    for (let k = inner0; k < inner1; k++) {
      if (!isBlank(src.charCodeAt(k))) { allSpace = false; break; }
    }
    if (allSpace) return;
    const before = node.start > 0 ? src.charCodeAt(node.start - 1) : NL;
    const after = node.end < src.length ? src.charCodeAt(node.end) : NL;
    const outsideBefore = before === SPACE || before === TAB || before === NL;
    const outsideAfter = after === SPACE || after === TAB || after === NL || after === CR;
    const edits: TextEdit[] = [];
    if (outsideBefore && isBlank(src.charCodeAt(inner0))) {
      let k = inner0;
      while (isBlank(src.charCodeAt(k))) k++;
      edits.push({ start: inner0, end: k, newText: '' });
    }
    if (outsideAfter && isBlank(src.charCodeAt(inner1 - 1))) {
      let k = inner1;
      while (isBlank(src.charCodeAt(k - 1))) k--;
      edits.push({ start: k, end: inner1, newText: '' });
    }
    if (edits.length === 0) return;
    this.report(() => problem('space-inside-mark', node.start, node.end,
      `A space just inside this ${KIND_NAME[node.kind]} doubles the space outside it.`,
      [{ title: 'Trim the spaces inside the mark', edits, preferred: true }]));
  }
}

function forgetDeeper(depths: number[], depth: number): void {
  while (depths.length > 0 && depths[depths.length - 1]! > depth) depths.pop();
}

function isSpacesOnly(src: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = src.charCodeAt(k);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** True when the deletion `del` (at children[at - 1]) is followed, across spaces only, by a closed insertion: in
 *  `^{x} ~~a~~ ^{b}` the deletion pairs with the insertion after it (the usual order), not with the one before. */
function startsSubstitution(children: Inline[], at: number, del: MarkNode, src: string): boolean {
  let j = at;
  const gap = children[j];
  if (gap && gap.kind === 'text' && isSpacesOnly(src, gap.start, gap.end)) j++;
  const c = children[j];
  return del.kind === 'del' && c !== undefined && c.kind === 'add' && c.close !== null;
}

/** Pairs a closed deletion and a closed insertion separated by nothing but spaces into a substitution. */
function group(children: Inline[], src: string): Inline[] {
  let out: Inline[] | null = null;
  for (let i = 0; i < children.length; i++) {
    const a = children[i]!;
    let paired: SubstNode | null = null;
    let skip = 0;
    if ((a.kind === 'del' || a.kind === 'add') && a.close) {
      let j = i + 1;
      const gap = children[j];
      if (gap && gap.kind === 'text' && isSpacesOnly(src, gap.start, gap.end)) j++;
      const b = children[j];
      if (b && (b.kind === 'del' || b.kind === 'add') && b.kind !== a.kind && b.close
        && !(a.kind === 'add' && startsSubstitution(children, j + 1, b, src))) {
        paired = { kind: 'subst', start: a.start, end: b.end, first: a, second: b };
        skip = j - i;
      }
    }
    if (paired) {
      out ??= children.slice(0, i);
      out.push(paired);
      i += skip;
    } else if (out) {
      out.push(a);
    }
  }
  return out ?? children;
}

/** The parser lists at most this many problems (then one `too-many-problems`): junk input must not flood the editor. */
export const MAX_PROBLEMS = 1000;

export function parse(source: string): EmendDocument {
  const problems: Problem[] = [];
  const { header, bodyStart } = parseHeader(source, problems);
  const inline = new InlineParser(source, problems);
  const paragraphs: Paragraph[] = [];
  const n = source.length;
  let start = nextContent(source, bodyStart);
  while (start < n) {
    // Find the paragraph's end: a line break followed by a blank line, or the end of the document.
    let i = start;
    let end = n;
    let next = n;
    for (;;) {
      const nl = source.indexOf('\n', i);
      if (nl < 0) break;
      let j = nl + 1;
      while (j < n && isBlank(source.charCodeAt(j))) j++;
      if (j >= n || source.charCodeAt(j) === NL) {
        end = nl;
        next = nextContent(source, j);
        break;
      }
      i = nl + 1;
    }
    while (end > start && isBlank(source.charCodeAt(end - 1))) end--;
    paragraphs.push(inline.paragraph(start, end, next < n));
    start = next;
  }
  checkSpellings(inline.braceAdds, inline.angleAdds, problems);
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  if (problems.length > MAX_PROBLEMS) {
    const first = problems[MAX_PROBLEMS]!;
    problems.length = MAX_PROBLEMS;
    problems.push(problem('too-many-problems', first.start, first.end,
      `The markup has more than ${MAX_PROBLEMS} problems; only the first ${MAX_PROBLEMS} are listed. ` +
      'Is this file a transcription? Mend the first ones and the rest will show.'));
  }
  return { source, header, bodyStart, paragraphs, problems };
}

/** The start of the first line at or after `from` that is not blank (or n). */
function nextContent(src: string, from: number): number {
  const n = src.length;
  let lineStart = from;
  let j = from;
  while (j < n) {
    const c = src.charCodeAt(j);
    if (c === NL) { lineStart = j + 1; j++; continue; }
    if (isBlank(c)) { j++; continue; }
    return lineStart;
  }
  return n;
}

/** Above this many rarer-spelling insertions, only the first one's problem carries the fix for all of them. */
const MIXED_FIX_ALL_LIMIT = 20;

function checkSpellings(brace: MarkNode[], angle: MarkNode[], problems: Problem[]): void {
  if (brace.length === 0 || angle.length === 0) return;
  const [minority, to] = angle.length <= brace.length ? [angle, '^{'] as const : [brace, '^<'] as const;
  const closeTo = to === '^{' ? '}' : '>';
  const edits = [];
  for (const node of minority) {
    edits.push({ start: node.open.start, end: node.open.end, newText: to });
    if (node.close) edits.push({ start: node.close.start, end: node.close.end, newText: closeTo });
  }
  const all = { title: `Write every insertion as \`${to}…${closeTo}\``, edits };
  minority.forEach((node, index) => {
    if (problems.length >= 2 * MAX_PROBLEMS) return;
    const one = { title: `Write this insertion as \`${to}…${closeTo}\``, edits: [
      { start: node.open.start, end: node.open.end, newText: to },
      ...(node.close ? [{ start: node.close.start, end: node.close.end, newText: closeTo }] : []),
    ] };
    // The fix for all of them is offered on every occurrence while that stays small, else on the first only.
    const fixes = minority.length <= MIXED_FIX_ALL_LIMIT || index === 0 ? [{ ...all, preferred: true }, one] : [{ ...one, preferred: true }];
    problems.push(problem('insertion-spellings-mixed', node.open.start, node.open.end,
      `This document writes insertions both as \`^{…}\` (${brace.length}) and as \`^<…>\` (${angle.length}); ` +
      `this one uses the rarer spelling \`${node.delimiter}\`.`, fixes));
  });
}
