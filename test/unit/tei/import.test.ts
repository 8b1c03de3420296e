import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importTei, MAX_TEI_CHARS } from '../../../server/src/core/tei/import';
import { decodeXmlBytes } from '../../../server/src/core/tei/decode';

const NS = 'http://www.tei-c.org/ns/1.0';
const tei = (body: string, header = '') => `<TEI xmlns="${NS}">${header}<text><body>${body}</body></text></TEI>`;

function markup(xml: string): string {
  const r = importTei(xml);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.markup;
}

function error(xml: string): string {
  const r = importTei(xml);
  assert.ok(!r.ok, 'expected an error');
  return r.error;
}

test('del, add, subst and lb become marks and line breaks', () => {
  assert.equal(
    markup(
      tei(
        '<p>to <subst><del>eliminate</del><add>relieve</add></subst> the <del>old</del>\n  <lb/>next <add>line</add></p>',
      ),
    ),
    'to ~~eliminate~~ ^{relieve} the ~~old~~\nnext ^{line}\n',
  );
});

test('white space is normalised as XML readers do, but kept under xml:space="preserve"', () => {
  assert.equal(
    markup(tei('<p>\n   a   b\n   c  </p><p xml:space="preserve">a  b\n<lb/> c</p>')),
    'a b c\n\na  b\n c\n',
  );
});

test('head and p become paragraphs; divisions and verse lines are warned about', () => {
  const r = importTei(tei('<div><head>Title</head><p>One</p></div><lg><l>a</l><l>b</l></lg>'));
  assert.ok(r.ok);
  assert.equal(r.markup, 'Title\n\nOne\n\na\nb\n');
  assert.deepEqual(r.warnings, [
    '<div> ×1: divisions are flattened into their paragraphs.',
    '<lg> ×1: verse lines are kept as lines of one paragraph.',
  ]);
});

test('literal mark characters are escaped', () => {
  assert.equal(markup(tei('<p>~ ^ * { } &lt; &gt; \\ ~~</p>')), '\\~ \\^ \\* \\{ \\} \\< \\> \\\\ \\~\\~\n');
});

test('a deletion inside a deletion gets more tildes', () => {
  assert.equal(markup(tei('<p><del>a <del>b</del> c</del></p>')), '~~~a ~~b~~ c~~~\n');
});

test('a deletion right at the start of another is merged into it, with a warning', () => {
  const r = importTei(tei('<p><del><del>b</del> c</del></p>'));
  assert.ok(r.ok);
  assert.equal(r.markup, '~~~b c~~~\n');
  assert.match(r.warnings.join('\n'), /1 deletion opening right at the start/);
});

test('handShift pairs and hand attributes become text in another hand, named when the header describes it', () => {
  const header = `<teiHeader><profileDesc><handNotes><handNote xml:id="a">Typist</handNote><handNote xml:id="b">RR</handNote></handNotes></profileDesc></teiHeader>`;
  assert.equal(
    markup(
      tei(
        '<p>Dear <handShift new="#b"/>Gorbachev<handShift new="#a"/> RR <hi hand="#b">x</hi> <seg hand="#a">y</seg></p>',
        header,
      ),
    ),
    '---\nhands: Typist; b: RR\n---\n\nDear *@b Gorbachev* RR *@b x* y\n',
  );
});

test('a change of hand runs across elements and paragraphs', () => {
  const header = `<teiHeader><profileDesc><handNotes><handNote xml:id="a"/><handNote xml:id="b"/></handNotes></profileDesc></teiHeader>`;
  assert.equal(
    markup(tei('<p>x <handShift new="#b"/>y <del>z</del></p><p>w<handShift new="#a"/> v</p>', header)),
    'x *y ~~z~~*\n\n*w* v\n',
  );
});

test('elements the markup cannot express keep their text, with one warning per kind and a count', () => {
  const r = importTei(
    tei(
      '<p><hi rend="i">a</hi> <hi>b</hi> <persName>C</persName> <choice><sic>teh</sic><corr>the</corr></choice> <gap unit="pages" quantity="2"/></p>',
    ),
  );
  assert.ok(r.ok);
  assert.equal(r.markup, 'a b C teh _{}\n');
  assert.deepEqual(r.warnings, [
    '<choice> ×1: the text as the document has it is kept (<sic>, <orig>, <abbr>), or else the first alternative; the editor’s alternative is left out.',
    '<gap unit> ×1: a size in a unit the markup has no word for (it has letters, words, lines, cm, mm) is left out; the gap is marked.',
    '<hi> ×2: highlighting has no equivalent in the markup; the text is kept.',
    '<persName> ×1: the markup cannot express it; its text is kept.',
    '<sic> ×1: the markup cannot express it; its text is kept.',
  ]);
});

test('the header is read back into the header block', () => {
  const header =
    '<teiHeader><fileDesc><titleStmt><title>Letter\n to G.</title><author>Reagan</author></titleStmt>' +
    '<sourceDesc><msDesc><msIdentifier><repository>Library</repository><idno>MS 1</idno></msIdentifier></msDesc></sourceDesc></fileDesc></teiHeader>';
  assert.equal(
    markup(tei('<p>x</p>', header)),
    '---\ntitle: Letter to G.\nauthor: Reagan\nrepository: Library\nidno: MS 1\n---\n\nx\n',
  );
});

test("the text's xml:lang gives the language when the header names none", () => {
  assert.equal(
    markup(`<TEI xmlns="${NS}" xml:lang="de"><text><body><p>Brief</p></body></text></TEI>`),
    '---\nlanguage: de\n---\n\nBrief\n',
  );
});

test('malformed XML is refused with line and column', () => {
  assert.equal(error('<TEI><text>'), 'This is not well-formed XML (line 1, column 6: <text> is never closed).');
  assert.equal(
    error(`<TEI xmlns="${NS}"><p>a</q></TEI>`),
    'This is not well-formed XML (line 1, column 46: </q> does not match <p>).',
  );
  assert.match(error(tei('<p>a & b</p>')), /a bare "&"/);
  assert.match(error('not xml at all'), /text before the root element/);
});

test('a file that is not TEI is refused', () => {
  assert.equal(
    error('<html><body/></html>'),
    `This XML is not TEI: its root element is <html>; a TEI file's root is <TEI xmlns="${NS}">.`,
  );
  assert.match(error(`<TEI xmlns="${NS}"><teiHeader/></TEI>`), /no <text> element/);
});

test('entities are refused: no DTD is read, nothing is expanded', () => {
  const lol =
    '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + tei('<p>&b;</p>');
  assert.match(error(lol), /internal subset/);
  const xxe = '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + tei('<p>&x;</p>');
  assert.match(error(xxe), /internal subset/);
  assert.match(error(tei('<p>&eacute;</p>')), /the entity &eacute; is not defined/);
  assert.equal(markup('<!DOCTYPE TEI SYSTEM "tei_all.dtd">' + tei('<p>caf&#233;&#x20AC;</p>')), 'café€\n');
});

test('binary junk and wrong encodings are refused', () => {
  assert.match(error(tei('<p>a\u0000b</p>')), /U\+0000 is not allowed in XML \(is this a binary file\?\)/);
  const bytes = new Uint8Array([0x3c, 0x54, 0x00, 0xff, 0x01]);
  const d = decodeXmlBytes(bytes);
  assert.ok(!d.ok);
  assert.match(d.error, /NUL bytes/);
  const latin = decodeXmlBytes(
    new Uint8Array([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...Buffer.from('</a>')]),
  );
  assert.ok(latin.ok);
  assert.match(latin.text, /<a>é<\/a>/);
  const bad = decodeXmlBytes(new Uint8Array([...Buffer.from('<a>'), 0xe9, ...Buffer.from('</a>')]));
  assert.ok(!bad.ok);
  assert.match(bad.error, /not valid UTF-8/);
});

test('very large files and very deep nesting are refused', () => {
  assert.match(error(' '.repeat(MAX_TEI_CHARS + 1)), /Emend imports TEI files of up to/);
  // Well-formed but too deep: said so, not called malformed.
  assert.equal(
    error(tei('<p>' + '<hi>'.repeat(600) + 'x' + '</hi>'.repeat(600) + '</p>')),
    'This TEI nests elements more than 512 deep (line 1, column 2089), deeper than Emend reads.',
  );
});

test('marks nested deeper than the markup reads are refused, not mangled', () => {
  assert.equal(
    markup(tei('<p>' + '<add>'.repeat(100) + 'x' + '</add>'.repeat(100) + '</p>')),
    '^{'.repeat(100) + 'x' + '}'.repeat(100) + '\n',
  );
  assert.match(error(tei('<p>' + '<add>'.repeat(101) + 'x' + '</add>'.repeat(101) + '</p>')), /more than 100 deep/);
});

test('an element with a very great many children imports without overflowing the stack', () => {
  const r = importTei(tei('<p><hi>' + '<lb/>x'.repeat(200_000) + '</hi></p>'));
  assert.ok(r.ok);
  assert.equal(r.markup.length, 'x\n'.repeat(200_000).length);
});

test('empty additions are kept, empty deletions are left out with a warning', () => {
  const r = importTei(tei('<p>a<add/> <del/>b</p>'));
  assert.ok(r.ok);
  assert.equal(r.markup, 'a^{} b\n');
  assert.deepEqual(r.warnings, ['1 empty <del> element left out (the markup cannot write a deletion of nothing).']);
});

test('a <subst> holding more than <del> and <add> is walked once: its warnings count each element once', () => {
  const header = `<teiHeader><profileDesc><handNotes><handNote xml:id="a"/><handNote xml:id="b"/></handNotes></profileDesc></teiHeader>`;
  const r = importTei(
    tei('<p>x <subst>y <del hand="#b">old</del><add>new</add><hi>h</hi><handShift new="#b"/>z</subst> w</p>', header),
  );
  assert.ok(r.ok);
  // Walked twice, the shift to #b would already be in force when "y" is read the second time.
  assert.equal(r.markup, 'x y ~~old~~^{new}h*z w*\n');
  assert.deepEqual(r.warnings, [
    '<subst> holding more than <del> and <add> ×1.',
    '<del> with @hand ×1: who made the deletion is not recorded by the markup.',
    '<hi> ×1: highlighting has no equivalent in the markup; the text is kept.',
  ]);
});

test('a gap with a number but no @unit reads as letters, with a warning; an @extent in unreadable words is warned about', () => {
  const r = importTei(tei('<p>a <gap quantity="3"/> b <gap extent="several lines"/> c <gap extent="3 words"/></p>'));
  assert.ok(r.ok);
  assert.equal(r.markup, 'a _{3 letters} b _{} c _{3 words}\n');
  assert.ok(
    r.warnings.some((w) => w.startsWith('<gap quantity> without @unit ×1')),
    r.warnings.join('\n'),
  );
  assert.ok(
    r.warnings.some((w) => w.startsWith('<gap extent> ×1')),
    r.warnings.join('\n'),
  );
  const clean = importTei(tei('<p>a <gap quantity="3" unit="chars"/> <gap extent="3 words"/></p>'));
  assert.ok(clean.ok);
  assert.deepEqual(clean.warnings, []);
});

test('a Transkribus page break (pb facs="#facs_1" at a surface) names the surface’s image, not the pointer', () => {
  const r = importTei(
    `<TEI xmlns="${NS}"><facsimile><surface xml:id="facs_1" ulx="0" uly="0" lrx="10" lry="10">` +
      `<graphic url="page-0001.jpg" width="10px" height="10px"/></surface></facsimile>` +
      `<text><body><p><pb facs="#facs_1" n="1"/>a b</p></body></text></TEI>`,
  );
  assert.ok(r.ok);
  assert.match(r.markup, /\|page\{1 \| page-0001\.jpg\}a b/);
  assert.doesNotMatch(r.markup, /facs_1/);
});
