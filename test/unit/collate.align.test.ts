import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignKeys, EXACT, longestIncreasing, NEAR, variants, words } from '../../server/src/core/index';

function kinds(a: string, b: string): string[] {
  const wa = words(a),
    wb = words(b);
  const al = alignKeys(wa.keys, wb.keys);
  return variants(wa, wb, al).map(
    (v) => `${v.kind}: ${wa.texts.slice(v.aFrom, v.aTo).join(' ')} | ${wb.texts.slice(v.bFrom, v.bTo).join(' ')}`,
  );
}

test('identical texts align word for word, exactly, with no variants', () => {
  const al = alignKeys(['a', 'b', 'a'], ['a', 'b', 'a']);
  assert.deepEqual([...al.aToB], [0, 1, 2]);
  assert.deepEqual([...al.quality], [EXACT, EXACT, EXACT]);
  assert.deepEqual(kinds('a b a', 'a b a'), []);
});

test('case, punctuation, hyphenation and line breaks are not variants', () => {
  assert.deepEqual(kinds('First, a first-strike capability.', 'first a first\nstrike Capability'), []);
});

test('a misread word pairs with its counterpart as a misreading', () => {
  const al = alignKeys(
    ['we', 'agreed', 'to', 'speak', 'frankly', 'and'],
    ['we', 'agreed', 'to', 'speak', 'fromkly', 'and'],
  );
  assert.equal(al.aToB[4], 4);
  assert.equal(al.quality[4], NEAR);
  assert.deepEqual(kinds('we agreed to speak frankly and we did', 'we agreed to speak fromkly and we did'), [
    'misreading: frankly | fromkly',
  ]);
});

test('adjacent misread words make one misreading variant', () => {
  assert.deepEqual(kinds('the offensive weapons in space', 'the affensive meapons in space'), [
    'misreading: offensive weapons | affensive meapons',
  ]);
});

test('a different word is a substitution', () => {
  assert.deepEqual(kinds('both of us must deal with what', 'both of us must cope with what'), [
    'substitution: deal | cope',
  ]);
});

test('words the witness lacks are an omission', () => {
  assert.deepEqual(kinds('cope with the reality of what the other side', 'cope with what the other side'), [
    'omission: the reality of | ',
  ]);
});

test('words only the witness has are an addition, even mid-sentence (a page header)', () => {
  assert.deepEqual(
    kinds(
      'we should be able to find a way to relieve the concerns',
      'we should be able to find a way THE WHITE HOUSE to relieve the concerns',
    ),
    ['addition:  | THE WHITE HOUSE'],
  );
});

test('a phrase the witness writes twice is a repetition', () => {
  assert.deepEqual(
    kinds(
      'relation to the reduction of offensive nuclear weapons',
      'relation to the reduction of offensive relation to the reduction of offensive nuclear weapons',
    ),
    ['repetition:  | relation to the reduction of offensive'],
  );
});

test('two swapped words are a transposition', () => {
  assert.deepEqual(kinds('you may perhaps feel that the country has', 'you may feel perhaps that the country has'), [
    'transposition: perhaps | perhaps',
  ]);
});

test('a phrase moved a few words on is a transposition, not an omission and an addition', () => {
  assert.deepEqual(
    kinds(
      'alpha beta gamma delta epsilon zeta eta theta iota kappa',
      'alpha beta epsilon zeta eta gamma delta theta iota kappa',
    ),
    ['transposition: gamma delta | gamma delta'],
  );
});

test('a short common word far away is not taken as moved', () => {
  assert.deepEqual(kinds('one two of three four five six seven', 'one two three four five six seven eight of'), [
    'omission: of | ',
    'addition:  | eight of',
  ]);
});

test('an empty witness makes the whole transcription an omission', () => {
  assert.deepEqual(kinds('a b c', ''), ['omission: a b c | ']);
  assert.deepEqual(kinds('', 'x y'), ['addition:  | x y']);
});

test('a big gap with no shared rare words is still aligned in bounded pieces', () => {
  const a = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 'the' : i % 3 === 1 ? 'and' : 'of'));
  const b = a.slice(1);
  const al = alignKeys(a, b);
  let matched = 0,
    last = -1;
  for (let i = 0; i < a.length; i++) {
    const j = al.aToB[i]!;
    if (j < 0) continue;
    matched++;
    assert.equal(a[i], b[j]);
    if (!al.moved[i]) {
      assert.ok(j > last);
      last = j;
    }
  }
  assert.ok(matched >= 2900, `matched ${matched}`);
});

test('alignment with near-equal matching off pairs only equal words', () => {
  const al = alignKeys(['speak', 'frankly', 'and'], ['speak', 'fromkly', 'and'], { near: false });
  assert.deepEqual([...al.aToB], [0, -1, 2]);
});

test('longestIncreasing keeps the longest chain increasing on both sides', () => {
  assert.deepEqual(longestIncreasing([0, 5, 1, 1, 2, 2, 3, 9, 4, 3]), [1, 1, 2, 2, 4, 3]);
  assert.deepEqual(longestIncreasing([]), []);
});

test('a witness in reverse order is aligned with bounded work (one in-order anchor chain), not quadratically', () => {
  const n = 60_000;
  const a = Array.from({ length: n }, (_, i) => `w${i}`);
  const b = [...a].reverse();
  const al = alignKeys(a, b);
  let matched = 0;
  for (let i = 0; i < n; i++)
    if (al.aToB[i] !== -1) {
      matched++;
      if (al.quality[i] === EXACT) assert.equal(b[al.aToB[i]!], a[i]);
    }
  // Only one word can be in order; the synthetic words are near-equal to their neighbours, so the small regions
  // left are matched near-equal; most of the rest are honestly unmatched.
  assert.ok(matched < 1000, `matched ${matched}`);
});
