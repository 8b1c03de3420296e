// Smoke test in a second real client: Debian's Neovim, headless. The server must follow the protocol, not only
// VS Code's habits: Neovim 0.7–0.9 does not pull diagnostics, so this also proves the push fallback.
// Skipped when `nvim` is missing, unless CI is set (CI installs it; there a missing nvim is a failure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runNvim, skipWithoutNvim as skip } from './nvim';

test('Neovim starts the server, gets the diagnostics and a hover', { skip, timeout: 60_000 }, () => {
  const result = runNvim(
    'nvim-smoke.lua',
    'nvim-letter.emend',
    'Dear Sir,\nwe must ~~eliminate~~ ^{relieve} the concerns. ^{unclosed\n',
  );
  assert.equal(result.error, null);
  assert.equal(result.ok, true);
  assert.equal(result.waited, true);
  assert.deepEqual(result.diagnostics, [
    {
      code: 'unclosed-insertion',
      lnum: 1,
      col: 47,
      end_lnum: 1,
      end_col: 49,
      severity: 1,
      source: 'emend',
      message: 'This insertion is never closed; add “}” where it ends.',
    },
  ]);
  assert.deepEqual(result.hover, {
    contents: {
      kind: 'markdown',
      value:
        '**Substitution:** eliminate → relieve\n\n*Draft:* Dear Sir\\, we must **eliminate** the concerns\\.\n\n' +
        '*Final:* Dear Sir\\, we must **relieve** the concerns\\.',
    },
    range: { start: { line: 1, character: 8 }, end: { line: 1, character: 32 } },
  });
  assert.equal(result.hover_error, null);
  assert.equal(result.plain_hover, null);
  assert.equal(result.stopped, true);
});
