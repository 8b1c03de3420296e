import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fitToImage,
  imageInfo,
  MAX_LAYOUT_BYTES,
  readLayout,
  readLayoutText,
  type Layout,
} from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..', '..');
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'facsimile', name));
const sample = (name: string) => readFileSync(join(ROOT, 'samples', 'kant-1784', name));

function read(text: string): Layout {
  const r = readLayoutText('t.xml', text);
  if (!r.ok) assert.fail(r.error);
  return r.layout;
}
function error(text: string): string {
  const r = readLayoutText('t.xml', text);
  assert.equal(r.ok, false, 'expected a refusal');
  return (r as { error: string }).error;
}

const P19 = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15';
const P13 = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15';
const P10 = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19';

test('PAGE 2019: the Kant ground truth, 31 lines and their words in reading order', () => {
  const r = readLayout('gt.page.xml', fixture('gt.page.xml'));
  assert.ok(r.ok);
  const { format, pages } = r.layout;
  assert.equal(format, 'PAGE 2019');
  assert.equal(pages.length, 1);
  const p = pages[0]!;
  assert.deepEqual([p.imageName, p.width, p.height], ['OCR-D-IMG/INPUT_0020.tif', 1457, 2084]);
  assert.equal(p.lines.length, 31);
  assert.equal(
    p.lines.reduce((n, l) => n + l.words.length, 0),
    258,
  );
  assert.equal(p.lines[1]!.text, 'gewiegelt worden; ſo ſchaͤdlich iſt es Vorurtheile zu');
  assert.deepEqual(p.lines[1]!.words[0]!.box, { x: 529, y: 418, w: 142, h: 37 });
});

test('PAGE 2019 from Tesseract: glyph boxes per character when the glyphs spell the word', () => {
  const r = readLayout('ocr.page.xml', sample('ocr-tesseract.page.xml'));
  assert.ok(r.ok);
  const w = r.layout.pages[0]!.lines[1]!.words[0]!;
  assert.equal(w.text, 'Kewiegelt');
  assert.equal(w.glyphs!.length, 9);
  assert.deepEqual(w.glyphs![0], { x: 528, y: 428, w: 22, h: 34 });
});

test('ALTO v2: the Kant ground truth', () => {
  const r = readLayout('gt.alto.xml', fixture('gt.alto.xml'));
  assert.ok(r.ok);
  assert.equal(r.layout.format, 'ALTO v2');
  const p = r.layout.pages[0]!;
  assert.equal(p.lines.length, 31);
  assert.equal(p.lines[1]!.words[0]!.text, 'gewiegelt');
  assert.deepEqual(p.lines[1]!.words[0]!.box, { x: 529, y: 418, w: 142, h: 37 });
});

test('PAGE 2013: the reading order decides the order of regions; the lowest TextEquiv index wins', () => {
  const l = read(`<PcGts xmlns="${P13}"><Page imageFilename="a.jpg" imageWidth="100" imageHeight="100">
    <ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="1" regionRef="r1"/><RegionRefIndexed index="0" regionRef="r2"/></OrderedGroup></ReadingOrder>
    <TextRegion id="r1"><TextLine id="a"><Coords points="0,0 10,0 10,10 0,10"/><TextEquiv index="2"><Unicode>second</Unicode></TextEquiv><TextEquiv index="1"><Unicode>first</Unicode></TextEquiv></TextLine></TextRegion>
    <TextRegion id="r2"><TextLine id="b"><Coords points="0,20 10,20 10,30 0,30"/><TextEquiv><Unicode>top</Unicode></TextEquiv></TextLine></TextRegion>
  </Page></PcGts>`);
  assert.equal(l.format, 'PAGE 2013');
  assert.deepEqual(
    l.pages[0]!.lines.map((x) => x.text),
    ['top', 'first'],
  );
});

test('a line with text but no words gets words placed by characters, marked as estimated', () => {
  const l = read(`<PcGts xmlns="${P19}"><Page imageFilename="a.jpg" imageWidth="200" imageHeight="100">
    <TextRegion id="r"><TextLine id="a"><Coords points="0,0 100,0 100,20 0,20"/><TextEquiv><Unicode>ab cdefgh</Unicode></TextEquiv></TextLine></TextRegion>
  </Page></PcGts>`);
  const line = l.pages[0]!.lines[0]!;
  assert.equal(line.wordsEstimated, true);
  assert.deepEqual(
    line.words.map((w) => [w.text, Math.round(w.box.x), Math.round(w.box.w)]),
    [
      ['ab', 0, 22],
      ['cdefgh', 33, 67],
    ],
  );
});

test('PAGE 2010: <Point> coordinates', () => {
  const l = read(`<PcGts xmlns="${P10}"><Page imageFilename="a.jpg" imageWidth="100" imageHeight="100">
    <TextRegion id="r"><TextLine id="a"><Coords><Point x="5" y="6"/><Point x="50" y="6"/><Point x="50" y="20"/></Coords>
    <Word id="w"><Coords><Point x="5" y="6"/><Point x="20" y="20"/></Coords><TextEquiv><Unicode>Wort</Unicode></TextEquiv></Word></TextLine></TextRegion>
  </Page></PcGts>`);
  assert.equal(l.format, 'PAGE 2010');
  assert.deepEqual(l.pages[0]!.lines[0]!.words[0]!.box, { x: 5, y: 6, w: 15, h: 14 });
});

test('ALTO v4: polygons, line-end hyphens, two pages, and tenths of a millimetre scaled to the image', () => {
  const l =
    read(`<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>mm10</MeasurementUnit>
    <sourceImageInformation><fileName>scan.tif</fileName></sourceImageInformation></Description>
    <Layout><Page ID="p1" WIDTH="2000" HEIGHT="3000"><PrintSpace><ComposedBlock><TextBlock>
      <TextLine HPOS="100" VPOS="100" WIDTH="800" HEIGHT="50"><String CONTENT="Auf" HPOS="100" VPOS="100" WIDTH="200" HEIGHT="50"/><SP/><String CONTENT="klä" HPOS="320" VPOS="100" WIDTH="200" HEIGHT="50"/><HYP CONTENT="-"/></TextLine>
    </TextBlock></ComposedBlock></PrintSpace></Page>
    <Page ID="p2" WIDTH="2000" HEIGHT="3000"><PrintSpace><TextBlock><TextLine><Shape><Polygon POINTS="10,10 90,10 90,40 10,40"/></Shape><String CONTENT="rung" HPOS="10" VPOS="10" WIDTH="80" HEIGHT="30"/></TextLine></TextBlock></PrintSpace></Page>
    </Layout></alto>`);
  assert.equal(l.format, 'ALTO v4');
  assert.equal(l.pages.length, 2);
  const p = l.pages[0]!;
  assert.equal(p.imageName, 'scan.tif');
  assert.equal(p.lines[0]!.text, 'Auf klä-');
  const fit = fitToImage(p, { width: 1000, height: 1500 }, 'scan.jpg');
  assert.ok(fit.ok);
  assert.equal(fit.scaled, true);
  assert.deepEqual(fit.page.lines[0]!.words[1]!.box, { x: 160, y: 50, w: 100, h: 25 });
  assert.deepEqual(l.pages[1]!.lines[0]!.polygon, [10, 10, 90, 10, 90, 40, 10, 40]);
});

test('bad layout files: one clear message each', () => {
  assert.match(error('this is not XML'), /t.xml is not XML \(it does not begin with "<"\)/);
  assert.match(error('<a><b></a>'), /not well-formed XML .*<\/a> does not match <b>/);
  assert.match(
    error(`<!DOCTYPE x [<!ENTITY e "boom">]><PcGts xmlns="${P19}"/>`),
    /has a DOCTYPE \(line 1\): Emend reads no DTDs/,
  );
  assert.match(
    error(`<!DOCTYPE PcGts SYSTEM "page.dtd"><PcGts xmlns="${P19}"><Page/></PcGts>`),
    /has a DOCTYPE \(line 1\): Emend reads no DTDs/,
  );
  assert.match(error(`<PcGts xmlns="${P19}"><Page>&ent;</Page></PcGts>`), /the entity &ent; is not defined/);
  assert.match(
    error('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'),
    /neither PAGE XML nor ALTO \(its root element is <TEI> in http:\/\/www.tei-c.org\/ns\/1.0\)/,
  );
  assert.match(error(`<PcGts xmlns="${P19}"></PcGts>`), /has no <Page> element/);
  assert.match(
    error(
      `<PcGts xmlns="${P19}"><Page><TextRegion><TextLine><Coords points="1,2 x,y"/></TextLine></TextRegion></Page></PcGts>`,
    ),
    /not a list of numbers/,
  );
  assert.match(
    error('<alto><Description><MeasurementUnit>mm10</MeasurementUnit></Description><Layout><Page/></Layout></alto>'),
    /no page WIDTH and HEIGHT/,
  );
  const binary = readLayout('scan.page.xml', new Uint8Array([0x3c, 0x61, 0, 0, 1, 2]));
  assert.ok(!binary.ok && /binary/.test(binary.error));
  const big = readLayout('big.xml', new Uint8Array(MAX_LAYOUT_BYTES + 1));
  assert.ok(!big.ok && /too large \(48\.0 MB; the limit is 48 MB\)/.test(big.error));
});

test('a layout that belongs to another image, or reaches outside it, is refused', () => {
  const l = read(`<PcGts xmlns="${P19}"><Page imageFilename="other.tif" imageWidth="1000" imageHeight="1000">
    <TextRegion id="r"><TextLine id="a"><Coords points="0,0 900,0 900,20 0,20"/></TextLine></TextRegion></Page></PcGts>`);
  const other = fitToImage(l.pages[0]!, { width: 1457, height: 2084 }, 'page.jpg');
  assert.ok(!other.ok);
  assert.match(
    other.error,
    /describes an image of 1000 × 1000 px \(other.tif\), but page.jpg is 1457 × 2084 px: the layout belongs to another image/,
  );
  const smaller = fitToImage(l.pages[0]!, { width: 500, height: 500 }, 'small.jpg');
  assert.ok(smaller.ok && smaller.scaled);
  assert.deepEqual(smaller.page.lines[0]!.box, { x: 0, y: 0, w: 450, h: 10 });
  const noSize = read(`<PcGts xmlns="${P19}"><Page imageFilename="x.jpg">
    <TextRegion id="r"><TextLine id="far"><Coords points="0,0 1900,0 1900,20 0,20"/></TextLine></TextRegion></Page></PcGts>`);
  const out = fitToImage(noSize.pages[0]!, { width: 1000, height: 1000 }, 'page.jpg');
  assert.ok(!out.ok);
  assert.match(out.error, /places "far" at x 0–1900, y 0–20, outside page.jpg \(1000 × 1000 px\)/);
  const edge = read(`<PcGts xmlns="${P19}"><Page imageFilename="x.jpg">
    <TextRegion id="r"><TextLine id="a"><Coords points="-3,0 1005,0 1005,20 -3,20"/></TextLine></TextRegion></Page></PcGts>`);
  const clamped = fitToImage(edge.pages[0]!, { width: 1000, height: 1000 }, 'page.jpg');
  assert.ok(clamped.ok);
  assert.deepEqual(clamped.page.lines[0]!.box, { x: 0, y: 0, w: 1000, h: 20 });
});

test('image headers: size and kind of JPEG, TIFF, PNG and WebP; clear refusals', () => {
  assert.deepEqual(imageInfo('page.jpg', sample('page.jpg')), {
    ok: true,
    info: { format: 'jpeg', width: 1457, height: 2084 },
  });
  assert.deepEqual(imageInfo('page.tif', sample('page.tif')), {
    ok: true,
    info: { format: 'tiff', width: 1457, height: 2084, compression: 7 },
  });
  const png = new Uint8Array(24);
  png.set([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 3, 0, 0, 0, 2, 0,
  ]);
  assert.deepEqual(imageInfo('a.png', png), { ok: true, info: { format: 'png', width: 768, height: 512 } });
  const webp = new Uint8Array(30);
  webp.set(
    [...'RIFF'].map((c) => c.charCodeAt(0)),
    0,
  );
  webp.set(
    [...'WEBPVP8X'].map((c) => c.charCodeAt(0)),
    8,
  );
  webp.set([99, 0, 0, 49, 0, 0], 24);
  assert.deepEqual(imageInfo('a.webp', webp), { ok: true, info: { format: 'webp', width: 100, height: 50 } });
  const bad = imageInfo('notes.txt', new TextEncoder().encode('hello'));
  assert.ok(!bad.ok && /notes.txt is not an image Emend can show \(JPEG, PNG, WebP or TIFF\)/.test(bad.error));
  const big = imageInfo('big.tif', new Uint8Array([0x49, 0x49, 43, 0, 8, 0, 0, 0]));
  assert.ok(!big.ok && /BigTIFF/.test(big.error));
  const empty = imageInfo('e.jpg', new Uint8Array(0));
  assert.ok(!empty.ok && /empty/.test(empty.error));
});
