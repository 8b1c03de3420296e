import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './cli-helpers';

const LETTER = 'Dear ~~Sir~~ ^{Madam},\n\nI ~~write~~ ^{wrote} to you.\n';

test('render prints the final reading by default', async () => {
  const t = tempTree({ 'a.emend': LETTER });
  try {
    const r = await runCli(['render', 'a.emend'], { cwd: t.dir });
    assert.deepEqual(r, { code: 0, stdout: 'Dear Madam,\n\nI wrote to you.\n', stderr: '' });
  } finally {
    t.cleanup();
  }
});

test('render --reading draft, -r draft and --reading=draft agree', async () => {
  const t = tempTree({ 'a.emend': LETTER });
  try {
    for (const args of [['--reading', 'draft'], ['-r', 'draft'], ['--reading=draft'], ['-rdraft']]) {
      const r = await runCli(['render', ...args, 'a.emend'], { cwd: t.dir });
      assert.deepEqual(r, { code: 0, stdout: 'Dear Sir,\n\nI write to you.\n', stderr: '' }, args.join(' '));
    }
  } finally {
    t.cleanup();
  }
});

test('render --reading diplomatic brackets deletions and insertions', async () => {
  const r = await runCli(['render', '--reading', 'diplomatic', '-'], { cwd: process.cwd(), stdin: 'a ~~b~~ ^{c} d' });
  assert.deepEqual(r, { code: 0, stdout: 'a ⟦b⟧ ⸌c⸍ d\n', stderr: '' });
});

test('render reads standard input for -', async () => {
  const r = await runCli(['render', '-'], { cwd: process.cwd(), stdin: 'one ~~two~~ three' });
  assert.deepEqual(r, { code: 0, stdout: 'one three\n', stderr: '' });
});

test('render drops a UTF-8 byte-order mark', async () => {
  const r = await runCli(['render', '-'], { cwd: process.cwd(), stdin: Buffer.from('\ufeffword', 'utf8') });
  assert.equal(r.stdout, 'word\n');
});

test('render of a bad --reading value is a usage error naming the choices', async () => {
  const r = await runCli(['render', '--reading', 'fair', '-'], { cwd: process.cwd(), stdin: 'x' });
  assert.deepEqual(r, {
    code: 2,
    stdout: '',
    stderr: "emend render: --reading must be draft, final or diplomatic, not 'fair' (see emend render --help)\n",
  });
});

test('render --reading with no value is a usage error', async () => {
  const r = await runCli(['render', 'a.emend', '--reading'], { cwd: process.cwd() });
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    'emend render: --reading needs a value (draft, final or diplomatic) (see emend render --help)\n',
  );
});

test('render of an unknown format is a usage error', async () => {
  const r = await runCli(['render', '--format', 'pdf', '-'], { cwd: process.cwd(), stdin: 'x' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^emend render: --format must be text.*, not 'pdf'/);
});

test('render with no files is a usage error', async () => {
  const r = await runCli(['render'], { cwd: process.cwd() });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^emend render: no files given/);
});

test('render of a missing file still renders the others and exits 2', async () => {
  const t = tempTree({ 'a.emend': 'kept' });
  try {
    const r = await runCli(['render', 'missing.emend', 'a.emend'], { cwd: t.dir });
    assert.deepEqual(r, {
      code: 2,
      stdout: 'kept\n',
      stderr: 'emend render: missing.emend: no such file or directory\n',
    });
  } finally {
    t.cleanup();
  }
});

test('render of a directory renders every .emend file below it in path order, skipping others', async () => {
  const t = tempTree({
    'd/b.emend': 'B',
    'd/a.emend': 'A',
    'd/sub/c.emend': 'C',
    'd/notes.txt': 'no',
    'd/.hidden/x.emend': 'no',
    'd/node_modules/y.emend': 'no',
  });
  try {
    const r = await runCli(['render', 'd'], { cwd: t.dir });
    assert.deepEqual(r, { code: 0, stdout: 'A\nB\nC\n', stderr: '' });
  } finally {
    t.cleanup();
  }
});

test('a directory without .emend files is an error', async () => {
  const t = tempTree({ 'd/notes.txt': 'no' });
  try {
    const r = await runCli(['render', 'd'], { cwd: t.dir });
    assert.deepEqual(r, { code: 2, stdout: '', stderr: 'emend render: d: directory holds no *.emend files\n' });
  } finally {
    t.cleanup();
  }
});

test('render of a binary file is a one-line error', async () => {
  const t = tempTree({ 'x.emend': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x01]) });
  try {
    const r = await runCli(['render', 'x.emend'], { cwd: t.dir });
    assert.deepEqual(r, {
      code: 2,
      stdout: '',
      stderr:
        'emend render: x.emend: is a binary file, not text: line 1, column 6 holds a NUL byte (offset 5 in the file)\n',
    });
  } finally {
    t.cleanup();
  }
});

test('render of invalid UTF-8 names the line and column, and the offset of the byte in the file', async () => {
  const t = tempTree({
    'x.emend': Buffer.concat([Buffer.from('ok\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait')]),
  });
  try {
    const r = await runCli(['render', 'x.emend'], { cwd: t.dir });
    assert.deepEqual(r, {
      code: 2,
      stdout: '',
      stderr:
        'emend render: x.emend: is not valid UTF-8: line 2, column 4 holds the byte 0xE9 (offset 6 in the file); save it as UTF-8\n',
    });
  } finally {
    t.cleanup();
  }
});

test('render of UTF-16 text says so', async () => {
  const t = tempTree({ 'x.emend': Buffer.from('\ufeffhi', 'utf16le') });
  try {
    const r = await runCli(['render', 'x.emend'], { cwd: t.dir });
    assert.equal(r.stderr, 'emend render: x.emend: is UTF-16 text; save it as UTF-8\n');
    assert.equal(r.code, 2);
  } finally {
    t.cleanup();
  }
});

test('render --out-dir writes one file per input, keeping the directory layout', async () => {
  const t = tempTree({ 'in/a.emend': 'a ~~b~~', 'in/sub/c.emend': '^{c}' });
  try {
    const r = await runCli(['render', '--out-dir', 'out', 'in'], { cwd: t.dir });
    assert.deepEqual(r, { code: 0, stdout: '', stderr: '' });
    assert.equal(readFileSync(join(t.dir, 'out/a.txt'), 'utf8'), 'a\n');
    assert.equal(readFileSync(join(t.dir, 'out/sub/c.txt'), 'utf8'), 'c\n');
  } finally {
    t.cleanup();
  }
});

test('render --out-dir refuses to overwrite one output with another', async () => {
  const t = tempTree({ 'x/a.emend': 'first', 'y/a.emend': 'second' });
  try {
    const r = await runCli(['render', '-o', 'out', 'x/a.emend', 'y/a.emend'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^emend render: y\/a\.emend: would overwrite the output of x\/a\.emend/);
    assert.equal(readFileSync(join(t.dir, 'out/a.txt'), 'utf8'), 'first\n');
  } finally {
    t.cleanup();
  }
});

test('render --out-dir with standard input is a usage error', async () => {
  const r = await runCli(['render', '-o', 'out', '-'], { cwd: process.cwd(), stdin: 'x' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot name an output for standard input/);
  assert.equal(existsSync(join(process.cwd(), 'out', '-.txt')), false);
});

test('standard input named twice is an error', async () => {
  const r = await runCli(['render', '-', '-'], { cwd: process.cwd(), stdin: 'x' });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, 'x\n');
  assert.equal(r.stderr, 'emend render: -: standard input can be read only once\n');
});

test('-- makes a file name that starts with a dash a file', async () => {
  const t = tempTree({ '--odd.emend': 'odd' });
  try {
    const r = await runCli(['render', '--', '--odd.emend'], { cwd: t.dir });
    assert.deepEqual(r, { code: 0, stdout: 'odd\n', stderr: '' });
  } finally {
    t.cleanup();
  }
});

test('progress is shown on a terminal for many files and cleared at the end', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 25; i++) files[`d/f${String(i).padStart(2, '0')}.emend`] = `w${i}`;
  const t = tempTree(files);
  try {
    const tty = await runCli(['render', 'd'], { cwd: t.dir, tty: true });
    assert.match(tty.stderr, /rendering 1\/25 d\/f00\.emend/);
    assert.ok(tty.stderr.endsWith('\r\x1b[K'));
    const pipe = await runCli(['render', 'd'], { cwd: t.dir, tty: false });
    assert.equal(pipe.stderr, '');
    assert.equal(pipe.stdout, tty.stdout);
  } finally {
    t.cleanup();
  }
});

test('a directory that links back to itself is walked once', async () => {
  const t = tempTree({ 'd/a.emend': 'A', 'd/sub/b.emend': 'B' });
  try {
    symlinkSync(join(t.dir, 'd'), join(t.dir, 'd', 'sub', 'loop'));
    const r = await runCli(['render', 'd/'], { cwd: t.dir });
    assert.deepEqual(r, { code: 0, stdout: 'A\nB\n', stderr: '' });
  } finally {
    t.cleanup();
  }
});

test('a file named twice, directly and through its directory, is read once', async () => {
  const t = tempTree({ 'd/a.emend': 'A' });
  try {
    const r = await runCli(['render', 'd/a.emend', 'd'], { cwd: t.dir });
    assert.deepEqual(r, { code: 0, stdout: 'A\n', stderr: '' });
  } finally {
    t.cleanup();
  }
});
