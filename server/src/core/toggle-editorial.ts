// Toggling the editorial marks that hold text only (docs/markup.md, "Editorial marks"): the core of the Mark as
// Unclear and Add Editorial Note commands, and of Insert Gap. As toggle-mark.ts does for the revision marks, the
// edits only add or remove delimiters and backslashes, and every result is checked by parsing the paragraph again.
// Because an unclear reading or a note holds no markup, a selection holding a mark is refused rather than having its
// marks turned into text; unwrapping escapes what would read as markup once outside the braces.
import type { Analysis } from './analysis';
import type { EditorialNode, Inline, MarkNode, Paragraph, Span, TextEdit } from './model';
import { isEditorial, mark } from './model';
import { cutsEscape, isBlank, isMarkWordChar, paragraphAt, reparse, type ToggleResult } from './toggle-mark';
import { parse } from './parser';
import { ESCAPABLE_CHARS } from './editorial';

export type AtomicKind = 'unclear' | 'note';

/** Each mark's name, with its article. */
const NAME: Record<'unclear' | 'note' | 'gap' | 'page' | 'column', string> = {
  unclear: 'an unclear reading',
  note: 'a note',
  gap: 'a gap',
  page: 'a page break',
  column: 'a column break',
};

const OPENER: Record<AtomicKind, string> = { unclear: '?{', note: '%{' };

/** Characters to escape in text put inside the braces: the closer, and for an unclear reading the alternatives' bar. */
const INSIDE: Record<AtomicKind, string> = { unclear: '}|', note: '}' };

/** Characters that read as markup outside an editorial mark (escape.ts's ALWAYS, but the backslash, which reads the
 *  same inside and out). */
const OUTSIDE = '~^*{}<>|';

type Node = MarkNode | EditorialNode;

/** Every mark and editorial mark in `nodes`, outer before inner. */
function nodesIn(nodes: Inline[], out: Node[] = []): Node[] {
  for (const n of nodes) {
    if (n.kind === 'subst') nodesIn([n.first, n.second], out);
    else if (mark(n)) {
      out.push(n);
      nodesIn(n.children, out);
    } else if (isEditorial(n)) out.push(n);
  }
  return out;
}

/** The inside of a mark: from after its opener to before its closer (an unclosed one runs to its end). */
function inner(n: Node): Span {
  if (n.kind === 'word-break') return { start: n.end, end: n.end };
  return { start: n.open.end, end: n.close ? n.close.start : n.end };
}

function label(n: Node): string {
  if (mark(n))
    return n.kind === 'del'
      ? 'a deletion'
      : n.kind === 'add'
        ? 'an insertion'
        : n.kind === 'hand'
          ? 'text in another hand'
          : 'supplied text';
  if (n.kind === 'word-break') return 'a word break `|-`';
  return NAME[n.kind];
}

function headerRefusal(analysis: Analysis, at: number): ToggleResult | null {
  const doc = analysis.doc;
  if (doc.header && at < doc.bodyStart)
    return {
      ok: false,
      message: 'The header block holds metadata, not transcribed text; marks belong in the text below it.',
    };
  return null;
}

/** The editorial mark that holds text only (unclear, gap, note, break) whose braces hold [s, e), if any. */
function atomicAround(nodes: Node[], s: number, e: number): EditorialNode | undefined {
  for (const n of nodes) {
    if (mark(n) || n.kind === 'word-break') continue;
    const i = inner(n);
    if (i.start <= s && e <= i.end) return n;
  }
  return undefined;
}

/**
 * Toggles an unclear reading `?{…}` or a note `%{…}` on the selection [start, end).
 * - A selection that is such a mark (whole, or its text), or lies in its text, unwraps it.
 * - Otherwise the selection (trimmed of spaces) is wrapped, its `}` (and for an unclear reading its `|`) escaped.
 *   A cursor on a word wraps the word for an unclear reading; a note is inserted empty at the cursor to type into.
 * Refuses selections holding or cutting marks (these marks hold text only), or crossing paragraphs.
 */
export function toggleEditorial(analysis: Analysis, start: number, end: number, kind: AtomicKind): ToggleResult {
  const src = analysis.source;
  let s = Math.max(0, Math.min(start, end, src.length));
  let e = Math.max(0, Math.min(Math.max(start, end), src.length));
  const header = headerRefusal(analysis, s);
  if (header) return header;

  if (s === e) {
    const para = paragraphAt(analysis.doc, s);
    const nodes = para ? nodesIn(para.children) : [];
    const around = atomicAround(nodes, s, s);
    if (around && around.kind === kind) return unwrap(analysis, para!, around);
    if (kind === 'unclear') {
      let ws = s,
        we = s;
      while (ws > 0 && isMarkWordChar(src[ws - 1]!)) ws--;
      while (we < src.length && isMarkWordChar(src[we]!)) we++;
      if (we > ws && para) {
        s = ws;
        e = we;
      }
    }
    if (s === e) return insertEmpty(analysis, s, OPENER[kind] + '}', kind, para, nodes);
  } else {
    while (s < e && isBlank(src.charCodeAt(s))) s++;
    while (e > s && isBlank(src.charCodeAt(e - 1))) e--;
    if (s === e)
      return { ok: false, message: 'The selection holds only spaces or line breaks; select the words to mark.' };
  }

  const para = paragraphAt(analysis.doc, s);
  if (!para || e > para.end)
    return {
      ok: false,
      message: `${capital(NAME[kind])} cannot run across a blank line: marks end with their paragraph. Mark each paragraph separately.`,
    };
  const nodes = nodesIn(para.children);
  for (const n of nodes) {
    if (n.kind !== kind) continue;
    const i = inner(n);
    if ((n.start === s && n.end === e) || (i.start <= s && e <= i.end)) return unwrap(analysis, para, n);
  }
  const around = atomicAround(nodes, s, e);
  if (around)
    return {
      ok: false,
      message: `${capital(label(around))} holds text only; it cannot hold ${NAME[kind]}. Select text outside it.`,
    };
  for (const n of nodes) {
    if (n.end <= s || e <= n.start) continue;
    const i = inner(n);
    if (mark(n) && i.start <= s && e <= i.end) continue; // inside a revision mark or supplied text: fine
    if (s <= n.start && n.end <= e)
      return {
        ok: false,
        message: `${capital(NAME[kind])} holds text only, and the selection holds ${label(n)}; mark the text on either side of it separately.`,
      };
    return {
      ok: false,
      message: `The selection cuts through ${label(n)}; select the whole mark, or only text inside it.`,
    };
  }
  if (cutsEscape(para.children, s) || cutsEscape(para.children, e))
    return {
      ok: false,
      message:
        'The selection begins or ends inside a backslash escape; include the backslash and its character, or neither.',
    };

  const open = OPENER[kind];
  const edits: TextEdit[] = [{ start: s, end: s, newText: open }];
  const escapes = escapeIn(src, s, e, INSIDE[kind], edits);
  edits.push({ start: e, end: e, newText: '}' });
  const made = madeAt(src, para, edits, kind, s);
  if (!made || made.end !== e + open.length + escapes + 1)
    return {
      ok: false,
      message: `Marking this selection as ${NAME[kind]} would not read as intended next to the marks around it. Adjust the selection, or edit by hand.`,
    };
  return { ok: true, action: 'wrap', edits, selection: { start: s + open.length, end: e + open.length + escapes } };
}

/**
 * Insert Gap: `_{}` at the end of the selection (a gap stands for text that is not there, so it replaces nothing),
 * the cursor left between its braces to type the size. On an empty gap, removes it (nothing is lost); a gap that
 * records a size is left alone, with a message.
 */
export function insertGap(analysis: Analysis, start: number, end: number): ToggleResult {
  const src = analysis.source;
  const at = Math.max(0, Math.min(Math.max(start, end), src.length));
  const header = headerRefusal(analysis, Math.min(start, end));
  if (header) return header;
  const para = paragraphAt(analysis.doc, at);
  const nodes = para ? nodesIn(para.children) : [];
  const around = atomicAround(nodes, at, at);
  if (around && around.kind === 'gap' && start === end) {
    if (around.extentText.trim() !== '' || around.keyword !== '')
      return {
        ok: false,
        message: `This gap records ${around.extentText.trim() ? `its size (${around.extentText.trim()})` : `its reason (${around.keyword})`}; delete it by hand if it should go.`,
      };
    const edits = [{ start: around.start, end: around.end, newText: '' }];
    return { ok: true, action: 'unwrap', edits, selection: { start: around.start, end: around.start } };
  }
  return insertEmpty(analysis, at, '_{}', 'gap', para, nodes);
}

function insertEmpty(
  analysis: Analysis,
  at: number,
  text: string,
  kind: AtomicKind | 'gap',
  para: Paragraph | undefined,
  nodes: Node[],
): ToggleResult {
  const around = atomicAround(nodes, at, at);
  if (around)
    return {
      ok: false,
      message: `${capital(label(around))} holds text only; ${NAME[kind]} cannot go inside it. Move the cursor outside its braces.`,
    };
  if (para && cutsEscape(para.children, at))
    return {
      ok: false,
      message: `${capital(NAME[kind])} cannot go inside a mark's opener or an escape; move the cursor.`,
    };
  const edits: TextEdit[] = [{ start: at, end: at, newText: text }];
  const open = text.length - 1;
  const ok = para
    ? madeAt(analysis.source, para, edits, kind, at, true)
    : madeInDocument(analysis.source, at, text, kind);
  if (!ok)
    return {
      ok: false,
      message: `${capital(NAME[kind])} here would not read as one (a backslash or the marks around it change it); move the cursor.`,
    };
  return { ok: true, action: 'wrap', edits, selection: { start: at + open, end: at + open } };
}

/** The mark of `kind` the edited paragraph has at `at` (an offset of the unedited source), if the edits made one
 *  without adding problems. */
function madeAt(src: string, para: Paragraph, edits: TextEdit[], kind: string, at: number, empty = false): Span | null {
  const before = reparse(src, para, []);
  const after = reparse(src, para, edits);
  // An empty mark is reported (`empty-mark`) until its text is typed.
  if (!before || !after || after.problems > before.problems + (empty ? 1 : 0)) return null;
  if (nodesIn(after.children).length !== nodesIn(before.children).length + 1) return null;
  const shift = 1 - para.start;
  const found = nodesIn(after.children).find((n) => n.kind === kind && n.start === at + shift);
  if (!found || found.kind === 'word-break' || !found.close) return null;
  return { start: found.start - shift, end: found.end - shift };
}

/** Between paragraphs: the mark must be a paragraph of its own, closed, and add no problem. */
function madeInDocument(src: string, at: number, text: string, kind: string): boolean {
  const before = parse(src).problems.length;
  const doc = parse(src.slice(0, at) + text + src.slice(at));
  if (doc.problems.length > before + 1) return false;
  return doc.paragraphs.some((p) => nodesIn(p.children).some((n) => n.kind === kind && n.start === at));
}

function unwrap(analysis: Analysis, para: Paragraph, n: EditorialNode): ToggleResult {
  if (n.kind === 'unclear' && n.alternatives.length > 1)
    return {
      ok: false,
      message: `This unclear reading lists alternatives (${n.alternatives.map((a) => a.text).join(' or ')}); delete the ones you reject, then unmark it.`,
    };
  if (n.kind === 'word-break') return { ok: false, message: 'Nothing to unmark here.' };
  const src = analysis.source;
  const i = inner(n);
  const edits: TextEdit[] = [{ start: n.open.start, end: n.open.end, newText: '' }];
  const escapes = escapeIn(src, i.start, i.end, OUTSIDE, edits);
  let atEscape = 0;
  if (src[i.start] === '@') {
    edits.splice(1, 0, { start: i.start, end: i.start, newText: '\\' });
    atEscape = 1;
  }
  if (n.close) edits.push({ start: n.close.start, end: n.close.end, newText: '' });
  const before = reparse(src, para, []);
  const after = reparse(src, para, edits);
  if (
    !before ||
    !after ||
    after.problems > before.problems ||
    nodesIn(after.children).length !== nodesIn(before.children).length - 1
  )
    return {
      ok: false,
      message: `Removing the braces of ${NAME[n.kind]} would change how the marks around it read; edit it by hand.`,
    };
  return {
    ok: true,
    action: 'unwrap',
    edits,
    selection: { start: n.start, end: n.start + (i.end - i.start) + escapes + atEscape },
  };
}

/** Adds edits putting a backslash before each of `chars` in src[from, to) not already escaped; returns the count. */
function escapeIn(src: string, from: number, to: number, chars: string, edits: TextEdit[]): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    if (src[k] === '\\' && k + 1 < to && ESCAPABLE_CHARS.includes(src[k + 1]!)) {
      k++;
      continue;
    }
    if (chars.includes(src[k]!)) {
      edits.push({ start: k, end: k, newText: '\\' });
      n++;
    }
  }
  return n;
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
