// The editorial marks both ways (issue 17): each mark's TEI, the same source back from markup → TEI → markup for a
// table of cases, and TEI written elsewhere read into the marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, reading } from '../../../server/src/core/index';
import { exportTei } from '../../../server/src/core/tei/export';
import { importTei } from '../../../server/src/core/tei/import';

const NS = 'http://www.tei-c.org/ns/1.0';
const tei = (body: string, header = '', facs = '') =>
  `<TEI xmlns="${NS}">${header}${facs}<text><body>${body}</body></text></TEI>`;

function body(src: string): string {
  const xml = exportTei(parse(src)).xml;
  return xml.slice(xml.indexOf('<p xml:space="preserve">') + 24, xml.lastIndexOf('</p>'));
}

function imported(xml: string): { markup: string; warnings: string[] } {
  const r = importTei(xml);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return { markup: r.markup, warnings: r.warnings };
}

test('each editorial mark exports as the Guidelines encode it', () => {
  const cases: [string, string][] = [
    ['?{word}', '<unclear>word</unclear>'],
    ['?low{word|ward}', '<choice><unclear cert="low">word</unclear><unclear cert="low">ward</unclear></choice>'],
    ['_{3 words}', '<gap reason="illegible" quantity="3" unit="words"/>'],
    ['_lost{ca. 5 letters}', '<gap reason="lost" quantity="5" unit="chars" precision="low"/>'],
    ['_{2-3 lines}', '<gap reason="illegible" atLeast="2" atMost="3" unit="lines"/>'],
    ['_{}', '<gap reason="illegible" extent="unknown"/>'],
    ['_{? words}', '<gap reason="illegible" unit="words" extent="unknown"/>'],
    ['+{and}', '<supplied reason="omitted">and</supplied>'],
    ['+illegible{of}', '<supplied reason="illegible">of</supplied>'],
    ['%{a & b}', '<note type="editorial">a &amp; b</note>'],
    ['^margin{x}', '<add place="margin">x</add>'],
    ['^over{x}', '<add place="overstrike">x</add>'],
    ['|page{12 | p12.jpg}', '<pb n="12" facs="p12.jpg"/>'],
    ['|column{2}', '<cb n="2"/>'],
    ['bro|-\nken', 'bro\n<lb break="no"/>ken'],
    ['~~@rr old~~', '<del rend="strikethrough" hand="#rr">old</del>'],
    ['^{@sec new}', '<add place="above" hand="#sec">new</add>'],
    ['*@sec a*', '<handShift new="#sec"/>a<handShift new="#h1"/>'],
  ];
  for (const [src, xml] of cases) assert.equal(body(`---\nhands: rr: R; sec: S\n---\n\n${src}`), xml, src);
});

test('named hands are <handNote>s after the main hand; the anonymous other hand only when *…* is used', () => {
  const xml = exportTei(parse('---\nhands: Typist; rr: Reagan; sec: a secretary\n---\n\n*x* *@rr y*')).xml;
  assert.match(
    xml,
    /<handNotes>\s*<handNote xml:id="h1">Typist<\/handNote>\s*<handNote xml:id="h2">Another hand[^<]*<\/handNote>\s*<handNote xml:id="rr">Reagan<\/handNote>\s*<handNote xml:id="sec">a secretary<\/handNote>\s*<\/handNotes>/,
  );
  assert.doesNotMatch(exportTei(parse('---\nhands: rr: R\n---\n\n~~@rr x~~')).xml, /xml:id="h2"/);
});

test('a page break names its page image by the facsimile <surface> that shows it, else by the image itself', () => {
  const xml = exportTei(parse('---\nfacsimile: "p1.jpg"\n---\n\n|page{1 | p1.jpg} a |page{2 | p 2.jpg} b')).xml;
  assert.match(xml, /<surface xml:id="facs-s1">\s*<graphic url="p1.jpg"\/>/);
  assert.match(xml, /<pb n="1" facs="#facs-s1"\/> a <pb n="2" facs="p%202.jpg"\/> b/);
  // And back: the pointer is read as the surface's image.
  assert.match(imported(xml).markup, /^\|page\{1 \| p1\.jpg\} a \|page\{2 \| p 2\.jpg\} b$/m);
});

/** Sources that come back from markup → TEI → markup exactly. */
const ROUND_TRIP = [
  '?{word} ?low{word|ward} ?high{a|b|c} ?medium{x}',
  '_{3 words} _lost{ca. 5 letters} _{2-3 lines} _{1 line} _{} _lost{? words} _{ca. 2-4 cm}',
  '+{and} +lost{the} +illegible{of} +{a ~~b~~ c}',
  'word %{a note, with \\{braces\\} and \\| bars}',
  '^{a} ^below{b} ^margin{c} ^over{d} ^inline{e}',
  '|page{1 | p1.jpg}\nfirst |column{2} second |page{2} third |page{| only-image.png}',
  'a bro|-\nken word',
  '---\nhands: rr: Reagan; sec: a secretary\n---\n\n~~@rr old~~ ^{@sec new} *@sec signed* ^margin{@rr x}',
  '---\nhands: Typist; sec: the secretary\n---\n\nDear *Sir* and *@sec Madam*',
  // Nesting: a gap inside a deletion, an unclear word inside an insertion, a note inside a hand stretch.
  '---\nhands: sec: secretary\n---\n\n~~a _lost{2 words} b~~ ^{?{c|d}} *@sec e %{note} f* +{g ?{h}} ^margin{_{1 word} x}',
  // Literal text is escaped only where the markup would read a mark (core/escape.ts).
  'escapes \\| \\{ stay ?{a\\|b|c} and 100% ? + _ @ text',
];

test('markup → TEI → markup gives back the same source for every editorial mark', () => {
  for (const src of ROUND_TRIP) {
    const doc = parse(src);
    assert.deepEqual(doc.problems, [], src);
    const { markup, warnings } = imported(exportTei(doc).xml);
    assert.equal(markup, `${src}\n`, src);
    assert.deepEqual(warnings, [], src);
    const back = parse(markup);
    for (const kind of ['draft', 'final'] as const) assert.equal(reading(back, kind).text, reading(doc, kind).text);
  }
});

test('TEI from elsewhere: unclear, gap, supplied, notes and breaks become the marks', () => {
  const { markup, warnings } = imported(
    tei(
      '<pb n="1r" facs="#s1"/><p>the <unclear reason="faded" cert="medium">quick</unclear> ' +
        '<choice><unclear>brown</unclear><unclear>broun</unclear></choice> <gap reason="damage" quantity="2" unit="word"/> ' +
        '<gap reason="lost" extent="ca. 3 letters"/> <gap reason="illegible" atLeast="1" atMost="2" unit="line" precision="medium"/> ' +
        '<supplied reason="omitted">fox</supplied> <supplied reason="lost">jumps</supplied><note resp="#ed">over <hi>what</hi>?</note>' +
        '<cb n="b"/> la<lb break="no"/>zy <add place="supralinear">dog</add> <add place="left-margin">!</add> ' +
        '<add place="sublinear">?</add></p><pb n="1v" facs="img/1v.jpg"/><p>next</p>',
      '',
      '<facsimile><surface xml:id="s1"><graphic url="img/1r.jpg"/></surface></facsimile>',
    ),
  );
  assert.equal(
    markup,
    '---\nfacsimile: img/1r.jpg\n---\n\n|page{1r | img/1r.jpg}the ?medium{quick} ?{brown|broun} _{2 words} _lost{ca. 3 letters} ' +
      '_{ca. 1-2 lines} +{fox} +lost{jumps}%{over what?}|column{b} la|-\nzy ^{dog} ^margin{!} ^below{?}\n\n' +
      '|page{1v | img/1v.jpg}next\n',
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    parse(markup).problems.filter((p) => p.severity === 'error'),
    [],
  );
});

test('TEI hands: described hands are named in the marks, with their descriptions in hands:', () => {
  const header =
    '<teiHeader><profileDesc><handNotes><handNote xml:id="mws">Mary Shelley</handNote>' +
    '<handNote xml:id="pbs">Percy Shelley</handNote><handNote xml:id="x"/></handNotes></profileDesc></teiHeader>';
  const { markup, warnings } = imported(
    tei(
      '<p>a <del hand="#pbs">b</del> <add hand="#pbs" place="margin">c</add> <handShift new="#pbs"/>d<handShift new="#mws"/> ' +
        '<seg hand="#pbs">e</seg> <seg hand="#x">f</seg></p>',
      header,
    ),
  );
  assert.equal(
    markup,
    '---\nhands: Mary Shelley; pbs: Percy Shelley\n---\n\na ~~@pbs b~~ ^margin{@pbs c} *@pbs d* *@pbs e* *f*\n',
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(parse(markup).problems, []);
});

test('what the notation cannot express keeps today’s reduction: an <unclear> holding elements, a <choice> of others', () => {
  const { markup, warnings } = imported(
    tei('<p><unclear>a <del>b</del></unclear> <choice><sic>teh</sic><corr>the</corr></choice></p>'),
  );
  assert.equal(markup, 'a ~~b~~ teh\n');
  assert.deepEqual(warnings, [
    '<choice> ×1: the text as the document has it is kept (<sic>, <orig>, <abbr>), or else the first alternative; the editor’s alternative is left out.',
    '<sic> ×1: the markup cannot express it; its text is kept.',
    '<unclear> ×1: the markup cannot express it; its text is kept.',
  ]);
});
