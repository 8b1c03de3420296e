// Several pages: page breaks that name their images (`|page{12 | p12.jpg}`) give the facsimile one image a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  buildFacsimile,
  facsimileSpec,
  markedPages,
  pageAt,
  pageBreaks,
  breaksIn,
  unnamedImage,
  iou,
  type ImageLoad,
} from '../../server/src/core/index';
import { syntheticCase } from './facsimile-synthetic';

const jpeg = (name: string): ImageLoad => ({ name, info: { format: 'jpeg', width: 1400, height: 1200 } });

test('page breaks: found in document order, inside marks too', () => {
  const a = analyze('one |page{2} two ~~three |page{3 | c.jpg} four~~ five');
  assert.deepEqual(
    a.doc.paragraphs.flatMap((p) => pageBreaks(p.children)).map((b) => [b.n, b.image]),
    [
      ['2', ''],
      ['3', 'c.jpg'],
    ],
  );
});

test('the pages: the text before the first break is a page only when it holds text', () => {
  const src = 'before\n\n|page{1 | a.jpg}\none\n\n|page{2 | b.jpg}\ntwo';
  assert.deepEqual(
    markedPages(analyze(src).doc).map((p) => [src.slice(p.start, p.start + 6), p.n, p.image]),
    [
      ['before', '', ''],
      ['|page{', '1', 'a.jpg'],
      ['|page{', '2', 'b.jpg'],
    ],
  );
  const top = '|page{1 | a.jpg}\none\n\n|page{2 | b.jpg}\ntwo';
  assert.deepEqual(
    markedPages(analyze(top).doc).map((p) => p.n),
    ['1', '2'],
  );
  // A note before the first break is no text of a page.
  assert.deepEqual(
    markedPages(analyze('%{from the archive}\n|page{1 | a.jpg} one').doc).map((p) => p.n),
    ['1'],
  );
  assert.deepEqual(markedPages(analyze('no breaks at all').doc), []);
});

test('pageAt: the page an offset falls on', () => {
  const starts = [0, 10, 20];
  assert.deepEqual(
    [-1, 0, 9, 10, 19, 20, 99].map((o) => pageAt(starts, o)),
    [-1, 0, 0, 1, 1, 2, 2],
  );
  assert.equal(pageAt([], 5), -1);
});

test('facsimileSpec: the header alone names the image of every page, as before', () => {
  const s = facsimileSpec(analyze('---\nfacsimile: p.jpg\nlayout: p.xml\n---\none |page{2} two'));
  assert.deepEqual(s, { images: ['p.jpg'], layouts: ['p.xml'], pageStarts: [], layoutPerPage: false });
});

test("facsimileSpec: page breaks name the images; the first page falls back on the header's", () => {
  const src = '---\nfacsimile: first.jpg\n---\none\n|page{2 | second.jpg} two\n|page{3} three';
  const s = facsimileSpec(analyze(src));
  assert.deepEqual(s.images, ['first.jpg', 'second.jpg', '']);
  assert.deepEqual(
    s.pageStarts.map((o) => src.slice(o, o + 3)),
    ['one', '|pa', '|pa'],
  );
  const top = facsimileSpec(analyze('---\nfacsimile: first.jpg\n---\n|page{1}\none\n|page{2 | second.jpg} two'));
  assert.deepEqual(top.images, ['first.jpg', 'second.jpg']);
});

test('buildFacsimile: a page whose break names no image is one clear error, the other pages are shown', () => {
  const a = analyze('|page{1 | a.jpg} one |page{2} two');
  const spec = facsimileSpec(a);
  const images = spec.images.map((name, k) => (name ? jpeg(name) : { name, error: unnamedImage(k) }));
  const f = buildFacsimile(a, images, []);
  assert.deepEqual(f.errors, ['Page 2 has no image: name it in its page break, as in `|page{12 | p12.jpg}`.']);
  assert.deepEqual(
    f.pages.map((p) => [p.image, p.width]),
    [
      ['a.jpg', 1400],
      ['', 0],
    ],
  );
});

test('without a layout, each word is on the page its break gives (so the viewer can show it, to draw on)', () => {
  const a = analyze('|page{1 | a.jpg} one two\n|page{2 | b.jpg} three');
  const f = buildFacsimile(a, [jpeg('a.jpg'), jpeg('b.jpg')], []);
  assert.deepEqual(
    f.words.map((w) => [w.text, w.page, w.box]),
    [
      ['one', 0, null],
      ['two', 0, null],
      ['three', 1, null],
    ],
  );
  // Without page breaks naming images a word with no box is on no page, as before.
  const one = buildFacsimile(analyze('---\nfacsimile: a.jpg\n---\none two'), [jpeg('a.jpg')], []);
  assert.deepEqual(
    one.words.map((w) => w.page),
    [-1, -1],
  );
});

for (const seed of [1, 7]) {
  test(`synthetic two pages, each begun by its page break naming its image (seed ${seed})`, () => {
    const c = syntheticCase(seed, 18, 7, true);
    const a = analyze(c.source);
    const spec = facsimileSpec(a);
    assert.deepEqual(spec.images, ['page-1.jpg', 'page-2.jpg']);
    const f = buildFacsimile(a, spec.images.map(jpeg), [
      { name: 'ocr.xml', load: { ok: true, layout: { format: 'PAGE 2019', pages: c.pages } } },
    ]);
    assert.deepEqual(f.errors, []);
    let good = 0,
      total = 0;
    for (const w of f.words) {
      const t = c.truth.get(w.start);
      if (!t) continue;
      total++;
      if (w.box && w.page === t.page && !w.approximate && iou(w.box, t.box) >= 0.5) good++;
    }
    assert.ok(total > 200);
    assert.ok(good / total >= 0.97, `${good} of ${total}`);
    // The words of a passage the layout lacks have no box but are on the first page, where the breaks put them.
    for (const at of c.missing) {
      const w = f.words.find((x) => x.start === at)!;
      assert.equal(w.box, null);
      assert.equal(w.page, 0);
    }
    // The page breaks' numbers and image names are no words of the page.
    assert.ok(!f.words.some((w) => /page|jpg|\|/.test(w.text)), 'no word from a page break');
  });
}

test('a page break may name its layout file after its image', () => {
  const a = analyze('|page{2 | p2.jpg | p2.page.xml} two |page{3 | p3.jpg} three |column{2 |  | c.xml}');
  assert.deepEqual(
    a.doc.paragraphs.flatMap((p) => breaksIn(p.children)).map((b) => [b.kind, b.n, b.image, b.layout]),
    [
      ['page', '2', 'p2.jpg', 'p2.page.xml'],
      ['page', '3', 'p3.jpg', ''],
      ['column', '2', '', 'c.xml'],
    ],
  );
});

test("facsimileSpec: page breaks naming layouts give each page its own; the first falls back on the header's", () => {
  const src = '---\nfacsimile: a.jpg\nlayout: a.xml\n---\none\n|page{2 | b.jpg} two\n|page{3 | c.jpg | c.xml} three';
  const s = facsimileSpec(analyze(src));
  assert.deepEqual([s.images, s.layouts, s.layoutPerPage], [['a.jpg', 'b.jpg', 'c.jpg'], ['a.xml', '', 'c.xml'], true]);
  // Without a page break naming a layout, the header's one layout serves all pages, as before.
  const one = facsimileSpec(analyze('---\nlayout: all.xml\n---\n|page{1 | a.jpg} one |page{2 | b.jpg} two'));
  assert.deepEqual([one.layouts, one.layoutPerPage], [['all.xml'], false]);
});

for (const seed of [3, 11]) {
  test(`synthetic two pages, each with its own layout file named in its page break (seed ${seed})`, () => {
    const c = syntheticCase(seed, 18, 7, 'with layouts');
    const a = analyze(c.source);
    const spec = facsimileSpec(a);
    assert.deepEqual(spec.layouts, ['page-1.page.xml', 'page-2.page.xml']);
    const f = buildFacsimile(
      a,
      spec.images.map(jpeg),
      spec.layouts.map((name, k) => ({
        name,
        load: { ok: true as const, layout: { format: 'PAGE 2019' as const, pages: [c.pages[k]!] } },
      })),
    );
    assert.deepEqual(f.errors, []);
    let good = 0,
      total = 0;
    for (const w of f.words) {
      const t = c.truth.get(w.start);
      if (!t) continue;
      total++;
      if (w.box && w.page === t.page && !w.approximate && iou(w.box, t.box) >= 0.5) good++;
    }
    assert.ok(good / total >= 0.97, `${good} of ${total}`);
  });
}

test('a page with no layout between two that have one keeps the pages paired with their images', () => {
  const c = syntheticCase(5, 18, 7, 'with layouts');
  // Three pages: the synthetic two, and an empty page between them with an image and no layout.
  const second = c.source.indexOf('|page{2');
  const src = c.source.slice(0, second) + '|page{1a | blank.jpg}\n' + c.source.slice(second);
  const a = analyze(src);
  const spec = facsimileSpec(a);
  assert.deepEqual(spec.layouts, ['page-1.page.xml', '', 'page-2.page.xml']);
  const layout = (k: number) => ({
    ok: true as const,
    layout: { format: 'PAGE 2019' as const, pages: k < 0 ? [] : [c.pages[k]!] },
  });
  const f = buildFacsimile(a, spec.images.map(jpeg), [
    { name: spec.layouts[0]!, load: layout(0) },
    { name: '', load: layout(-1) },
    { name: spec.layouts[2]!, load: layout(1) },
  ]);
  assert.deepEqual(f.errors, []);
  const shift = '|page{1a | blank.jpg}\n'.length;
  let onPage3 = 0;
  for (const w of f.words) {
    const t = c.truth.get(w.start >= second + shift ? w.start - shift : w.start);
    if (!t || !w.box) continue;
    assert.equal(w.page, t.page === 0 ? 0 : 2, w.text);
    if (w.page === 2) onPage3++;
  }
  assert.ok(onPage3 > 100);
});
