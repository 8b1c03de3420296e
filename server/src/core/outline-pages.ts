// Pages as a level of the outline: what follows a page break `|page{12}` is listed under a "Page 12" symbol, up to the
// next page break. A page break usually stands on a line of its own inside a paragraph (it leaves no empty line in the
// readings), so a paragraph that runs across one is listed under each page it is on, as the part on that page, named
// by that part's first words. Text before the first page break stays at the top, as without pages. Column breaks
// `|column{2}` are a level under their page ("Column 2"), or at the top before any page break.
import type { Analysis } from './analysis';
import type { BreakNode, Paragraph, Span } from './model';
import type { Revision } from './revisions';
import { breaksIn } from './pages';
import { countRevisions } from './stats';
import { lineEndFrom } from './line-breaks';
import type { OutlineSymbol } from './outline';
import { compactCounts, firstWords } from './outline';

/** The page and column breaks of the document, in order, with the paragraph each stands in. */
export function documentBreaks(paragraphs: readonly Paragraph[]): { brk: BreakNode; paragraph: number }[] {
  const out: { brk: BreakNode; paragraph: number }[] = [];
  paragraphs.forEach((p, i) => {
    for (const brk of breaksIn(p.children)) out.push({ brk, paragraph: i });
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
  const breaks = documentBreaks(paragraphs);
  if (breaks.length === 0) return symbols;
  const src = analysis.source;
  const top: OutlineSymbol[] = [];
  const groups: OutlineSymbol[] = [];
  let page: OutlineSymbol | null = null;
  let column: OutlineSymbol | null = null;
  const place = (s: OutlineSymbol): void => {
    if (column) column.children.push(s);
    else if (page) page.children.push(s);
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
    // The parts of the paragraph between its breaks; each goes to the page (and column) it is on.
    let from = p.start;
    for (let k = 0; k <= inside.length; k++) {
      const to = k < inside.length ? inside[k]!.start : p.end;
      const part = trimBlank(src, from, to);
      if (part.end > part.start) place(partSymbol(analysis, revs, p, i, part));
      if (k < inside.length) {
        const brk = inside[k]!;
        const group = breakSymbol(brk);
        groups.push(group);
        if (brk.kind === 'page') {
          page = group;
          column = null;
          top.push(group);
        } else {
          column = null; // a column is listed under its page, not under the column before it
          place(group);
          column = group;
        }
        from = brk.end;
      }
    }
  });
  // A page's (or column's) range runs from its break to the end of the last thing listed under it; columns first,
  // since they are listed under pages.
  for (const kind of ['column', 'page']) {
    for (const g of groups) {
      const last = g.children[g.children.length - 1];
      if (g.kind === kind && last) g.range = { start: g.range.start, end: Math.max(g.range.end, last.range.end) };
    }
  }
  return top;
}

function breakSymbol(brk: BreakNode): OutlineSymbol {
  const name = brk.kind === 'page' ? 'Page' : 'Column';
  return {
    name: brk.n ? `${name} ${brk.n}` : name,
    detail: brk.image,
    kind: brk.kind,
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
