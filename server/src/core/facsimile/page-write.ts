// Writing PAGE XML: a new file for a page image (the 2019 schema), and boxes drawn in Emend added to a PAGE file or
// taken out of it, as edits of its text so that everything else in the file (another tool's regions, its reading
// order, comments, formatting) stays exactly as it was. A drawn box is one <TextRegion> holding one <TextLine> (and,
// for a single word, one <Word>) whose `custom` attribute carries Emend's anchor (`emend {occurrence:N;}`, read by
// page-xml.ts): the words it was drawn for are the line's text.
import { attr, parseLayoutXml, type LNode } from './layout-xml';
import type { Box } from './layout';
import { drawnAnchor, PAGE_NS_PREFIX, pageFormat } from './page-xml';
import { childElements, descendants, firstChild } from './xml-walk';

export const PAGE_2019_NS = `${PAGE_NS_PREFIX}2019-07-15`;

/** The attribute value and text escapes XML needs. */
function escapeXml(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 34 ? '&quot;' : '';
    if (!rep) continue;
    out += text.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

export interface PageImage {
  /** The image's name as the PAGE file records it (`imageFilename`). */
  name: string;
  width: number;
  height: number;
}

/** A new PAGE 2019 file for one page image, with no regions yet. `now` is an ISO 8601 UTC time. */
export function newPageXml(image: PageImage, now: string, comment: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<PcGts xmlns="${PAGE_2019_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${PAGE_2019_NS} ${PAGE_2019_NS}/pagecontent.xsd">`,
    '  <Metadata>',
    '    <Creator>Emend</Creator>',
    `    <Created>${escapeXml(now)}</Created>`,
    `    <LastChange>${escapeXml(now)}</LastChange>`,
    `    <Comments>${escapeXml(comment)}</Comments>`,
    '  </Metadata>',
    `  <Page imageFilename="${escapeXml(image.name)}" imageWidth="${image.width}" imageHeight="${image.height}">`,
    '  </Page>',
    '</PcGts>',
    '',
  ].join('\n');
}

/** A box drawn in Emend, as a PAGE file holds it. */
export interface DrawnRegion {
  /** The <TextRegion>'s id. */
  id: string;
  /** Where the <TextRegion> element is in the file's text. */
  start: number;
  end: number;
  /** The index of its <Page>. */
  page: number;
  /** The line's text: the words it was drawn for. */
  text: string;
  occurrence: number;
}

export interface DrawnBox {
  /** The words, as the transcription's diplomatic reading has them (the line's text). */
  text: string;
  /** When the box is for one word: that word (written as a <Word> too). */
  word: string | null;
  /** In pixels of the page image; rounded to whole pixels when written. */
  box: Box;
  occurrence: number;
}

/** A PAGE file read for editing: its pages (elements with their places) and the boxes drawn in Emend. */
export interface PageForEdit {
  root: LNode;
  pages: LNode[];
  drawn: DrawnRegion[];
}

const KEEP = new Set(['Metadata', 'LastChange', 'Page', 'TextRegion', 'TextLine', 'TextEquiv', 'Unicode', 'PlainText']);
const TEXT_OF = new Set(['Unicode', 'PlainText']);
const TEXT_REGION = new Set(['TextRegion']);

/**
 * Reads a PAGE file's text to add or take out drawn boxes, or says why it cannot be: it must be PAGE of the 2013
 * or 2019 schema (the 2010 schema writes points differently; ALTO is another format). `name` is for messages.
 */
export function readPageForEdit(name: string, xml: string): PageForEdit | { error: string } {
  let root: LNode;
  try {
    root = parseLayoutXml(xml, KEEP, TEXT_OF);
  } catch (e) {
    return { error: `The layout file ${name} cannot be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
  if (root.local === 'alto') {
    return {
      error: `The layout file ${name} is ALTO, which Emend cannot add drawn boxes to. Name a PAGE XML file in the header's \`layout:\` line, or remove the line and Emend creates one.`,
    };
  }
  if (root.local !== 'PcGts' || !root.ns.startsWith(PAGE_NS_PREFIX)) {
    return { error: `The layout file ${name} is not PAGE XML, so Emend cannot add drawn boxes to it.` };
  }
  const format = pageFormat(root.ns);
  if (format !== 'PAGE 2019' && format !== 'PAGE 2013') {
    return {
      error: `The layout file ${name} is ${format === 'PAGE' ? 'an old PAGE schema' : format}; Emend adds drawn boxes to PAGE 2013 and 2019 files only.`,
    };
  }
  const pages = childElements(root, 'Page');
  if (pages.length === 0) return { error: `The layout file ${name} has no <Page> element.` };
  const drawn: DrawnRegion[] = [];
  pages.forEach((page, p) => {
    for (const region of descendants(page, TEXT_REGION)) {
      const lines = childElements(region, 'TextLine');
      if (lines.length !== 1) continue;
      const anchor = drawnAnchor(attr(lines[0]!, 'custom'));
      if (!anchor) continue;
      drawn.push({
        id: attr(region, 'id') ?? '',
        start: region.start,
        end: region.end,
        page: p,
        text: lineText(lines[0]!),
        occurrence: anchor.occurrence,
      });
    }
  });
  return { root, pages, drawn };
}

function lineText(line: LNode): string {
  const te = firstChild(line, 'TextEquiv');
  const u = te ? (firstChild(te, 'Unicode') ?? firstChild(te, 'PlainText')) : undefined;
  return u?.text ?? '';
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The PAGE file's text with the drawn regions `remove` taken out and `add` added to page `page` (after the page's
 * other regions), and its <LastChange> set to `now`. Nothing else in the text changes.
 */
export function editPageXml(
  xml: string,
  file: PageForEdit,
  change: { page: number; remove: readonly DrawnRegion[]; add: DrawnBox; now: string },
): string {
  const page = file.pages[change.page]!;
  const eol = xml.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  for (const r of change.remove) {
    // The region with the white space that indents it and the line break before it.
    let s = r.start;
    while (s > 0 && (xml.charCodeAt(s - 1) === 32 || xml.charCodeAt(s - 1) === 9)) s--;
    if (xml.charCodeAt(s - 1) === 10) s -= xml.charCodeAt(s - 2) === 13 ? 2 : 1;
    else if (xml.charCodeAt(s - 1) !== 62) s = r.start; // text before it on its line: only the element
    edits.push({ start: s, end: r.end, text: '' });
  }
  // Element names as the file writes them (a prefix such as pc: kept).
  const tag = xml.slice(page.start + 1, page.attrStart);
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':') + 1) : '';
  const selfClosing = xml.charCodeAt(page.end - 2) === 47;
  const pageIndent = indentBefore(xml, page.start);
  const unit = pageIndent.includes('\t') ? '\t' : '  ';
  const id = `emend-r${nextRegionNumber(xml)}`;
  const region = drawnRegionXml(change.add, id, prefix, pageIndent + unit, unit, eol);
  if (selfClosing) {
    edits.push({
      start: page.end - 2,
      end: page.end,
      text: `>${eol}${region}${pageIndent}</${prefix}Page>`,
    });
  } else {
    const close = xml.lastIndexOf('<', page.end - 1);
    let lineStart = close;
    while (lineStart > 0 && (xml.charCodeAt(lineStart - 1) === 32 || xml.charCodeAt(lineStart - 1) === 9)) lineStart--;
    const ownLine = lineStart === 0 || xml.charCodeAt(lineStart - 1) === 10;
    edits.push(
      ownLine
        ? { start: lineStart, end: lineStart, text: region }
        : { start: close, end: close, text: `${eol}${region}${pageIndent}` },
    );
  }
  const last = firstChild(file.root, 'Metadata');
  const lastChange = last ? firstChild(last, 'LastChange') : undefined;
  if (lastChange && xml.charCodeAt(lastChange.end - 2) !== 47) {
    const from = lastChange.attrEnd + 1;
    const to = xml.lastIndexOf('<', lastChange.end - 1);
    edits.push({ start: from, end: to, text: escapeXml(change.now) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The spaces and tabs before `at` on its line when only they stand there, else ''. */
function indentBefore(xml: string, at: number): string {
  let s = at;
  while (s > 0 && (xml.charCodeAt(s - 1) === 32 || xml.charCodeAt(s - 1) === 9)) s--;
  return s === 0 || xml.charCodeAt(s - 1) === 10 ? xml.slice(s, at) : '';
}

/** One more than the largest N of an `emend-rN` anywhere in the file, so new ids are unique. */
function nextRegionNumber(xml: string): number {
  let max = 0;
  for (let at = xml.indexOf('emend-r'); at >= 0; at = xml.indexOf('emend-r', at + 7)) {
    let k = at + 7,
      n = 0;
    while (k < xml.length && xml.charCodeAt(k) >= 48 && xml.charCodeAt(k) <= 57 && k - at < 16) {
      n = n * 10 + xml.charCodeAt(k) - 48;
      k++;
    }
    if (n > max) max = n;
  }
  return max + 1;
}

function points(b: Box): string {
  const x0 = Math.round(b.x),
    y0 = Math.round(b.y),
    x1 = Math.round(b.x + b.w),
    y1 = Math.round(b.y + b.h);
  return `${x0},${y0} ${x1},${y0} ${x1},${y1} ${x0},${y1}`;
}

/** The <TextRegion> of a drawn box, each line indented and ended with `eol`. */
export function drawnRegionXml(
  d: DrawnBox,
  id: string,
  prefix: string,
  indent: string,
  unit: string,
  eol: string,
): string {
  const e = (name: string) => prefix + name;
  const i1 = indent,
    i2 = indent + unit,
    i3 = i2 + unit,
    i4 = i3 + unit;
  const coords = (at: string) => `${at}<${e('Coords')} points="${points(d.box)}"/>`;
  const equiv = (at: string, text: string) =>
    `${at}<${e('TextEquiv')}><${e('Unicode')}>${escapeXml(text)}</${e('Unicode')}></${e('TextEquiv')}>`;
  const custom = `emend {occurrence:${d.occurrence};}`;
  const lines = [
    `${i1}<${e('TextRegion')} id="${id}">`,
    coords(i2),
    `${i2}<${e('TextLine')} id="${id}-l" custom="${custom}">`,
    coords(i3),
  ];
  if (d.word !== null) {
    lines.push(`${i3}<${e('Word')} id="${id}-w">`, coords(i4), equiv(i4, d.word), `${i3}</${e('Word')}>`);
  }
  lines.push(equiv(i3, d.text), `${i2}</${e('TextLine')}>`, equiv(i2, d.text), `${i1}</${e('TextRegion')}>`);
  return lines.map((l) => l + eol).join('');
}
