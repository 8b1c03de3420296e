// The TEI export's <facsimile> (TEI P5 11.1): surfaces with their graphic, a zone per linked word, <w facs> in
// the text; and what a header naming only an image gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  analyze,
  buildFacsimile,
  imageInfo,
  parse,
  readLayoutText,
  roundBox,
  type Analysis,
  type ImageLoad,
} from '../../../server/src/core/index';
import { exportTei } from '../../../server/src/core/tei/export';
import { importTei } from '../../../server/src/core/tei/import';
import { uriReference, type TeiFacsimileInput } from '../../../server/src/core/tei/facsimile-export';
import { teiOptions } from '../../../server/src/core/tei/options';
import { randomWords } from './facsimile-words';

/** The words of `src` named by `texts`, in order, each with a box 10 px wide further right than the last. */
function linked(src: string, texts: string[], more: Partial<TeiFacsimileInput['words'][number]>[] = []) {
  let from = 0;
  return texts.map((t, k) => {
    const start = src.indexOf(t, from);
    assert.ok(start >= 0, t);
    from = start + t.length;
    return {
      start,
      end: start + t.length,
      page: 0,
      box: { x: 10 * k + 0.4, y: 20.6, w: 8.2, h: 12 },
      approximate: false,
      ...more[k],
    };
  });
}

function after(xml: string, from: string, to: string): string {
  return xml.slice(xml.indexOf(from), xml.indexOf(to) + to.length);
}

test('a facsimile with linked words: a surface in pixels, a zone per word, <w facs> around the words', () => {
  const src = '---\nfacsimile: page.jpg\n---\nDear ~~Sir~~ ^{Madam},\nyours';
  const words = linked(src, ['Dear', 'Sir', 'Madam', 'yours']);
  const r = exportTei(parse(src), undefined, { pages: [{ image: 'page.jpg', width: 800, height: 1200 }], words });
  assert.deepEqual(r.warnings, []);
  assert.equal(
    after(r.xml, '  <facsimile>', '</body>'),
    [
      '  <facsimile>',
      '    <surface xml:id="facs-s1" ulx="0" uly="0" lrx="800" lry="1200">',
      '      <graphic url="page.jpg" width="800px" height="1200px"/>',
      '      <zone xml:id="facs-z1" ulx="0" uly="20" lrx="9" lry="33"/>',
      '      <zone xml:id="facs-z2" ulx="10" uly="20" lrx="19" lry="33"/>',
      '      <zone xml:id="facs-z3" ulx="20" uly="20" lrx="29" lry="33"/>',
      '      <zone xml:id="facs-z4" ulx="30" uly="20" lrx="39" lry="33"/>',
      '    </surface>',
      '  </facsimile>',
      '  <text>',
      '    <body>',
      '      <p xml:space="preserve"><w facs="#facs-z1">Dear</w> <subst><del rend="strikethrough"><w facs="#facs-z2">Sir</w></del>' +
        '<add place="above"><w facs="#facs-z3">Madam</w></add></subst>,',
      '<lb/><w facs="#facs-z4">yours</w></p>',
      '    </body>',
    ].join('\n'),
  );
});

test('the facsimile stands between the teiHeader and the text', () => {
  const xml = exportTei(parse('---\nfacsimile: p.png\n---\nx')).xml;
  assert.match(xml, /<\/teiHeader>\n {2}<facsimile>\n[^]*<\/facsimile>\n {2}<text>/);
});

test('without the host’s facsimile, the header’s image still gives a surface with its graphic (no size)', () => {
  const xml = exportTei(parse('---\nfacsimile: "scans/page 1.jpg"\nlayout: p.xml\n---\nx')).xml;
  assert.equal(
    after(xml, '  <facsimile>', '</facsimile>'),
    '  <facsimile>\n    <surface xml:id="facs-s1">\n      <graphic url="scans/page%201.jpg"/>\n    </surface>\n  </facsimile>',
  );
  assert.doesNotMatch(exportTei(parse('---\ntitle: t\n---\nx')).xml, /facsimile/);
});

test('words placed only by their line, unplaced words and words on no page get no zone', () => {
  const src = 'one two three four';
  const words = linked(
    src,
    ['one', 'two', 'three', 'four'],
    [{}, { approximate: true }, { box: null, page: -1 }, { page: 3 }],
  );
  const r = exportTei(parse(src), undefined, { pages: [{ image: 'a.jpg', width: 100, height: 100 }], words });
  assert.equal((r.xml.match(/<zone /g) ?? []).length, 1);
  assert.match(r.xml, /<p xml:space="preserve"><w facs="#facs-z1">one<\/w> two three four<\/p>/);
});

test('a word is wrapped around the marks inside it; one a mark edge divides gets no zone, with a warning', () => {
  const src = 'wor~~d~~s a~~b c~~d *Reagan*x \\*y';
  // "words" holds a whole deletion; "ab" begins outside a deletion and ends inside it.
  const words = [
    { start: 0, end: 9, page: 0, box: { x: 1, y: 1, w: 1, h: 1 }, approximate: false },
    { start: 10, end: 14, page: 0, box: { x: 2, y: 1, w: 1, h: 1 }, approximate: false },
    ...linked(src, ['Reagan*x', '\\*y']),
  ];
  const r = exportTei(parse(src), undefined, { pages: [{ image: 'a.jpg', width: 100, height: 100 }], words });
  assert.match(
    r.xml,
    /<p xml:space="preserve"><w facs="#facs-z1">wor<del rend="strikethrough">d<\/del>s<\/w> a<del rend="strikethrough">b c<\/del>d <handShift new="#h2"\/><w facs="#facs-z2">Reagan<handShift new="#h1"\/>x<\/w> <w facs="#facs-z3">\*y<\/w><\/p>/,
  );
  assert.deepEqual(r.warnings, [
    '1 word linked to the facsimile is divided by the edge of a mark (as "ab" in a~~b c~~d) and cannot be wrapped in one <w>: it has no <zone>.',
  ]);
});

test('a word ending with a substitution wraps it whole; with hands as <seg>, the <seg> too', () => {
  const src = 'th~~is~~ ^{ese} *He*';
  const words = [
    { start: 0, end: src.indexOf('}'), page: 0, box: { x: 1, y: 1, w: 1, h: 1 }, approximate: false },
    { start: src.indexOf('*'), end: src.length, page: 0, box: { x: 2, y: 1, w: 1, h: 1 }, approximate: true },
    ...linked(src, ['He']),
  ];
  const pages = [{ image: 'a.jpg', width: 10, height: 10 }];
  const r = exportTei(parse(src), teiOptions({ hands: 'seg' }).options, { pages, words });
  assert.match(
    r.xml,
    /<p xml:space="preserve"><w facs="#facs-z1">th<subst><del rend="strikethrough">is<\/del><add place="above">ese<\/add><\/subst><\/w> <seg hand="#h2"><w facs="#facs-z2">He<\/w><\/seg><\/p>/,
  );
  assert.deepEqual(r.warnings, []);
});

test('several pages: one surface each, zones on their page; ids avoid the hands’ ids', () => {
  const src = 'a b';
  const words = linked(src, ['a', 'b'], [{}, { page: 1 }]);
  const pages = [
    { image: 'p1.tif', width: 5, height: 5 },
    { image: 'https://iiif.example.org/p2/info.json', width: 0, height: 0 },
  ];
  const xml = exportTei(parse(src), teiOptions({ mainHand: 'facs-a' }).options, { pages, words }).xml;
  assert.equal(
    after(xml, '  <facsimile>', '</facsimile>'),
    [
      '  <facsimile>',
      '    <surface xml:id="emend-facs-s1" ulx="0" uly="0" lrx="5" lry="5">',
      '      <graphic url="p1.tif" width="5px" height="5px"/>',
      '      <zone xml:id="emend-facs-z1" ulx="0" uly="20" lrx="9" lry="33"/>',
      '    </surface>',
      '    <surface xml:id="emend-facs-s2">',
      '      <graphic url="https://iiif.example.org/p2/info.json"/>',
      '      <zone xml:id="emend-facs-z2" ulx="10" uly="20" lrx="19" lry="33"/>',
      '    </surface>',
      '  </facsimile>',
    ].join('\n'),
  );
});

test('graphic urls: characters a URI cannot hold are percent-encoded, an encoded address is kept', () => {
  assert.equal(uriReference('Seite 1 ä#?.jpg'), 'Seite%201%20%C3%A4%23%3F.jpg');
  assert.equal(uriReference('https://x.org/a%20b/info.json?q=1#f'), 'https://x.org/a%20b/info.json?q=1#f');
  assert.equal(uriReference('100%.png'), '100%25.png');
  assert.equal(uriReference('a&b"<.png'), 'a&b%22%3C.png');
  assert.equal(uriReference('C:\\scans\\p 1.jpg'), 'C:%5Cscans%5Cp%201.jpg');
});

const KANT = join(__dirname, '..', '..', '..', '..', 'samples', 'kant-1784');
const CREATED = '2026-12-05T12:00:00Z';

function kantFacsimile(analysis: Analysis, layout: { name: string; text: string }) {
  const bytes = readFileSync(join(KANT, 'page.jpg'));
  const info = imageInfo('page.jpg', bytes);
  assert.ok(info.ok);
  const images: ImageLoad[] = [{ name: 'page.jpg', info: info.info }];
  return buildFacsimile(analysis, images, [{ name: layout.name, load: readLayoutText(layout.name, layout.text) }]);
}

test('round trip: the Kant sample exported with its zones and imported gives back its text, image and boxes', () => {
  const source = readFileSync(join(KANT, 'kant-1784-p484.emend'), 'utf8');
  const original = analyze(source);
  const ocr = { name: 'ocr-tesseract.page.xml', text: readFileSync(join(KANT, 'ocr-tesseract.page.xml'), 'utf8') };
  const before = kantFacsimile(original, ocr);
  assert.deepEqual(before.errors, []);
  const xml = exportTei(original.doc, undefined, before).xml;

  const back = importTei(xml, { layoutName: 'kant.page.xml', created: CREATED });
  assert.ok(back.ok);
  assert.deepEqual(back.warnings, []);
  assert.ok(back.layout);
  assert.equal(back.layout.name, 'kant.page.xml');
  // The header keeps the facsimile and names the layout import made; the text is the transcription's.
  const header = back.markup.slice(0, back.markup.indexOf('---\n', 4) + 4);
  assert.match(header, /\nfacsimile: page\.jpg\nlayout: kant\.page\.xml\n---\n$/);
  assert.equal(back.markup.slice(header.length + 1), source.slice(source.indexOf('---\n', 4) + 4));

  // Linked again through the layout import wrote, every word has the box it had.
  const again = analyze(back.markup);
  const after = kantFacsimile(again, { name: back.layout.name, text: back.layout.xml });
  assert.deepEqual(after.errors, []);
  const boxes = (f: typeof before, a: Analysis) =>
    f.words.map((w) => ({
      word: a.source.slice(w.start, w.end),
      box: w.box && !w.approximate ? roundBox(w.box) : null,
    }));
  const was = boxes(before, original);
  assert.equal(was.filter((w) => w.box).length, 204);
  assert.deepEqual(boxes(after, again), was);
});

test('import of a facsimile: the layout file is exact PAGE XML, lines as the text’s lines', () => {
  const src = '---\nfacsimile: scans/p 1.jpg\n---\nDear ~~Sir~~ ^{Madam} & co,\nyours';
  const words = linked(src, ['Dear', 'Sir', 'Madam', 'co', 'yours']);
  const xml = exportTei(parse(src), undefined, {
    pages: [{ image: 'scans/p 1.jpg', width: 800, height: 1200 }],
    words,
  }).xml;
  const r = importTei(xml, { layoutName: 'x.page.xml', created: CREATED });
  assert.ok(r.ok);
  assert.equal(
    r.markup,
    '---\nfacsimile: scans/p 1.jpg\nlayout: x.page.xml\n---\n\nDear ~~Sir~~ ^{Madam} & co,\nyours\n',
  );
  assert.equal(
    r.layout?.xml,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15 http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/pagecontent.xsd">',
      '  <Metadata>',
      '    <Creator>Emend, from the zones of a TEI facsimile</Creator>',
      `    <Created>${CREATED}</Created>`,
      `    <LastChange>${CREATED}</LastChange>`,
      '  </Metadata>',
      '  <Page imageFilename="scans/p 1.jpg" imageWidth="800" imageHeight="1200">',
      '    <TextRegion id="r1">',
      '      <Coords points="0,20 49,20 49,33 0,33"/>',
      '      <TextLine id="r1l1">',
      '        <Coords points="0,20 39,20 39,33 0,33"/>',
      '        <Word id="r1l1w1">',
      '          <Coords points="0,20 9,20 9,33 0,33"/>',
      '          <TextEquiv><Unicode>Dear</Unicode></TextEquiv>',
      '        </Word>',
      '        <Word id="r1l1w2">',
      '          <Coords points="10,20 19,20 19,33 10,33"/>',
      '          <TextEquiv><Unicode>Sir</Unicode></TextEquiv>',
      '        </Word>',
      '        <Word id="r1l1w3">',
      '          <Coords points="20,20 29,20 29,33 20,33"/>',
      '          <TextEquiv><Unicode>Madam</Unicode></TextEquiv>',
      '        </Word>',
      '        <Word id="r1l1w4">',
      '          <Coords points="30,20 39,20 39,33 30,33"/>',
      '          <TextEquiv><Unicode>co</Unicode></TextEquiv>',
      '        </Word>',
      '        <TextEquiv><Unicode>Dear Sir Madam co</Unicode></TextEquiv>',
      '      </TextLine>',
      '      <TextLine id="r1l2">',
      '        <Coords points="40,20 49,20 49,33 40,33"/>',
      '        <Word id="r1l2w5">',
      '          <Coords points="40,20 49,20 49,33 40,33"/>',
      '          <TextEquiv><Unicode>yours</Unicode></TextEquiv>',
      '        </Word>',
      '        <TextEquiv><Unicode>yours</Unicode></TextEquiv>',
      '      </TextLine>',
      '    </TextRegion>',
      '  </Page>',
      '</PcGts>',
      '',
    ].join('\n'),
  );
  const layout = readLayoutText('x.page.xml', r.layout!.xml);
  assert.ok(layout.ok);
  assert.equal(layout.layout.pages[0]!.lines.length, 2);
});

test('import without a layout file to write, or without sizes, keeps the image and says what it left out', () => {
  const tei = (facsimile: string, text: string) =>
    `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>${facsimile}<text><body><p>${text}</p></body></text></TEI>`;
  const zoned = tei(
    '<facsimile><surface ulx="0" uly="0" lrx="100" lry="50"><graphic url="a%20b.png"/><zone xml:id="z" ulx="1" uly="2" lrx="3" lry="4"/></surface></facsimile>',
    '<w facs="#z">one</w> two',
  );
  const drive = importTei(zoned.replace('a%20b.png', 'C:%5Cscans%5Cp%201.jpg'));
  assert.ok(drive.ok);
  assert.match(drive.markup, /^---\nfacsimile: C:\\scans\\p 1\.jpg\n---\n/);
  const r = importTei(zoned);
  assert.ok(r.ok);
  assert.equal(r.markup, '---\nfacsimile: a b.png\n---\n\none two\n');
  assert.equal(r.layout, undefined);
  assert.deepEqual(r.warnings, [
    '1 word points at zones of the facsimile; their boxes are not kept: Emend keeps word boxes in a layout file beside the transcription, and this import writes no file.',
  ]);
  // A surface drawn from 0,0 gives the size; the zones' coordinates are the image's.
  const w = importTei(zoned, { layoutName: 'l.xml' });
  assert.ok(w.ok);
  assert.match(w.layout!.xml, /<Page imageFilename="a b.png" imageWidth="100" imageHeight="50">/);
  assert.match(w.layout!.xml, /<Word id="r1l1w1">\n {10}<Coords points="1,2 3,2 3,4 1,4"\/>/);

  const unsized = importTei(
    tei(
      '<facsimile><surface><graphic url="p.jpg"/><zone xml:id="z" points="1,2 5,2 5,9"/></surface><surface><graphic url="q.jpg"/><zone xml:id="y" ulx="1" uly="1" lrx="2" lry="2"/></surface></facsimile>',
      '<seg facs="#z">one <w facs="#nowhere">two</w></seg> <w facs="#y">three</w>',
    ),
    { layoutName: 'l.xml' },
  );
  assert.ok(unsized.ok);
  assert.equal(unsized.markup, '---\nfacsimile: p.jpg\n---\n\none two three\n');
  assert.equal(unsized.layout, undefined);
  assert.deepEqual(unsized.warnings, [
    '<seg> ×1: the markup cannot express it; its text is kept.',
    "The facsimile has 2 pages; the header names the first one's image only (p.jpg): Emend takes one page image per transcription.",
    "1 word points at zones of the facsimile's later pages; their boxes are not kept.",
    "1 word points at zones of the facsimile, but the file gives neither the image's size in pixels nor a surface from 0,0, so their boxes cannot be placed on the image and are not kept.",
  ]);
});

test('a surface in other units than the image: zones are scaled to the image’s pixels', () => {
  const r = importTei(
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><facsimile><surface ulx="10" uly="10" lrx="110" lry="60">' +
      '<graphic url="p.jpg" width="200px" height="100px"/><zone xml:id="z" ulx="20" uly="20" lrx="30" lry="30"/>' +
      '</surface></facsimile><text><body><p><w facs="#z">one</w></p></body></text></TEI>',
    { layoutName: 'l.xml' },
  );
  assert.ok(r.ok);
  assert.match(r.layout!.xml, /<Word id="r1l1w1">\n {10}<Coords points="20,20 40,20 40,40 20,40"\/>/);
});

test('round trip of random documents with words at random places: the same markup as without them', () => {
  const chunk = fc.constantFrom('a', 'b ', ' ', '\n', '~~', '~~~', '^{', '}', '*', '\\*', '&', 'é', '\n\n');
  fc.assert(
    fc.property(
      fc.array(chunk, { maxLength: 40 }).map((xs) => xs.join('')),
      fc.integer({ min: 1, max: 1 << 30 }),
      (src, seed) => {
        const doc = parse(src);
        if (doc.problems.some((p) => p.severity === 'error')) return;
        const plain = importTei(exportTei(doc).xml);
        const withWords = importTei(exportTei(doc, undefined, randomWords(src, seed)).xml);
        assert.ok(plain.ok && withWords.ok);
        const body = (m: string) => (m.startsWith('---\n') ? m.slice(m.indexOf('\n---\n') + 5).replace(/^\n/, '') : m);
        assert.equal(body(withWords.markup), body(plain.markup));
        // Only the note that the boxes are not kept (no layout file asked for) is added.
        assert.deepEqual(
          withWords.warnings.filter((w) => !/points? at zones of the facsimile/.test(w)),
          plain.warnings,
        );
      },
    ),
    { numRuns: 300, seed: 18 },
  );
});

test('the layout import writes is valid PAGE 2019 (with EMEND_PAGE_XSD set to its pagecontent.xsd)', (t) => {
  const xsd = process.env.EMEND_PAGE_XSD;
  if (!xsd || !existsSync(xsd)) {
    t.skip('set EMEND_PAGE_XSD to the PAGE 2019 pagecontent.xsd to validate (not shipped with Emend)');
    return;
  }
  const src = 'Dear ~~Sir~~ ^{Madam} & <co>,\nyours';
  const words = linked(src, ['Dear', 'Sir', 'Madam', 'co', 'yours']);
  const xml = exportTei(parse(src), undefined, { pages: [{ image: 'p&1.jpg', width: 80, height: 90 }], words }).xml;
  const r = importTei(xml, { layoutName: 'x.page.xml', created: CREATED });
  assert.ok(r.ok && r.layout);
  const dir = mkdtempSync(join(tmpdir(), 'emend-page-'));
  try {
    const file = join(dir, 'x.page.xml');
    writeFileSync(file, r.layout.xml);
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Transkribus-style TEI: lines begun by <lb facs> become layout lines, which Emend links word by word', () => {
  // As Transkribus exports it: zones given by points, lines nested in their region, <ab facs> pointing at the region.
  const xml =
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><facsimile xml:id="facs_1">' +
    '<surface ulx="0" uly="0" lrx="1000" lry="800"><graphic url="p1.jpg" width="1000px" height="800px"/>' +
    '<zone points="10,10 990,10 990,200 10,200" rendition="TextRegion" xml:id="facs_1_r1">' +
    '<zone points="20,20 500,20 500,60 20,60" rendition="Line" xml:id="facs_1_r1l1"/>' +
    '<zone points="20,70 400,70 400,110 20,110" rendition="Line" xml:id="facs_1_r1l2"/></zone></surface></facsimile>' +
    '<text><body><pb facs="#facs_1" n="1"/><ab facs="#facs_1_r1"><lb facs="#facs_1_r1l1" n="N001"/>Hello <del>old</del> world' +
    '<lb facs="#facs_1_r1l2" n="N002"/>second line</ab></body></text></TEI>';
  const r = importTei(xml, { layoutName: 'p1.page.xml', created: CREATED });
  assert.ok(r.ok && r.layout);
  // (The <pb> points at the <facsimile>, not a <surface>: a page break without an image.)
  assert.equal(
    r.markup,
    '---\nfacsimile: p1.jpg\nlayout: p1.page.xml\n---\n\n|page{1}\nHello ~~old~~ world\nsecond line\n',
  );
  assert.match(
    r.layout.xml,
    /<TextLine id="r1l1">\n {8}<Coords points="20,20 500,20 500,60 20,60"\/>\n {8}<TextEquiv><Unicode>Hello old world<\/Unicode><\/TextEquiv>\n {6}<\/TextLine>\n {6}<TextLine id="r1l2">\n {8}<Coords points="20,70 400,70 400,110 20,110"\/>\n {8}<TextEquiv><Unicode>second line<\/Unicode><\/TextEquiv>/,
  );
  const unwritten = importTei(xml);
  assert.ok(unwritten.ok);
  assert.deepEqual(unwritten.warnings.slice(-1), [
    '2 lines point at zones of the facsimile; their boxes are not kept: Emend keeps word boxes in a layout file beside the transcription, and this import writes no file.',
  ]);
  // Linked again: every word on its line's box, divided by characters.
  const analysis = analyze(r.markup);
  const f = buildFacsimile(analysis, [], [{ name: 'p1.page.xml', load: readLayoutText('p1.page.xml', r.layout.xml) }]);
  assert.deepEqual(f.errors, []);
  assert.deepEqual(
    f.words.map((w) => [w.text, w.box ? roundBox(w.box).y : null, w.approximate]),
    [
      ['Hello', 20, false],
      ['old', 20, false],
      ['world', 20, false],
      ['second', 70, false],
      ['line', 70, false],
    ],
  );
});
