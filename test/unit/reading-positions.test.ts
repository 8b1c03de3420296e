import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readingPosition, sourcePosition } from '../../server/src/core/index';

const src = 'Dear Sir,\nwe must ~~eliminate~~ ^{relieve} the concerns.\n\n~~SECRET~~\n\nSincerely';
//                     line 1: "we must ~~eliminate~~ ^{relieve} the concerns."
const a = analyze(src);
const pos = (line: number, character: number) => ({ line, character });

test('the readings of the example are what the position tests expect', () => {
  assert.equal(a.reading('final').text, 'Dear Sir,\nwe must relieve the concerns.\n\nSincerely');
  assert.equal(a.reading('draft').text, 'Dear Sir,\nwe must eliminate the concerns.\n\nSECRET\n\nSincerely');
});

test('a place in the final reading maps back to the transcription', () => {
  assert.deepEqual(sourcePosition(a, 'final', pos(1, 8)), pos(1, 24), '"relieve" starts after ^{');
  assert.deepEqual(sourcePosition(a, 'final', pos(1, 16)), pos(1, 33), '"the" after the substitution');
  assert.deepEqual(sourcePosition(a, 'final', pos(3, 0)), pos(5, 0), '"Sincerely", past the struck stamp');
});

test('a place in the draft reading maps back to the transcription', () => {
  assert.deepEqual(sourcePosition(a, 'draft', pos(1, 8)), pos(1, 10), '"eliminate" starts after ~~');
  assert.deepEqual(sourcePosition(a, 'draft', pos(3, 0)), pos(3, 2), '"SECRET" inside its tildes');
});

test('a place in the transcription maps to the readings, dropped text to where it would have stood', () => {
  assert.deepEqual(readingPosition(a, 'final', pos(1, 26)), pos(1, 10), 'inside "relieve"');
  assert.deepEqual(readingPosition(a, 'draft', pos(1, 12)), pos(1, 10), 'inside "eliminate"');
  assert.deepEqual(readingPosition(a, 'final', pos(5, 3)), pos(3, 3), 'inside "Sincerely"');
});

test('positions outside a reading are clamped to it', () => {
  assert.deepEqual(sourcePosition(a, 'final', pos(99, 99)), a.lines.positionAt(src.length));
  assert.deepEqual(readingPosition(a, 'final', pos(-1, 0)), pos(0, 0));
});
