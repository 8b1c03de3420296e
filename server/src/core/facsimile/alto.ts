// ALTO (Analyzed Layout and Text Object, v1–v4: library digitisations, Tesseract, eScriptorium) into the layout
// model. Lines (<TextLine>) in document order, their words (<String CONTENT>) with glyph boxes when every glyph is
// there. Coordinates stay in the file's measurement unit (pixel, mm10 or inch1200); fit.ts scales them to the
// image by the page size the file states.
import { attr, type LNode } from './layout-xml';
import { boundingBox, boxPolygon } from './geometry';
import type { Box, Layout, LayoutFormat, LayoutLine, LayoutPage, LayoutUnit, LayoutWord } from './layout';
import { LayoutError } from './page-xml';
import { childElements, descendants, firstChild, numberAttr, parsePoints } from './xml-walk';

export function altoFormat(ns: string): LayoutFormat {
  const m = /ns-v(\d)#?$/.exec(ns);
  if (m) return m[1] === '2' ? 'ALTO v2' : m[1] === '3' ? 'ALTO v3' : m[1] === '4' ? 'ALTO v4' : 'ALTO v1';
  return 'ALTO v1';
}

export function readAlto(root: LNode): Layout {
  const description = firstChild(root, 'Description');
  const unitEl = description ? firstChild(description, 'MeasurementUnit') : undefined;
  const unit = unitEl ? unitEl.text.trim() : 'pixel';
  if (unit !== 'pixel' && unit !== 'mm10' && unit !== 'inch1200') {
    throw new LayoutError(`the ALTO measurement unit "${unit}" is unknown (pixel, mm10 or inch1200).`);
  }
  const info = description ? firstChild(description, 'sourceImageInformation') : undefined;
  const fileEl = info ? firstChild(info, 'fileName') : undefined;
  const imageName = fileEl ? fileEl.text.trim() : '';
  const layoutEl = firstChild(root, 'Layout');
  if (!layoutEl) throw new LayoutError('this ALTO file has no <Layout> element.');
  const pages = childElements(layoutEl, 'Page').map((p): LayoutPage => readPage(p, imageName, unit as LayoutUnit));
  if (pages.length === 0) throw new LayoutError('this ALTO file has no <Page> element.');
  if (unit !== 'pixel' && pages.some((p) => !p.width || !p.height)) {
    throw new LayoutError(
      `this ALTO file measures in ${unit} but gives no page WIDTH and HEIGHT, so its coordinates cannot be placed on the image.`,
    );
  }
  return { format: altoFormat(root.ns), pages };
}

const TEXT_LINE = new Set(['TextLine']);

function readPage(page: LNode, imageName: string, unit: LayoutUnit): LayoutPage {
  const width = numberAttr(page, 'WIDTH'),
    height = numberAttr(page, 'HEIGHT');
  const lines: LayoutLine[] = [];
  for (const l of descendants(page, TEXT_LINE, true)) {
    const line = readLine(l);
    if (line) lines.push(line);
  }
  return {
    imageName,
    width: Number.isFinite(width) ? width : 0,
    height: Number.isFinite(height) ? height : 0,
    lines,
    unit,
  };
}

/** HPOS/VPOS/WIDTH/HEIGHT, or the bounding box of <Shape><Polygon POINTS>. */
function place(el: LNode): { box: Box; polygon: number[] } | null {
  const shape = firstChild(el, 'Shape');
  const poly = shape ? firstChild(shape, 'Polygon') : undefined;
  const pts = poly ? parsePoints(attr(poly, 'POINTS') ?? '') : null;
  const x = numberAttr(el, 'HPOS'),
    y = numberAttr(el, 'VPOS'),
    w = numberAttr(el, 'WIDTH'),
    h = numberAttr(el, 'HEIGHT');
  if ([x, y, w, h].every(Number.isFinite)) {
    const box = { x, y, w, h };
    return { box, polygon: pts && pts.length >= 6 ? pts : boxPolygon(box) };
  }
  const b = pts ? boundingBox(pts) : null;
  return b ? { box: b, polygon: pts! } : null;
}

function readLine(line: LNode): LayoutLine | null {
  const words: LayoutWord[] = [];
  const parts: { text: string; joins: boolean }[] = [];
  for (const c of childElements(line)) {
    if (c.local === 'String') {
      const p = place(c);
      const text = attr(c, 'CONTENT') ?? '';
      parts.push({ text, joins: false });
      if (!p) continue;
      words.push({ text, box: p.box, polygon: p.polygon, glyphs: glyphs(c, text), id: attr(c, 'ID') ?? '' });
    } else if (c.local === 'HYP') parts.push({ text: attr(c, 'CONTENT') ?? '-', joins: true });
  }
  const p = place(line);
  let box = p?.box ?? null;
  if (!box) for (const w of words) box = box ? boundingBox([...boxPolygon(box), ...boxPolygon(w.box)]) : w.box;
  if (!box) return null;
  // Words are separated by one space whether or not the file has <SP>; a line-end <HYP> joins its word.
  let text = '';
  for (const part of parts) {
    text += part.joins || text === '' ? part.text : ' ' + part.text;
  }
  return {
    text: text.trim(),
    box,
    polygon: p?.polygon ?? boxPolygon(box),
    id: attr(line, 'ID') ?? '',
    words,
    wordsEstimated: false,
  };
}

function glyphs(word: LNode, text: string): Box[] | null {
  const out: Box[] = [];
  let joined = '';
  for (const g of childElements(word, 'Glyph')) {
    const p = place(g);
    const t = attr(g, 'CONTENT') ?? '';
    if (!p || !t) return null;
    joined += t;
    for (let u = 0; u < t.length; u++) out.push(p.box);
  }
  return out.length && joined === text ? out : null;
}
