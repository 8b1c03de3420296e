// How a gap with words on both sides is read (core/collate/refine.ts): split or joined words misread, an uneven gap
// split into the words most alike and the rest, and short pairs in a noisy witness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collateTexts, variantList } from './collate-helpers';

test('a word split by the recogniser is one misreading, not a substitution and an addition', () => {
  const { c } = collateTexts('it is nevertheless true', 'it is never the less true');
  assert.deepEqual(variantList(c), ['misreading: nevertheless | never the less']);
});

test('an uneven gap pairs the words most alike and reports the rest as lacking', () => {
  const { c } = collateTexts(
    'taken on faith. However, using the objective reality is that the United States',
    'taken on Boits.\n\nUnited States',
  );
  assert.deepEqual(variantList(c), [
    'substitution: faith | Boits',
    'omission: However using the objective reality is that the | ',
  ]);
});

test('an uneven gap of unlike words stays one substitution', () => {
  const { c } = collateTexts('we shall see the reality of it', 'we shall xq it');
  assert.deepEqual(variantList(c), ['substitution: see the reality of | xq']);
});

test('equal runs are compared word against word, so a real difference beside a misread word stays visible', () => {
  const { c } = collateTexts('one two quick brown fox and more', 'one two quack dog fox and more');
  assert.deepEqual(variantList(c), ['misreading: quick | quack', 'substitution: brown | dog']);
});

const NOISY_PAIR = (a: string, b: string): [string, string] => {
  // Ten clean words, half of them misread by a letter: a witness as recognition makes one.
  const clean = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';
  const misread = 'alpha brava charlie delte echo foxtrat golf hotal india julied';
  return [`${clean} ${a} kilo lima`, `${misread} ${b} kilo lima`];
};

test('in a noisy witness a short pair sharing a third of its letters is a misreading; in a clean one, other words', () => {
  const noisy = collateTexts(...NOISY_PAIR('concerns', 'cureums')).c;
  assert.ok(variantList(noisy).includes('misreading: concerns | cureums'), variantList(noisy).join('\n'));
  const clean = collateTexts('alpha bravo concerns kilo lima', 'alpha bravo cureums kilo lima').c;
  assert.deepEqual(variantList(clean), ['substitution: concerns | cureums']);
  // Unlike words stay a substitution even in a noisy witness.
  const other = collateTexts(...NOISY_PAIR('deal', 'cope')).c;
  assert.ok(variantList(other).includes('substitution: deal | cope'), variantList(other).join('\n'));
});
