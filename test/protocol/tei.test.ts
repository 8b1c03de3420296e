// emend/exportTei and emend/importTei over the wire, with the `emend.tei` settings pulled per document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, docUri } from './client';
import { ExportTeiRequest, ImportTeiRequest } from '../../server/src/protocol';

let client: LspClient;

before(async () => {
  client = await LspClient.start();
  client.settings = (item) =>
    item.section === 'emend.tei' && item.scopeUri?.includes('seg-') ? { hands: 'seg', delRend: 'overstrike' } : null;
});

after(async () => {
  await client.stop();
});

test('emend/exportTei exports the open document with the default choices', async () => {
  const uri = docUri('letter');
  await client.open(uri, 'Our ~~objective~~ ^{purpose} *RR*');
  const r = await client.request(ExportTeiRequest, { uri });
  assert.match(
    r.xml,
    /Our <subst><del rend="strikethrough">objective<\/del><add place="above">purpose<\/add><\/subst> <handShift new="#h2"\/>RR<handShift new="#h1"\/>/,
  );
  assert.match(r.xml, /<title>Transcription of letter-\d+-\d+\.emend<\/title>/);
  assert.deepEqual(r.warnings, []);
  assert.ok(client.configurationRequests.some((i) => i.section === 'emend.tei' && i.scopeUri === uri));
});

test("emend/exportTei follows the settings for the document, and the request's options over them", async () => {
  const uri = docUri('seg');
  await client.open(uri, '~~a~~ *b*');
  const r = await client.request(ExportTeiRequest, { uri });
  assert.match(r.xml, /<del rend="overstrike">a<\/del> <seg hand="#h2">b<\/seg>/);
  const o = await client.request(ExportTeiRequest, { uri, options: { delRend: '' } });
  assert.match(o.xml, /<del>a<\/del> <seg hand="#h2">b<\/seg>/);
  assert.deepEqual(o.warnings, []);
  const bad = await client.request(ExportTeiRequest, { uri, options: { hands: 'nonsense' } });
  assert.match(bad.xml, /<handShift new="#h2"\/>b<handShift new="#h1"\/>/);
  assert.deepEqual(bad.warnings, [
    'Setting emend.tei: hands must be "handShift" or "seg", not "nonsense"; the default is used.',
  ]);
});

test('emend/exportTei of a transcription with a facsimile and layout: the page and a zone per linked word', async () => {
  const kant = join(__dirname, '..', '..', '..', 'samples', 'kant-1784');
  const uri = docUri('kant', kant);
  await client.open(uri, readFileSync(join(kant, 'kant-1784-p484.emend'), 'utf8'));
  const r = await client.request(ExportTeiRequest, { uri });
  assert.deepEqual(r.warnings, []);
  assert.match(r.xml, /<graphic url="page.jpg" width="1457px" height="2084px"\/>/);
  assert.equal((r.xml.match(/<zone /g) ?? []).length, 204);
  assert.match(r.xml, /<w facs="#facs-z1">gewiegelt<\/w>/);
  const gone = docUri('gone');
  await client.open(gone, '---\nfacsimile: gone.png\n---\nx');
  const g = await client.request(ExportTeiRequest, { uri: gone });
  assert.match(g.xml, /<surface xml:id="facs-s1">\n {6}<graphic url="gone.png"\/>/);
  assert.equal(g.warnings.length, 1);
  assert.match(g.warnings[0]!, /^Facsimile: The image gone.png was not found \(looked for /);
  // Exported to another folder, the image is named from there.
  const elsewhere = new URL('../tei/kant.xml', uri).href;
  const e = await client.request(ExportTeiRequest, { uri, target: elsewhere });
  assert.match(e.xml, /<graphic url="\.\.\/kant-1784\/page.jpg" width="1457px" height="2084px"\/>/);
  await assert.rejects(client.request(ExportTeiRequest.method, { uri, target: 3 }), /Expected `target` to be the URI/);
});

test('emend/exportTei refuses an unknown document with a clear error', async () => {
  await assert.rejects(
    client.request(ExportTeiRequest, { uri: 'file:///nowhere.emend' }),
    /is not open in the Emend server/,
  );
  await assert.rejects(client.request(ExportTeiRequest.method, { nope: 1 }), /Expected params with a string `uri`/);
});

test('emend/importTei turns TEI bytes into markup with warnings, and refuses what it cannot read', async () => {
  const xml =
    '<?xml version="1.0" encoding="ISO-8859-1"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>caf\xe9 <del>x</del><hi>y</hi></p></body></text></TEI>';
  const ok = await client.request(ImportTeiRequest, {
    base64: Buffer.from(xml, 'latin1').toString('base64'),
  });
  assert.deepEqual(ok, {
    markup: 'café ~~x~~y\n',
    warnings: ['<hi> ×1: highlighting has no equivalent in the markup; the text is kept.'],
  });
  const bad = await client.request(ImportTeiRequest, {
    text: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>',
  });
  assert.deepEqual(bad, { error: 'This is not well-formed XML (line 1, column 42: <text> is never closed).' });
  const none = await client.request(ImportTeiRequest, {});
  assert.ok('error' in none);
});
