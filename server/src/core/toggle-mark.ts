// Toggling a mark on a selection: the core of the "Mark as deleted / inserted / in another hand" commands.
// Wraps the selection in the mark, or, when the selection is already so marked, removes that mark's delimiters.
// Edits only ever add or remove delimiters (and backslashes before characters that would otherwise close the new
// mark early), so no transcribed text is lost. Every result is checked by parsing the edited paragraph again: if the
// markup would not read as intended, the edit is refused with a message rather than applied.
import type { Analysis } from './analysis';
import type { EmendDocument, Inline, MarkKind, MarkNode, Paragraph, Span, TextEdit } from './model';
import { isEditorial, mark } from './model';
import { parse } from './parser';

export type ToggleResult =
  | {
      ok: true;
      action: 'wrap' | 'unwrap';
      /** Edits to the document, in document order (edits at the same offset apply in array order). */
      edits: TextEdit[];
      /** Where the marked (or formerly marked) text is after the edits: the selection to leave the user with. */
      selection: Span;
    }
  | { ok: false; message: string };

const KIND_NAME = {
  del: 'deletion',
  add: 'insertion',
  hand: 'text in another hand',
  supplied: 'supplied text',
} as const;

const SPACE = 32,
  TAB = 9,
  NL = 10,
  CR = 13;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === NL || c === CR;
}

/** Letters, marks, digits, apostrophes and hyphens: the language configuration's word pattern. */
export function isMarkWordChar(ch: string): boolean {
  return /[\p{L}\p{M}\p{N}'’-]/u.test(ch);
}

export function contentStart(node: MarkNode): number {
  return node.open.end;
}

export function contentEnd(node: MarkNode): number {
  return node.close ? node.close.start : node.end;
}

/** Every mark in a list of inlines, depth first, outer before inner (a substitution gives its two marks). */
export function marksIn(nodes: Inline[], out: MarkNode[] = []): MarkNode[] {
  for (const n of nodes) {
    if (n.kind === 'subst') {
      marksIn([n.first, n.second], out);
    } else if (mark(n)) {
      out.push(n);
      marksIn(n.children, out);
    }
  }
  return out;
}

/** The paragraph holding offset `at` (start inclusive, end inclusive), or undefined between paragraphs. */
export function paragraphAt(doc: EmendDocument, at: number): Paragraph | undefined {
  const ps = doc.paragraphs;
  let lo = 0,
    hi = ps.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const p = found >= 0 ? ps[found] : undefined;
  return p && at <= p.end ? p : undefined;
}

/** The spelling of insertions this document mostly uses (`^{` when there are none or as many of each). */
export function preferredInsertion(doc: EmendDocument): '^{' | '^<' {
  let brace = 0,
    angle = 0;
  for (const p of doc.paragraphs) {
    for (const m of marksIn(p.children)) {
      if (m.kind === 'add') {
        if (m.delimiter === '^<') angle++;
        else brace++;
      }
    }
  }
  return angle > brace ? '^<' : '^{';
}

/**
 * Toggles a mark of `kind` on the selection [start, end) of the analysed document.
 * - A selection that is a mark of this kind (its whole span or just its content), or lies inside the content of a
 *   mark of this kind that is the innermost mark around it, unwraps that mark.
 * - Otherwise the selection (trimmed of spaces at its edges) is wrapped. An empty selection wraps the word under
 *   the cursor, or, between words, unwraps the innermost mark of this kind around the cursor, or else inserts an
 *   empty mark to type into.
 * Refuses, with a message, selections that cross paragraphs or cut through another mark, hands inside hands,
 * and anything the parser would read otherwise than intended.
 */
export function toggleMark(analysis: Analysis, start: number, end: number, kind: MarkKind): ToggleResult {
  const src = analysis.source;
  const doc = analysis.doc;
  let s = Math.max(0, Math.min(start, end, src.length));
  let e = Math.max(0, Math.min(Math.max(start, end), src.length));
  if (doc.header && s < doc.bodyStart) {
    return {
      ok: false,
      message: 'The header block holds metadata, not transcribed text; marks belong in the text below it.',
    };
  }

  if (s === e) return toggleAtCursor(analysis, s, kind);

  while (s < e && isBlank(src.charCodeAt(s))) s++;
  while (e > s && isBlank(src.charCodeAt(e - 1))) e--;
  if (s === e)
    return { ok: false, message: 'The selection holds only spaces or line breaks; select the words to mark.' };

  const para = paragraphAt(doc, s);
  if (!para || e > para.end) {
    return {
      ok: false,
      message: `A ${KIND_NAME[kind]} cannot run across a blank line: marks end with their paragraph. Mark each paragraph separately.`,
    };
  }
  const marks = marksIn(para.children);

  // Unwrap: the selection is a mark of this kind, whole or its content (innermost first).
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i]!;
    if (m.kind !== kind) continue;
    if ((m.start === s && m.end === e) || (contentStart(m) === s && contentEnd(m) === e))
      return unwrap(analysis, para, m);
  }
  const enclosing = innermostEnclosing(marks, s, e);
  if (enclosing && enclosing.kind === kind) return unwrap(analysis, para, enclosing);

  return wrap(analysis, para, marks, s, e, kind);
}

function toggleAtCursor(analysis: Analysis, at: number, kind: MarkKind): ToggleResult {
  const src = analysis.source;
  let ws = at,
    we = at;
  while (ws > 0 && isMarkWordChar(src[ws - 1]!)) ws--;
  while (we < src.length && isMarkWordChar(src[we]!)) we++;
  const para = paragraphAt(analysis.doc, at);
  if (para) {
    const marks = marksIn(para.children);
    // The word under the cursor, when that word is not exactly a mark's content already (then unwrap that mark).
    if (we > ws) {
      for (let i = marks.length - 1; i >= 0; i--) {
        const m = marks[i]!;
        if (m.kind === kind && contentStart(m) === ws && contentEnd(m) === we) return unwrap(analysis, para, m);
      }
      const enclosing = innermostEnclosing(marks, ws, we);
      if (enclosing && enclosing.kind === kind) return unwrap(analysis, para, enclosing);
      return wrap(analysis, para, marks, ws, we, kind);
    }
    for (let i = marks.length - 1; i >= 0; i--) {
      const m = marks[i]!;
      if (m.kind === kind && m.start <= at && at <= m.end) return unwrap(analysis, para, m);
    }
    return wrap(analysis, para, marks, at, at, kind);
  }
  // Between paragraphs (or in an empty document): an empty mark on a line of its own is a new paragraph.
  return insertEmpty(analysis, at, kind, null);
}

/** The innermost mark whose content holds [s, e). */
function innermostEnclosing(marks: MarkNode[], s: number, e: number): MarkNode | undefined {
  let found: MarkNode | undefined;
  for (const m of marks) {
    if (contentStart(m) <= s && e <= contentEnd(m)) found = m; // marks are outer-first, so the last hit is innermost
  }
  return found;
}

function unwrap(analysis: Analysis, para: Paragraph, m: MarkNode): ToggleResult {
  const edits: TextEdit[] = [{ start: m.open.start, end: m.open.end, newText: '' }];
  if (m.close) edits.push({ start: m.close.start, end: m.close.end, newText: '' });
  const length = contentEnd(m) - contentStart(m);
  const check = reparse(analysis.source, para, edits);
  const before = reparse(analysis.source, para, []);
  if (
    !check ||
    !before ||
    marksIn(check.children).length !== marksIn(before.children).length - 1 ||
    check.problems > before.problems
  ) {
    return {
      ok: false,
      message: `Removing this ${KIND_NAME[m.kind]}'s delimiters would change how the marks around it read; edit them by hand.`,
    };
  }
  return { ok: true, action: 'unwrap', edits, selection: { start: m.start, end: m.start + length } };
}

function delimitersFor(analysis: Analysis, kind: MarkKind, inner: MarkNode[]): [string, string] {
  if (kind === 'hand') return ['*', '*'];
  if (kind === 'supplied') return ['+{', '}'];
  if (kind === 'add') return preferredInsertion(analysis.doc) === '^<' ? ['^<', '>'] : ['^{', '}'];
  // A deletion holding deletions is written with more tildes than any of them.
  let tildes = 1;
  for (const m of inner) if (m.kind === 'del') tildes = Math.max(tildes, m.delimiter.length);
  const run = '~'.repeat(tildes + 1);
  return [run, run];
}

function wrap(
  analysis: Analysis,
  para: Paragraph,
  marks: MarkNode[],
  s: number,
  e: number,
  kind: MarkKind,
): ToggleResult {
  const src = analysis.source;
  // The selection must hold whole marks or lie inside one: it may not cut through a mark or a delimiter.
  const inner: MarkNode[] = [];
  for (const m of marks) {
    if (m.end <= s || e <= m.start) continue;
    if (s <= m.start && m.end <= e) {
      inner.push(m);
      continue;
    }
    if (contentStart(m) <= s && e <= contentEnd(m)) continue;
    return {
      ok: false,
      message: `The selection cuts through a ${KIND_NAME[m.kind]} (\`${m.delimiter}\`…); select the whole mark, or only text inside it.`,
    };
  }
  if (cutsEscape(para.children, s) || cutsEscape(para.children, e)) {
    return {
      ok: false,
      message:
        'The selection begins or ends inside a backslash escape; include the backslash and its character, or neither.',
    };
  }
  if (kind === 'hand') {
    const around = marks.some((m) => m.kind === 'hand' && contentStart(m) <= s && e <= contentEnd(m));
    if (around || inner.some((m) => m.kind === 'hand')) {
      return {
        ok: false,
        message:
          'Text in another hand cannot hold or sit inside more text in another hand; the `*` marks would pair up differently.',
      };
    }
  }
  if (s === e) return insertEmpty(analysis, s, kind, para);

  const [open, close] = delimitersFor(analysis, kind, inner);
  const edits: TextEdit[] = [{ start: s, end: s, newText: open }];
  // Characters in the selected text (outside the marks it holds) that would end the new mark early are escaped.
  const closing = kind === 'add' || kind === 'supplied' ? close : kind === 'del' ? '~' : '';
  let escapes = 0;
  if (closing) {
    let k = s;
    // The marks inside keep their own delimiters, and so do the editorial marks (`?{c}`) among the selected text.
    const kept: Span[] = [...inner, ...editorialIn(para.children, s, e)].sort((a, b) => a.start - b.start);
    for (const m of kept) {
      if (m.start < k) continue; // inside a mark already passed over
      escapes += escapeIn(src, k, m.start, closing, edits);
      k = m.end;
    }
    escapes += escapeIn(src, k, e, closing, edits);
  }
  edits.push({ start: e, end: e, newText: close });

  const check = reparse(src, para, edits);
  const before = reparse(src, para, []);
  const shift = -para.start + 1;
  const expectedOpen = s + shift;
  const made = check && marksIn(check.children).find((m) => m.kind === kind && m.open.start === expectedOpen);
  const expectedCloseEnd = e + open.length + escapes + close.length + shift;
  if (
    !check ||
    !before ||
    !made ||
    !made.close ||
    made.close.end !== expectedCloseEnd ||
    marksIn(check.children).length !== marksIn(before.children).length + 1 ||
    check.problems > before.problems
  ) {
    const tildeHint =
      kind === 'del' && (src[s - 1] === '~' || src[e] === '~' || src[s] === '~' || src[e - 1] === '~')
        ? ' A deletion cannot begin or end right against other tildes.'
        : '';
    return {
      ok: false,
      message: `Marking this selection as a ${KIND_NAME[kind]} would not read as intended next to the marks around it.${tildeHint} Adjust the selection, or edit by hand.`,
    };
  }
  return { ok: true, action: 'wrap', edits, selection: { start: s + open.length, end: e + open.length + escapes } };
}

/** Adds edits that put a backslash before each `ch` in src[from, to) that is not already escaped. Returns the count. */
function escapeIn(src: string, from: number, to: number, ch: string, edits: TextEdit[]): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    if (src[k] === '\\') {
      k++;
      continue;
    }
    if (src[k] === ch) {
      edits.push({ start: k, end: k, newText: '\\' });
      n++;
    }
  }
  return n;
}

/** The editorial marks (unclear, gap, note, breaks) within [s, e), at any depth. */
function editorialIn(nodes: Inline[], s: number, e: number, out: Span[] = []): Span[] {
  for (const n of nodes) {
    if (n.end <= s || e <= n.start) continue;
    if (n.kind === 'subst') editorialIn([n.first, n.second], s, e, out);
    else if (mark(n)) editorialIn(n.children, s, e, out);
    else if (isEditorial(n) && s <= n.start && n.end <= e) out.push(n);
  }
  return out;
}

/** True when `at` falls strictly inside a backslash escape. */
export function cutsEscape(nodes: Inline[], at: number): boolean {
  for (const n of nodes) {
    if (n.end <= at || at <= n.start) continue;
    if (n.kind === 'escape') return true;
    if (n.kind === 'subst') return cutsEscape([n.first, n.second], at);
    if (mark(n)) return cutsEscape(n.children, at);
  }
  return false;
}

function insertEmpty(analysis: Analysis, at: number, kind: MarkKind, para: Paragraph | null): ToggleResult {
  const [open, close] = delimitersFor(analysis, kind, []);
  if (kind === 'del' && (analysis.source[at - 1] === '~' || analysis.source[at] === '~')) {
    return {
      ok: false,
      message: 'A deletion cannot begin right against other tildes; move the cursor or select the text to strike.',
    };
  }
  const edits: TextEdit[] = [{ start: at, end: at, newText: open + close }];
  if (para) {
    const check = reparse(analysis.source, para, edits);
    const expectedOpen = at - para.start + 1;
    const made =
      check && marksIn(check.children).find((m) => m.kind === kind && m.open.start === expectedOpen && m.close);
    if (!made) {
      return {
        ok: false,
        message: `An empty ${KIND_NAME[kind]} here would pair up with the marks around it; select the text to mark instead.`,
      };
    }
  }
  return { ok: true, action: 'wrap', edits, selection: { start: at + open.length, end: at + open.length } };
}

/**
 * Parses the paragraph alone with the edits applied (offsets in the result are relative to a leading line break,
 * which keeps a paragraph that begins with `---` from being read as a header). Marks never cross paragraphs, so
 * this reads the paragraph exactly as a parse of the whole edited document would.
 */
export function reparse(
  src: string,
  para: Paragraph,
  edits: TextEdit[],
): { children: Inline[]; problems: number } | null {
  let text = '\n';
  let k = para.start;
  for (const ed of edits) {
    text += src.slice(k, ed.start) + ed.newText;
    k = ed.end;
  }
  text += src.slice(k, para.end);
  const doc = parse(text);
  if (doc.paragraphs.length !== 1) return null;
  const problems = doc.problems.filter((p) => p.code !== 'insertion-spellings-mixed').length;
  return { children: doc.paragraphs[0]!.children, problems };
}
