// PAGE XML (PRImA's Page Analysis and Ground-truth Elements; the 2019, 2013 and 2010 schemas) into the layout
// model: Transkribus, eScriptorium, OCR-D and Kraken write it. Text regions in the file's reading order (then any
// not listed, in document order), their lines, and the lines' words with glyph boxes when present. A line with
// text but no words gets words placed by dividing the line's box by characters (marked as estimated).
import { attr, type LNode } from './layout-xml';
import { boundingBox, boxPolygon, charsBox } from './geometry';
import type { Box, DrawnAnchor, Layout, LayoutFormat, LayoutLine, LayoutPage, LayoutWord } from './layout';
import { childElements, descendants, firstChild, numberAttr, parsePoints } from './xml-walk';

export const PAGE_NS_PREFIX = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/';

export class LayoutError extends Error {}

export function pageFormat(ns: string): LayoutFormat {
  const year = ns.slice(PAGE_NS_PREFIX.length, PAGE_NS_PREFIX.length + 4);
  return year === '2019' ? 'PAGE 2019' : year === '2013' ? 'PAGE 2013' : year === '2010' ? 'PAGE 2010' : 'PAGE';
}

export function readPage(root: LNode): Layout {
  const pages = childElements(root, 'Page').map(readOnePage);
  if (pages.length === 0) throw new LayoutError('this PAGE file has no <Page> element.');
  return { format: pageFormat(root.ns), pages };
}

function readOnePage(page: LNode): LayoutPage {
  const width = numberAttr(page, 'imageWidth'),
    height = numberAttr(page, 'imageHeight');
  const lines: LayoutLine[] = [];
  for (const region of regionsInOrder(page)) {
    for (const line of childElements(region, 'TextLine')) {
      const l = readLine(line);
      if (l) lines.push(l);
    }
  }
  return {
    imageName: attr(page, 'imageFilename') ?? '',
    width: Number.isFinite(width) ? width : 0,
    height: Number.isFinite(height) ? height : 0,
    unit: 'pixel',
    lines,
  };
}

const TEXT_REGION = new Set(['TextRegion']);
const GROUP_CHILDREN = new Set([
  'RegionRefIndexed',
  'OrderedGroupIndexed',
  'UnorderedGroupIndexed',
  'RegionRef',
  'OrderedGroup',
  'UnorderedGroup',
]);

/** Text regions (nested ones included), those the reading order names first and in its order. */
function regionsInOrder(page: LNode): LNode[] {
  const all = descendants(page, TEXT_REGION);
  const byId = new Map<string, LNode>();
  for (const r of all) {
    const id = attr(r, 'id');
    if (id !== undefined && !byId.has(id)) byId.set(id, r);
  }
  const ordered: LNode[] = [];
  const used = new Set<LNode>();
  const ro = firstChild(page, 'ReadingOrder');
  if (ro) {
    for (const id of readingOrderIds(ro)) {
      const r = byId.get(id);
      if (r && !used.has(r)) {
        used.add(r);
        ordered.push(r);
      }
    }
  }
  for (const r of all) if (!used.has(r)) ordered.push(r);
  return ordered;
}

/** Region ids in reading order: groups' children sorted by `index` where given, depth first, iteratively. */
function readingOrderIds(ro: LNode): string[] {
  const out: string[] = [];
  const sorted = (el: LNode) =>
    childElements(el)
      .filter((c) => GROUP_CHILDREN.has(c.local))
      .map((c, k) => ({ c, k, index: numberAttr(c, 'index') }))
      .sort((a, b) => (Number.isFinite(a.index) && Number.isFinite(b.index) ? a.index - b.index : a.k - b.k))
      .map((x) => x.c);
  const stack: LNode[] = sorted(ro).reverse();
  while (stack.length) {
    const el = stack.pop()!;
    const ref = attr(el, 'regionRef');
    if (ref !== undefined) out.push(ref);
    const kids = sorted(el);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return out;
}

/** Points of an element's <Coords>: the `points` attribute (2013, 2019) or <Point x y> children (2010). */
function coords(el: LNode): number[] | null {
  const c = firstChild(el, 'Coords');
  if (!c) return null;
  const points = attr(c, 'points');
  if (points !== undefined) {
    const pts = parsePoints(points);
    if (!pts)
      throw new LayoutError(`the points of <${el.local} id="${attr(el, 'id') ?? ''}"> are not a list of numbers.`);
    return pts;
  }
  const out: number[] = [];
  for (const p of childElements(c, 'Point')) out.push(numberAttr(p, 'x'), numberAttr(p, 'y'));
  if (out.some((v) => !Number.isFinite(v))) throw new LayoutError(`a <Point> of <${el.local}> lacks a number.`);
  return out;
}

/** The text of the first (lowest `index`) <TextEquiv>'s <Unicode>, or null when there is none. */
function textEquiv(el: LNode): string | null {
  let best: LNode | undefined;
  let bestIndex = Infinity;
  for (const te of childElements(el, 'TextEquiv')) {
    const index = numberAttr(te, 'index');
    const key = Number.isFinite(index) ? index : 0;
    if (!best || key < bestIndex) {
      best = te;
      bestIndex = key;
    }
  }
  if (!best) return null;
  const u = firstChild(best, 'Unicode') ?? firstChild(best, 'PlainText');
  return u ? u.text : null;
}

function readLine(line: LNode): LayoutLine | null {
  const pts = coords(line);
  const words: LayoutWord[] = [];
  for (const w of childElements(line, 'Word')) {
    const word = readWord(w);
    if (word) words.push(word);
  }
  let box = pts ? boundingBox(pts) : null;
  if (!box) {
    // A line without coordinates: the union of its words, if any.
    for (const w of words) box = box ? unionBox(box, w.box) : w.box;
  }
  if (!box) return null;
  const polygon = pts && pts.length >= 6 ? pts : boxPolygon(box);
  const given = textEquiv(line);
  const text = given ?? words.map((w) => w.text).join(' ');
  const id = attr(line, 'id') ?? '';
  const drawn = drawnAnchor(attr(line, 'custom'));
  const out: LayoutLine =
    words.length === 0 && text.trim() !== ''
      ? { text, box, polygon, id, words: estimateWords(text, box, id), wordsEstimated: true }
      : { text, box, polygon, id, words, wordsEstimated: false };
  if (drawn) out.drawn = drawn;
  return out;
}

/** Emend's mark on a line drawn for words of the transcription: `emend {occurrence:N;}` in PAGE's `custom`. */
export function drawnAnchor(custom: string | undefined): DrawnAnchor | undefined {
  if (custom === undefined) return undefined;
  const at = custom.indexOf('emend {');
  if (at < 0 || (at > 0 && custom.charCodeAt(at - 1) > 32)) return undefined;
  const close = custom.indexOf('}', at);
  const body = close < 0 ? '' : custom.slice(at + 7, close);
  const m = /(?:^|;)\s*occurrence\s*:\s*(\d{1,7})\s*(?:;|$)/.exec(body);
  return m ? { occurrence: Number(m[1]) } : undefined;
}

function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x),
    y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

function readWord(w: LNode): LayoutWord | null {
  const pts = coords(w);
  const glyphEls = childElements(w, 'Glyph');
  const glyphTexts: string[] = [];
  const glyphBoxes: Box[] = [];
  for (const g of glyphEls) {
    const gp = coords(g);
    const gb = gp ? boundingBox(gp) : null;
    const gt = textEquiv(g);
    if (!gb || gt === null) {
      glyphTexts.length = 0;
      break;
    }
    glyphTexts.push(gt);
    glyphBoxes.push(gb);
  }
  const text = textEquiv(w) ?? glyphTexts.join('');
  const box = pts ? boundingBox(pts) : null;
  if (!box) return null;
  let glyphs: Box[] | null = null;
  if (glyphTexts.length && glyphTexts.join('') === text) {
    glyphs = [];
    for (let k = 0; k < glyphTexts.length; k++)
      for (let u = 0; u < glyphTexts[k]!.length; u++) glyphs.push(glyphBoxes[k]!);
  }
  return { text, box, polygon: pts && pts.length >= 6 ? pts : boxPolygon(box), glyphs, id: attr(w, 'id') ?? '' };
}

/** Words of a line known only by its text: the line's box divided in proportion to the characters. */
export function estimateWords(text: string, box: Box, lineId: string): LayoutWord[] {
  const out: LayoutWord[] = [];
  const n = text.length;
  let i = 0,
    k = 0;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isBlank(text.charCodeAt(i))) i++;
    const b = charsBox(box, null, n, start, i);
    out.push({ text: text.slice(start, i), box: b, polygon: boxPolygon(b), glyphs: null, id: `${lineId}#w${k++}` });
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}
