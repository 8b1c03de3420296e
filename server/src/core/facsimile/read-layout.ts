// A layout file's bytes into the layout model, or one clear reason why not: too large, not text, not XML, a DTD
// or entity (refused, as TEI import refuses them: Emend never reads a DTD), or XML that is neither PAGE nor ALTO.
import { decodeXmlBytes } from '../tei/decode';
import { LayoutXmlError, parseLayoutXml } from './layout-xml';
import { readAlto } from './alto';
import type { LayoutLoad } from './layout';
import { LayoutError, PAGE_NS_PREFIX, readPage } from './page-xml';

/** Layout files larger than this are refused (a page's PAGE XML with glyphs is a few MB). */
export const MAX_LAYOUT_BYTES = 48 * 1024 * 1024;

export function layoutTooLarge(name: string, size: number): string {
  return `The layout file ${name} is too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_LAYOUT_BYTES / 1048576} MB).`;
}

/** The elements the PAGE and ALTO readers look at; everything else is skipped while reading. */
const KEEP = new Set([
  // PAGE
  'Page',
  'ReadingOrder',
  'OrderedGroup',
  'UnorderedGroup',
  'OrderedGroupIndexed',
  'UnorderedGroupIndexed',
  'RegionRefIndexed',
  'RegionRef',
  'TextRegion',
  'TextLine',
  'Word',
  'Glyph',
  'Coords',
  'Point',
  'TextEquiv',
  'Unicode',
  'PlainText',
  // ALTO
  'Description',
  'MeasurementUnit',
  'sourceImageInformation',
  'fileName',
  'Layout',
  'String',
  'SP',
  'HYP',
  'Shape',
  'Polygon',
]);
const TEXT_OF = new Set(['Unicode', 'PlainText', 'MeasurementUnit', 'fileName']);

/** Reads a PAGE XML or ALTO file. `name` is how the user named it (for messages). */
export function readLayout(name: string, bytes: Uint8Array): LayoutLoad {
  if (bytes.length > MAX_LAYOUT_BYTES) return { ok: false, error: layoutTooLarge(name, bytes.length) };
  const decoded = decodeXmlBytes(bytes);
  if (!decoded.ok) return { ok: false, error: `The layout file ${name} cannot be read: ${decoded.error}` };
  return readLayoutText(name, decoded.text);
}

export function readLayoutText(name: string, text: string): LayoutLoad {
  if (text.length > MAX_LAYOUT_BYTES) return { ok: false, error: layoutTooLarge(name, text.length) };
  let first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (first < text.length && text.charCodeAt(first) <= 32) first++;
  if (text.charCodeAt(first) !== 60) {
    return {
      ok: false,
      error: `The layout file ${name} is not XML (it does not begin with "<"); Emend reads layouts in PAGE XML or ALTO.`,
    };
  }
  let root;
  try {
    root = parseLayoutXml(text, KEEP, TEXT_OF);
  } catch (e) {
    if (e instanceof LayoutXmlError && e.doctype) {
      return {
        ok: false,
        error: `The layout file ${name} has a DOCTYPE (line ${e.line}): Emend reads no DTDs, which can pull in other files or expand without bound. PAGE and ALTO files need none: remove it.`,
      };
    }
    if (e instanceof LayoutXmlError) {
      return { ok: false, error: `The layout file ${name} is not well-formed XML (${e.message}).` };
    }
    throw e;
  }
  try {
    if (root.local === 'PcGts' && root.ns.startsWith(PAGE_NS_PREFIX)) return { ok: true, layout: readPage(root) };
    if (root.local === 'alto') return { ok: true, layout: readAlto(root) };
  } catch (e) {
    if (e instanceof LayoutError) return { ok: false, error: `The layout file ${name} cannot be used: ${e.message}` };
    throw e;
  }
  return {
    ok: false,
    error: `The layout file ${name} is neither PAGE XML nor ALTO (its root element is <${root.local}>${root.ns ? ` in ${root.ns}` : ''}).`,
  };
}
