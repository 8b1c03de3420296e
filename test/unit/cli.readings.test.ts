// How supplied text and gaps show in `emend render`: the flags, the nearest .emend.json, and which wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProjectConfig } from '../../server/src/core/index';
import { runCli, tempTree } from './cli-helpers';

const TEXT = 'He +{was} here _{3 words} and _lost{ca. 5 letters}.\n';

test('render shows supplied text in brackets and a gap as […] by default', async () => {
  const r = await runCli(['render', '-'], { cwd: process.cwd(), stdin: TEXT });
  assert.deepEqual(r, { code: 0, stdout: 'He [was] here […] and […].\n', stderr: '' });
});

test('render --supplied plain --gap description', async () => {
  const r = await runCli(['render', '--supplied', 'plain', '--gap', 'description', '-'], {
    cwd: process.cwd(),
    stdin: TEXT,
  });
  assert.deepEqual(r, {
    code: 0,
    stdout: 'He was here [3 words illegible] and [about 5 letters lost].\n',
    stderr: '',
  });
});

test('render refuses an unknown style', async () => {
  const r = await runCli(['render', '--gap', 'dots', '-'], { cwd: process.cwd(), stdin: TEXT });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--gap must be ellipsis or description, not 'dots'/);
});

test('render follows the nearest .emend.json, and a flag overrides it', async () => {
  const t = tempTree({
    '.emend.json': '{"supplied": "plain", "gap": "description"}',
    'sub/a.emend': TEXT,
  });
  try {
    const r = await runCli(['render', 'sub/a.emend'], { cwd: t.dir });
    assert.deepEqual(r, {
      code: 0,
      stdout: 'He was here [3 words illegible] and [about 5 letters lost].\n',
      stderr: '',
    });
    const flag = await runCli(['render', '--supplied', 'brackets', 'sub/a.emend'], { cwd: t.dir });
    assert.deepEqual(flag, {
      code: 0,
      stdout: 'He [was] here [3 words illegible] and [about 5 letters lost].\n',
      stderr: '',
    });
  } finally {
    t.cleanup();
  }
});

test('.emend.json: "supplied" and "gap" are read and checked', () => {
  assert.deepEqual(parseProjectConfig('{"supplied": "plain", "gap": "description"}'), {
    config: { severity: {}, readings: { supplied: 'plain', gap: 'description' } },
    errors: [],
  });
  assert.deepEqual(parseProjectConfig('{"gap": "ellipsis"}'), {
    config: { severity: {}, readings: { gap: 'ellipsis' } },
    errors: [],
  });
  assert.deepEqual(parseProjectConfig('{"supplied": "none", "gap": 3}'), {
    config: { severity: {} },
    errors: [
      '.emend.json: "supplied" must be one of brackets, plain',
      '.emend.json: "gap" must be one of ellipsis, description',
    ],
  });
});

test('render --format html --sigla leiden draws the editorial marks in the Leiden conventions; editorial by default', async () => {
  const src = 'A ?{word|ward} here |page{2}\n';
  const leiden = await runCli(['render', '--format', 'html', '--sigla', 'leiden', '-'], {
    cwd: process.cwd(),
    stdin: src,
  });
  assert.equal(leiden.code, 0, leiden.stderr);
  assert.match(
    leiden.stdout,
    /<span class="emend-unclear emend-leiden" title="Unclear: word or ward">w\u0323o\u0323r\u0323d\u0323<\/span>/,
  );
  assert.match(leiden.stdout, />\|2\|<\/span>/);
  const plain = await runCli(['render', '--format', 'html', '-'], { cwd: process.cwd(), stdin: src });
  assert.doesNotMatch(plain.stdout, /class="emend-unclear emend-leiden"/);
  assert.match(plain.stdout, /emend-unclear emend-editorial/);
  const bad = await runCli(['render', '--format', 'html', '--sigla', 'roman', '-'], { cwd: process.cwd(), stdin: src });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--sigla must be editorial or leiden, not 'roman'/);
});
