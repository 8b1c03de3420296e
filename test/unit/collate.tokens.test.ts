import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundedDistance, firstWordFrom, similarity, wordAt, wordKey, words } from '../../server/src/core/index';

test('words split on spaces, line breaks, punctuation and hyphens', () => {
  assert.deepEqual(words('Dear Mr. General-Secretary:\nNow, then').texts, [
    'Dear',
    'Mr',
    'General',
    'Secretary',
    'Now',
    'then',
  ]);
});

test('an apostrophe inside a word belongs to it; keys drop it and lower-case', () => {
  const w = words("It's the U.S.' can’t");
  assert.deepEqual(w.texts, ["It's", 'the', 'U', 'S', 'can’t']);
  assert.deepEqual(w.keys, ['its', 'the', 'u', 's', 'cant']);
});

test('words keep their offsets into the scanned text', () => {
  const w = words('  ab, cd');
  assert.deepEqual([...w.starts], [2, 6]);
  assert.deepEqual([...w.ends], [4, 8]);
});

test('non-ASCII letters are word characters; dashes and quotes are not', () => {
  assert.deepEqual(words('Gorbačev — «Seele»').texts, ['Gorbačev', 'Seele']);
});

test('text with no letters gives no words', () => {
  assert.equal(words(' -- ... \n\n !').length, 0);
});

test('wordKey normalises case and apostrophes', () => {
  assert.equal(wordKey("Don't"), 'dont');
});

test('wordAt finds the word holding an offset, or -1 between words', () => {
  const w = words('one two');
  assert.equal(wordAt(w, 0), 0);
  assert.equal(wordAt(w, 3), 0);
  assert.equal(wordAt(w, 5), 1);
  assert.equal(firstWordFrom(w, 1), 1);
  assert.equal(firstWordFrom(w, 99), 2);
});

test('boundedDistance is Levenshtein distance, capped at limit + 1', () => {
  assert.equal(boundedDistance('frankly', 'fromkly', 5), 2);
  assert.equal(boundedDistance('kitten', 'sitting', 5), 3);
  assert.equal(boundedDistance('kitten', 'sitting', 2), 3);
  assert.equal(boundedDistance('', 'abc', 5), 3);
});

test('similarity accepts misreadings and refuses different words', () => {
  assert.equal(similarity('frankly', 'fromkly'), 1 - 2 / 7);
  assert.equal(similarity('warranted', 'worranted'), 1 - 1 / 9);
  assert.equal(similarity('deal', 'cope'), 0);
  assert.equal(similarity('a', 'i'), 0);
  assert.equal(similarity('same', 'same'), 1);
});

test('an ampersand is the word "and"', () => {
  const w = words('Nancy & me, A&B');
  assert.deepEqual(w.texts, ['Nancy', '&', 'me', 'A', '&', 'B']);
  assert.deepEqual(w.keys, ['nancy', 'and', 'me', 'a', 'and', 'b']);
});
