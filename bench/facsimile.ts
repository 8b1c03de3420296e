// Suite `facsimile`: reading a PAGE XML file of 1,000 lines (generated: ten words a line, each with its outline
// and text, as Transkribus or eScriptorium write them) beside sax, a widely used streaming XML parser, reading the
// same text (events only: a floor for reading the XML at all); linking the Kant sample's transcription to its scan
// through the real OCR, time and share of words placed on the ground truth's box (beside a plain word alignment,
// the collation's own matches); and finding the word under the cursor in a long linked transcription.
import { analyze, linkedWordAt, linkWords, readLayoutText } from '../server/src/core/index';
import { accuracy, kantInputs } from '../test/support/facsimile-accuracy';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';

interface SaxParser {
  write(s: string): SaxParser;
  close(): void;
  onerror: (e: Error) => void;
}

function loadSax(): { parser(strict: boolean): SaxParser } | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: the anchor row is skipped without it
    return require('sax') as { parser(strict: boolean): SaxParser };
  } catch {
    return null;
  }
}

/** A PAGE 2019 file of `lines` lines of ten words each. */
export function generatedPage(lines: number): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">',
    `<Page imageFilename="scan.tif" imageWidth="6000" imageHeight="${lines * 60 + 200}"><TextRegion id="r1">`,
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let l = 0; l < lines; l++) {
    const y = 100 + l * 60;
    const words: string[] = [];
    let x = 100;
    let text = '';
    for (let k = 0; k < 10; k++) {
      const len = 3 + (next() % 8);
      let w = '';
      for (let c = 0; c < len; c++) w += String.fromCharCode(97 + (next() % 26));
      const x1 = x + len * 18;
      words.push(
        `<Word id="l${l}w${k}"><Coords points="${x},${y} ${x1},${y} ${x1},${y + 40} ${x},${y + 40}"/><TextEquiv conf="0.93"><Unicode>${w}</Unicode></TextEquiv></Word>`,
      );
      text += (k ? ' ' : '') + w;
      x = x1 + 14;
    }
    out.push(
      `<TextLine id="l${l}"><Coords points="100,${y} ${x},${y} ${x},${y + 40} 100,${y + 40}"/><Baseline points="100,${y + 32} ${x},${y + 32}"/>`,
      ...words,
      `<TextEquiv><Unicode>${text}</Unicode></TextEquiv></TextLine>`,
    );
  }
  out.push('</TextRegion></Page></PcGts>');
  return out.join('\n');
}

export const facsimileSuite: Suite = {
  name: 'facsimile',
  run(): Row[] {
    const xml = generatedPage(1000);
    const check = readLayoutText('bench.page.xml', xml);
    if (!check.ok || check.layout.pages[0]!.lines.length !== 1000)
      throw new Error('bench facsimile: bad generated page');
    const sax = loadSax();
    const saxMs = sax
      ? timeMs(() => {
          const p = sax.parser(true);
          p.onerror = (e) => {
            throw e;
          };
          p.write(xml).close();
        })
      : null;
    const kant = kantInputs();
    const analysis = analyze(kant.source);
    const links = linkWords(analysis, [kant.ocr]);
    const ours = accuracy(links, kant.gt);
    const plain = accuracy(linkWords(analysis, [kant.ocr], { characters: false }), kant.gt);
    // A long transcription's links: the sample repeated 50 times (about 10,000 words).
    const many = Array.from({ length: 50 }, (_, k) =>
      links.words.map((w) => ({ start: w.start + k * 5000, end: w.end + k * 5000 })),
    ).flat();
    let probe = 0;
    return [
      {
        task: `read PAGE XML, 1,000 lines (${(xml.length / 1048576).toFixed(1)} MB) into the layout`,
        ours: timeMs(() => readLayoutText('bench.page.xml', xml)),
        anchor: sax ? 'sax strict parse, events only' : null,
        anchorFigure: saxMs,
        unit: 'ms',
        note: 'goal < 50 ms',
      },
      {
        task: `link the Kant page (${links.words.length} words) through the OCR`,
        ours: timeMs(() => linkWords(analyze(kant.source), [kant.ocr])),
        anchor: null,
        anchorFigure: null,
        unit: 'ms',
        note: 'parse + diplomatic reading + alignment + boxes',
      },
      {
        task: 'Kant page: words on the ground truth box (IoU >= 0.5)',
        ours: ours.share * 100,
        anchor: 'plain word alignment (collation matches only)',
        anchorFigure: plain.share * 100,
        unit: '%',
        note: `goal >= 97%; ${ours.good} of ${ours.words} (plain: ${plain.good})`,
      },
      {
        task: 'cursor → linked word, 10,000 linked words',
        ours:
          timeMs(() => {
            for (let k = 0; k < 1000; k++) linkedWordAt(many, (probe = (probe + 7919) % 250_000));
          }) / 1000,
        anchor: null,
        anchorFigure: null,
        unit: 'ms',
        note: 'binary search; goal for cursor → outline < 16 ms',
      },
    ];
  },
};
