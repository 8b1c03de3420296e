// emend/facsimileDraw over the wire: a box drawn for the selected words gives the PAGE XML to write and, for a
// transcription with no layout, the one edit that names the new file in the header (after `facsimile:`); the
// client's part (writing the file, applying the edit) done here by hand, emend/facsimile then links the word to the
// box. A name already taken is never proposed; a stale version, ALTO and a missing page image are refused. With page
// breaks naming layout files, a box goes to its page's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, TEST_DIR, docUri } from './client';
import { FacsimileDrawRequest, FacsimileRequest, type FacsimileDrawResult } from '../../server/src/protocol';

const ROOT = join(__dirname, '..', '..', '..');
let client: LspClient;
let dir: string;

before(async () => {
  client = await LspClient.start();
  dir = join(TEST_DIR, 'draw');
  mkdirSync(dir);
  copyFileSync(join(ROOT, 'samples', 'kant-1784', 'page.jpg'), join(dir, 'page.jpg'));
});

after(async () => {
  await client.stop();
});

function drawn(r: FacsimileDrawResult): Exclude<FacsimileDrawResult, { error: string }> {
  if ('error' in r) assert.fail(r.error);
  return r;
}

const SRC = '---\ntitle: T\nfacsimile: page.jpg\n---\nThe old word and the end.\n';

test('no layout yet: a new stem.page.xml and the header line naming it, after facsimile:; then the word is linked', async () => {
  const uri = docUri('fresh', dir);
  const stem = fileURLToPath(uri).slice(dir.length + 1, -'.emend'.length);
  await client.open(uri, SRC, 3);
  const at = SRC.indexOf('word');
  const r = drawn(
    await client.request(FacsimileDrawRequest, {
      uri,
      version: 3,
      start: at + 1,
      end: at + 1,
      page: 0,
      box: [100, 200, 80, 40],
    }),
  );
  assert.equal(r.layout.name, `${stem}.page.xml`);
  assert.equal(r.layout.uri, new URL(`${stem}.page.xml`, uri).href);
  assert.equal(r.layout.created, true);
  assert.deepEqual([r.linked, r.wordCount, r.replaced], ['word', 1, 0]);
  assert.match(r.layout.text, /<Page imageFilename="page.jpg" imageWidth="1457" imageHeight="2084">/);
  assert.deepEqual(r.headerEdits, [
    {
      range: { start: { line: 2, character: 19 }, end: { line: 2, character: 19 } },
      newText: `\nlayout: ${stem}.page.xml`,
    },
  ]);
  // What the client does: write the file, apply the edit.
  writeFileSync(fileURLToPath(r.layout.uri), r.layout.text);
  await client.change(uri, 4, [{ range: r.headerEdits[0]!.range, text: r.headerEdits[0]!.newText }]);
  const f = await client.request(FacsimileRequest, { uri });
  assert.deepEqual(f.errors, []);
  assert.equal(f.hasLayout, true);
  assert.deepEqual(
    f.words.map((w) => (w.box ? w.box.join(',') : null)),
    [null, null, '100,200,80,40', null, null, null],
  );
  // Drawn again, for "old word": the file the header now names is updated, the old box of "word" replaced.
  const at2 = SRC.indexOf('old') + `layout: ${stem}.page.xml\n`.length;
  const again = drawn(
    await client.request(FacsimileDrawRequest, {
      uri,
      version: 4,
      start: at2,
      end: at2 + 8,
      page: 0,
      box: [40, 200, 140, 40],
    }),
  );
  assert.deepEqual([again.layout.name, again.layout.created, again.headerEdits], [`${stem}.page.xml`, false, []]);
  assert.deepEqual([again.linked, again.wordCount, again.replaced], ['old word', 2, 1]);
  assert.equal((again.layout.text.match(/<TextRegion /g) ?? []).length, 1);
});

test('a name already taken is never proposed: stem-2.page.xml, and the file there is left alone', async () => {
  const uri = docUri('taken', dir);
  const stem = fileURLToPath(uri).slice(dir.length + 1, -'.emend'.length);
  const taken = join(dir, `${stem}.page.xml`);
  writeFileSync(taken, 'not ours');
  await client.open(uri, SRC, 1);
  const r = drawn(
    await client.request(FacsimileDrawRequest, { uri, version: 1, start: 45, end: 48, page: 0, box: [1, 2, 30, 40] }),
  );
  assert.equal(r.layout.name, `${stem}-2.page.xml`);
  assert.equal(readFileSync(taken, 'utf8'), 'not ours');
  assert.equal(existsSync(join(dir, `${stem}-2.page.xml`)), false, 'the server writes nothing');
});

test('refusals: a version the server does not have, an ALTO layout, no page image', async () => {
  const uri = docUri('refused', dir);
  await client.open(uri, SRC, 2);
  const ask = (u: string, version: number, start = 45) =>
    client.request(FacsimileDrawRequest, { uri: u, version, start, end: start + 3, page: 0, box: [1, 2, 30, 40] });
  assert.deepEqual(await ask(uri, 1), { error: 'The transcription changed while the box was drawn; draw it again.' });
  writeFileSync(join(dir, 'l.alto.xml'), '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout/></alto>');
  const alto = docUri('alto', dir);
  const altoSrc = SRC.replace('---\nThe', 'layout: l.alto.xml\n---\nThe');
  await client.open(alto, altoSrc, 1);
  assert.deepEqual(await ask(alto, 1, altoSrc.indexOf('old')), {
    error:
      "The layout file l.alto.xml is ALTO, which Emend cannot add drawn boxes to. Name a PAGE XML file in the header's `layout:` line, or remove the line and Emend creates one.",
  });
  const none = docUri('none', dir);
  await client.open(none, 'The old word.', 1);
  assert.deepEqual(await ask(none, 1, 4), { error: 'The header names no page image (`facsimile:`) to draw on.' });
  await assert.rejects(
    client.request(FacsimileDrawRequest.method, { uri, version: 2, start: 5, end: 1, page: 0, box: [1, 2, 3, 4] }),
    /Expected `version`/,
  );
});

test("page breaks naming layout files: a box on page 2 goes to page 2's file, written under its name; page 3 without one is refused", async () => {
  const src =
    '---\ntitle: T\n---\n|page{1 | page.jpg}\nThe first page.\n\n|page{2 | page.jpg | two.page.xml}\nThe second page.\n\n|page{3 | page.jpg}\nThe third page.\n';
  const uri = docUri('pages', dir);
  await client.open(uri, src, 1);
  const at = src.indexOf('second');
  const r = drawn(
    await client.request(FacsimileDrawRequest, {
      uri,
      version: 1,
      start: at,
      end: at + 1,
      page: 1,
      box: [10, 20, 30, 40],
    }),
  );
  assert.equal(r.layout.name, 'two.page.xml');
  assert.equal(r.layout.created, true);
  assert.deepEqual(r.headerEdits, [], 'the page break names the file: no header line');
  writeFileSync(fileURLToPath(r.layout.uri), r.layout.text);
  const f = await client.request(FacsimileRequest, { uri });
  const second = f.words.find((w) => w.start === at)!;
  assert.deepEqual([second.page, second.box], [1, [10, 20, 30, 40]]);
  const third = src.indexOf('third');
  const refused = await client.request(FacsimileDrawRequest, {
    uri,
    version: 1,
    start: third,
    end: third + 1,
    page: 2,
    box: [10, 20, 30, 40],
  });
  assert.ok('error' in refused && /Page 3 names no layout file/.test(refused.error), JSON.stringify(refused));
});
