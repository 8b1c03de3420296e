// The outline of a transcription (document symbols) and its folding ranges.
// The outline lists the header block (with its fields) and every paragraph, grouped under the page breaks
// `|page{12}` when the document has them (outline-pages.ts), each paragraph named by its first words as finally read, with its revision counts. A paragraph the final reading
// drops altogether (a struck stamp such as `~~SECRET~~`) is named from its draft and says so. The outline is read in
// a narrow side bar, so names are short (a few words) and the counts compact (`2 struck · 1 added`), so both fit; a
// name that recurs (a stamp on every page) says on which line each stands.
import type { Reading } from './readings';
import type { Analysis } from './analysis';
import type { Span } from './model';
import type { Revision } from './revisions';
import { lineEndFrom } from './line-breaks';
import { countRevisions, type RevisionCounts } from './stats';
import { documentBreaks, groupByPages } from './outline-pages';

export type OutlineKind = 'header' | 'field' | 'page' | 'column' | 'paragraph';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole element. */
  range: Span;
  /** The part to reveal and highlight when the symbol is chosen. */
  selectionRange: Span;
  children: OutlineSymbol[];
}

/** Longest paragraph name, in UTF-16 units, before it is cut at a word with `…`. */
export const OUTLINE_NAME_MAX = 30;

/** `revs` is the document's revisions in order (core/revisions.ts). */
export function outline(analysis: Analysis, revs: readonly Revision[]): OutlineSymbol[] {
  const doc = analysis.doc;
  const out: OutlineSymbol[] = [];
  if (doc.header) {
    const title = doc.header.fields.find((f) => f.key === 'title');
    out.push({
      name: 'Header',
      detail: title ? shorten(collapse(title.value)) : '',
      kind: 'header',
      range: { start: doc.header.start, end: doc.header.end },
      selectionRange: { start: doc.header.start, end: doc.header.start + 3 },
      children: doc.header.fields.map((f) => ({
        name: f.key,
        detail: shorten(collapse(f.value)),
        kind: 'field' as const,
        range: f.line,
        selectionRange: f.keySpan,
        children: [],
      })),
    });
  }
  const final = analysis.reading('final');
  const finalSpans = spansByParagraph(final.paragraphs);
  let draftSpans: Map<number, Span> | undefined;
  let r = 0;
  const paragraphs: OutlineSymbol[] = [];
  doc.paragraphs.forEach((p, index) => {
    const mine: Revision[] = [];
    while (r < revs.length && revs[r]!.start < p.start) r++;
    while (r < revs.length && revs[r]!.start < p.end) mine.push(revs[r++]!);
    const counts = compactCounts(countRevisions(mine));
    const finalSpan = finalSpans.get(index);
    const finalWords = finalSpan ? firstWords(final, finalSpan) : '';
    let name: string;
    let detail = counts;
    if (finalWords) {
      name = finalWords;
    } else {
      // Only paragraphs the final reading drops need the draft (computed once, on first need).
      const draft = analysis.reading('draft');
      draftSpans ??= spansByParagraph(draft.paragraphs);
      const draftSpan = draftSpans.get(index);
      const draftWords = draftSpan ? firstWords(draft, draftSpan) : '';
      name = draftWords || `Paragraph ${index + 1}`;
      // Struck out whole by one deletion: that is all there is to say.
      detail = mine.length <= 1 ? 'struck out' : `struck out · ${counts}`;
    }
    paragraphs.push({
      name,
      detail,
      kind: 'paragraph',
      range: { start: p.start, end: p.end },
      selectionRange: { start: p.start, end: lineEndFrom(analysis.source, p.start, p.end) },
      children: [],
    });
  });
  out.push(...groupByPages(analysis, revs, doc.paragraphs, paragraphs));
  // Names that recur say where each one stands.
  const all: OutlineSymbol[] = [];
  const collect = (list: OutlineSymbol[]): void => {
    for (const s of list) {
      if (s.kind === 'page' || s.kind === 'column') collect(s.children);
      else all.push(s);
    }
  };
  collect(out);
  const seen = new Map<string, number>();
  for (const s of all) if (s.kind === 'paragraph') seen.set(s.name, (seen.get(s.name) ?? 0) + 1);
  for (const s of all) {
    if (s.kind !== 'paragraph' || seen.get(s.name)! < 2) continue;
    const line = `line ${analysis.lines.positionAt(s.range.start).line + 1}`;
    s.detail = s.detail ? `${line} · ${s.detail}` : line;
  }
  return out;
}

/** A paragraph's revisions as the outline shows them: `2 struck · 1 added · 1 other hand`, or nothing. */
export function compactCounts(c: RevisionCounts): string {
  const parts: string[] = [];
  if (c.deletions) parts.push(`${c.deletions} struck`);
  if (c.insertions) parts.push(`${c.insertions} added`);
  if (c.hands) parts.push(`${c.hands} other hand`);
  return parts.join(' · ');
}

export interface Fold {
  startLine: number;
  endLine: number;
}

/** One fold per header block, per page and column (from its break to the last text before the next) and per
 *  paragraph of more than one line (zero-based lines, end line included). */
export function foldingRanges(analysis: Analysis): Fold[] {
  const doc = analysis.doc;
  const lines = analysis.lines;
  const out: Fold[] = [];
  const add = (span: Span): void => {
    const startLine = lines.positionAt(span.start).line;
    const endLine = lines.positionAt(span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  if (doc.header) add(doc.header);
  // A page folds up to the next page break, a column up to the next break of either kind.
  const breaks = documentBreaks(doc.paragraphs);
  const last = doc.paragraphs[doc.paragraphs.length - 1];
  const src = analysis.source;
  let nextPage = -1;
  for (let k = breaks.length - 1; k >= 0; k--) {
    const brk = breaks[k]!.brk;
    const until = brk.kind === 'page' ? nextPage : k + 1 < breaks.length ? k + 1 : -1;
    let end = until >= 0 ? breaks[until]!.brk.start : (last?.end ?? brk.end);
    while (end > brk.end && /\s/u.test(src[end - 1]!)) end--;
    add({ start: brk.start, end });
    if (brk.kind === 'page') nextPage = k;
  }
  for (const p of doc.paragraphs) add(p);
  // In line order; a page and a paragraph that begin on one line fold as the page.
  out.sort((x, y) => x.startLine - y.startLine);
  return out.filter((f, k) => k === 0 || out[k - 1]!.startLine !== f.startLine);
}

function spansByParagraph(paragraphs: readonly { index: number; start: number; end: number }[]): Map<number, Span> {
  const m = new Map<number, Span>();
  for (const p of paragraphs) m.set(p.index, { start: p.start, end: p.end });
  return m;
}

/** Whitespace runs (line breaks included) become one space; ends trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The first words of text[span], whitespace runs read as one space, cut at a word with `…` after about
 * OUTLINE_NAME_MAX characters. Reads only as far as the name needs, so a huge paragraph costs no more than a short one.
 */
export function firstWords(r: Reading, span: Span): string {
  const text = r.text;
  let out = '';
  let space = false;
  for (let k = span.start; k < span.end && out.length <= OUTLINE_NAME_MAX; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += text[k];
  }
  // Longer than a name (the text goes on): cut at a word, as for the whole text.
  return shorten(out);
}

function shorten(text: string): string {
  if (text.length <= OUTLINE_NAME_MAX) return text;
  let cut = text.lastIndexOf(' ', OUTLINE_NAME_MAX - 1);
  if (cut < OUTLINE_NAME_MAX / 2) cut = OUTLINE_NAME_MAX - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut).trimEnd() + '…';
}
