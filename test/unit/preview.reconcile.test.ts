import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planBlocks } from '../../client/src/preview/reconcile';

test('an unchanged render reuses every block in place', () => {
  assert.deepEqual(planBlocks(['a', 'b', 'c'], ['a', 'b', 'c']), [0, 1, 2]);
});

test('an edited paragraph is the only block created', () => {
  assert.deepEqual(planBlocks(['a', 'b', 'c'], ['a', 'x', 'c']), [0, -1, 2]);
});

test('inserted and deleted paragraphs keep the others', () => {
  assert.deepEqual(planBlocks(['a', 'b', 'c'], ['a', 'n', 'b', 'c']), [0, -1, 1, 2]);
  assert.deepEqual(planBlocks(['a', 'b', 'c'], ['a', 'c']), [0, 2]);
});

test('identical paragraphs are matched in order, each old element used once', () => {
  assert.deepEqual(planBlocks(['s', 'a', 's'], ['s', 'a', 's', 's']), [0, 1, 2, -1]);
});

test('an empty page creates everything', () => {
  assert.deepEqual(planBlocks([], ['a', 'b']), [-1, -1]);
});
