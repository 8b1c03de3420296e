import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/index';
import { exportTei } from '../../../server/src/core/tei/export';
import { teiOptions } from '../../../server/src/core/tei/options';

function body(src: string, opts: Record<string, unknown> = {}): string {
  const xml = exportTei(parse(src), teiOptions(opts).options).xml;
  return xml.slice(xml.indexOf('<body>') + 7, xml.indexOf('    </body>')).trim();
}

test('a substitution becomes <subst> with <del rend> and <add place>, in the order written', () => {
  assert.equal(
    body('to ~~eliminate~~ ^{relieve} the'),
    '<p xml:space="preserve">to <subst><del rend="strikethrough">eliminate</del><add place="above">relieve</add></subst> the</p>',
  );
  assert.equal(
    body('^{is} ~~was~~'),
    '<p xml:space="preserve"><subst><add place="above">is</add><del rend="strikethrough">was</del></subst></p>',
  );
});

test('text in another hand is a pair of <handShift/>, or a <seg hand> when asked', () => {
  assert.equal(
    body('Dear *Gorbachev* RR'),
    '<p xml:space="preserve">Dear <handShift new="#h2"/>Gorbachev<handShift new="#h1"/> RR</p>',
  );
  assert.equal(
    body('Dear *Gorbachev*', { hands: 'seg', otherHand: 'rr' }),
    '<p xml:space="preserve">Dear <seg hand="#rr">Gorbachev</seg></p>',
  );
});

test('line breaks inside a paragraph become <lb/>, CRLF too; paragraphs become <p>', () => {
  assert.equal(
    body('one\r\ntwo\n\nthree'),
    '<p xml:space="preserve">one\n<lb/>two</p>\n      <p xml:space="preserve">three</p>',
  );
  assert.equal(body('one\ntwo', { lineBreaks: false }), '<p xml:space="preserve">one\ntwo</p>');
});

test('attributes can be left out or changed', () => {
  assert.equal(
    body('~~a~~ ^{b}', { delRend: '', addPlace: 'margin' }),
    '<p xml:space="preserve"><subst><del>a</del><add place="margin">b</add></subst></p>',
  );
});

test('XML specials are escaped and escapes give their character', () => {
  assert.equal(body('a & b < c > d \\~ \\* "q"'), '<p xml:space="preserve">a &amp; b &lt; c &gt; d ~ * "q"</p>');
});

test('characters XML cannot hold become U+FFFD with a warning', () => {
  const r = exportTei(parse('a\u0000b\u0007c'));
  assert.match(r.xml, /a\ufffdb\ufffdc/);
  assert.deepEqual(r.warnings, [
    '2 characters that XML cannot hold (control characters or broken surrogates) were written as U+FFFD �.',
  ]);
});

test('an export of a document with errors says so and still nests', () => {
  const r = exportTei(parse('a ~~b ^{c'));
  assert.match(r.xml, /a <del rend="strikethrough">b <add place="above">c<\/add><\/del>/);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0]!, /^The transcription has 2 errors \(first, line 1: /);
});

test('the header block fills the teiHeader; a minimal one is written without it', () => {
  const xml = exportTei(
    parse('---\ntitle: Letter & note\nauthor: R. Reagan\nrecipient: M. Gorbachev\ndate: 1985-11-28\n---\n\ntext'),
  ).xml;
  assert.match(xml, /<title>Letter &amp; note<\/title>/);
  assert.match(xml, /<correspAction type="sent">\n\s+<persName>R\. Reagan<\/persName>\n\s+<date>1985-11-28<\/date>/);
  assert.match(xml, /<correspAction type="received">\n\s+<persName>M\. Gorbachev<\/persName>/);
  const bare = exportTei(parse('text'), teiOptions({ sourceName: 'letter.emend' }).options).xml;
  assert.match(bare, /<title>Transcription of letter\.emend<\/title>/);
  assert.doesNotMatch(bare, /profileDesc/);
});

test('options are validated with a sentence per bad value', () => {
  const r = teiOptions({ hands: 'hi', delRend: 'two words', mainHand: '1x', lineBreaks: 'yes', colour: 1 });
  assert.deepEqual(r.errors, [
    'hands must be "handShift" or "seg", not "hi"',
    'delRend must be one word without spaces (like "strikethrough" or "above"), not "two words"',
    'mainHand must be an XML name such as "h1", not "1x"',
    'lineBreaks must be true or false, not "yes"',
    'unknown TEI option "colour"',
  ]);
  assert.equal(r.options.hands, 'handShift');
  assert.deepEqual(teiOptions({ mainHand: 'a', otherHand: 'a' }).errors, [
    'mainHand and otherHand must differ (both are "a")',
  ]);
});
