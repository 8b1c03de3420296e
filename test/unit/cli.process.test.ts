// The built `dist/cli.js` as a user runs it: exit statuses, standard input, no stack traces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[], input?: string | Buffer) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8' });
}

test('dist/cli.js is built (npm test builds it first)', () => {
  assert.ok(existsSync(cli), `missing ${cli}; run npm run build`);
});

test('the bundle prints its version and exits 0', () => {
  const r = run(['--version']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^emend \d+\.\d+\.\d+\n$/);
});

test('the bundle renders standard input', () => {
  const r = run(['render', '-'], 'a ~~b~~ ^{c}');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'a c\n');
});

test('the bundle checks the sample with no error-level problem', () => {
  const r = run(['check', 'samples/reagan-1985-draft.emend']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /: error /);
});

test('exit 1 on an error-level problem, 2 on a missing file, never a stack trace', () => {
  const errors = run(['check', '-'], '~~never closed');
  assert.equal(errors.status, 1);
  const missing = run(['check', 'no/such/file.emend']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'emend check: no/such/file.emend: no such file or directory\n');
  const binary = run(['render', '-'], Buffer.from([1, 2, 0, 3]));
  assert.equal(binary.status, 2);
  for (const r of [errors, missing, binary]) assert.doesNotMatch(r.stderr, /\n\s+at /);
});
