import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decorate } from '../../server/src/core/render/decorate';

const b = (start: number, end: number) => ({ start, end, open: '<b>', close: '</b>' });
const i = (start: number, end: number) => ({ start, end, open: '<i>', close: '</i>' });

test('decorate wraps ranges and escapes the text between them', () => {
  assert.equal(decorate('a<b>c', [b(1, 4)]), 'a<b>&lt;b&gt;</b>c');
});

test('decorate nests an inner range inside an outer one whatever their order', () => {
  assert.equal(decorate('abcdef', [i(2, 3), b(1, 5)]), 'a<b>b<i>c</i>de</b>f');
});

test('decorate cuts a range that would cross its container at the container end', () => {
  assert.equal(decorate('abcdef', [b(0, 3), i(2, 5)]), '<b>ab<i>c</i></b>def');
});

test('decorate drops empty ranges', () => {
  assert.equal(decorate('abc', [b(1, 1)]), 'abc');
});

test('decorate handles adjacent ranges', () => {
  assert.equal(decorate('abcd', [b(0, 2), i(2, 4)]), '<b>ab</b><i>cd</i>');
});
