// The header table (core/tei/header-map.ts) drives both directions: every field export writes, import reads back
// as the same field, alone and all together; and import finds fields where TEI from elsewhere puts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../server/src/core/index';
import { exportTei } from '../../../server/src/core/tei/export';
import { HEADER_FIELDS } from '../../../server/src/core/tei/header-map';
import { importTei } from '../../../server/src/core/tei/import';

const VALUES: Record<string, string> = {
  title: 'Letter to G.',
  author: 'R. Reagan',
  transcriber: 'A. Student',
  licence: 'CC BY 4.0',
  note: 'Draft; see the sent letter.',
  witness: 'sent.txt',
  repository: 'Reagan Library',
  idno: 'MS 12',
  source: 'Carbon copy, two leaves.',
  recipient: 'M. Gorbachev',
  place: 'Washington',
  date: '1985-11-28',
  language: 'en',
  hands: 'Typist; Reagan, in pencil',
};

function roundTrip(header: [string, string][]): [string, string][] {
  const src = `---\n${header.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\nText.\n`;
  const back = importTei(exportTei(parse(src)).xml);
  assert.ok(back.ok, back.ok ? '' : back.error);
  const doc = parse(back.markup);
  return (doc.header?.fields ?? []).map((f) => [f.key, f.value]);
}

test('every field of the table has a value here, so that none goes untested', () => {
  for (const f of HEADER_FIELDS) if (f.key !== null) assert.ok(f.key in VALUES, f.key);
});

for (const [key, value] of Object.entries(VALUES)) {
  test(`the header field "${key}" goes to TEI and back`, () => {
    assert.deepEqual(roundTrip([[key, value]]), [[key, value]]);
  });
}

test('all fields at once come back, in the order a reader takes them in', () => {
  const all = Object.entries(VALUES);
  assert.deepEqual(
    roundTrip(all).map(([k]) => k),
    [
      'title',
      'author',
      'recipient',
      'date',
      'place',
      'repository',
      'idno',
      'source',
      'transcriber',
      'licence',
      'note',
      'witness',
      'language',
      'hands',
    ],
  );
  assert.deepEqual(roundTrip(all).sort(), all.sort());
});

test('a spelling the table lists as an alias is read, and written back under the key', () => {
  assert.deepEqual(roundTrip([['license', 'CC0']]), [['licence', 'CC0']]);
});

test('import finds fields where other TEI headers put them', () => {
  const NS = 'http://www.tei-c.org/ns/1.0';
  const header =
    '<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>' +
    '<editionStmt><respStmt><resp>transcription</resp><persName>E. Editor</persName></respStmt></editionStmt>' +
    '<sourceDesc><listBibl><bibl>A printed copy</bibl></listBibl><msDesc><msIdentifier><idno>X 1</idno></msIdentifier><physDesc><handDesc>' +
    '<handNote xml:id="a">Scribe</handNote><handNote xml:id="b">Corrector</handNote></handDesc></physDesc></msDesc></sourceDesc></fileDesc>' +
    '<profileDesc><langUsage><language ident="de"/></langUsage></profileDesc></teiHeader>';
  const r = importTei(`<TEI xmlns="${NS}">${header}<text><body><p>x</p></body></text></TEI>`);
  assert.ok(r.ok);
  assert.equal(
    r.markup,
    '---\ntitle: T\nidno: X 1\nsource: A printed copy\ntranscriber: E. Editor\nlanguage: de\nhands: Scribe; b: Corrector\n---\n\nx\n',
  );
});
