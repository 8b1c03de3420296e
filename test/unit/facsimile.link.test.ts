import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, iou, linkWords, boxPolygon, type LayoutPage, type LinkedWord } from '../../server/src/core/index';
import { syntheticCase } from './facsimile-synthetic';
import { kantAccuracy, kantInputs, accuracy } from '../support/facsimile-accuracy';

function page(lines: string[][], width = 1000): LayoutPage {
  return {
    imageName: 'p.jpg',
    width,
    height: 1000,
    unit: 'pixel',
    lines: lines.map((ws, l) => {
      let x = 10;
      const words = ws.map((text) => {
        const box = { x, y: 10 + l * 40, w: text.length * 10, h: 30 };
        x += box.w + 10;
        return { text, box, polygon: boxPolygon(box), glyphs: null, id: '' };
      });
      const box = { x: 10, y: 10 + l * 40, w: x - 20, h: 30 };
      return { text: ws.join(' '), box, polygon: boxPolygon(box), id: `l${l}`, words, wordsEstimated: false };
    }),
  };
}

const byText = (ws: LinkedWord[], text: string) => ws.find((w) => w.text === text)!;

test('equal words get their word boxes, with source offsets and the page', () => {
  const src = 'Zwei Worte hier\nund dort';
  const { words, stats } = linkWords(analyze(src), [
    page([
      ['Zwei', 'Worte', 'hier'],
      ['und', 'dort'],
    ]),
  ]);
  assert.equal(words.length, 5);
  assert.deepEqual(byText(words, 'Worte').box, { x: 60, y: 10, w: 50, h: 30 });
  assert.equal(src.slice(byText(words, 'dort').start, byText(words, 'dort').end), 'dort');
  assert.equal(byText(words, 'dort').page, 0);
  assert.deepEqual(stats, { words: 5, placed: 5, approximate: 0, unplaced: 0 });
});

test('punctuation the layout attaches to a word is cut off its box by characters', () => {
  const { words } = linkWords(analyze('Ende, gut'), [page([['Ende,', 'gut']])]);
  assert.deepEqual(byText(words, 'Ende').box, { x: 10, y: 10, w: 40, h: 30 });
});

test('long s, ligatures and the superscript-e umlaut read as their modern letters', () => {
  const { words } = linkWords(analyze('Aufklärung ist schädlich'), [page([['Aufklaͤrung', 'iſt', 'ſchaͤdlich']])]);
  for (const w of words) assert.equal(w.approximate, false, w.text);
  assert.equal(byText(words, 'ist').box!.x, 130);
});

test('a word the engine split in two gets both parts; two words it joined share its box by characters', () => {
  const { words } = linkWords(analyze('als Freiheit und so schädlich ist'), [
    page([['als', 'Freih', 'eit', 'und', 'soschädlich', 'ist']]),
  ]);
  const f = byText(words, 'Freiheit').box!;
  assert.equal(f.x, 50);
  assert.equal(f.x + f.w, 140);
  const so = byText(words, 'so').box!,
    sch = byText(words, 'schädlich').box!;
  assert.equal(so.x, 190);
  assert.ok(so.w > 15 && so.w < 25, `so: ${so.w}`);
  assert.ok(sch.x >= so.x + so.w - 1);
});

test('an insertion the layout lacks gets its line, approximately; a long passage it lacks gets nothing', () => {
  const src =
    'eins zwei ^{neu} drei\nvier fünf\n\n' +
    'a b c d e f g h i j k l m n o p'
      .split(' ')
      .map((x) => x + 'x')
      .join(' ');
  const { words, stats } = linkWords(analyze(src), [
    page([
      ['eins', 'zwei', 'drei'],
      ['vier', 'fünf'],
    ]),
  ]);
  const neu = byText(words, 'neu');
  assert.equal(neu.approximate, true);
  assert.deepEqual(neu.box, { x: 10, y: 10, w: 140, h: 30 });
  assert.equal(stats.unplaced, 16);
  assert.equal(byText(words, 'ax').box, null);
  assert.equal(byText(words, 'ax').page, -1);
});

test('struck words are linked too: the page shows them', () => {
  const { words } = linkWords(analyze('eins ~~zwei~~ drei'), [page([['eins', 'zwei', 'drei']])]);
  assert.equal(byText(words, 'zwei').approximate, false);
  assert.equal(byText(words, 'zwei').box!.x, 60);
});

test('a transcription with nothing in common with the layout gets no boxes', () => {
  const { stats } = linkWords(
    analyze('lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut'),
    [page([['xqz', 'vvv'], ['ppp']])],
  );
  assert.equal(stats.placed, 0);
});

for (const seed of [1, 7, 42]) {
  test(`synthetic two pages with marks and OCR faults (seed ${seed})`, () => {
    const c = syntheticCase(seed);
    const { words } = linkWords(analyze(c.source), c.pages);
    let good = 0,
      total = 0;
    for (const w of words) {
      const t = c.truth.get(w.start);
      if (!t) continue;
      total++;
      if (w.box && w.page === t.page && !w.approximate && iou(w.box, t.box) >= 0.5) good++;
    }
    assert.ok(total > 200);
    assert.ok(good / total >= 0.97, `${good} of ${total}`);
    for (const at of c.inserted) {
      const w = words.find((x) => x.start === at)!;
      assert.equal(w.approximate, true, `inserted ${w.text}`);
      assert.equal(w.page, 0);
    }
    for (const at of c.struck) {
      const w = words.find((x) => x.start === at)!;
      assert.equal(w.page, 1, `struck ${w.text}`);
      assert.equal(w.approximate, false);
    }
    for (const at of c.missing) assert.equal(words.find((x) => x.start === at)!.box, null);
  });
}

test('the Kant sample: at least 97% of the words get the ground truth box (IoU >= 0.5) through the OCR', () => {
  const a = kantAccuracy();
  assert.equal(a.withoutTruth, 0);
  assert.ok(a.words > 200);
  assert.ok(a.share >= 0.97, `${a.good} of ${a.words}: ${a.misses.join(', ')}`);
});

test('the Kant sample linked through its own ground truth places every word', () => {
  const i = kantInputs();
  const a = accuracy(linkWords(analyze(i.source), [i.gt]), i.gt);
  assert.equal(a.good, a.words, a.misses.join(', '));
});
