// Boxes drawn on the page for words of the transcription: the PAGE XML Emend writes (exact), what the layout
// reader reads back from it, the links it gives (cursor → box and box → words), additions to existing files that
// keep everything else, replacing an earlier box, and the refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyze,
  drawLink,
  headerLineEdit,
  layoutFileName,
  linkWords,
  newPageXml,
  readLayoutText,
  transcriptionWords,
  wordsInSelection,
  type Box,
  type DrawInput,
  type LayoutPage,
} from '../../server/src/core/index';

const NOW = '2026-12-05T12:00:00Z';
const IMAGE = { name: 'page.jpg', width: 1000, height: 800 };
const SRC = '---\nfacsimile: page.jpg\n---\nThe ~~old~~ ^{new} word, and the end.\n';

function input(src: string, selected: string, box: Box, layout: DrawInput['layout'] = null, nth = 0): DrawInput {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = src.indexOf(selected, start + 1);
  assert.ok(start >= 0, `${selected} not in the source`);
  return {
    words: transcriptionWords(analyze(src)),
    start,
    end: start + selected.length,
    page: 0,
    box,
    image: IMAGE,
    layout,
    newName: 't.page.xml',
    now: NOW,
    transcription: 't.emend',
  };
}

function drawn(i: DrawInput): string {
  const r = drawLink(i);
  if (!r.ok) assert.fail(r.error);
  return r.text;
}

function pages(xml: string): LayoutPage[] {
  const r = readLayoutText('t.page.xml', xml);
  if (!r.ok) assert.fail(r.error);
  return r.layout.pages;
}

/** Every word of the transcription with its box as `text@x,y,w,h`, or `text` alone when it has none. */
function links(src: string, xml: string): string[] {
  return linkWords(analyze(src), pages(xml)).words.map((w) =>
    w.box ? `${w.text}@${[w.box.x, w.box.y, w.box.w, w.box.h].join(',')}${w.approximate ? '~' : ''}` : w.text,
  );
}

test('a new PAGE 2019 file for one word: exactly this text', () => {
  assert.equal(
    drawn(input(SRC, 'new', { x: 100.4, y: 50.6, w: 60, h: 20 })),
    `<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15 http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/pagecontent.xsd">
  <Metadata>
    <Creator>Emend</Creator>
    <Created>2026-12-05T12:00:00Z</Created>
    <LastChange>2026-12-05T12:00:00Z</LastChange>
    <Comments>Boxes drawn in Emend for words of t.emend.</Comments>
  </Metadata>
  <Page imageFilename="page.jpg" imageWidth="1000" imageHeight="800">
    <TextRegion id="emend-r1">
      <Coords points="100,51 160,51 160,71 100,71"/>
      <TextLine id="emend-r1-l" custom="emend {occurrence:0;}">
        <Coords points="100,51 160,51 160,71 100,71"/>
        <Word id="emend-r1-w">
          <Coords points="100,51 160,51 160,71 100,71"/>
          <TextEquiv><Unicode>new</Unicode></TextEquiv>
        </Word>
        <TextEquiv><Unicode>new</Unicode></TextEquiv>
      </TextLine>
      <TextEquiv><Unicode>new</Unicode></TextEquiv>
    </TextRegion>
  </Page>
</PcGts>
`,
  );
});

test('read back: the drawn word is linked to its box, and no other word gets a box from it', () => {
  const xml = drawn(input(SRC, 'new', { x: 100, y: 50, w: 60, h: 20 }));
  const [p] = pages(xml);
  assert.deepEqual(
    p!.lines.map((l) => [l.id, l.text, l.drawn, l.words.map((w) => [w.text, w.box])]),
    [['emend-r1-l', 'new', { occurrence: 0 }, [['new', { x: 100, y: 50, w: 60, h: 20 }]]]],
  );
  assert.deepEqual(links(SRC, xml), ['The', 'old', 'new@100,50,60,20', 'word', 'and', 'the', 'end']);
});

test('several words: one line for the selection, its text with the punctuation between, a share of the box each', () => {
  const xml = drawn(input(SRC, 'word, and', { x: 200, y: 100, w: 90, h: 30 }));
  assert.match(xml, /<TextLine id="emend-r1-l" custom="emend \{occurrence:0;\}">/);
  assert.doesNotMatch(xml, /<Word /);
  assert.match(xml, /<TextEquiv><Unicode>word, and<\/Unicode><\/TextEquiv>/);
  // "word, and": 9 characters over 90 pixels; "word" the first 4, "and" the last 3 (after ", ").
  assert.deepEqual(links(SRC, xml), ['The', 'old', 'new', 'word@200,100,40,30', 'and@260,100,30,30', 'the', 'end']);
});

test('a selection touching part of a word takes the whole word; the cursor alone takes its word', () => {
  const w = transcriptionWords(analyze(SRC));
  const at = SRC.indexOf('word');
  assert.deepEqual(wordsInSelection(w, at + 1, at + 2), [3, 4]);
  assert.deepEqual(wordsInSelection(w, at + 2, at + 2), [3, 4]);
  assert.deepEqual(wordsInSelection(w, at + 2, SRC.indexOf('end') + 1), [3, 7]);
  // Marks' delimiters between the words: ~~old~~ ^{new} is two words.
  assert.deepEqual(wordsInSelection(w, SRC.indexOf('~~old'), SRC.indexOf('new}') + 4), [1, 3]);
  assert.deepEqual(wordsInSelection(w, 0, 3), [0, 0], 'the header holds no words of the reading');
});

test('a repeated word: the box is anchored to the occurrence drawn for, not the first', () => {
  const src = 'the cat and the dog and the end\n';
  const xml = drawn(input(src, 'the', { x: 10, y: 10, w: 30, h: 10 }, null, 2));
  assert.match(xml, /custom="emend \{occurrence:2;\}"/);
  assert.deepEqual(links(src, xml), ['the', 'cat', 'and', 'the', 'dog', 'and', 'the@10,10,30,10', 'end']);
  // Edits elsewhere (words added before it, not "the") keep the link on the same word.
  const edited = 'a new start: the cat and the dog and the end\n';
  assert.deepEqual(links(edited, xml).slice(3), ['the', 'cat', 'and', 'the', 'dog', 'and', 'the@10,10,30,10', 'end']);
});

test('adding to the file Emend made: a second region with a new id; redrawing a word replaces its box', () => {
  const first = drawn(input(SRC, 'new', { x: 100, y: 50, w: 60, h: 20 }));
  const second = drawn({
    ...input(SRC, 'end', { x: 300, y: 50, w: 40, h: 20 }, { name: 't.page.xml', text: first }),
    now: '2026-12-05T13:00:00Z',
  });
  assert.match(second, /<TextRegion id="emend-r1">[\s\S]*<TextRegion id="emend-r2">/);
  assert.match(second, /<Created>2026-12-05T12:00:00Z<\/Created>\n {4}<LastChange>2026-12-05T13:00:00Z<\/LastChange>/);
  assert.deepEqual(links(SRC, second), ['The', 'old', 'new@100,50,60,20', 'word', 'and', 'the', 'end@300,50,40,20']);
  // Redraw "new" together with "word": the old box of "new" goes, one box for the two.
  const r = drawLink(input(SRC, 'new} word', { x: 90, y: 45, w: 150, h: 30 }, { name: 't.page.xml', text: second }));
  assert.ok(r.ok);
  assert.equal(r.replaced, 1);
  assert.equal(r.wordCount, 2);
  assert.doesNotMatch(r.text, /id="emend-r1"/);
  assert.deepEqual(
    pages(r.text)[0]!.lines.map((l) => l.id),
    ['emend-r2-l', 'emend-r3-l'],
  );
  assert.deepEqual(links(SRC, r.text).slice(2), [
    'new@90,45,56.25,30',
    'word@165,45,75,30',
    'and',
    'the',
    'end@300,50,40,20',
  ]);
  // The file is the one before with r1 taken out and r3 added: nothing else moved.
  const without = second.replace(/\n {4}<TextRegion id="emend-r1">[\s\S]*?<\/TextRegion>/, '');
  assert.equal(
    r.text.replace(/\n {4}<TextRegion id="emend-r3">[\s\S]*?<\/TextRegion>/, ''),
    without.replace('13:00:00Z</LastChange>', '12:00:00Z</LastChange>'),
  );
});

const OCR = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made by an OCR engine -->
<pc:PcGts xmlns:pc="http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15">
\t<pc:Metadata><pc:Creator>tess</pc:Creator><pc:Created>2020-01-01T00:00:00</pc:Created><pc:LastChange>2020-01-01T00:00:00</pc:LastChange></pc:Metadata>
\t<pc:Page imageFilename="scan.tif" imageWidth="1000" imageHeight="800">
\t\t<pc:ReadingOrder><pc:OrderedGroup id="ro"><pc:RegionRefIndexed index="0" regionRef="r1"/></pc:OrderedGroup></pc:ReadingOrder>
\t\t<pc:TextRegion id="r1"><pc:Coords points="0,0 900,0 900,40 0,40"/>
\t\t\t<pc:TextLine id="l1"><pc:Coords points="0,0 900,0 900,40 0,40"/><pc:TextEquiv><pc:Unicode>The old word, and the end.</pc:Unicode></pc:TextEquiv></pc:TextLine>
\t\t</pc:TextRegion>
\t</pc:Page>
</pc:PcGts>
`;

test("adding to another tool's PAGE 2013 file: its prefix, indentation and content kept, the region added", () => {
  const r = drawLink(input(SRC, 'new', { x: 100, y: 60, w: 50, h: 20 }, { name: 'ocr.xml', text: OCR }));
  assert.ok(r.ok);
  const added = r.text.slice(r.text.indexOf('\t\t<pc:TextRegion id="emend-r1">'), r.text.indexOf('\t</pc:Page>'));
  assert.equal(
    r.text,
    OCR.replace('2020-01-01T00:00:00</pc:LastChange>', `${NOW}</pc:LastChange>`).replace(
      '\t</pc:Page>',
      added + '\t</pc:Page>',
    ),
  );
  assert.match(
    added,
    /^\t\t<pc:TextRegion id="emend-r1">\n\t\t\t<pc:Coords points="100,60 150,60 150,80 100,80"\/>\n\t\t\t<pc:TextLine id="emend-r1-l"/,
  );
  // The OCR line still links its words (a share of the line each); the insertion it lacks is placed by its box.
  const l = links(SRC, r.text);
  assert.equal(l[2], 'new@100,60,50,20');
  assert.deepEqual(
    l.map((w) => w.replace(/@.*/, '')),
    ['The', 'old', 'new', 'word', 'and', 'the', 'end'],
  );
  assert.ok(
    l.every((w) => /@[\d.]+,0,[\d.]+,40$/.test(w) || w === l[2]),
    l.join(' '),
  );
});

test('refusals: ALTO, PAGE 2010, no words selected, an empty box, a page the file lacks, an unknown image size', () => {
  const alto =
    '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="10" HEIGHT="10"/></Layout></alto>';
  const err = (i: DrawInput) => {
    const r = drawLink(i);
    assert.equal(r.ok, false);
    return (r as { error: string }).error;
  };
  const box = { x: 10, y: 10, w: 50, h: 20 };
  assert.equal(
    err(input(SRC, 'new', box, { name: 'ocr.alto.xml', text: alto })),
    "The layout file ocr.alto.xml is ALTO, which Emend cannot add drawn boxes to. Name a PAGE XML file in the header's `layout:` line, or remove the line and Emend creates one.",
  );
  const p10 =
    '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19"><Page imageFilename="a" imageWidth="10" imageHeight="10"/></PcGts>';
  assert.equal(
    err(input(SRC, 'new', box, { name: 'old.xml', text: p10 })),
    'The layout file old.xml is PAGE 2010; Emend adds drawn boxes to PAGE 2013 and 2019 files only.',
  );
  assert.equal(
    err(input(SRC, 'facsimile', box)),
    'Select the words the box is for in the transcription (or put the cursor in a word), then draw the box.',
  );
  assert.equal(
    err(input(SRC, 'new', { x: 1200, y: 10, w: 50, h: 20 })),
    'The box is too small, or outside the page: drag a box around the words on the page.',
  );
  assert.equal(
    err({ ...input(SRC, 'new', box), page: 1 }),
    'The layout file t.page.xml has 1 page; a box on page 2 cannot be recorded in it.',
  );
  assert.equal(
    err({ ...input(SRC, 'new', box), image: { name: 'x.jpg', width: 0, height: 0 } }),
    'The size of the page image x.jpg is not known, so no box can be recorded.',
  );
  assert.match(
    err(input(SRC, 'new', box, { name: 'bad.xml', text: '<PcGts' })),
    /^The layout file bad.xml cannot be read: /,
  );
});

test('a self-closing <Page/> gets its first region inside it', () => {
  const empty = newPageXml(IMAGE, NOW, 'c').replace(/>\n {2}<\/Page>/, '/>');
  assert.match(empty, /imageHeight="800"\/>/);
  const xml = drawn(input(SRC, 'end', { x: 5, y: 5, w: 20, h: 10 }, { name: 'e.xml', text: empty }));
  assert.match(
    xml,
    /imageHeight="800">\n {4}<TextRegion id="emend-r1">[\s\S]*<\/TextRegion>\n {2}<\/Page>\n<\/PcGts>\n$/,
  );
  assert.deepEqual(links(SRC, xml).at(-1), 'end@5,5,20,10');
});

test('names for a new layout file: stem.page.xml, then stem-2.page.xml, …', () => {
  assert.deepEqual(
    [0, 1, 2].map((k) => layoutFileName('letter', k)),
    ['letter.page.xml', 'letter-2.page.xml', 'letter-3.page.xml'],
  );
});

test('what Emend writes is valid against the PAGE 2019 schema (xmllint)', (t) => {
  const xsd = process.env.EMEND_PAGE_XSD;
  if (!xsd || !existsSync(xsd)) {
    t.skip('set EMEND_PAGE_XSD to the PAGE 2019 pagecontent.xsd to validate (not shipped with Emend)');
    return;
  }
  const one = drawn(input(SRC, 'new', { x: 100, y: 50, w: 60, h: 20 }));
  const two = drawn(input(SRC, 'word, and', { x: 200, y: 100, w: 90, h: 30 }, { name: 't.page.xml', text: one }));
  const dir = mkdtempSync(join(tmpdir(), 'emend-page-'));
  try {
    const file = join(dir, 't.page.xml');
    writeFileSync(file, two);
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the layout: header line: after facsimile:, else before the closing ---, else a new header; nothing else moves', () => {
  const apply = (src: string) => {
    const r = headerLineEdit(analyze(src), 'layout', 'a.page.xml', 'facsimile');
    if ('error' in r) assert.fail(r.error);
    let out = src;
    for (const e of [...r.edits].sort((x, y) => y.start - x.start))
      out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    return out;
  };
  assert.equal(
    apply('---\nfacsimile: p.jpg\ntitle: T\n---\nText.\n'),
    '---\nfacsimile: p.jpg\nlayout: a.page.xml\ntitle: T\n---\nText.\n',
  );
  assert.equal(apply('---\r\ntitle: T\r\n---\r\nText.'), '---\r\ntitle: T\r\nlayout: a.page.xml\r\n---\r\nText.');
  assert.equal(apply('Text.\n'), '---\nlayout: a.page.xml\n---\nText.\n');
  assert.equal(apply('\ufeffText.'), '\ufeff---\nlayout: a.page.xml\n---\nText.');
  assert.equal(apply('---\nlayout: old.xml\n---\nText.'), '---\nlayout: a.page.xml\n---\nText.');
  assert.deepEqual(headerLineEdit(analyze('x'), 'layout', 'a\nb'), {
    error: 'A header line cannot hold a line break (layout).',
  });
});
