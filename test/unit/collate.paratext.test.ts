// Running heads, letterheads and page numbers of a witness (core/collate/paratext.ts): found by a general rule on
// generated pages, never on the text itself, and set apart from the alignment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findParatext, words } from '../../server/src/core/index';
import { collateTexts, variantList } from './collate-helpers';
import { rng } from './facsimile-synthetic';

const LETTERS = 'abcdefghiklmnoprstuvw';

/** `n` lines of body text, 8-11 made-up words each, from a seeded generator. */
function body(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let l = 0; l < n; l++) {
    const ws: string[] = [];
    const count = 8 + Math.floor(r() * 4);
    for (let k = 0; k < count; k++) {
      let w = '';
      const len = 2 + Math.floor(r() * 7);
      for (let c = 0; c < len; c++) w += LETTERS[Math.floor(r() * LETTERS.length)];
      ws.push(w);
    }
    out.push(ws.join(' '));
  }
  return out;
}

/** Pages of body text, each headed by `head(page)` (null: no head), with or without blank lines around it. */
function pages(seed: number, count: number, head: (page: number) => string | null, blank = true): string {
  const r = rng(seed);
  const out: string[] = [];
  for (let p = 1; p <= count; p++) {
    const h = head(p);
    if (h !== null) out.push(...(blank ? [h, ''] : [h]));
    out.push(...body(r, 5), '');
  }
  return out.join('\n');
}

function heads(text: string): string[] {
  return findParatext(text, words(text)).lines.map((l) => `${l.kind}: ${text.slice(l.start, l.end)}`);
}

test('a running head in capitals on every page is found, with the page numbers and dates written beside it', () => {
  const text = pages(1, 4, (p) =>
    p === 1 ? 'THE WHITE HOUSE Nov. 28 85' : p % 2 ? 'THE WHITE HOUSE' : `${p}  THE WHITE HOUSE`,
  );
  assert.deepEqual(heads(text), [
    'running-head: THE WHITE HOUSE Nov. 28 85',
    'running-head: 2  THE WHITE HOUSE',
    'running-head: THE WHITE HOUSE',
    'running-head: 4  THE WHITE HOUSE',
  ]);
});

test('recto and verso heads in title case, standing alone, are two running heads', () => {
  const text = pages(2, 6, (p) => (p % 2 ? 'Critique of Pure Reason' : 'Transcendental Logic'));
  assert.equal(heads(text).length, 6);
});

test('page numbers alone on their line are found: digits, in brackets or dashes, with a short word', () => {
  for (const form of [
    (p: number) => `${p}`,
    (p: number) => `( ${480 + p} )`,
    (p: number) => `- ${p} -`,
    (p: number) => `Page ${p}`,
  ]) {
    const text = pages(3, 3, form, false);
    assert.deepEqual(
      heads(text).map((h) => h.split(':')[0]),
      ['page-number', 'page-number', 'page-number'],
      form(1),
    );
  }
});

test('body text is never paratext: no heads in pages without them', () => {
  for (let seed = 10; seed < 20; seed++) assert.deepEqual(heads(pages(seed, 5, () => null)), [], `seed ${seed}`);
});

test('a heading once, or a short line repeated within a page (a refrain), is not a running head', () => {
  assert.deepEqual(heads(pages(4, 3, (p) => (p === 1 ? 'A LETTER TO THE PRESIDENT' : null))), []);
  const refrain = [
    'one two three four five',
    'Lord have mercy',
    '',
    'six seven eight nine',
    'Lord have mercy',
    '',
    'ten eleven',
    'Lord have mercy',
  ].join('\n');
  assert.deepEqual(heads(refrain), []);
});

test('a sentence-case line standing alone needs three pages to count; a head in capitals, two', () => {
  assert.deepEqual(heads(pages(5, 2, () => 'Letters home')), []);
  assert.equal(heads(pages(5, 3, () => 'Letters home')).length, 3);
  assert.equal(heads(pages(5, 2, () => 'LETTERS HOME')).length, 2);
});

test('in a collation the heads are left out of the alignment and reported as paratext where they stand', () => {
  const text = pages(6, 3, (p) => (p > 1 ? 'THE WHITE HOUSE' : null));
  const transcription = text.replace(/THE WHITE HOUSE\n/g, '');
  const { c } = collateTexts(transcription, text);
  assert.deepEqual(variantList(c), ['paratext:  | THE WHITE HOUSE', 'paratext:  | THE WHITE HOUSE']);
  assert.equal(c.agreement, 1);
});

test('a recurring heading the transcription has too is given back to the text (CHAPTER I, CHAPTER II)', () => {
  const text = pages(7, 3, (p) => `CHAPTER ${'I'.repeat(p)}`);
  const { c } = collateTexts(text, text);
  assert.deepEqual(variantList(c), []);
  assert.deepEqual(c.paratext, []);
});
