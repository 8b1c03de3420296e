// Import of a TEI's <facsimile> (TEI P5 11.1): the page images become the header's `facsimile:`, and the zones the
// text's words point at (`facs="#zone"`, as Emend's export writes them on <w>, and as other tools write them on
// <w>, <seg>, <line> …) become a PAGE XML layout, which Emend links the transcription through again. Pure: this
// makes the layout's text; the host decides whether and where to write it (docs/tei.md, "Import").
import { boundingBox } from '../../facsimile/geometry';
import type { Box } from '../../facsimile/layout';
import { PAGE_2019_NS } from '../../facsimile/page-write';
import { escapeXml } from '../xmlText';
import type { XmlElement } from '../xml';

/** How deep import looks below a <facsimile> or a text element (real files are shallow; a hostile one is not walked). */
const MAX_DEPTH = 64;

export interface TeiPage {
  /** The first <graphic>'s url as written ('' without one). */
  url: string;
  /** The image's size in pixels (0 when the file does not say). */
  width: number;
  height: number;
}

export interface TeiFacsimile {
  pages: TeiPage[];
  /** Zones by xml:id: their page and their box in pixels of the page's image. */
  zones: Map<string, { page: number; box: Box }>;
  /** Pages by their <surface>'s xml:id (what a page break's @facs points at). */
  surfaces: Map<string, number>;
}

/** A length in pixels (`1457px`, or a bare number), else NaN. */
function pixels(v: string | undefined): number {
  const m = v === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(v);
  return m ? Number(m[1]) : NaN;
}

function coordinates(el: XmlElement): Box | null {
  const [ulx, uly, lrx, lry] = ['ulx', 'uly', 'lrx', 'lry'].map((k) => Number(el.attrs.get(k) ?? 'NaN'));
  if ([ulx, uly, lrx, lry].every((n) => Number.isFinite(n)) && lrx! >= ulx! && lry! >= uly!)
    return { x: ulx!, y: uly!, w: lrx! - ulx!, h: lry! - uly! };
  // att.coordinated's `points`: "x,y x,y …".
  const points = el.attrs.get('points');
  if (points === undefined) return null;
  const flat: number[] = [];
  for (const pair of points.trim().split(/\s+/)) {
    const xy = pair.split(',');
    if (xy.length !== 2) return null;
    flat.push(Number(xy[0]), Number(xy[1]));
  }
  return flat.every((n) => Number.isFinite(n)) ? boundingBox(flat) : null;
}

function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** The <facsimile>s' pages (each <surface>, or each <graphic> standing alone) and their zones, at any depth. */
export function readFacsimile(facsimiles: readonly XmlElement[], teiNs: string): TeiFacsimile {
  const pages: TeiPage[] = [];
  const zones = new Map<string, { page: number; box: Box }>();
  const surfaces = new Map<string, number>();
  const isTei = (el: XmlElement, name: string) => el.ns === teiNs && el.local === name;
  const surface = (s: XmlElement) => {
    const page = pages.length;
    const sid = s.attrs.get('xml:id');
    if (sid && !surfaces.has(sid)) surfaces.set(sid, page);
    const graphic = elements(s).find((c) => isTei(c, 'graphic'));
    const area = coordinates(s);
    let width = pixels(graphic?.attrs.get('width')),
      height = pixels(graphic?.attrs.get('height'));
    // Without the image's size, a surface drawn from 0,0 is taken to be in the image's pixels.
    if (!(width > 0 && height > 0) && area && area.x === 0 && area.y === 0) {
      width = area.w;
      height = area.h;
    }
    const sized = width > 0 && height > 0;
    pages.push({ url: graphic?.attrs.get('url')?.trim() ?? '', width: sized ? width : 0, height: sized ? height : 0 });
    // Zones are in the surface's coordinates: scaled to the image's pixels where both are known.
    const sx = sized && area && area.w > 0 ? width / area.w : 1,
      sy = sized && area && area.h > 0 ? height / area.h : 1;
    const ox = area?.x ?? 0,
      oy = area?.y ?? 0;
    const zonesIn = (el: XmlElement, depth: number) => {
      for (const c of elements(el)) {
        if (!isTei(c, 'zone')) continue;
        const id = c.attrs.get('xml:id');
        const b = coordinates(c);
        if (id && b && !zones.has(id))
          zones.set(id, { page, box: { x: (b.x - ox) * sx, y: (b.y - oy) * sy, w: b.w * sx, h: b.h * sy } });
        if (depth < MAX_DEPTH) zonesIn(c, depth + 1);
      }
    };
    zonesIn(s, 0);
  };
  const walk = (el: XmlElement, depth: number) => {
    for (const c of elements(el)) {
      if (isTei(c, 'surface')) surface(c);
      else if (isTei(c, 'graphic')) pages.push({ url: c.attrs.get('url')?.trim() ?? '', width: 0, height: 0 });
      else if (depth < MAX_DEPTH) walk(c, depth + 1);
    }
  };
  for (const f of facsimiles) walk(f, 0);
  return { pages, zones, surfaces };
}

/** A `<graphic url>` as the header's `facsimile:` names it: a path's percent-escapes decoded, an address kept. */
export function imageName(url: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(url)) return url;
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export interface ZoneWord {
  text: string;
  page: number;
  box: Box;
  /** The line of the text it stands on (counted at each <lb/> and each paragraph). */
  line: number;
  /** A whole line (the text after an `<lb facs>` up to the next line break), rather than one word. */
  wholeLine?: boolean;
}

const BLOCKS = new Set(['p', 'head', 'ab', 'l', 'line']);
const SKIP = new Set(['teiHeader', 'facsimile', 'standOff', 'note', 'figDesc', 'metamark']);

/**
 * The text that points at zones, in document order: each element with `facs="#id"` holding text on one line (the
 * innermost where they nest: Emend's <w>, or <seg>, <line> …), and each line begun by an `<lb facs="#id"/>` (as
 * Transkribus writes) that holds no such element. An element whose text runs over a line break (a paragraph
 * pointing at its region) is no word: its lines are looked at instead.
 */
export function zoneWords(parts: readonly XmlElement[], f: TeiFacsimile, teiNs: string): ZoneWord[] {
  const out: ZoneWord[] = [];
  let line = 0;
  /** The line an `<lb facs>` began, while it lasts. */
  let open: { page: number; box: Box; line: number; text: string[]; words: boolean } | null = null;
  const close = () => {
    const t = open?.text.join('').replace(/\s+/g, ' ').trim();
    if (open && t && !open.words)
      out.push({ text: t, page: open.page, box: open.box, line: open.line, wholeLine: true });
    open = null;
  };
  const isTei = (el: XmlElement, names: Set<string>) => el.ns === teiNs && names.has(el.local);
  const skipped = (el: XmlElement) => isTei(el, SKIP) && !(el.local === 'note' && el.attrs.get('type') === 'authorial');
  /** The element's text, or null when it runs over a line break. */
  const text = (el: XmlElement, depth: number): string | null => {
    let s = '';
    for (const c of el.children) {
      if (c.kind === 'text') s += c.text;
      else if (c.ns === teiNs && (c.local === 'lb' || BLOCKS.has(c.local))) return null;
      else if (depth < MAX_DEPTH && !skipped(c)) {
        const inner = text(c, depth + 1);
        if (inner === null) return null;
        s += inner;
      }
    }
    return s;
  };
  const zoneOf = (el: XmlElement) => {
    for (const p of (el.attrs.get('facs') ?? '').trim().split(/\s+/)) {
      const z = p.startsWith('#') ? f.zones.get(p.slice(1)) : undefined;
      if (z) return z;
    }
    return undefined;
  };
  /** Whether `el` or an element inside it gave a word. */
  const visit = (el: XmlElement, depth: number): boolean => {
    if (skipped(el)) return false;
    if (el.ns === teiNs && el.local === 'lb') {
      close();
      line++;
      const z = zoneOf(el);
      if (z) open = { page: z.page, box: z.box, line, text: [], words: false };
      return false;
    }
    const block = isTei(el, BLOCKS);
    if (block) {
      close();
      line++;
    }
    let inner = false;
    if (depth < MAX_DEPTH) {
      for (const c of el.children) {
        if (c.kind === 'text') open?.text.push(c.text);
        else inner = visit(c, depth + 1) || inner;
      }
    }
    if (block) close();
    if (inner) return true;
    const z = zoneOf(el);
    if (!z) return false;
    const t = text(el, depth)?.replace(/\s+/g, ' ').trim();
    if (!t) return false;
    out.push({ text: t, page: z.page, box: z.box, line });
    if (open) open.words = true;
    return true;
  };
  for (const p of parts) visit(p, 0);
  close();
  return out;
}

function points(b: Box): string {
  const x0 = Math.round(b.x),
    y0 = Math.round(b.y),
    x1 = Math.round(b.x + b.w),
    y1 = Math.round(b.y + b.h);
  return `${x0},${y0} ${x1},${y0} ${x1},${y1} ${x0},${y1}`;
}

function unionAll(boxes: Box[]): Box {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * A PAGE XML (2019) file of one page: one text region, a line per line of the text holding words, each word with
 * its zone's box and its text. `created` is the file's creation time (xsd:dateTime), which the host gives.
 */
export function pageXml(page: TeiPage, image: string, words: readonly ZoneWord[], created: string): string {
  const c = { replaced: 0 };
  const esc = (s: string) => escapeXml(s, c, true);
  const lines: ZoneWord[][] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last && last[0]!.line === w.line) last.push(w);
    else lines.push([w]);
  }
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<PcGts xmlns="${PAGE_2019_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${PAGE_2019_NS} ${PAGE_2019_NS}/pagecontent.xsd">`,
    '  <Metadata>',
    '    <Creator>Emend, from the zones of a TEI facsimile</Creator>',
    `    <Created>${esc(created)}</Created>`,
    `    <LastChange>${esc(created)}</LastChange>`,
    '  </Metadata>',
    `  <Page imageFilename="${esc(image)}" imageWidth="${Math.round(page.width)}" imageHeight="${Math.round(page.height)}">`,
  ];
  if (words.length) {
    out.push('    <TextRegion id="r1">', `      <Coords points="${points(unionAll(words.map((w) => w.box)))}"/>`);
    let n = 0;
    lines.forEach((ws, k) => {
      const id = `r1l${k + 1}`;
      out.push(`      <TextLine id="${id}">`, `        <Coords points="${points(unionAll(ws.map((w) => w.box)))}"/>`);
      // A whole line (an <lb facs>) has no words of its own: readers divide it by characters.
      for (const w of ws.filter((x) => !x.wholeLine)) {
        out.push(
          `        <Word id="${id}w${++n}">`,
          `          <Coords points="${points(w.box)}"/>`,
          `          <TextEquiv><Unicode>${escapeXml(w.text, c)}</Unicode></TextEquiv>`,
          '        </Word>',
        );
      }
      out.push(
        `        <TextEquiv><Unicode>${escapeXml(ws.map((w) => w.text).join(' '), c)}</Unicode></TextEquiv>`,
        '      </TextLine>',
      );
    });
    out.push('    </TextRegion>');
  }
  out.push('  </Page>', '</PcGts>', '');
  return out.join('\n');
}
