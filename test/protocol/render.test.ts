// `emend/render` over the wire: the bundled server, spoken to as VS Code would (JSON-RPC over stdio).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import { PreviewPlaceRequest, RenderRequest, type RenderResult } from '../../server/src/protocol';

let server: ChildProcess;
let conn: MessageConnection;
const uri = 'file:///tmp/letter.emend';

before(async () => {
  assert.ok(existsSync('dist/server.js'), 'dist/server.js is missing: run `npm run build`');
  server = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  conn = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri,
      languageId: 'emend',
      version: 1,
      text: '---\ntitle: Letter\n---\nOur ~~objective~~ ^{purpose}\n\n<script>x</script>',
    },
  });
});

after(async () => {
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  server.kill();
});

test("emend/render returns the view's blocks with lines, the view list and the title", async () => {
  const r: RenderResult = await conn.sendRequest(RenderRequest, { uri, view: 'diplomatic' });
  assert.equal(r.view, 'diplomatic');
  assert.equal(r.version, 1);
  assert.equal(r.title, 'Letter');
  assert.equal(r.lineCount, 6);
  assert.deepEqual(
    r.views.map((v) => v.id),
    ['diplomatic', 'final', 'draft', 'side-by-side', 'collation'],
  );
  assert.deepEqual(
    r.blocks.map((b) => [b.line, b.endLine]),
    [
      [0, 2],
      [3, 3],
      [5, 5],
    ],
  );
  assert.match(r.blocks[1]!.html, /<del class="emend-del">objective<\/del>/);
  assert.match(r.blocks[2]!.html, />&lt;script&gt;x&lt;\/script&gt;</);
  assert.equal(r.page, undefined);
});

test('emend/render after an edit keeps the keys of unchanged paragraphs', async () => {
  const before: RenderResult = await conn.sendRequest(RenderRequest, { uri, view: 'final' });
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, text: 'Your' }],
  });
  const after: RenderResult = await conn.sendRequest(RenderRequest, { uri, view: 'final' });
  assert.equal(after.version, 2);
  assert.match(after.blocks[1]!.html, />Your purpose</);
  assert.notEqual(after.blocks[1]!.key, before.blocks[1]!.key);
  assert.equal(after.blocks[2]!.key, before.blocks[2]!.key);
});

test('emend/render with page returns a self-contained page of the view', async () => {
  const r: RenderResult = await conn.sendRequest(RenderRequest, { uri, view: 'side-by-side', page: true });
  assert.match(r.page!, /^<!DOCTYPE html>/);
  assert.match(r.page!, /<main id="emend-preview" class="emend-view-side-by-side" data-view="side-by-side"/);
  assert.doesNotMatch(r.page!, /<script/);
});

test('emend/render refuses an unknown view with a message naming the known ones', async () => {
  await assert.rejects(
    conn.sendRequest(RenderRequest, { uri, view: 'collation-typo' }),
    /cannot render the view 'collation-typo'; it knows diplomatic, final, draft, side-by-side, collation/,
  );
});

test('emend/render refuses a document that is not open', async () => {
  await assert.rejects(
    conn.sendRequest(RenderRequest, { uri: 'file:///nope.emend', view: 'final' }),
    /no open document/,
  );
});

test('emend/previewPlace leads a double click on a word in the preview back to that word in the source', async () => {
  // Line 3 is "Our ~~objective~~ ^{purpose}": the diplomatic view shows "Our objective purpose", the final "Our purpose".
  const place = (view: 'diplomatic' | 'draft' | 'final', textOffset: number) =>
    conn.sendRequest(PreviewPlaceRequest.method, { uri, view, line: 3, textOffset });
  assert.deepEqual(await place('diplomatic', 'Our obj'.length), {
    position: { line: 3, character: 'Our ~~obj'.length },
  });
  assert.deepEqual(await place('final', 'Our pur'.length), {
    position: { line: 3, character: 'Our ~~objective~~ ^{pur'.length },
  });
  assert.deepEqual(await place('final', 2), { position: { line: 3, character: 2 } });
  assert.deepEqual(await place('diplomatic', 0).then(() => place('draft', 0)), { position: { line: 3, character: 0 } });
  // No paragraph starts at line 4 (a blank line); a bad view is refused.
  assert.deepEqual(await conn.sendRequest(PreviewPlaceRequest.method, { uri, view: 'final', line: 4, textOffset: 0 }), {
    position: null,
  });
  await assert.rejects(
    conn.sendRequest(PreviewPlaceRequest.method, { uri, view: 'collation', line: 3, textOffset: 0 }),
  );
});
