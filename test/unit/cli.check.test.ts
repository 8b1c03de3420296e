import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempTree } from './cli-helpers';
import type { JsonReport } from '../../server/src/cli/commands/check';

test('check of a clean file prints nothing and exits 0', async () => {
  const r = await runCli(['check', '-'], { cwd: process.cwd(), stdin: 'a ~~b~~ ^{c} d\n' });
  assert.deepEqual(r, { code: 0, stdout: '', stderr: '' });
});

test('check prints FILE:LINE:COL: severity code message and exits 1 on an error', async () => {
  const t = tempTree({ 'a.emend': 'first line\nsecond ~~open\n' });
  try {
    const r = await runCli(['check', 'a.emend'], { cwd: t.dir });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      'a.emend:2:8: error unclosed-deletion This deletion is never closed; add `~~` where it ends.\n',
    );
  } finally {
    t.cleanup();
  }
});

test('check exits 0 when the only problems are warnings', async () => {
  const r = await runCli(['check', '-'], { cwd: process.cwd(), stdin: 'a } b' });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^-:1:3: warning stray-closer /);
});

test('check --format json gives positions, offsets, fixes and a summary', async () => {
  const r = await runCli(['check', '--format', 'json', '-'], { cwd: process.cwd(), stdin: 'x ^{}' });
  assert.equal(r.code, 0);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.equal(report.version, 1);
  assert.deepEqual(report.summary, { error: 0, warning: 1, information: 0, hint: 0 });
  assert.equal(report.files.length, 1);
  const f = report.files[0]!;
  assert.equal(f.file, '-');
  assert.equal(f.problems.length, 1);
  const p = f.problems[0]!;
  assert.equal(p.code, 'empty-mark');
  assert.deepEqual(p.start, { line: 1, column: 3, offset: 2 });
  assert.deepEqual(p.end, { line: 1, column: 6, offset: 5 });
  assert.deepEqual(p.fixes, [
    // The space before it goes too: the readings leave it out (`x`), and so does the fix.
    { title: 'Remove the empty mark', preferred: true, edits: [{ start: 1, end: 5, newText: '' }] },
  ]);
});

test('check applies the nearest .emend.json above the file', async () => {
  const t = tempTree({
    '.emend.json': '{"severity": {"stray-closer": "error"}}',
    'quiet/.emend.json': '{"severity": {"stray-closer": "off"}}',
    'loud/a.emend': 'a }',
    'quiet/deep/b.emend': 'b }',
  });
  try {
    const r = await runCli(['check', 'loud/a.emend', 'quiet/deep/b.emend'], { cwd: t.dir });
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      'loud/a.emend:1:3: error stray-closer This `}` closes nothing (no `^{` or `+{` is open); it is kept as text.\n',
    );
  } finally {
    t.cleanup();
  }
});

test('check --config overrides the project file lookup', async () => {
  const t = tempTree({
    '.emend.json': '{"severity": {"stray-closer": "error"}}',
    'other.json': '{"severity": {"stray-closer": "hint"}}',
    'a.emend': 'a }',
  });
  try {
    const r = await runCli(['check', '--config', 'other.json', 'a.emend'], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^a\.emend:1:3: hint stray-closer /);
  } finally {
    t.cleanup();
  }
});

test('an invalid project file is reported once on stderr and makes the exit status 2', async () => {
  const t = tempTree({
    '.emend.json': '{"severity": {"no-such-code": "error"}}',
    'a.emend': 'fine',
    'b.emend': 'fine',
  });
  try {
    const r = await runCli(['check', 'a.emend', 'b.emend'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^emend check: .*\/\.emend\.json: unknown problem code "no-such-code"$/);
  } finally {
    t.cleanup();
  }
});

test('a missing --config file is an error', async () => {
  const r = await runCli(['check', '--config', 'nowhere.json', '-'], { cwd: process.cwd(), stdin: 'x' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nowhere\.json: no such file or directory/);
});

test('an unreadable input makes the exit status 2 even when others have errors', async () => {
  const t = tempTree({ 'bad.emend': '~~open' });
  try {
    const r = await runCli(['check', 'bad.emend', 'missing.emend'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^bad\.emend:1:1: error unclosed-deletion /);
    assert.equal(r.stderr, 'emend check: missing.emend: no such file or directory\n');
  } finally {
    t.cleanup();
  }
});

test('check --format json lists unreadable inputs under errors', async () => {
  const r = await runCli(['check', '-f', 'json', 'missing.emend', '-'], { cwd: process.cwd(), stdin: 'ok' });
  assert.equal(r.code, 2);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(report.errors, ['missing.emend: no such file or directory']);
  assert.deepEqual(
    report.files.map((f) => f.file),
    ['-'],
  );
});

test('check of an unknown option is a usage error', async () => {
  const r = await runCli(['check', '--strict', '-'], { cwd: process.cwd(), stdin: 'x' });
  assert.deepEqual(r, {
    code: 2,
    stdout: '',
    stderr: 'emend check: unknown option --strict (see emend check --help)\n',
  });
});

test('check on a terminal ends with a summary line on stderr', async () => {
  const r = await runCli(['check', '-'], { cwd: process.cwd(), stdin: '~~a', tty: true });
  assert.equal(r.stderr, '1 error, 0 warnings in 1 file\n');
});

test('check compares with the witness the header names, as the editor does', async () => {
  const t = tempTree({
    'a.emend': '---\nwitness: sent.txt\n---\n\nDear ~~Sir~~ ^{Madam}, I wrote to you.\n',
    'sent.txt': 'Dear Madam, I wrote for you.\n',
    'b.emend': '---\nwitness: missing.txt\n---\n\nx\n',
  });
  try {
    const r = await runCli(['check', 'a.emend', 'b.emend'], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      'a.emend:5:32: information witness-substitution The witness reads “for” (line 1) for “to”.\n' +
        `b.emend:2:1: warning witness-unavailable The witness missing.txt was not found (looked for ${join(t.dir, 'missing.txt')}).\n`,
    );
    const skipped = await runCli(['check', '--no-witness', 'a.emend', 'b.emend'], { cwd: t.dir });
    assert.deepEqual(skipped, { code: 0, stdout: '', stderr: '' });
  } finally {
    t.cleanup();
  }
});

test('witness problems follow the project file severities too', async () => {
  const t = tempTree({
    '.emend.json': '{"severity": {"witness-unavailable": "error"}}',
    'b.emend': '---\nwitness: missing.txt\n---\n\nx\n',
  });
  try {
    const r = await runCli(['check', 'b.emend'], { cwd: t.dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^b\.emend:2:1: error witness-unavailable /);
  } finally {
    t.cleanup();
  }
});
