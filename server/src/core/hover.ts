// Hover text (Markdown) for a place in a transcription: over a mark, what happened there (one line per revision,
// outermost first) and the sentence around it in the draft and the final reading with the changed words in bold;
// over an editorial mark, what it says (docs/markup.md, "Editorial marks": "Unclear: word or ward", "Gap: about 3 words,
// illegible", "Supplied by the editor (omitted)", a note's text, a page break's number and image, "Hand: a secretary");
// over the header's `witness:` line, where the witness is and whether it was found.
// Every piece of document text is escaped, so a transcription cannot inject Markdown, links or HTML into a hover.
import type { Analysis } from './analysis';
import { endsLineBreak, isBlankLineCode, isLineBreakCode, lineBreakLength } from './line-breaks';
import { listedHands } from './editorial';
import {
  isEditorial,
  mark,
  type EditorialNode,
  type EmendDocument,
  type Inline,
  type MarkNode,
  type Span,
} from './model';
import type { Reading } from './readings';
import { editorialTitle } from './render/editorial-html';
import { revisionsAt } from './revisions';
import { paragraphAt } from './toggle-mark';

/** What the caller knows about the witness file (the core does no I/O). */
export interface WitnessStatus {
  /** Where the header's path leads, as the user would look for it (an absolute path, say). */
  location: string;
  found: boolean;
  /** What was loaded (e.g. "96.1% of words agree"), or why a missing file is missing. */
  detail?: string;
  /** Why a file that is there cannot be used (binary, too large, unreadable). */
  error?: string;
}

export interface HoverOptions {
  witness?: WitnessStatus;
}

export interface HoverText extends Span {
  markdown: string;
}

/** How much of a sentence to show on each side of the revision, in UTF-16 units. */
export const CONTEXT_CHARS = 120;

/** Where the draft reading lacks an insertion (or the final a deletion): the caret editors use for "inserted here". */
export const ABSENT = '‸';

export function hoverAt(analysis: Analysis, offset: number, options: HoverOptions = {}): HoverText | null {
  if (!Number.isFinite(offset) || offset < 0 || offset > analysis.source.length) return null;
  const header = analysis.doc.header;
  if (header && offset <= header.end) {
    const field = header.fields.find((f) => f.key === 'witness' && f.line.start <= offset && offset <= f.line.end);
    return field
      ? { start: field.line.start, end: field.line.end, markdown: witnessHover(field.value, options.witness) }
      : null;
  }
  const chain = revisionsAt(analysis.doc, offset);
  const marks = editorialAt(analysis.doc, offset);
  if (chain.length === 0 && marks.length === 0) return null;
  const lines = chain.map((r, i) => (chain.length > 1 ? `${i + 1}. ` : '') + bold(r.summary));
  // Each editorial line is a paragraph of its own (a single line break would run it into the line above).
  const blocks = [
    ...(lines.length ? [lines.join('\n')] : []),
    ...marks.flatMap((m) => editorialLines(analysis.doc, m)),
  ];
  // The hover covers the innermost of the revisions and the editorial marks (marks nest: the later start is inner); a
  // mark there only for the hand it names is the revision itself, which keeps the hover (a substitution stays whole).
  const lastRevision = chain[chain.length - 1];
  const lastMark = marks.filter((m) => m.kind !== 'del' && m.kind !== 'add' && m.kind !== 'hand').pop();
  const inner: Span & { kind: string } =
    lastMark && (!lastRevision || lastMark.start >= lastRevision.start) ? lastMark : (lastRevision ?? marks[0]!);
  // A note or a break is in no reading: what it says is all there is to show.
  if (inner.kind === 'note' || inner.kind === 'page' || inner.kind === 'column' || inner.kind === 'word-break')
    return { start: inner.start, end: inner.end, markdown: blocks.join('\n\n') };
  const draft = sentence(analysis.reading('draft'), inner),
    final = sentence(analysis.reading('final'), inner);
  // A mark both readings keep alike (another hand) reads the same in both: one line, not the same line twice.
  const context = draft === final ? [`*Draft and final:* ${draft}`] : [`*Draft:* ${draft}`, `*Final:* ${final}`];
  return { start: inner.start, end: inner.end, markdown: [...blocks, ...context].join('\n\n') };
}

/**
 * The marks around `offset` that say something besides a revision, outermost first: supplied text, marks that name
 * their hand (`~~@sec old~~`), and the editorial mark (unclear, gap, note, break) under it. A position is in a mark
 * from its first character up to, not including, its end.
 */
function editorialAt(doc: EmendDocument, offset: number): (MarkNode | EditorialNode)[] {
  const para = paragraphAt(doc, offset);
  const out: (MarkNode | EditorialNode)[] = [];
  let nodes: Inline[] | undefined = para?.children;
  while (nodes) {
    const list: Inline[] = nodes;
    nodes = undefined;
    for (const n of list) {
      if (offset < n.start || n.end <= offset) continue;
      if (n.kind === 'subst') {
        nodes = [n.first, n.second];
      } else if (mark(n)) {
        if (n.kind === 'supplied' || n.hand) out.push(n);
        nodes = n.children;
      } else if (isEditorial(n)) {
        out.push(n);
      }
      break;
    }
  }
  return out;
}

const SUPPLIED_REASON: Record<string, string> = {
  '': 'omitted',
  omitted: 'omitted',
  lost: 'lost',
  illegible: 'illegible',
};

/** What a mark found by editorialAt says, one line each: an editorial mark's title (the preview's words), supplied
 *  text and its reason, the hand a mark names with its description from `hands:`. */
function editorialLines(doc: EmendDocument, m: MarkNode | EditorialNode): string[] {
  if (isEditorial(m)) return [bold(editorialTitle(m))];
  const lines: string[] = [];
  if (m.kind === 'supplied')
    lines.push(`**Supplied by the editor** ${escapeMarkdown(`(${SUPPLIED_REASON[m.keyword] ?? m.keyword})`)}`);
  if (m.hand) {
    const id = m.hand.id;
    const entry = listedHands(doc.header).find((h) => h.id === id);
    lines.push(
      bold(entry ? `Hand: ${entry.description || id}` : `Hand: ${id}`) +
        (entry ? '' : ` ${escapeMarkdown("(not listed in the header's hands:)")}`),
    );
  }
  return lines;
}

/** `Label: text` with the label in bold; the text escaped. */
function bold(summary: string): string {
  const colon = summary.indexOf(': ');
  return colon < 0
    ? escapeMarkdown(summary)
    : `**${escapeMarkdown(summary.slice(0, colon))}:** ${escapeMarkdown(summary.slice(colon + 2))}`;
}

/** The sentence around the revision in one reading, the revision's own text in bold (or ‸ where it is absent). */
function sentence(r: Reading, rev: Span): string {
  const a = r.map.toReading(rev.start),
    b = Math.max(a, r.map.toReading(rev.end));
  const t = r.text;
  const from = sentenceStart(t, a),
    to = sentenceEnd(t, b);
  const before = collapse(t.slice(from, a)),
    changed = collapse(t.slice(a, b)).trim(),
    after = collapse(t.slice(b, to));
  const head = (from > 0 && !endsSentence(t, from) ? '…' : '') + escapeMarkdown(before.trimStart());
  const tail = escapeMarkdown(after.trimEnd()) + (to < t.length && !endsSentence(t, to) ? '…' : '');
  const mid = changed ? `**${escapeMarkdown(changed)}**` : ABSENT;
  return `${head}${mid}${tail}`.trim();
}

/** True when `at` is a paragraph start or follows a sentence end. */
function endsSentence(t: string, at: number): boolean {
  let k = at;
  let breaks = 0;
  while (k > 0 && (isBlankLineCode(t.charCodeAt(k - 1)) || isLineBreakCode(t.charCodeAt(k - 1)))) {
    if (endsLineBreak(t, k - 1)) breaks++;
    k--;
  }
  // Two line breaks with only blanks around them: a blank line, which ends a paragraph.
  return k === 0 || isSentenceEnd(t, k - 1) || breaks >= 2;
}

/** True when the line break whose last character is t[i] ends a blank line (only spaces and tabs since the line
 *  break before). */
function endsBlankLine(t: string, i: number): boolean {
  let k = t.charCodeAt(i) === 10 && t.charCodeAt(i - 1) === 13 ? i - 1 : i;
  while (k > 0 && isBlankLineCode(t.charCodeAt(k - 1))) k--;
  return k > 0 && isLineBreakCode(t.charCodeAt(k - 1));
}

/** True when the line break that begins at t[i] begins a blank line (only blanks before the next line break). */
function beginsBlankLine(t: string, i: number): boolean {
  let k = i + lineBreakLength(t, i);
  while (k < t.length && isBlankLineCode(t.charCodeAt(k))) k++;
  return isLineBreakCode(t.charCodeAt(k));
}

/** Abbreviations whose full stop does not end a sentence (compared lower-case); single letters count too (U.S.). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'prof',
  'gen',
  'col',
  'capt',
  'lt',
  'rev',
  'hon',
  'no',
  'vs',
  'etc',
  'cf',
  'vol',
  'pp',
  'ed',
  'fig',
  'sen',
  'gov',
  'pres',
  'messrs',
  'esq',
]);

/** True when t[i] is `.`, `!` or `?` ending a sentence (not the full stop of an abbreviation such as `Mr.`). */
function isSentenceEnd(t: string, i: number): boolean {
  const c = t[i];
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  let k = i;
  while (k > 0 && k > i - 8 && /[A-Za-z]/.test(t[k - 1]!)) k--;
  const word = t.slice(k, i).toLowerCase();
  return !(word.length === 1 || ABBREVIATIONS.has(word));
}

function sentenceStart(t: string, a: number): number {
  const limit = Math.max(0, a - CONTEXT_CHARS);
  for (let k = a; k > limit; k--) {
    const c = t.charCodeAt(k - 1);
    if (endsLineBreak(t, k - 1) && endsBlankLine(t, k - 1)) return k;
    if ((c === 32 || isLineBreakCode(c)) && k >= 2 && isSentenceEnd(t, k - 2)) return k;
  }
  if (limit === 0) return 0;
  // Cut at a word so the hover does not begin mid-word.
  const space = t.indexOf(' ', limit);
  return space >= 0 && space < a ? space + 1 : limit;
}

function sentenceEnd(t: string, b: number): number {
  const limit = Math.min(t.length, b + CONTEXT_CHARS);
  if (b > 0 && isSentenceEnd(t, b - 1)) return b;
  for (let k = b; k < limit; k++) {
    if (isLineBreakCode(t.charCodeAt(k)) && beginsBlankLine(t, k)) return k;
    if ((k + 1 === t.length || ' \n\r\t'.includes(t[k + 1]!)) && isSentenceEnd(t, k)) return k + 1;
  }
  if (limit === t.length) return limit;
  const space = t.lastIndexOf(' ', limit);
  return space > b ? space : limit;
}

function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ');
}

function witnessHover(path: string, status: WitnessStatus | undefined): string {
  const head = `**Witness:** ${escapeMarkdown(path || '(no path given)')}`;
  if (!status) return `${head}\n\nNot checked: open the transcription from a folder on disk to look the witness up.`;
  const where = `Location: ${escapeMarkdown(status.location)}`;
  const state = status.found ? (status.error ? 'Found, but not usable' : 'Found') : 'Not found';
  const why = status.error ?? status.detail;
  return `${head}\n\n${where}\n\n${state}${why ? `: ${escapeMarkdown(why)}` : '.'}`;
}

/**
 * Makes text read literally in Markdown: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * that for all of them), so no emphasis, link, code span, autolink, entity or HTML can form; line breaks become
 * spaces so no block (heading, list, quote, fence) can start.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out += ' ';
      continue;
    }
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) out += '\\';
    out += text[i];
  }
  return out;
}
