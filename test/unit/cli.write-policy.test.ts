// The command line's write policy (cli/outputs.ts, README "What emend writes"): no command replaces a file it did
// not itself write from the same input unless told to (--force), and none ever writes over one of its inputs, a
// witness or a file a header names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './cli-helpers';

const ORIGINAL_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><!-- the archive\'s own edition --></TEI>\n';

test("render --out-dir . leaves alone the archive's letter.xml beside letter.emend, unless told to replace it", async () => {
  const t = tempTree({ 'letter.xml': ORIGINAL_TEI, 'letter.emend': 'Dear ~~Sir~~ ^{Madam}' });
  try {
    const r = await runCli(['render', '--format', 'tei', '--out-dir', '.', 'letter.emend'], { cwd: t.dir });
    assert.deepEqual(r, {
      code: 2,
      stdout: '',
      stderr:
        'emend render: letter.emend: letter.xml exists and emend did not write it from this input; not replaced (use --force to replace it)\n',
    });
    assert.equal(readFileSync(join(t.dir, 'letter.xml'), 'utf8'), ORIGINAL_TEI);
    const forced = await runCli(['render', '-f', 'tei', '-o', '.', '--force', 'letter.emend'], { cwd: t.dir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(t.dir, 'letter.xml'), 'utf8'), /<del[^>]*>Sir<\/del>/);
  } finally {
    t.cleanup();
  }
});

test('the witness is never written over, not even with --force', async () => {
  const t = tempTree({
    'letter.emend': '---\nwitness: letter.txt\n---\nDear Madam',
    'letter.txt': 'Dear Madam, as sent',
  });
  try {
    for (const extra of [[], ['--force']]) {
      const r = await runCli(['render', '--out-dir', '.', ...extra, 'letter.emend'], { cwd: t.dir });
      assert.equal(r.code, 2);
      assert.equal(
        r.stderr,
        'emend render: letter.emend: letter.txt is named in the header of letter.emend (witness:); emend never writes over a file it reads\n',
      );
      assert.equal(readFileSync(join(t.dir, 'letter.txt'), 'utf8'), 'Dear Madam, as sent');
    }
  } finally {
    t.cleanup();
  }
});

test("no file another input's header names, and no input, is written over, even by another input's output", async () => {
  const t = tempTree({
    'a.emend': 'first',
    // b.emend's layout file is where a's HTML page would go; c.txt is itself an input (a transcription in .txt).
    'b.emend': '---\nlayout: a.html\n---\nsecond',
    'a.html': '<PcGts/>',
    'c.emend': 'third',
    'c.txt': 'a transcription kept as text',
  });
  try {
    const html = await runCli(['render', '-f', 'html', '-o', '.', '--force', 'a.emend', 'b.emend'], { cwd: t.dir });
    assert.equal(html.code, 2);
    assert.match(html.stderr, /^emend render: a\.emend: a\.html is named in the header of b\.emend \(layout:\)/);
    assert.equal(readFileSync(join(t.dir, 'a.html'), 'utf8'), '<PcGts/>');
    assert.ok(existsSync(join(t.dir, 'b.html')));
    const text = await runCli(['render', '-o', '.', '--force', 'c.emend', 'c.txt'], { cwd: t.dir });
    assert.equal(text.code, 2);
    assert.match(
      text.stderr,
      /^emend render: c\.emend: c\.txt is one of the inputs; emend never writes over a file it reads/,
    );
    assert.equal(readFileSync(join(t.dir, 'c.txt'), 'utf8'), 'a transcription kept as text');
  } finally {
    t.cleanup();
  }
});

test("render again after an edit replaces its own output; a hand-edited output or another input's is kept", async () => {
  const t = tempTree({ 'x/a.emend': 'one ~~two~~', 'y/a.emend': 'other' });
  try {
    assert.equal((await runCli(['render', '-o', 'out', 'x/a.emend'], { cwd: t.dir })).code, 0);
    writeFileSync(join(t.dir, 'x/a.emend'), 'one ^{three}');
    assert.deepEqual(await runCli(['render', '-o', 'out', 'x/a.emend'], { cwd: t.dir }), {
      code: 0,
      stdout: '',
      stderr: '',
    });
    assert.equal(readFileSync(join(t.dir, 'out/a.txt'), 'utf8'), 'one three\n');
    assert.ok(existsSync(join(t.dir, 'out/.emend-outputs.json')));
    // Another input with the same name is not the same input.
    const other = await runCli(['render', '-o', 'out', 'y/a.emend'], { cwd: t.dir });
    assert.equal(other.code, 2);
    assert.match(other.stderr, /out\/a\.txt exists and emend did not write it from this input/);
    // A hand edit is kept, until --force.
    writeFileSync(join(t.dir, 'out/a.txt'), 'one three, corrected by hand\n');
    const edited = await runCli(['render', '-o', 'out', 'x/a.emend'], { cwd: t.dir });
    assert.equal(edited.code, 2);
    assert.match(
      edited.stderr,
      /out\/a\.txt was changed since emend wrote it; not replaced \(use --force to replace it\)/,
    );
    assert.equal(readFileSync(join(t.dir, 'out/a.txt'), 'utf8'), 'one three, corrected by hand\n');
    assert.equal((await runCli(['render', '-o', 'out', '--force', 'x/a.emend'], { cwd: t.dir })).code, 0);
    assert.equal(readFileSync(join(t.dir, 'out/a.txt'), 'utf8'), 'one three\n');
  } finally {
    t.cleanup();
  }
});

test('an output folder that cannot be made fails at once, in one line', async () => {
  const t = tempTree({ 'a.emend': 'x', 'file.txt': 'not a folder' });
  try {
    const r = await runCli(['render', '-o', 'file.txt/out', 'a.emend'], { cwd: t.dir });
    assert.deepEqual(r, {
      code: 2,
      stdout: '',
      stderr: `emend render: --out-dir: cannot make the folder ${join(t.dir, 'file.txt/out')}: ${join(t.dir, 'file.txt')} is not a folder\n`,
    });
    if (existsSync('/proc/self')) {
      // Node's recursive mkdir retries for minutes under /proc; emend makes one level at a time.
      const started = Date.now();
      const proc = await runCli(['render', '--out-dir', '/proc/none', 'a.emend', 'a.emend'], { cwd: t.dir });
      assert.deepEqual(proc, {
        code: 2,
        stdout: '',
        stderr: 'emend render: --out-dir: cannot make the folder /proc/none: no such file or directory\n',
      });
      assert.ok(Date.now() - started < 30_000, 'it failed at once, not after retrying');
    }
  } finally {
    t.cleanup();
  }
});

test('import -o never writes over the TEI file it reads; it replaces its own unchanged output', async () => {
  const tei =
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>to <del>x</del><add>y</add></p></body></text></TEI>';
  const t = tempTree({ 'a.xml': tei });
  try {
    const self = await runCli(['import', '-o', 'a.xml', '--force', 'a.xml'], { cwd: t.dir });
    assert.equal(self.code, 2);
    assert.equal(
      self.stderr,
      'emend import: a.xml is the TEI file being imported; emend never writes over a file it reads\n',
    );
    assert.equal(readFileSync(join(t.dir, 'a.xml'), 'utf8'), tei);
    assert.equal((await runCli(['import', '-o', 'a.emend', 'a.xml'], { cwd: t.dir })).code, 0);
    assert.equal((await runCli(['import', '-o', 'a.emend', 'a.xml'], { cwd: t.dir })).code, 0);
    writeFileSync(join(t.dir, 'a.emend'), 'to ~~x~~ ^{y}, transcribed further\n');
    const again = await runCli(['import', '-o', 'a.emend', 'a.xml'], { cwd: t.dir });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /a\.emend was changed since emend wrote it/);
    assert.equal(readFileSync(join(t.dir, 'a.emend'), 'utf8'), 'to ~~x~~ ^{y}, transcribed further\n');
  } finally {
    t.cleanup();
  }
});
