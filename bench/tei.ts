// Suite `tei`: TEI export and import of a 1 MB transcription (the sample letter repeated, see bench/render.ts),
// beside sax, a widely used streaming XML parser, reading the same XML (events only, no tree, no conversion).
// Our import is a whole well-formedness check plus a tree plus the conversion to markup, so the anchor is a floor
// for what reading the XML costs; the goal is to stay within a small factor of it (and under a second per MB).
import { analyze, exportTei, importTei, linkWords, parse } from '../server/src/core/index';
import { kantInputs } from '../test/support/facsimile-accuracy';
import { parseXml } from '../server/src/core/tei/xml';
import { transcription } from './render';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';
import sax from 'sax';

export const teiSuite: Suite = {
  name: 'tei',
  run(): Row[] {
    const text = transcription(1_000_000);
    const doc = parse(text);
    const xml = exportTei(doc).xml;
    const back = importTei(xml);
    if (!back.ok) throw new Error(`bench tei: the export does not import: ${back.error}`);
    const saxMs = timeMs(
      () => {
        const p = sax.parser(true);
        p.onerror = (e) => {
          throw e;
        };
        p.write(xml).close();
      },
      5,
      1,
    );
    const anchor = 'sax strict parse, events only';
    // The Kant page with its facsimile: a zone per linked word (TEI 11.1), and back (docs/tei.md).
    const kant = kantInputs();
    const kantDoc = analyze(kant.source);
    const links = linkWords(kantDoc, [kant.ocr]);
    const facsimile = { pages: [{ image: 'page.jpg', width: 1457, height: 2084 }], words: links.words };
    const withZones = exportTei(kantDoc.doc, undefined, facsimile).xml;
    const zones = (withZones.match(/<zone /g) ?? []).length;
    const plainKantMs = timeMs(() => exportTei(kantDoc.doc).xml.length, 20, 3);
    const xmlSize = `${(xml.length / 1048576).toFixed(1)} MB`;
    return [
      {
        task: 'TEI export 1 MB (parse + export)',
        ours: timeMs(() => exportTei(analyze(text).doc).xml.length, 5, 1),
        anchor: null,
        anchorFigure: null,
        unit: 'ms',
        note: `writes ${xmlSize} of XML`,
      },
      {
        task: `XML reader, the export (${xmlSize})`,
        ours: timeMs(() => parseXml(xml), 5, 1),
        anchor,
        anchorFigure: saxMs,
        unit: 'ms',
        note: 'well-formedness check and element tree',
      },
      {
        task: `TEI import, the export (${xmlSize})`,
        ours: timeMs(() => importTei(xml), 5, 1),
        anchor,
        anchorFigure: saxMs,
        unit: 'ms',
        note: 'XML reader + conversion to markup; goal < 1 s',
      },
      {
        task: `TEI export of the Kant page with its facsimile (${zones} zones)`,
        ours: timeMs(() => exportTei(kantDoc.doc, undefined, facsimile).xml.length, 20, 3),
        anchor: 'the same export without the facsimile',
        anchorFigure: plainKantMs,
        unit: 'ms',
        note: 'surfaces, zones, <w facs>; the links given',
      },
      {
        task: 'TEI import of it, with its PAGE XML layout',
        ours: timeMs(() => importTei(withZones, { layoutName: 'kant.page.xml' }), 20, 3),
        anchor: 'the same import without a layout',
        anchorFigure: timeMs(() => importTei(withZones), 20, 3),
        unit: 'ms',
        note: 'zones read back into a layout Emend links again',
      },
    ];
  },
};
