// The witness comparison through the language server itself (dist/server.js over stdio): diagnostics from the
// witness named in the header, a missing witness, changes on disk and in an editor, the header edit and the
// collation view's request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

const root = join(__dirname, '..', '..', '..');
let server: ChildProcess;
let conn: MessageConnection;
const refreshes: number[] = [];
const registrations: unknown[] = [];
const watchNotes: unknown[] = [];
const collationChanges: Array<{ uris: string[] }> = [];
const dir = mkdtempSync(join(tmpdir(), 'emend-witness-'));
let version = 1;

before(async () => {
  server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  conn = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  conn.onRequest('workspace/diagnostic/refresh', () => {
    refreshes.push(Date.now());
    return null;
  });
  conn.onRequest('client/registerCapability', (p: unknown) => {
    registrations.push(p);
    return null;
  });
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onNotification('emend/watchWitnesses', (p: unknown) => {
    watchNotes.push(p);
  });
  conn.onNotification('emend/collationChanged', (p: { uris: string[] }) => {
    collationChanges.push(p);
  });
  conn.onNotification(() => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      workspace: {
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        configuration: true,
      },
      textDocument: { diagnostic: { dynamicRegistration: false } },
    },
  });
  await conn.sendNotification('initialized', {});
});

after(() => {
  conn.dispose();
  server.kill();
});

function open(name: string, text: string): string {
  const uri = pathToFileURL(join(dir, name)).toString();
  void conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'emend', version: version++, text },
  });
  return uri;
}

interface Diag {
  code: string;
  message: string;
  severity: number;
  range: { start: { line: number; character: number } };
  source: string;
}

async function diagnostics(uri: string): Promise<Diag[]> {
  const r = (await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diag[] };
  return r.items;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), `timed out waiting for ${what}`);
}

test('the witness named in the header gives variant and revision diagnostics', async () => {
  writeFileSync(join(dir, 'sent.txt'), 'Please convey regards from Nancy and I.');
  const uri = open('a.emend', '---\nwitness: sent.txt\n---\nPlease ^{convey} give regards from Nancy and me.');
  const items = await diagnostics(uri);
  // The finding first as a warning; "give" lacking is what it explains, so it is not reported again.
  assert.deepEqual(
    items.map((d) => [d.code, d.range.start.line, d.severity, d.source]),
    [
      ['witness-missed-deletion', 3, 2, 'emend'],
      ['witness-substitution', 3, 3, 'emend'],
    ],
  );
});

test('a missing witness gives one witness-unavailable diagnostic on the header line', async () => {
  const uri = open('b.emend', '---\nwitness: nowhere.txt\n---\nSome text.');
  const items = await diagnostics(uri);
  assert.equal(items.length, 1);
  assert.equal(items[0]!.code, 'witness-unavailable');
  assert.equal(items[0]!.range.start.line, 1);
  assert.match(items[0]!.message, /^The witness nowhere\.txt was not found \(looked for .*nowhere\.txt\)\.$/);
});

test("a binary witness is unavailable, and the transcription's own checks still run", async () => {
  writeFileSync(join(dir, 'junk.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  const uri = open('c.emend', '---\nwitness: junk.bin\n---\nSome ~~text.');
  const codes = (await diagnostics(uri)).map((d) => d.code).sort();
  assert.ok(codes.includes('witness-unavailable'));
  assert.ok(codes.some((c) => c.startsWith('unclosed')));
});

test('a witness changed on disk is read again when the client reports the change, and diagnostics are refreshed', async () => {
  writeFileSync(join(dir, 'd.txt'), 'one two three');
  const uri = open('d.emend', '---\nwitness: d.txt\n---\none two three');
  assert.deepEqual(await diagnostics(uri), []);
  await until(() => registrations.length > 0, 'the file watcher registration');
  const before = refreshes.length;
  writeFileSync(join(dir, 'd.txt'), 'one two four');
  const witnessUri = pathToFileURL(join(dir, 'd.txt')).toString();
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: witnessUri, type: 2 }] });
  await until(() => refreshes.length > before, 'a diagnostics refresh');
  assert.deepEqual(
    (await diagnostics(uri)).map((d) => d.message),
    ['The witness reads “four” (line 1) for “three”.'],
  );
  await until(
    () => collationChanges.some((c) => c.uris.includes(uri)),
    'the collation-changed notification for the preview',
  );
});

test('the unsaved text of a witness open in an editor counts', async () => {
  writeFileSync(join(dir, 'e.txt'), 'alpha beta gamma');
  const uri = open('e.emend', '---\nwitness: e.txt\n---\nalpha beta gamma');
  assert.deepEqual(await diagnostics(uri), []);
  await conn.sendNotification('emend/witnessText', {
    uri: pathToFileURL(join(dir, 'e.txt')).toString(),
    version: 3,
    text: 'alpha gamma',
  });
  assert.deepEqual(
    (await diagnostics(uri)).map((d) => d.code),
    ['witness-omission'],
  );
  await conn.sendNotification('emend/witnessText', {
    uri: pathToFileURL(join(dir, 'e.txt')).toString(),
    version: 4,
    text: null,
  });
  assert.deepEqual(await diagnostics(uri), []);
});

test('the witness header edit adds a header to a document that has none', async () => {
  const uri = open('f.emend', 'Dear Sir');
  const r = await conn.sendRequest('emend/witnessHeaderEdit', { uri, path: 'letters/sent.txt' });
  assert.deepEqual(r, {
    edits: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        newText: '---\nwitness: letters/sent.txt\n---\n',
      },
    ],
  });
});

test("the collation request gives the view's HTML and the agreement", async () => {
  writeFileSync(join(dir, 'g.txt'), 'we must cope with it');
  const uri = open('g.emend', '---\nwitness: g.txt\n---\nwe must <deal> with it');
  const r = (await conn.sendRequest('emend/collation', { uri })) as { html: string; agreement: number };
  assert.equal(r.agreement, 4 / 5);
  assert.ok(
    r.html.includes('&lt;<span class="emend-variant emend-variant-substitution emend-kind-substitution"'),
    r.html,
  );
  const none = (await conn.sendRequest('emend/collation', { uri: open('h.emend', 'no header') })) as {
    html: null;
    message: string;
  };
  assert.equal(none.html, null);
  assert.match(none.message, /names no witness/);
});

test("hovering a word shows the witness's reading beside the core's hover", async () => {
  writeFileSync(join(dir, 'i.txt'), 'We had agreed to speak fromkly, and we did.');
  const uri = open('i.emend', '---\nwitness: i.txt\n---\nWe had agreed to speak frankly, and we did.');
  const h = (await conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 3, character: 25 },
  })) as { contents: { value: string }; range: { start: { character: number }; end: { character: number } } };
  assert.equal(
    h.contents.value,
    'i\\.txt\\, line 1 \\(reads “fromkly”\\: probably a misreading\\)\\: … had agreed to speak «fromkly» and we did',
  );
  assert.deepEqual([h.range.start.character, h.range.end.character], [23, 30]);
});

test('hovering a gap shows the mark, then what the witness suggests there; no diagnostic is made of it', async () => {
  writeFileSync(join(dir, 'gap.txt'), 'We had agreed to speak frankly, and we did.');
  const uri = open('gap.emend', '---\nwitness: gap.txt\n---\nWe had agreed _{ca. 2 words} frankly, and we did.');
  const h = (await conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 3, character: 16 },
  })) as { contents: { value: string }; range: { start: { character: number }; end: { character: number } } };
  assert.equal(
    h.contents.value,
    '**Gap:** about 2 words\\, illegible\n\n*Draft and final:* We had agreed **\\[…\\]** frankly\\, and we did\\.' +
      '\n\n---\n\n' +
      'gap\\.txt reads *to speak* here \\(line 1\\)\\: its suggestion\\, not a variant\\.',
  );
  assert.deepEqual([h.range.start.character, h.range.end.character], [14, 28]);
  assert.deepEqual(
    (await diagnostics(uri)).map((d) => d.code),
    [],
  );
});

test("the missed deletion's quick fix strikes the words", async () => {
  writeFileSync(join(dir, 'j.txt'), 'Please convey regards from Nancy and me.');
  const uri = open('j.emend', '---\nwitness: j.txt\n---\nPlease ^{convey} give regards from Nancy and me.');
  const items = await diagnostics(uri);
  const missed = items.find((d) => d.code === 'witness-missed-deletion')!;
  const actions = (await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 3, character: 18 }, end: { line: 3, character: 18 } },
    context: { diagnostics: [missed] },
  })) as Array<{
    title: string;
    edit: {
      changes?: Record<string, Array<{ newText: string }>>;
      documentChanges?: Array<{ edits: Array<{ newText: string }> }>;
    };
  }>;
  const strike = actions.find((a) => a.title === 'Strike “give” (changes the final reading)');
  assert.ok(strike, JSON.stringify(actions.map((a) => a.title)));
  const edits = strike.edit.documentChanges ? strike.edit.documentChanges[0]!.edits : strike.edit.changes![uri]!;
  assert.deepEqual(
    edits.map((e) => e.newText),
    ['~~give~~'],
  );
});

test("the preview's collation view is rendered with the witness the header names", async () => {
  writeFileSync(join(dir, 'k.txt'), 'we must cope with it');
  const uri = open('k.emend', '---\nwitness: k.txt\n---\nwe must deal with it');
  const r = (await conn.sendRequest('emend/render', { uri, view: 'collation' })) as {
    blocks: Array<{ html: string; line: number | null }>;
  };
  assert.ok(r.blocks.some((b) => b.html.includes('80.0%')));
  assert.ok(
    r.blocks.some(
      (b) => b.line === 3 && b.html.includes('<span class="emend-witness emend-kind-substitution">cope</span>'),
    ),
  );
  const missing = open('l.emend', '---\nwitness: gone.txt\n---\nwe must deal with it');
  const m = (await conn.sendRequest('emend/render', { uri: missing, view: 'collation' })) as {
    blocks: Array<{ html: string }>;
  };
  assert.ok(m.blocks.some((b) => b.html.includes('The witness gone.txt was not found')));
});

test('emend/findings gives the review: findings with their fixes, every variant with its level, the witness', async () => {
  writeFileSync(join(dir, 'r.txt'), 'Please convey regards from Nancey and I to Mrs. Gorbacheva.');
  const uri = open(
    'r.emend',
    '---\nwitness: r.txt\n---\nPlease ^{convey} give regards from Nancy and me to Mrs. Gorbacheva.',
  );
  const r = (await conn.sendRequest('emend/findings', { uri })) as {
    version: number;
    witness: { name: string; uri: string };
    agreement: number;
    items: Array<{
      code: string;
      group: string;
      level: string;
      label: string;
      range: { start: { line: number; character: number } };
      witnessLine: number;
      fixes: Array<{ title: string; preferred: boolean; edits: Array<{ newText: string }> }>;
    }>;
  };
  assert.equal(r.version, version - 1);
  assert.deepEqual(r.witness, { name: 'r.txt', uri: pathToFileURL(join(dir, 'r.txt')).toString() });
  assert.deepEqual(
    r.items.map((i) => [i.group, i.code, i.level, i.label, i.range.start.line, i.range.start.character, i.witnessLine]),
    [
      ['finding', 'witness-missed-deletion', 'warning', 'Strike “give” (changes the final reading)', 3, 17, 0],
      ['misreading', 'witness-misreading', 'off', 'Nancy ] Nancey', 3, 35, 0],
      ['substitution', 'witness-substitution', 'information', 'me ] I', 3, 45, 0],
    ],
  );
  assert.deepEqual(r.items[0]!.fixes, [
    {
      title: 'Strike “give” (changes the final reading)',
      preferred: true,
      edits: [{ range: { start: { line: 3, character: 17 }, end: { line: 3, character: 21 } }, newText: '~~give~~' }],
    },
  ]);
  const none = (await conn.sendRequest('emend/findings', { uri: open('s.emend', 'no witness') })) as {
    witness: null;
    items: unknown[];
    message: string;
  };
  assert.deepEqual([none.witness, none.items], [null, []]);
  assert.match(none.message, /names no witness/);
});
