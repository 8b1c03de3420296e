// Files the server cannot read itself (another scheme than file:, and every file in the browser version) are read
// through the client: the server asks emend/fs/stat and emend/fs/readFile, and the client answers from its file
// system (VS Code's workspace.fs; here, a map). The witness and the project file work the same on such a scheme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import {
  encodeBase64,
  FileStatRequest,
  ReadFileRequest,
  type FileErrorData,
  type FileStatResult,
} from '../../server/src/protocol';
import { LspClient } from './client';

const files = new Map<string, string>();
const denied = new Set<string>();
const asked: string[] = [];
let c: LspClient;

before(async () => {
  c = await LspClient.start({ initialize: false });
  c.conn.onRequest(FileStatRequest, (p): FileStatResult | ResponseError<FileErrorData> => {
    asked.push(`stat ${p.uri}`);
    if (denied.has(p.uri)) return new ResponseError(-32001, 'permission denied', { kind: 'permission-denied' });
    const text = files.get(p.uri);
    if (text !== undefined) return { type: 'file', size: Buffer.byteLength(text), mtime: 1 };
    return [...files.keys()].some((k) => k.startsWith(`${p.uri}/`)) ? { type: 'directory', size: 0, mtime: 1 } : null;
  });
  c.conn.onRequest(ReadFileRequest, (p) => {
    asked.push(`read ${p.uri}`);
    const text = files.get(p.uri);
    if (text === undefined) return new ResponseError(-32001, 'no such file', { kind: 'not-found' });
    return { base64: encodeBase64(new TextEncoder().encode(text)) };
  });
  await c.initialize({ textDocument: { diagnostic: {} }, workspace: { configuration: false } }, { fileAccess: true });
});
after(async () => {
  assert.equal(await c.stop(), 0);
});

test('a transcription on another file system finds its witness and its project file through the client', async () => {
  files.set('memfs:/proj/.emend.json', '{"severity": {"witness-variant": "error"}}');
  files.set('memfs:/proj/letters/sent.txt', 'one two four');
  const uri = 'memfs:/proj/letters/a.emend';
  await c.open(uri, '---\nwitness: sent.txt\n---\none two three');
  const ds = await c.diagnostics(uri);
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity]),
    // `witness-variant` in the project file sets every kind of variant: here a substitution, as an error.
    [['witness-substitution', 1]],
  );
  assert.ok(asked.includes('read memfs:/proj/letters/sent.txt'));
  assert.ok(asked.includes('read memfs:/proj/.emend.json'));
  // file: URIs never go to the client: the server reads them itself.
  assert.ok(asked.every((a) => !a.includes('file:')));
});

test("the client's refusals become the loader's messages", async () => {
  const missing = 'memfs:/proj/b.emend';
  await c.open(missing, '---\nwitness: gone.txt\n---\nx');
  assert.deepEqual(
    (await c.diagnostics(missing)).map((d) => d.message),
    ['The witness gone.txt was not found (looked for memfs:/proj/gone.txt).'],
  );
  files.set('memfs:/proj/locked.txt', 'x');
  denied.add('memfs:/proj/locked.txt');
  const locked = 'memfs:/proj/c.emend';
  await c.open(locked, '---\nwitness: locked.txt\n---\nx');
  assert.deepEqual(
    (await c.diagnostics(locked)).map((d) => d.message),
    ['The witness locked.txt cannot be read: permission denied.'],
  );
});

test('a client that does not offer its files is not asked', async () => {
  const other = await LspClient.start({ capabilities: { textDocument: { diagnostic: {} } } });
  try {
    const uri = 'memfs:/proj/letters/d.emend';
    await other.open(uri, '---\nwitness: sent.txt\n---\none two three');
    assert.deepEqual(
      (await other.diagnostics(uri)).map((d) => d.message),
      ['The witness sent.txt cannot be read: the editor does not share its files.'],
    );
  } finally {
    assert.equal(await other.stop(), 0);
  }
});
