import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docUri, LspClient, range, TEST_DIR } from './client';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(async () => {
  assert.equal(await c.stop(), 0);
});

const TEXT = 'It is so. We must ~~eliminate~~ ^{relieve} the concerns.\nThat is ~~worrisome~~ to us.\n\nplain text';

test('hovering a substitution anywhere on it shows the same hover and range', async () => {
  const uri = docUri();
  await c.open(uri, TEXT);
  const expected = {
    contents: {
      kind: 'markdown',
      value:
        '**Substitution:** eliminate → relieve\n\n*Draft:* We must **eliminate** the concerns\\.\n\n*Final:* We must **relieve** the concerns\\.',
    },
    range: range(0, 18, 0, 42),
  };
  for (const character of [18, 19, 25, 31, 32, 35, 41, 42]) {
    assert.deepEqual(await c.hover(uri, { line: 0, character }), expected, `character ${character}`);
  }
});

test('hovering a deletion on the second line', async () => {
  const uri = docUri();
  await c.open(uri, TEXT);
  assert.deepEqual(await c.hover(uri, { line: 1, character: 12 }), {
    contents: {
      kind: 'markdown',
      value: '**Deletion:** worrisome\n\n*Draft:* That is **worrisome** to us\\.\n\n*Final:* That is ‸to us\\.',
    },
    range: range(1, 8, 1, 21),
  });
});

test('plain text and the blank line have no hover', async () => {
  const uri = docUri();
  await c.open(uri, TEXT);
  assert.equal(await c.hover(uri, { line: 0, character: 3 }), null);
  assert.equal(await c.hover(uri, { line: 2, character: 0 }), null);
  assert.equal(await c.hover(uri, { line: 3, character: 4 }), null);
});

test('the hover follows incremental edits', async () => {
  const uri = docUri();
  await c.open(uri, 'a ~~b~~ c');
  await c.change(uri, 2, [{ range: range(0, 4, 0, 5), text: 'bee' }]);
  const h = await c.hover(uri, { line: 0, character: 4 });
  assert.equal(h!.contents.value.split('\n\n')[0], '**Deletion:** bee');
  assert.deepEqual(h!.range, range(0, 2, 0, 9));
});

test('the witness line says where the witness is and whether it was found', async () => {
  const dir = join(TEST_DIR, 'letters');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sent.txt'), 'Dear Mr. General Secretary');
  const uri = pathToFileURL(join(dir, 'draft.emend')).href;
  await c.open(uri, '---\nwitness: sent.txt\n---\nbody');
  const found = await c.hover(uri, { line: 1, character: 12 });
  const where = join(dir, 'sent.txt').replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);
  assert.deepEqual(found, {
    contents: {
      kind: 'markdown',
      value: `**Witness:** sent\\.txt\n\nLocation: ${where}\n\nFound: 4 words\\; 0\\.0\\% of the transcription\\'s words agree\\; 1 variant`,
    },
    range: range(1, 0, 1, 17),
  });
  await c.change(uri, 2, [{ range: range(1, 9, 1, 13), text: 'lost' }]);
  const missing = await c.hover(uri, { line: 1, character: 0 });
  assert.equal(
    missing!.contents.value,
    `**Witness:** lost\\.txt\n\nLocation: ${where.replace('sent', 'lost')}\n\nNot found.`,
  );
});

test('an untitled document cannot look a relative witness up, and says so', async () => {
  const uri = 'untitled:Untitled-1';
  await c.open(uri, '---\nwitness: sent.txt\n---\nbody');
  const h = await c.hover(uri, { line: 1, character: 3 });
  assert.match(h!.contents.value, /^\*\*Witness:\*\* sent\\\.txt\n\nNot checked/);
});
