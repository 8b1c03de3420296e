import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorForLine, lineAtOffset, offsetOfLine, type Anchor } from '../../client/src/preview/scroll-map';

// Paragraph on line 2 (100px high at y=50), a 3-line paragraph on lines 4-6 (300px at y=200), one on line 10.
const A: Anchor[] = [
  { line: 2, endLine: 2, top: 50, height: 100 },
  { line: 4, endLine: 6, top: 200, height: 300 },
  { line: 10, endLine: 10, top: 600, height: 50 },
];

test('lineAtOffset inside a block interpolates over its lines', () => {
  assert.equal(lineAtOffset(A, 50), 2);
  assert.equal(lineAtOffset(A, 100), 2.5);
  assert.equal(lineAtOffset(A, 200), 4);
  assert.equal(lineAtOffset(A, 300), 5);
  assert.equal(lineAtOffset(A, 450), 6.5);
});

test('lineAtOffset in the gap between blocks runs from the line after one block to the next block', () => {
  assert.equal(lineAtOffset(A, 150), 3);
  assert.equal(lineAtOffset(A, 175), 3.5);
  assert.equal(lineAtOffset(A, 550), 8.5);
});

test('lineAtOffset above the first block and below the last', () => {
  assert.equal(lineAtOffset(A, 0), 0);
  assert.equal(lineAtOffset(A, 25), 1);
  assert.equal(lineAtOffset(A, 10_000), 11);
  assert.equal(lineAtOffset([], 300), 0);
});

test('offsetOfLine is the inverse of lineAtOffset wherever blocks are', () => {
  for (const y of [0, 25, 50, 100, 150, 175, 200, 300, 450, 520, 600, 640]) {
    assert.ok(Math.abs(offsetOfLine(A, lineAtOffset(A, y)) - y) < 1e-9, `y=${y}`);
  }
});

test('offsetOfLine for lines in blocks, between them, and past the end', () => {
  assert.equal(offsetOfLine(A, 0), 0);
  assert.equal(offsetOfLine(A, 2), 50);
  assert.equal(offsetOfLine(A, 5), 300);
  assert.equal(offsetOfLine(A, 3), 150);
  assert.equal(offsetOfLine(A, 50), 650);
  assert.equal(offsetOfLine([], 7), 0);
});

test('anchorForLine finds the block holding a line, or the last one before it', () => {
  assert.equal(anchorForLine(A, 1), -1);
  assert.equal(anchorForLine(A, 2), 0);
  assert.equal(anchorForLine(A, 5), 1);
  assert.equal(anchorForLine(A, 8), 1);
  assert.equal(anchorForLine(A, 99), 2);
});
