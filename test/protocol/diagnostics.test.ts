import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docUri, LspClient, range, ROOT, type Diagnostic } from './client';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(async () => {
  assert.equal(await c.stop(), 0);
});

function brief(ds: Diagnostic[]): [string, number, string, number, number, number, number][] {
  return ds.map((d) => [
    String(d.code),
    d.severity!,
    d.source!,
    d.range.start.line,
    d.range.start.character,
    d.range.end.line,
    d.range.end.character,
  ]);
}

test('pull diagnostics give every problem with its code, severity, source and range', async () => {
  const uri = docUri();
  await c.open(uri, 'Dear ~~Sir~~ ^{Sir},\nthe ~~old~~ the house\n\nto ~~eliminate~~^{relieve}the end ^{x');
  const ds = await c.diagnostics(uri);
  assert.deepEqual(brief(ds), [
    ['substitution-unchanged', 2, 'emend', 0, 5, 0, 19],
    ['reading-doubled-word', 2, 'emend', 1, 0, 1, 15],
    ['reading-joins-words', 2, 'emend', 3, 3, 3, 29],
    ['unclosed-insertion', 1, 'emend', 3, 34, 3, 36],
  ]);
  assert.equal(ds[3]!.message, 'This insertion is never closed; add `}` where it ends.');
});

test("each diagnostic's code links to its entry in the documentation: the client's docs folder, or the server's", async () => {
  const uri = docUri();
  await c.open(uri, 'a } b ^{c');
  const ds = await c.diagnostics(uri);
  const docs = pathToFileURL(join(ROOT, 'docs')).href;
  assert.deepEqual(
    ds.map((d) => [d.code, d.codeDescription?.href]),
    [
      ['stray-closer', `${docs}/diagnostics.md#stray-closer`],
      ['unclosed-insertion', `${docs}/diagnostics.md#unclosed-insertion`],
    ],
  );
  const told = await LspClient.start({
    initialize: true,
    initializationOptions: { documentation: 'vscode-remote://host/ext/emend/docs' },
  });
  try {
    await told.open(uri, 'a } b');
    assert.deepEqual(
      (await told.diagnostics(uri)).map((d) => d.codeDescription?.href),
      ['vscode-remote://host/ext/emend/docs/diagnostics.md#stray-closer'],
    );
  } finally {
    assert.equal(await told.stop(), 0);
  }
});

test('a clean document has no diagnostics', async () => {
  const uri = docUri();
  await c.open(uri, 'to ~~eliminate~~ ^{relieve} the concerns');
  assert.deepEqual(await c.diagnostics(uri), []);
});

test('incremental edits are applied before the next pull', async () => {
  const uri = docUri();
  await c.open(uri, 'a ~~b~~ c\nd ^{e} f');
  assert.deepEqual(await c.diagnostics(uri), []);
  // Delete the closing `}` on line 1: the insertion is now unclosed.
  await c.change(uri, 2, [{ range: range(1, 5, 1, 6), text: '' }]);
  assert.deepEqual(brief(await c.diagnostics(uri)), [['unclosed-insertion', 1, 'emend', 1, 2, 1, 4]]);
  // Two changes in one notification, applied in order: put it back, then break line 0.
  await c.change(uri, 3, [
    { range: range(1, 5, 1, 5), text: '}' },
    { range: range(0, 5, 0, 7), text: '' },
  ]);
  assert.deepEqual(brief(await c.diagnostics(uri)), [['unclosed-deletion', 1, 'emend', 0, 2, 0, 4]]);
  // A full-text change replaces everything.
  await c.change(uri, 4, [{ text: 'x } y' }]);
  assert.deepEqual(brief(await c.diagnostics(uri)), [['stray-closer', 2, 'emend', 0, 2, 0, 3]]);
});

test('a document closed and reopened is read afresh; a closed one has no diagnostics', async () => {
  const uri = docUri();
  await c.open(uri, 'a ^{b');
  assert.equal((await c.diagnostics(uri)).length, 1);
  await c.close(uri);
  assert.deepEqual(await c.diagnostics(uri), []);
  await c.open(uri, 'a ^{b}', 1);
  assert.deepEqual(await c.diagnostics(uri), []);
});

test('positions count UTF-16 code units, as LSP says', async () => {
  const uri = docUri();
  await c.open(uri, '𝔊ott ü } x');
  assert.deepEqual(brief(await c.diagnostics(uri)), [['stray-closer', 2, 'emend', 0, 8, 0, 9]]);
});

test('a CRLF document reports on the right lines', async () => {
  const uri = docUri();
  await c.open(uri, 'one\r\ntwo ^{x\r\n');
  assert.deepEqual(brief(await c.diagnostics(uri)), [['unclosed-insertion', 1, 'emend', 1, 4, 1, 6]]);
});
