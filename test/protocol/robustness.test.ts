import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { docUri, LspClient, range } from './client';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(async () => {
  assert.equal(await c.stop(), 0);
});

/** The server's resident memory in MB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function stillWorks(): Promise<void> {
  const uri = docUri();
  await c.open(uri, 'a ^{b');
  assert.deepEqual(
    (await c.diagnostics(uri)).map((d) => d.code),
    ['unclosed-insertion'],
  );
  assert.ok(c.alive);
}

test('malformed requests get errors or empty answers, and the server carries on', async () => {
  const uri = docUri();
  await c.open(uri, 'a ~~b~~ c');
  assert.equal(await c.request('textDocument/hover', {}), null);
  assert.equal(
    await c.request('textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 3 } }),
    null,
  );
  assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: 'top' }), null);
  assert.equal(
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: '0', character: 3 } }),
    null,
  );
  assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri } }), []);
  assert.deepEqual(
    await c.request('textDocument/codeAction', { textDocument: { uri }, range: range(0, 2, 0, 2), context: null }),
    [],
  );
  assert.deepEqual(await c.request('textDocument/diagnostic', { textDocument: {} }), { kind: 'full', items: [] });
  // Parameters by position where the protocol wants them by name: the JSON-RPC layer answers InvalidParams.
  await assert.rejects(c.request('textDocument/hover', null), (e: { code: number }) => e.code === -32602);
  await assert.rejects(c.request('emend/no-such-request', {}), (e: { code: number }) => e.code === -32601);
  await c.notify('textDocument/didOpen', { textDocument: null });
  await c.notify('textDocument/didChange', {
    textDocument: { uri: 'file:///never-opened.emend', version: 2 },
    contentChanges: [{ text: 'x' }],
  });
  await c.notify('no/such/notification', { a: 1 });
  // Bytes that are not JSON at all, framed as a message.
  c.proc.stdin!.write('Content-Length: 9\r\n\r\n{"id": 1,');
  await stillWorks();
});

test('positions outside the document give no hover and no crash', async () => {
  const uri = docUri();
  await c.open(uri, 'a ~~b~~ c\nsecond');
  for (const position of [
    { line: 99, character: 0 },
    { line: 0, character: 500 },
    { line: -1, character: 0 },
    { line: 0, character: -3 },
    { line: 1.5, character: 0 },
    { line: 2, character: 0 },
  ]) {
    assert.equal(await c.hover(uri, position), null, JSON.stringify(position));
  }
  assert.notEqual(await c.hover(uri, { line: 0, character: 4 }), null);
  assert.deepEqual(await c.codeActions(uri, range(50, 0, 60, 10)), []);
  assert.deepEqual(await c.codeActions(uri, range(-5, -5, -1, -1)), []);
  await stillWorks();
});

test('unknown URIs give empty answers', async () => {
  for (const uri of ['file:///never/opened.emend', 'untitled:nope', 'not a uri at all', '']) {
    assert.deepEqual(await c.diagnostics(uri), [], uri);
    assert.equal(await c.hover(uri, { line: 0, character: 0 }), null, uri);
    assert.deepEqual(await c.codeActions(uri, range(0, 0, 0, 0)), [], uri);
  }
  await c.close('file:///never/opened.emend');
  await stillWorks();
});

test('binary junk, NULs and lone surrogates: diagnostics, hovers and fixes answer without a crash', async () => {
  let junk = '';
  let seed = 7;
  for (let i = 0; i < 20_000; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    junk += String.fromCharCode(seed >>> 16);
  }
  const text = `\u0000\ud800~~\udfff^{\u0000}\n${junk}\n\n*x ^<y~~z}`;
  const uri = docUri('junk');
  await c.open(uri, text);
  const ds = await c.diagnostics(uri);
  assert.ok(Array.isArray(ds) && ds.every((d) => d.source === 'emend' && typeof d.code === 'string'));
  for (let line = 0; line < 4; line++) {
    for (const character of [0, 1, 2, 3, 5]) await c.hover(uri, { line, character });
  }
  for (const d of ds.slice(0, 20)) assert.ok(Array.isArray(await c.codeActions(uri, d.range, [d])));
  await stillWorks();
});

test('a 10 MB document: answers stay correct and memory stays bounded', async () => {
  const para =
    'We had agreed to ~~speak~~ ^{talk} frankly, and we did. As a result, I came away with a better understanding.\n\n';
  const body = para.repeat(Math.ceil(10_000_000 / para.length));
  const text = `${body}the end ^{unclosed`;
  assert.ok(text.length >= 10_000_000);
  const lastLine = body.split('\n').length - 1;
  const uri = docUri('huge');
  const before = rssMb(c.proc.pid!);
  await c.open(uri, text);
  const ds = await c.diagnostics(uri);
  assert.deepEqual(
    ds.map((d) => [d.code, d.range.start.line, d.range.start.character]),
    [['unclosed-insertion', lastLine, 8]],
  );
  const h = await c.hover(uri, { line: lastLine - 2, character: 20 });
  assert.equal(h!.contents.value.split('\n\n')[0], '**Substitution:** speak → talk');
  // A one-character edit in the middle is applied and re-diagnosed.
  const middle = 2 * Math.floor(lastLine / 4);
  await c.change(uri, 2, [{ range: range(middle, 18, middle, 19), text: '' }]);
  const after = await c.diagnostics(uri);
  assert.deepEqual(
    after.map((d) => [d.code, d.range.start.line, d.range.start.character]),
    [
      ['mark-crosses-paragraph', middle, 23],
      ['unclosed-insertion', lastLine, 8],
    ],
  );
  const peak = rssMb(c.proc.pid!);
  // Source, tree, readings and line index for 10 MB; a leak per request or a quadratic structure would blow well past this.
  assert.ok(peak - before < 1500, `server grew by ${Math.round(peak - before)} MB`);
  await c.close(uri);
  await stillWorks();
});
