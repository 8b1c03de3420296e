import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Analysis,
  collationBlocks,
  collationHtml,
  RenderCache,
  renderDocument,
  witnessHeaderEdit,
} from '../../server/src/core/index';
import { applyEdits, collateTexts } from './collate-helpers';

function withWitness(src: string, path: string): string {
  const r = witnessHeaderEdit(new Analysis(src), path);
  assert.ok('edits' in r);
  return applyEdits(src, r.edits);
}

test('the witness header edit creates a header block when there is none', () => {
  assert.equal(withWitness('Dear Sir', 'sent.txt'), '---\nwitness: sent.txt\n---\nDear Sir');
});

test('the witness header edit adds a line to an existing header, before its closing fence', () => {
  assert.equal(
    withWitness('---\ntitle: A letter\n---\nDear Sir', 'sent.txt'),
    '---\ntitle: A letter\nwitness: sent.txt\n---\nDear Sir',
  );
});

test('the witness header edit replaces the path of an existing witness line, keeping CRLF files CRLF', () => {
  assert.equal(withWitness('---\r\nwitness: old.txt\r\n---\r\nx', 'new.txt'), '---\r\nwitness: new.txt\r\n---\r\nx');
  assert.equal(withWitness('x\r\ny', 'w.txt'), '---\r\nwitness: w.txt\r\n---\r\nx\r\ny');
});

test('the witness header edit refuses an empty path or one with a line break', () => {
  assert.deepEqual(witnessHeaderEdit(new Analysis('x'), '  '), { error: 'The witness path is empty.' });
  assert.deepEqual(witnessHeaderEdit(new Analysis('x'), 'a\nb'), {
    error: 'A witness path cannot contain a line break.',
  });
});

test('the collation view marks variants with the witness reading beside them and gives the agreement', () => {
  const { analysis, c } = collateTexts('we must deal with it', 'we must cope with it');
  assert.equal(
    collationHtml(analysis, c),
    '<p class="emend-block emend-collation-summary" data-key="collation-0">Compared with witness.txt: ' +
      '<span class="emend-collation-agreement">80.0%</span> of the words agree (4 of 5); 1 variant.' +
      '<span class="emend-collation-legend" role="group" aria-label="Show the differences of each kind">' +
      '<label class="emend-filter emend-filter-substitution"><input type="checkbox" data-kind="substitution" checked> 1 other words</label>' +
      '</span></p>\n' +
      '<p class="emend-block emend-p emend-collation-p" data-line="0" data-line-end="0" data-key="collation-1">we must ' +
      '<span class="emend-variant emend-variant-substitution emend-kind-substitution" title="The witness reads “cope” (line 1) for “deal”.">deal</span>' +
      '<span class="emend-witness emend-kind-substitution">cope</span> with it</p>',
  );
});

test('the collation view shows additions where they stand and escapes hostile text on both sides', () => {
  const { analysis, c } = collateTexts('a <b> c', 'a <b> <img src=x onerror=alert(1)> c', '<w>.txt');
  const html = collationHtml(analysis, c);
  assert.ok(!html.includes('<img'), html);
  assert.ok(!html.includes('<b>'), html);
  assert.ok(html.includes('Compared with &lt;w&gt;.txt'));
  assert.ok(
    html.includes(
      '<span class="emend-witness-only emend-variant-addition emend-kind-addition" title="The witness adds “img src=x onerror=alert(1” after “b” (line 1).">img src=x onerror=alert(1</span> c',
    ),
    html,
  );
});

test('an omission shows an empty witness reading', () => {
  const { analysis, c } = collateTexts('one two three', 'one three');
  assert.ok(
    collationHtml(analysis, c).includes(
      '<span class="emend-variant emend-variant-omission emend-kind-omission" title="The witness lacks “two” (line 1: one «» three).">two</span>' +
        '<span class="emend-witness emend-kind-omission emend-witness-empty"></span>',
    ),
  );
});

test('the collation view keeps paragraphs with their source lines', () => {
  const { analysis, c } = collateTexts('---\nwitness: w.txt\n---\none two\n\nthree\nfour', 'one two three four');
  const blocks = collationBlocks(analysis, { collation: c });
  assert.deepEqual(
    blocks.map((b) => [b.line, b.endLine]),
    [
      [null, null],
      [3, 3],
      [5, 6],
    ],
  );
});

test('without a witness the view says why and still shows the final reading', () => {
  const analysis = new Analysis('to ~~eliminate~~ ^{relieve} <the>');
  const blocks = collationBlocks(analysis, { message: 'No <witness>.' });
  assert.deepEqual(
    blocks.map((b) => b.html),
    [
      '<p class="emend-block emend-collation-summary emend-collation-none" data-key="collation-0">No &lt;witness&gt;.</p>',
      '<p class="emend-block emend-p emend-collation-p" data-line="0" data-line-end="0" data-key="collation-1">to relieve &lt;the&gt;</p>',
    ],
  );
});

test("the collation view is one of the preview's views; the server supplies the witness", () => {
  const { analysis, c } = collateTexts('we must deal with it', 'we must cope with it');
  const withWitness = renderDocument(analysis, 'collation', new RenderCache(), { collation: { collation: c } });
  assert.ok(withWitness.blocks.some((b) => b.html.includes('emend-variant-substitution')));
  const without = renderDocument(analysis, 'collation');
  assert.match(without.blocks[0]!.html, /No witness to compare with/);
});

test('block keys stay the same while a paragraph is unchanged', () => {
  const cache = new RenderCache();
  const { analysis, c } = collateTexts('one two\n\nthree four', 'one two three four');
  const first = renderDocument(analysis, 'collation', cache, { collation: { collation: c } }).blocks;
  const again = collateTexts('one two\n\nthree five', 'one two three four');
  const second = renderDocument(again.analysis, 'collation', cache, { collation: { collation: again.c } }).blocks;
  assert.equal(first[1]!.key, second[1]!.key);
  assert.notEqual(first[2]!.key, second[2]!.key);
});

test('both stylesheets style every class the collation view writes, with a witness and without', async () => {
  const { readFileSync } = await import('node:fs');
  const { PAGE_CSS } = await import('../../server/src/core/index.js');
  const pairs: Array<[string, string]> = [
    ['we must deal with it and more', 'we must cope with THE HOUSE it more'],
    ['alpha beta gamma delta epsilon zeta eta theta', 'alpha beta epsilon zeta eta gamma delta theta'],
    ['speak frankly now', 'speak fromkly now now'],
  ];
  const classes = new Set<string>();
  for (const [a, b] of pairs) {
    const { analysis, c } = collateTexts(a, b);
    for (const html of [
      collationHtml(analysis, c),
      ...collationBlocks(analysis, { message: 'none' }).map((x) => x.html),
    ]) {
      for (const m of html.matchAll(/class="([^"]*)"/g)) for (const k of m[1]!.split(' ')) classes.add(k);
    }
  }
  for (const k of [
    'emend-variant-misreading',
    'emend-variant-substitution',
    'emend-variant-omission',
    'emend-variant-addition',
    'emend-variant-transposition',
    'emend-witness-empty',
  ]) {
    assert.ok(classes.has(k), k);
  }
  const preview = readFileSync('media/preview.css', 'utf8');
  for (const css of [preview, PAGE_CSS]) {
    const missing = [...classes].filter(
      (k) =>
        k !== 'emend-block' &&
        k !== 'emend-p' &&
        !k.startsWith('emend-variant-') &&
        !k.startsWith('emend-kind-') &&
        !k.startsWith('emend-filter-') &&
        !css.includes(`.${k}`),
    );
    assert.deepEqual(missing, []);
  }
});

test('one filter per kind present, its count on a checkbox; misreadings and paratext start unticked', () => {
  const { analysis, c } = collateTexts(
    'we must deal frankly with it\n\nand then some more words to read here and there now',
    'we must cope fromkly with it\n\nPAGE 2\n\nand then some more words read here here and there now',
  );
  const summary = collationBlocks(analysis, { collation: c })[0]!.html;
  const boxes = [...summary.matchAll(/<input type="checkbox" data-kind="([a-z]+)"( checked)?>/g)].map(
    (m) => `${m[1]}${m[2] ? ' ticked' : ''}`,
  );
  assert.deepEqual(boxes, [
    'substitution ticked',
    'omission ticked',
    'addition ticked',
    'repetition ticked',
    'misreading',
  ]);
  assert.match(summary, /> 1 misread<\/label>/);
});

test('a finding is marked as such, titled with its message, and filtered as a finding', () => {
  const src = 'Please ^{convey} give regards from Nancy and me to them all';
  const { analysis, c } = collateTexts(src, 'Please convey regards from Nancy and me to them all');
  const html = collationHtml(analysis, c);
  assert.ok(html.includes('<input type="checkbox" data-kind="finding" checked> 1 finding to act on</label>'), html);
  assert.match(
    html,
    /<span class="emend-variant emend-variant-omission emend-kind-finding" title="The witness lacks “give” after the insertion “convey” [^"]*probably a deletion not marked\.">give<\/span>/,
  );
  assert.ok(!html.includes('data-kind="omission"'), 'the omission is the finding, not counted again');
});

test("the witness's running heads are set apart as paratext, not read as additions", () => {
  const body = (from: number) => Array.from({ length: 40 }, (_, i) => `word${from + i}`).join(' ');
  const witness = [body(0), 'THE WHITE HOUSE', body(40), 'THE WHITE HOUSE', body(80)].join('\n\n');
  const { analysis, c } = collateTexts([body(0), body(40), body(80)].join(' '), witness);
  assert.deepEqual(
    c.variants.map((v) => v.kind),
    ['paratext', 'paratext'],
  );
  const html = collationHtml(analysis, c);
  assert.match(
    html,
    /<span class="emend-witness-only emend-variant-paratext emend-kind-paratext" title="[^"]*">THE WHITE HOUSE<\/span>/,
  );
  assert.ok(html.includes('<input type="checkbox" data-kind="paratext"> 2 running heads and page numbers</label>'));
});

test('both stylesheets hide each kind whose box is unticked', async () => {
  const { readFileSync } = await import('node:fs');
  const { PAGE_CSS, COLLATION_FILTERS } = await import('../../server/src/core/index.js');
  const preview = readFileSync('media/preview.css', 'utf8');
  for (const f of COLLATION_FILTERS) {
    for (const css of [preview, PAGE_CSS]) {
      assert.match(
        css,
        new RegExp(`:has\\(input\\[data-kind=['"]${f}['"]\\]:not\\(:checked\\)\\) \\.emend-kind-${f} \\{`),
        f,
      );
      assert.match(css, new RegExp(`\\.emend-witness-only\\.emend-kind-${f} \\{`), f);
    }
  }
});
