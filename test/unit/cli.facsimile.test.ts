import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './cli-helpers';

const ROOT = join(__dirname, '..', '..', '..');
const KANT = join(ROOT, 'samples', 'kant-1784');

interface Out {
  pages: { image: string; width: number; height: number }[];
  words: { text: string; start: number; end: number; page: number; box: number[] | null; approximate: boolean }[];
}

test('emend facsimile --format json: the Kant sample, every word with its box in the exact shape', async () => {
  const r = await runCli(['facsimile', '--format', 'json', 'kant-1784-p484.emend'], { cwd: KANT });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout) as Out;
  assert.deepEqual(Object.keys(out), ['pages', 'words']);
  assert.deepEqual(out.pages, [{ image: 'page.jpg', width: 1457, height: 2084 }]);
  const source = readFileSync(join(KANT, 'kant-1784-p484.emend'), 'utf8');
  const first = out.words[0]!;
  assert.deepEqual(Object.keys(first), ['text', 'start', 'end', 'page', 'box', 'approximate']);
  assert.equal(first.text, 'gewiegelt');
  assert.equal(source.slice(first.start, first.end), 'gewiegelt');
  for (const w of out.words) {
    assert.equal(source.slice(w.start, w.end), w.text);
    assert.equal(w.box!.length, 4);
    assert.ok(w.box!.every(Number.isInteger));
  }
});

test('emend facsimile: the text format, a missing image, a layout of another image, no layout', async () => {
  const kant = readFileSync(join(KANT, 'kant-1784-p484.emend'), 'utf8');
  const t = tempTree({
    'a.emend': kant,
    'ocr-tesseract.page.xml': readFileSync(join(KANT, 'ocr-tesseract.page.xml')),
    'page.jpg': readFileSync(join(KANT, 'page.jpg')),
    'missing.emend': kant.replace('facsimile: page.jpg', 'facsimile: gone.jpg'),
    'other.emend': kant.replace('layout: ocr-tesseract.page.xml', 'layout: other.page.xml'),
    'other.page.xml': `<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="x.tif" imageWidth="300" imageHeight="300"/></PcGts>`,
    'none.emend': '---\ntitle: x\n---\nwords\n',
    'bad.emend': kant.replace('layout: ocr-tesseract.page.xml', 'layout: a.emend'),
  });
  try {
    const text = await runCli(['facsimile', 'a.emend'], { cwd: t.dir });
    assert.equal(text.code, 0);
    const lines = text.stdout.split('\n');
    assert.equal(lines[0], 'a.emend: 204 words: 204 on their word, 0 on their line only, 0 not placed');
    assert.equal(lines[1], 'page 1: page.jpg, 1457 × 2084 px');
    assert.match(lines[2]!, /^8:1 {5}gewiegelt {9}page 1 {2}x 528 y 422 w 144 h 40$/);

    const missing = await runCli(['facsimile', 'missing.emend'], { cwd: t.dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^emend facsimile: The image gone.jpg was not found \(looked for .*gone.jpg\)\.\n$/);
    assert.match(missing.stdout, /page 1: gone.jpg, 1457 × 2084 px/);

    const other = await runCli(['facsimile', '--format', 'json', 'other.emend'], { cwd: t.dir });
    assert.equal(other.code, 1);
    assert.match(other.stderr, /describes an image of 300 × 300 px \(x.tif\), but page.jpg is 1457 × 2084 px/);
    assert.ok((JSON.parse(other.stdout) as Out).words.every((w) => w.box === null && w.page === -1));

    const none = await runCli(['facsimile', 'none.emend'], { cwd: t.dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /names no layout file in its header/);

    const bad = await runCli(['facsimile', 'bad.emend'], { cwd: t.dir });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /The layout file a.emend is not XML/);
  } finally {
    t.cleanup();
  }
});
