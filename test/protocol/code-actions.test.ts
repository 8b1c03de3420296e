import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, docUri, editsOf, LspClient, range } from './client';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(async () => {
  assert.equal(await c.stop(), 0);
});

test('an unclosed insertion offers to close it, the preferred fix first, each applied as VS Code would', async () => {
  const uri = docUri();
  const text = 'first strike ^{and test capability';
  await c.open(uri, text);
  const [d] = await c.diagnostics(uri);
  const actions = await c.codeActions(uri, d!.range, [d!]);
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.isPreferred]),
    [
      ['Close the insertion at the end of the document with `}`', 'quickfix', true],
      ['Remove the unmatched `^{`, keeping the text (changes the draft reading)', 'quickfix', false],
    ],
  );
  assert.deepEqual(actions[0]!.diagnostics, [d]);
  assert.deepEqual(actions[0]!.edit!.documentChanges![0]!.textDocument, { uri, version: 1 });
  assert.equal(applyTextEdits(text, editsOf(actions[0]!, uri)), 'first strike ^{and test capability}');
  assert.equal(applyTextEdits(text, editsOf(actions[1]!, uri)), 'first strike and test capability');
});

test('applying a fix and sending the edit back clears the diagnostic', async () => {
  const uri = docUri();
  const text = 'to ~~eliminate~~^{relieve}the concerns';
  await c.open(uri, text);
  const [d] = await c.diagnostics(uri);
  assert.equal(d!.code, 'reading-joins-words');
  const [fix] = await c.codeActions(uri, range(0, 27, 0, 27), [d!]);
  assert.equal(fix!.title, 'Insert a space after the mark (changes the draft and final readings)');
  const edits = editsOf(fix!, uri);
  assert.deepEqual(edits, [{ range: range(0, 26, 0, 26), newText: ' ' }]);
  await c.change(
    uri,
    2,
    edits.map((e) => ({ range: e.range, text: e.newText })),
  );
  assert.deepEqual(await c.diagnostics(uri), []);
});

test('a stray closer can be escaped (preferred) or removed', async () => {
  const uri = docUri();
  const text = 'a } b';
  await c.open(uri, text);
  const actions = await c.codeActions(uri, range(0, 2, 0, 3));
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred, applyTextEdits(text, editsOf(a, uri))]),
    [
      ['Escape it as `\\}`', true, 'a \\} b'],
      ['Remove the stray `}` (changes the draft and final readings)', false, 'a  b'],
    ],
  );
});

test('mixed insertion spellings: one fix rewrites every minority insertion in the document', async () => {
  const uri = docUri();
  const text = 'a ^{b} c ^{d}\n\ne ^<f> g';
  await c.open(uri, text);
  const actions = await c.codeActions(uri, range(2, 2, 2, 2));
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [
      ['Write every insertion as `^{…}`', true],
      ['Write this insertion as `^{…}`', false],
    ],
  );
  assert.equal(applyTextEdits(text, editsOf(actions[0]!, uri)), 'a ^{b} c ^{d}\n\ne ^{f} g');
});

test('several problems of a mechanical kind get a fix-all beside the single fix', async () => {
  const uri = docUri();
  const text = 'a ~~ b~~ c\n\nd ^{e } f\n\ng } h';
  await c.open(uri, text);
  const actions = await c.codeActions(uri, range(0, 3, 0, 3));
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Trim the spaces inside the mark', 'Fix all “space-inside-mark” problems in this document'],
  );
  assert.equal(applyTextEdits(text, editsOf(actions[1]!, uri)), 'a ~~b~~ c\n\nd ^{e} f\n\ng } h');
  assert.equal(actions[1]!.diagnostics!.length, 2);
});

test('source.fixAll.emend applies only fixes that change no reading', async () => {
  const uri = docUri();
  const text = 'a ~~ b~~ c ^<x> ^{y} ^{z} } ^{}';
  await c.open(uri, text);
  const actions = await c.codeActions(uri, range(0, 0, 0, 0), [], ['source.fixAll']);
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['Fix all mechanical Emend problems', 'source.fixAll.emend']],
  );
  assert.equal(applyTextEdits(text, editsOf(actions[0]!, uri)), 'a ~~b~~ c ^{x} ^{y} ^{z} } ^{}');
});

test('asking only for quick fixes leaves fix-all out, and a range without problems gets nothing', async () => {
  const uri = docUri();
  await c.open(uri, 'a ~~ b~~ c\n\nclean');
  assert.deepEqual(
    (await c.codeActions(uri, range(0, 3, 0, 3), [], ['quickfix'])).map((a) => a.kind),
    ['quickfix'],
  );
  assert.deepEqual(await c.codeActions(uri, range(2, 0, 2, 5)), []);
});

test('a client without versioned edits gets plain changes', async () => {
  const plain = await LspClient.start({ capabilities: {} });
  try {
    const uri = docUri();
    await plain.open(uri, 'a } b');
    const [first] = await plain.codeActions(uri, range(0, 2, 0, 3));
    assert.deepEqual(first!.edit, { changes: { [uri]: [{ range: range(0, 2, 0, 2), newText: '\\' }] } });
  } finally {
    await plain.stop();
  }
});
