import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { render } from '../../server/src/cli/commands/render';
import type { CliIO } from '../../server/src/cli/command';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '',
    err = '';
  const io: CliIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stderrIsTTY: false,
    readStdin: async () => Buffer.from(stdin, 'utf8'),
    cwd: process.cwd(),
  };
  const code = await render.run(args, io);
  return { code, out, err };
}

test('render --format html prints a self-contained page of the diplomatic view by default', async () => {
  const r = await run(['--format', 'html', '-'], 'a ~~b~~ ^{c}');
  assert.equal(r.code, 0);
  assert.match(r.out, /^<!DOCTYPE html>\n/);
  assert.match(r.out, /data-view="diplomatic"/);
  assert.match(r.out, /<del class="emend-del">b<\/del> <ins class="emend-add">c<\/ins>/);
  assert.doesNotMatch(r.out, /<script|<link/);
});

test('render --format html --reading final shows the final view, titled after the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emend-render-'));
  const file = join(dir, 'letter <1>.emend');
  writeFileSync(file, 'a ~~b~~ ^{c}');
  const r = await run(['--format', 'html', '--reading', 'final', file]);
  assert.equal(r.code, 0);
  assert.match(r.out, /<title>letter &lt;1&gt;\.emend \(final\)<\/title>/);
  assert.match(r.out, />a c<\/p>/);
});

test('render --format html --view side-by-side gives two columns', async () => {
  const r = await run(['--format', 'html', '--view', 'side-by-side', '-'], 'a ~~b~~ ^{c}');
  assert.match(r.out, /emend-col-draft/);
  assert.match(r.out, /emend-col-final/);
});

test('render refuses an unknown format or view with exit code 2', async () => {
  const pdf = await run(['--format', 'pdf', '-']);
  assert.equal(pdf.code, 2);
  assert.match(pdf.err, /^emend render: --format must be text, html or tei, not 'pdf'/);
  const r = await run(['--format', 'html', '--view', 'nope', '-']);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'emend render: --format html takes a view: diplomatic, final, draft, side-by-side, collation\n');
  assert.equal((await run(['--view', 'side-by-side', '-'])).code, 2);
});

test('render without --format still prints the final reading as text', async () => {
  assert.deepEqual(await run(['-'], 'a ~~b~~ ^{c}'), { code: 0, out: 'a c\n', err: '' });
});
