// Running a Neovim check: Debian's Neovim, headless, as a second real LSP client. Each check is a Lua body run by
// nvim-harness.lua, which starts the built server over stdio on the document and writes what it saw as JSON.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SERVER, TEST_DIR } from './client';

export const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

/** Skip where Neovim is missing, unless CI is set (CI installs it; there a missing nvim is a failure). */
export const skipWithoutNvim =
  !hasNvim && !process.env.CI ? 'nvim is not installed (apt-get install neovim); CI requires it' : false;

/** Writes `text` to TEST_DIR/`name`, runs test/protocol/`script` on it in Neovim, and returns the JSON it wrote. */
export function runNvim(script: string, name: string, text: string): Record<string, unknown> {
  assert.ok(hasNvim, 'nvim must be installed when CI is set');
  const doc = join(TEST_DIR, name);
  writeFileSync(doc, text);
  const out = join(TEST_DIR, `${name}.json`);
  const dir = join(ROOT, 'test', 'protocol');
  const run = spawnSync(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(dir, script)}`],
    {
      env: {
        ...process.env,
        EMEND_NVIM_OUT: out,
        EMEND_NVIM_HARNESS: join(dir, 'nvim-harness.lua'),
        EMEND_DOC: doc,
        EMEND_SERVER: SERVER,
        EMEND_NODE: process.execPath,
      },
      encoding: 'utf8',
      timeout: 50_000,
    },
  );
  assert.equal(run.status, 0, `nvim failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
}
