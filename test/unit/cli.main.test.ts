import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli-helpers';
import { COMMANDS } from '../../server/src/cli/main';

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };

test('emend with no arguments prints usage on stderr and exits 2', async () => {
  const r = await runCli([], { cwd });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^usage: emend COMMAND/);
});

test('emend --help and -h print usage listing every command on stdout and exit 0', async () => {
  for (const flag of ['--help', '-h', 'help']) {
    const r = await runCli([flag], { cwd });
    assert.equal(r.code, 0, flag);
    assert.equal(r.stderr, '');
    for (const c of COMMANDS)
      assert.match(r.stdout, new RegExp(`\\n  ${c.name} +${c.summary.replace(/[.()]/g, '\\$&')}`));
  }
});

test('emend --version prints the package version', async () => {
  for (const flag of ['--version', '-V']) {
    const r = await runCli([flag], { cwd });
    assert.deepEqual(r, { code: 0, stdout: `emend ${pkg.version}\n`, stderr: '' });
  }
});

test('emend COMMAND --help and emend help COMMAND print the command help', async () => {
  for (const c of COMMANDS) {
    const a = await runCli([c.name, '--help'], { cwd });
    const b = await runCli(['help', c.name], { cwd });
    assert.equal(a.code, 0);
    assert.equal(a.stdout, c.help + '\n');
    assert.deepEqual(b, a);
    assert.match(c.help, new RegExp(`^usage: emend ${c.name} `));
  }
});

test('an unknown command is one line on stderr and exit 2', async () => {
  const r = await runCli(['rendr', 'x.emend'], { cwd });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    `emend: unknown command 'rendr' (did you mean render?); commands: ${COMMANDS.map((c) => c.name).join(', ')} (see emend --help)\n`,
  );
});

test('help for an unknown command is a usage error', async () => {
  const r = await runCli(['help', 'frobnicate'], { cwd });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^emend: unknown command 'frobnicate'/);
});

test('an option before the command is a usage error', async () => {
  const r = await runCli(['--frob'], { cwd });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.split('\n').length, 2);
  assert.match(r.stderr, /^emend: unknown option --frob/);
});
