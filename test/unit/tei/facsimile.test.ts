// The TEI export's <facsimile> (TEI P5 11.1): surfaces with their graphic, a zone per linked word, <w facs> in
// the text; and what a header naming only an image gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/index';
import { exportTei } from '../../../server/src/core/tei/export';
import { uriReference, type TeiFacsimileInput } from '../../../server/src/core/tei/facsimile-export';
import { teiOptions } from '../../../server/src/core/tei/options';

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
});
