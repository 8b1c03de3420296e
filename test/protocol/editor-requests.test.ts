import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { docUri, LspClient, range, VSCODE_CAPABILITIES } from './client';

const CAPABILITIES = {
  ...VSCODE_CAPABILITIES,
  textDocument: {
    ...VSCODE_CAPABILITIES.textDocument,
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
  },
};

let server: LspClient;
before(async () => {
  server = await LspClient.start({ capabilities: CAPABILITIES });
});
after(async () => {
  await server.stop();
});

const pos = (line: number, character: number) => ({ line, character });

test('emend/reading gives the draft, final and diplomatic readings of an open document', async () => {
  const uri = docUri('reading');
  await server.open(uri, 'to ~~eliminate~~ ^{relieve} the');
  assert.deepEqual(await server.request('emend/reading', { uri, kind: 'draft' }), { text: 'to eliminate the' });
  assert.deepEqual(await server.request('emend/reading', { uri, kind: 'final' }), { text: 'to relieve the' });
  assert.deepEqual(await server.request('emend/reading', { uri, kind: 'diplomatic' }), {
    text: 'to ⟦eliminate⟧ ⸌relieve⸍ the',
  });
});

test('emend/reading follows incremental edits', async () => {
  const uri = docUri('edited');
  await server.open(uri, 'a ~~b~~ c');
  await server.change(uri, 2, [{ range: range(0, 8, 0, 9), text: '^{d}' }]);
  assert.deepEqual(await server.request('emend/reading', { uri, kind: 'final' }), { text: 'a d' });
});

test('emend/mapPosition maps between the transcription and a reading, both ways', async () => {
  const uri = docUri('map');
  await server.open(uri, 'Dear Sir,\nwe must ~~eliminate~~ ^{relieve} the concerns.');
  assert.deepEqual(
    await server.request('emend/mapPosition', { uri, kind: 'final', position: pos(1, 8), direction: 'toSource' }),
    { position: pos(1, 24) },
  );
  assert.deepEqual(
    await server.request('emend/mapPosition', { uri, kind: 'draft', position: pos(1, 12), direction: 'toReading' }),
    { position: pos(1, 10) },
  );
});

test('emend/revisions lists every revision with its summary, range and depth', async () => {
  const uri = docUri('revisions');
  await server.open(uri, 'to ~~eliminate~~ ^{relieve} the\n\n~~a ^{b}~~');
  assert.deepEqual(await server.request('emend/revisions', { uri }), {
    revisions: [
      { kind: 'subst', summary: 'Substitution: eliminate → relieve', range: range(0, 3, 0, 27), depth: 0 },
      { kind: 'del', summary: 'Deletion: a b; first inserted “b”, then struck', range: range(2, 0, 2, 10), depth: 0 },
      { kind: 'add', summary: 'Insertion, later struck: b', range: range(2, 4, 2, 8), depth: 1 },
    ],
  });
});

test('emend/nextRevision steps forward and back and wraps round', async () => {
  const uri = docUri('next');
  await server.open(uri, 'a ~~b~~ c\nd ^{e} f');
  const next = await server.request<{ revision: { range: unknown }; index: number; total: number; wrapped: boolean }>(
    'emend/nextRevision',
    { uri, position: pos(0, 0), direction: 'next' },
  );
  assert.deepEqual([next.revision.range, next.index, next.total, next.wrapped], [range(0, 2, 0, 7), 0, 2, false]);
  const wrapped = await server.request<{ index: number; wrapped: boolean }>('emend/nextRevision', {
    uri,
    position: pos(1, 3),
    direction: 'next',
  });
  assert.deepEqual([wrapped.index, wrapped.wrapped], [0, true]);
  const back = await server.request<{ index: number; wrapped: boolean }>('emend/nextRevision', {
    uri,
    position: pos(1, 3),
    direction: 'previous',
  });
  assert.deepEqual([back.index, back.wrapped], [1, false]);
  const none = docUri('none');
  await server.open(none, 'plain');
  assert.equal(await server.request('emend/nextRevision', { uri: none, position: pos(0, 0), direction: 'next' }), null);
});

test('emend/stats counts the marks on the page', async () => {
  const uri = docUri('stats');
  await server.open(uri, '~~a~~ ^{b} ~~c~~ *d*\n\n^{e}');
  assert.deepEqual(await server.request('emend/stats', { uri }), {
    deletions: 2,
    insertions: 2,
    substitutions: 1,
    hands: 1,
    paragraphs: 2,
  });
});

test('emend/toggleMark wraps a selection and says where the marked text now is', async () => {
  const uri = docUri('toggle');
  await server.open(uri, 'first line\na word here', 3);
  assert.deepEqual(
    await server.request('emend/toggleMark', { uri, version: 3, range: range(1, 2, 1, 6), kind: 'del' }),
    {
      action: 'wrap',
      edits: [
        { range: range(1, 2, 1, 2), newText: '~~' },
        { range: range(1, 6, 1, 6), newText: '~~' },
      ],
      selection: range(1, 4, 1, 8),
    },
  );
});

test('emend/toggleMark unwraps a marked selection', async () => {
  const uri = docUri('untoggle');
  await server.open(uri, 'x\na ^{word} here', 1);
  assert.deepEqual(
    await server.request('emend/toggleMark', { uri, version: 1, range: range(1, 4, 1, 8), kind: 'add' }),
    {
      action: 'unwrap',
      edits: [
        { range: range(1, 2, 1, 4), newText: '' },
        { range: range(1, 8, 1, 9), newText: '' },
      ],
      selection: range(1, 2, 1, 6),
    },
  );
});

test('emend/toggleMark refuses with a message, and refuses a stale version', async () => {
  const uri = docUri('refuse');
  await server.open(uri, 'a b\n\nc d', 5);
  const across = await server.request<{ message: string }>('emend/toggleMark', {
    uri,
    version: 5,
    range: range(0, 0, 2, 1),
    kind: 'del',
  });
  assert.match(across.message, /blank line/);
  const stale = await server.request<{ message: string }>('emend/toggleMark', {
    uri,
    version: 4,
    range: range(0, 0, 0, 1),
    kind: 'del',
  });
  assert.match(stale.message, /changed while the command ran/);
});

test('emend/toggleMark marks a word as unclear, escaping its bar', async () => {
  const uri = docUri('toggle-unclear');
  await server.open(uri, 'x\na b|c d', 2);
  assert.deepEqual(
    await server.request('emend/toggleMark', { uri, version: 2, range: range(1, 2, 1, 5), kind: 'unclear' }),
    {
      action: 'wrap',
      edits: [
        { range: range(1, 2, 1, 2), newText: '?{' },
        { range: range(1, 3, 1, 3), newText: '\\' },
        { range: range(1, 5, 1, 5), newText: '}' },
      ],
      selection: range(1, 4, 1, 8),
    },
  );
});

test('emend/pageNumber suggests the next page and emend/insertPageBreak puts the break on its own line', async () => {
  const uri = docUri('page-break');
  await server.open(uri, '|page{7}\none\ntwo', 4);
  assert.deepEqual(await server.request('emend/pageNumber', { uri, position: pos(2, 1) }), { n: '8' });
  assert.deepEqual(
    await server.request('emend/insertPageBreak', { uri, version: 4, position: pos(2, 1), n: '8', image: 'p8.jpg' }),
    {
      action: 'wrap',
      edits: [{ range: range(2, 0, 2, 0), newText: '|page{8 | p8.jpg}\n' }],
      selection: range(2, 17, 2, 17),
    },
  );
});

test('emend/placement and emend/setPlacement read and rewrite the keyword of the insertion at the cursor', async () => {
  const uri = docUri('placement');
  await server.open(uri, 'a ^{very} day', 1);
  assert.deepEqual(await server.request('emend/placement', { uri, position: pos(0, 5) }), { placement: 'above' });
  assert.deepEqual(
    await server.request('emend/setPlacement', { uri, version: 1, position: pos(0, 5), placement: 'margin' }),
    { action: 'wrap', edits: [{ range: range(0, 3, 0, 3), newText: 'margin' }], selection: range(0, 11, 0, 11) },
  );
  const none = await server.request<{ message: string }>('emend/placement', { uri, position: pos(0, 0) });
  assert.match(none.message, /no insertion at the cursor/);
});

test('emend/nextEditorialMark steps to the next unclear word, gap, note or break and goes round', async () => {
  const uri = docUri('editorial-marks');
  await server.open(uri, 'a ?{b} c\n|page{2}');
  assert.deepEqual(await server.request('emend/nextEditorialMark', { uri, position: pos(0, 3), direction: 'next' }), {
    mark: { range: range(1, 0, 1, 8), summary: 'Page 2' },
    index: 1,
    total: 2,
    wrapped: false,
  });
  assert.deepEqual(await server.request('emend/nextEditorialMark', { uri, position: pos(1, 8), direction: 'next' }), {
    mark: { range: range(0, 2, 0, 6), summary: 'Unclear: b' },
    index: 0,
    total: 2,
    wrapped: true,
  });
});

test('textDocument/documentSymbol gives the header and paragraphs with their counts', async () => {
  const uri = docUri('outline');
  await server.open(uri, '---\ntitle: A letter\n---\n~~SECRET~~\n\nDear *Gorbachev* ~~Sir~~ ^{RR}');
  const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, [
    {
      name: 'Header',
      detail: 'A letter',
      kind: 3,
      range: range(0, 0, 2, 3),
      selectionRange: range(0, 0, 0, 3),
      children: [
        {
          name: 'title',
          detail: 'A letter',
          kind: 7,
          range: range(1, 0, 1, 15),
          selectionRange: range(1, 0, 1, 5),
          children: [],
        },
      ],
    },
    {
      name: 'SECRET',
      detail: 'struck out',
      kind: 15,
      range: range(3, 0, 3, 10),
      selectionRange: range(3, 0, 3, 10),
      children: [],
    },
    {
      name: 'Dear Gorbachev RR',
      detail: '1 struck · 1 added · 1 other hand',
      kind: 15,
      range: range(5, 0, 5, 30),
      selectionRange: range(5, 0, 5, 30),
      children: [],
    },
  ]);
});

test('textDocument/foldingRange folds the header and paragraphs of several lines', async () => {
  const uri = docUri('folding');
  await server.open(uri, '---\ntitle: x\n---\none\ntwo\n\nthree');
  assert.deepEqual(await server.request('textDocument/foldingRange', { textDocument: { uri } }), [
    { startLine: 0, endLine: 2 },
    { startLine: 3, endLine: 4 },
  ]);
});

test('malformed requests and unknown documents get an InvalidParams error, and the server keeps answering', async () => {
  const uri = docUri('robust');
  await server.open(uri, 'a ~~b~~');
  const cases: [string, unknown][] = [
    ['emend/reading', { uri: docUri('never-opened'), kind: 'final' }],
    ['emend/reading', { uri, kind: 'sideways' }],
    ['emend/reading', null],
    ['emend/revisions', { uri: 42 }],
    ['emend/nextRevision', { uri, position: { line: 'x' }, direction: 'next' }],
    ['emend/nextRevision', { uri, position: pos(0, 0), direction: 'up' }],
    ['emend/toggleMark', { uri, version: 1, range: 'all', kind: 'del' }],
    ['emend/toggleMark', { uri, version: 1, range: range(0, 0, 0, 1), kind: 'bold' }],
    ['emend/insertPageBreak', { uri, version: 1, position: pos(0, 0), n: 3, image: '' }],
    ['emend/setPlacement', { uri, version: 1, position: pos(0, 0), placement: 'top' }],
    ['emend/pageNumber', { uri, position: null }],
    ['emend/stats', {}],
    ['emend/mapPosition', { uri, kind: 'final', position: pos(0, 0), direction: 'sideways' }],
    ['emend/mapPosition', { uri, kind: 'final', position: null, direction: 'toSource' }],
    ['emend/mapPosition', { uri, kind: 'margin', position: pos(0, 0), direction: 'toSource' }],
  ];
  for (const [method, params] of cases) {
    await assert.rejects(
      server.request(method, params),
      (e: { code?: number }) => e.code === -32602,
      `${method} ${JSON.stringify(params)}`,
    );
  }
  assert.deepEqual(await server.request('emend/reading', { uri, kind: 'draft' }), { text: 'a b' });
});

test('positions outside the document are clamped to it', async () => {
  const uri = docUri('outside');
  await server.open(uri, 'a ~~b~~ c');
  const next = await server.request<{ index: number; wrapped: boolean }>('emend/nextRevision', {
    uri,
    position: pos(99, 99),
    direction: 'next',
  });
  assert.deepEqual([next.index, next.wrapped], [0, true]);
  const r = await server.request<{ message?: string; edits?: unknown }>('emend/toggleMark', {
    uri,
    version: 1,
    range: range(-5, 0, 99, 0),
    kind: 'hand',
  });
  assert.ok(r.edits || r.message);
});

test('a closed and reopened document is read afresh', async () => {
  const uri = docUri('reopen');
  await server.open(uri, '~~old~~');
  await server.close(uri);
  await assert.rejects(server.request('emend/stats', { uri }), (e: { code?: number }) => e.code === -32602);
  await server.open(uri, '^{new}');
  assert.deepEqual(await server.request('emend/reading', { uri, kind: 'final' }), { text: 'new' });
});

test('a client without hierarchical symbols gets the flat list, fields inside the header', async () => {
  const flat = await LspClient.start({ capabilities: VSCODE_CAPABILITIES });
  try {
    const uri = docUri('flat');
    await flat.open(uri, '---\ntitle: A letter\n---\nDear Sir');
    assert.deepEqual(await flat.request('textDocument/documentSymbol', { textDocument: { uri } }), [
      { name: 'Header', kind: 3, location: { uri, range: range(0, 0, 2, 3) } },
      { name: 'title', kind: 7, location: { uri, range: range(1, 0, 1, 15) }, containerName: 'Header' },
      { name: 'Dear Sir', kind: 15, location: { uri, range: range(3, 0, 3, 8) } },
    ]);
  } finally {
    await flat.stop();
  }
});
