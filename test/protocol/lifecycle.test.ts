import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './client';

test('initialize announces the features, and initialized registers the watchers VS Code needs', async () => {
  const c = await LspClient.start({ initialize: false });
  try {
    const result = await c.initialize({
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    });
    assert.equal(result.capabilities.textDocumentSync, 2);
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.diagnosticProvider, {
      identifier: 'emend',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.emend'] });
    await c.until(() => c.registrations.length >= 2);
    assert.deepEqual(c.registrations.map((r) => r.method).sort(), [
      'workspace/didChangeConfiguration',
      'workspace/didChangeWatchedFiles',
    ]);
    const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
    assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: '**/.emend.json' }] });
  } finally {
    assert.equal(await c.stop(), 0);
  }
});

test('a client without dynamic registration gets no registration requests', async () => {
  const c = await LspClient.start({ capabilities: {} });
  try {
    // A round trip after `initialized`: any registration would have been sent before this answer.
    await c.hover('file:///nowhere.emend', { line: 0, character: 0 });
    assert.deepEqual(c.registrations, []);
  } finally {
    assert.equal(await c.stop(), 0);
  }
});
