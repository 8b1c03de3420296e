// Import of a TEI transcription into the markup (docs/tei.md, "Import"). Pure: text in, markup or an error out.
//   1. parse the XML (./xml.ts: well-formedness, no DTD, no entities beyond the predefined ones);
//   2. check it is TEI and find its transcription (<text>, else <sourceDoc>, or a page file's root); read the
//      header's metadata into the `---` block (./header-read.ts);
//   3. walk the text into paragraphs of a small tree (./import/walk.ts, ./import/tree.ts), then mark the
//      <delSpan>/<addSpan> ranges (./import/spans.ts) and lift restored text out of deletions (./import/restore.ts);
//   4. normalise white space as XML readers do (./import/space.ts), then write the markup (./import/write.ts).
// What the markup cannot express is reduced to its text, with one warning per kind of element and its count.
import { MAX_NESTING } from '../parser';
import { parseXml, XmlError, type XmlElement } from './xml';
import { TEI_NS } from './export';
import { readTeiHeader } from './header-read';
import { liftRestored } from './import/restore';
import { normaliseSpace } from './import/space';
import { markSpans } from './import/spans';
import { Walker, spaceOf } from './import/walk';
import { MarkupWriter, TooDeep, tidyParagraph } from './import/write';
import { imageName, pageXml, readFacsimile, zoneWords, type TeiFacsimile, type ZoneWord } from './import/facsimile';
import { namedHands, withNamedHands, type HandNoteInfo } from './import/named-hands';

export type TeiImportResult =
  | {
      ok: true;
      markup: string;
      warnings: string[];
      /** The word boxes of the TEI's facsimile as a PAGE XML file, which the markup's header names in `layout:`
       * and the host writes beside the transcription (only when asked for with `layoutName`). */
      layout?: { name: string; xml: string };
    }
  | { ok: false; error: string };

export interface TeiImportOptions {
  /**
   * Where the host will write the facsimile's word boxes (a file name beside the transcription, such as
   * `letter.page.xml`): the markup's `layout:` names it. Without it the boxes are not kept, and a warning says so.
   */
  layoutName?: string;
  /** The layout file's creation time (xsd:dateTime), written in its metadata. */
  created?: string;
  /** The name of an image (as the TEI gives it, relative to the TEI file) as the transcription will name it (the
   * host knows where both are); as given when absent. */
  imageName?: (name: string) => string;
}

/** Larger files are refused (in UTF-16 code units: 32 Mi characters is 64 MB of memory for the text alone). */
export const MAX_TEI_CHARS = 32 * 1024 * 1024;

/** A language tag as import accepts it from `xml:lang`. */
const LANG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

export function importTei(source: string, options: TeiImportOptions = {}): TeiImportResult {
  if (source.length > MAX_TEI_CHARS) {
    return {
      ok: false,
      error: `This file is ${(source.length / 1048576).toFixed(1)} M characters long; Emend imports TEI files of up to ${MAX_TEI_CHARS / 1048576} M characters.`,
    };
  }
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    if (e.tooDeep) {
      return {
        ok: false,
        error: `This TEI nests elements more than ${e.tooDeep} deep (${e.where}), deeper than Emend reads.`,
      };
    }
    return { ok: false, error: `This is not well-formed XML (${e.message}).` };
  }
  const isDocument = root.local === 'TEI' || root.local === 'teiCorpus' || root.local === 'TEI.2';
  // A page file of an edition (the Shelley-Godwin Archive's <surface>s) is a TEI element without the document.
  if (!(root.ns === TEI_NS || (root.ns === '' && isDocument))) {
    return {
      ok: false,
      error:
        `This XML is not TEI: its root element is <${root.name}>${root.ns ? ` in the namespace ${root.ns}` : ''}; ` +
        `a TEI file's root is <TEI xmlns="${TEI_NS}">.`,
    };
  }
  const teiNs = root.ns;
  const texts: XmlElement[] = [];
  const sourceDocs: XmlElement[] = [];
  const headers: XmlElement[] = [];
  const facsimiles: XmlElement[] = [];
  const findTexts = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.kind !== 'element' || c.ns !== teiNs) continue;
      if (c.local === 'text') texts.push(c);
      else if (c.local === 'sourceDoc') sourceDocs.push(c);
      else if (c.local === 'teiHeader') headers.push(c);
      else if (c.local === 'facsimile') facsimiles.push(c);
      else if (c.local === 'TEI') findTexts(c);
    }
  };
  if (isDocument) findTexts(root);
  else texts.push(root);
  // The transcription: the <text>s; without one, the embedded transcription in <sourceDoc> (genetic editions).
  const parts = texts.length ? texts : sourceDocs;
  if (parts.length === 0)
    return { ok: false, error: 'This TEI file has no <text> element: there is no transcription to import.' };

  const handNotes: HandNoteInfo[] = [];
  const collectHands = (el: XmlElement, depth: number) => {
    for (const c of el.children) {
      if (c.kind !== 'element') continue;
      if (c.local === 'handNote') {
        const id = c.attrs.get('xml:id');
        if (id) handNotes.push({ id, el: c });
      } else if (depth < 64) collectHands(c, depth + 1);
    }
  };
  collectHands(headers[0] ?? root, 0);
  const named = namedHands(handNotes);
  const facsimile = readFacsimile(facsimiles, teiNs);
  const pageImage = (facs: string): string => {
    const f = facs.trim().split(/\s+/)[0] ?? '';
    const url = f.startsWith('#') ? facsimile.pages[facsimile.surfaces.get(f.slice(1)) ?? -1]?.url : f;
    const given = url ? imageName(url) : '';
    return given && options.imageName ? options.imageName(given) : given;
  };
  // The main hand: the first <handNote> the header declares; without one, a <handShift> before any text names it.
  const walker = new Walker(handNotes[0] ? { kind: 'named', id: handNotes[0].id } : { kind: 'unknown' }, teiNs, {
    named: new Set(named.map((h) => h.id)),
    pageImage,
  });
  for (const part of parts) walker.blocks(part, spaceOf(part, false));
  walker.finish();
  if (walker.includes.length && !walker.paragraphs.length) {
    return {
      ok: false,
      error:
        `This file holds no transcription of its own: it includes other files (${walker.includes.slice(0, 3).join(', ')}` +
        `${walker.includes.length > 3 ? ', …' : ''}) with <xi:include>, which Emend does not follow. Import those files.`,
    };
  }

  const writer = new MarkupWriter();
  const paragraphs: string[] = [];
  for (const built of walker.paragraphs) {
    const p = liftRestored(markSpans(built));
    normaliseSpace(p);
    let s: string;
    try {
      s = tidyParagraph(writer.paragraph(p));
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      return {
        ok: false,
        error: `This TEI nests deletions, additions and hands more than ${MAX_NESTING} deep, deeper than the markup reads.`,
      };
    }
    if (s) paragraphs.push(s);
  }
  const extra: string[] = [];
  const unended = walker.unendedSpans();
  if (unended.length) {
    extra.push(
      `${unended.length} <delSpan>/<addSpan> whose end is not in the file (${unended.map((id) => `#${id}`).join(', ')}) ` +
        `${unended.length === 1 ? 'reaches' : 'reach'} to the end of the text.`,
    );
  }
  const unnamed = [...walker.otherHands].filter((h) => !named.some((n) => n.id === h));
  if (unnamed.length > 1) {
    extra.push(
      `${unnamed.length} hands besides the main one (${unnamed.map((h) => `#${h}`).join(', ')}) ` +
        'all become *…*: the markup names a hand only when the header describes it in a <handNote>.',
    );
  }
  if (writer.mergedDeletions) {
    extra.push(
      `${writer.mergedDeletions} deletion${writer.mergedDeletions === 1 ? '' : 's'} opening right at the start of an ` +
        'enclosing deletion cannot be written apart and are part of the enclosing one (the readings are the same).',
    );
  }
  if (writer.droppedEmpty) {
    extra.push(
      `${writer.droppedEmpty} empty <del> element${writer.droppedEmpty === 1 ? '' : 's'} left out (the markup cannot write a deletion of nothing).`,
    );
  }

  const fields = withNamedHands(readTeiHeader(headers[0]), handNotes, named);
  // Without a <language> in the header, the language the text declares (xml:lang on <text> or <TEI>).
  const lang = parts[0]!.attrs.get('xml:lang') ?? root.attrs.get('xml:lang');
  if (lang && !fields.some(([k]) => k === 'language') && LANG.test(lang)) fields.push(['language', lang]);
  const layout = facsimileFields(facsimile, parts, teiNs, options, fields, extra);
  let markup = '';
  const body = paragraphs.join('\n\n');
  if (fields.length || /^---[ \t]*(\n|$)/.test(body)) {
    markup += '---\n' + fields.map(([k, v]) => `${k}: ${v}`).join('\n') + (fields.length ? '\n' : '') + '---\n';
    if (body) markup += '\n';
  }
  markup += body + (body ? '\n' : '');
  return { ok: true, markup, warnings: walker.warnings.list(extra), ...(layout ? { layout } : {}) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 words point", "2 lines and 1 word point": what points at zones (lines begun by an `<lb facs>`, words). */
function pointing(ws: readonly ZoneWord[]): string {
  const lines = ws.filter((w) => w.wholeLine).length;
  const words = ws.length - lines;
  if (!lines) return plural(words, 'word points', 'words point');
  const l = plural(lines, 'line', 'lines');
  return words ? `${l} and ${plural(words, 'word', 'words')} point` : `${l} ${lines === 1 ? 'points' : 'point'}`;
}

/** The header's `facsimile:` (and `layout:`, with the layout's text) from the TEI's <facsimile>; what is not kept
 * goes into `extra` as sentences. */
function facsimileFields(
  f: TeiFacsimile,
  parts: XmlElement[],
  teiNs: string,
  options: TeiImportOptions,
  fields: [string, string][],
  extra: string[],
): { name: string; xml: string } | undefined {
  const page = f.pages[0];
  if (!page) return undefined;
  const given = imageName(page.url);
  const image = given && options.imageName ? options.imageName(given) : given;
  if (image) fields.push(['facsimile', image]);
  if (f.pages.length > 1) {
    extra.push(
      `The facsimile has ${f.pages.length} pages; the header names the first one's image only` +
        `${given ? ` (${given})` : ''}: Emend takes one page image per transcription.`,
    );
  }
  const words = zoneWords(parts, f, teiNs);
  const first = words.filter((w) => w.page === 0);
  if (first.length < words.length) {
    extra.push(
      `${pointing(words.filter((w) => w.page !== 0))} at zones of the facsimile's later pages; their boxes are not kept.`,
    );
  }
  if (!first.length) return undefined;
  if (!(page.width > 0 && page.height > 0)) {
    extra.push(
      `${pointing(first)} at zones of the facsimile, but the file gives neither the image's size in pixels nor a surface ` +
        'from 0,0, so their boxes cannot be placed on the image and are not kept.',
    );
    return undefined;
  }
  if (!options.layoutName) {
    extra.push(
      `${pointing(first)} at zones of the facsimile; their boxes are not kept: Emend keeps word boxes in a layout file ` +
        'beside the transcription, and this import writes no file.',
    );
    return undefined;
  }
  fields.push(['layout', options.layoutName]);
  return { name: options.layoutName, xml: pageXml(page, image, first, options.created ?? '1970-01-01T00:00:00Z') };
}
