// Pages as a level of the outline: what follows a page break `|page{12}` is listed under a "Page 12" symbol, up to the
// next page break. A page break usually stands on a line of its own inside a paragraph (it leaves no empty line in the
// readings), so a paragraph that runs across one is listed under each page it is on, as the part on that page, named
// by that part's first words. Text before the first page break stays at the top, as without pages.
import type { Analysis } from './analysis';
import type { BreakNode, Paragraph, Span } from './model';
import type { Revision } from './revisions';
import { pageBreaks } from './page-break-edit';
import { countRevisions } from './stats';
import { lineEndFrom } from './line-breaks';
import type { OutlineSymbol } from './outline';
import { compactCounts, firstWords } from './outline';

/** The page breaks of the document, in order, with the paragraph each stands in. */
export function documentPageBreaks(paragraphs: readonly Paragraph[]): { brk: BreakNode; paragraph: number }[] {
  const out: { brk: BreakNode; paragraph: number }[] = [];
  paragraphs.forEach((p, i) => {
    for (const brk of pageBreaks(p.children)) out.push({ brk, paragraph: i });
  });
  return out;
}

/**
 * Groups the paragraph symbols (one per paragraph, in order: `paragraphs[i]` is `symbols[i]`) under pages. Without
 * page breaks, returns `symbols` as they are.
 */
export function groupByPages(
  analysis: Analysis,
  revs: readonly Revision[],
  paragraphs: readonly Paragraph[],
  symbols: OutlineSymbol[],
): OutlineSymbol[] {
  const breaks = documentPageBreaks(paragraphs);
  if (breaks.length === 0) return symbols;
  const src = analysis.source;
  const top: OutlineSymbol[] = [];
  const pages: OutlineSymbol[] = [];
  let current: OutlineSymbol | null = null;
  const place = (s: OutlineSymbol): void => {
    if (current) current.children.push(s);
    else top.push(s);
  };
  let b = 0;
  paragraphs.forEach((p, i) => {
    const inside: BreakNode[] = [];
    while (b < breaks.length && breaks[b]!.paragraph === i) inside.push(breaks[b++]!.brk);
    if (inside.length === 0) {
      place(symbols[i]!);
      return;
    }
    // The parts of the paragraph between its page breaks; each goes to the page it is on.
    let from = p.start;
    for (let k = 0; k <= inside.length; k++) {
      const to = k < inside.length ? inside[k]!.start : p.end;
      const part = trimBlank(src, from, to);
      if (part.end > part.start) place(partSymbol(analysis, revs, p, i, part));
      if (k < inside.length) {
        const brk = inside[k]!;
        current = pageSymbol(brk);
        pages.push(current);
        from = brk.end;
      }
    }
  });
  // A page's range runs from its break to the end of the last thing listed under it.
  for (const page of pages) {
    const last = page.children[page.children.length - 1];
    if (last) page.range = { start: page.range.start, end: Math.max(page.range.end, last.range.end) };
  }
  return [...top, ...pages];
}

function pageSymbol(brk: BreakNode): OutlineSymbol {
  return {
    name: brk.n ? `Page ${brk.n}` : 'Page',
    detail: brk.image,
    kind: 'page',
    range: { start: brk.start, end: brk.end },
    selectionRange: { start: brk.start, end: brk.end },
    children: [],
  };
}

/** The symbol for the part `part` of paragraph `p` (number `index`): named by its own first words. */
function partSymbol(
  analysis: Analysis,
  revs: readonly Revision[],
  p: Paragraph,
  index: number,
  part: Span,
): OutlineSymbol {
  const mine = revs.filter((r) => part.start <= r.start && r.start < part.end);
  const counts = compactCounts(countRevisions(mine));
  const name = partWords(analysis, 'final', part) || partWords(analysis, 'draft', part) || `Paragraph ${index + 1}`;
  return {
    name,
    detail: counts,
    kind: 'paragraph',
    range: part,
    selectionRange: { start: part.start, end: lineEndFrom(analysis.source, part.start, Math.min(part.end, p.end)) },
    children: [],
  };
}

function partWords(analysis: Analysis, kind: 'final' | 'draft', part: Span): string {
  const r = analysis.reading(kind);
  const start = r.map.toReading(part.start),
    end = r.map.toReading(part.end);
  return end > start ? firstWords(r, { start, end }) : '';
}

function trimBlank(src: string, start: number, end: number): Span {
  const blank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  while (start < end && blank(src.charCodeAt(start))) start++;
  while (end > start && blank(src.charCodeAt(end - 1))) end--;
  return { start, end };
}
