// A client that does not pull diagnostics (no `textDocument.diagnostic` capability) gets them pushed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docUri, LspClient, range } from './client';

test('diagnostics are pushed after open and after each change, for the newest version, and cleared on close', async () => {
  const c = await LspClient.start({ capabilities: { workspace: { configuration: true } } });
  try {
    const uri = docUri();
    await c.open(uri, 'a ^{b');
    await c.until(() => c.published.length === 1);
    assert.deepEqual(c.published[0]!.version, 1);
    assert.deepEqual(
      c.published[0]!.diagnostics.map((d) => [d.code, d.severity, d.source, d.range]),
      [['unclosed-insertion', 1, 'emend', range(0, 2, 0, 4)]],
    );
    // Two quick changes: one push, for version 3.
    await c.change(uri, 2, [{ range: range(0, 5, 0, 5), text: '}' }]);
    await c.change(uri, 3, [{ range: range(0, 6, 0, 6), text: ' }' }]);
    await c.until(() => c.published.length === 2);
    assert.deepEqual(c.published[1], { uri, version: 3, diagnostics: c.published[1]!.diagnostics });
    assert.deepEqual(
      c.published[1]!.diagnostics.map((d) => [d.code, d.range]),
      [['stray-closer', range(0, 7, 0, 8)]],
    );
    await c.close(uri);
    await c.until(() => c.published.length === 3);
    assert.deepEqual(c.published[2], { uri, diagnostics: [] });
    // Changed settings are pushed again for every open document.
    const other = docUri();
    c.settings = () => ({ diagnostics: { severity: { 'stray-closer': 'off' } } });
    await c.open(other, 'x } y');
    await c.until(() => c.published.length === 4);
    assert.deepEqual(c.published[3]!.diagnostics, []);
    c.settings = () => null;
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.until(() => c.published.length === 5);
    assert.deepEqual(
      c.published[4]!.diagnostics.map((d) => d.code),
      ['stray-closer'],
    );
  } finally {
    await c.stop();
  }
});

test('a client that pulls gets nothing pushed', async () => {
  const c = await LspClient.start();
  try {
    const uri = docUri();
    await c.open(uri, 'a ^{b');
    await c.diagnostics(uri);
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(c.published, []);
  } finally {
    await c.stop();
  }
});
