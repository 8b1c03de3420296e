import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, reading, type Reading, type ReadingKind } from '../../server/src/core/index';

function read(src: string, kind: ReadingKind): Reading {
  return reading(parse(src), kind);
}

/** Every reading offset's source offset, the reading's end included. */
function toSource(r: Reading): number[] {
  return Array.from({ length: r.text.length + 1 }, (_, i) => r.map.toSource(i));
}

/** Which source characters the reading shows, as a 0/1 string. */
function covered(src: string, r: Reading): string {
  return Array.from(src, (_, i) => (r.map.covers(i) ? '1' : '0')).join('');
}

test('final reading of a deletion: offsets map past the dropped text', () => {
  const src = 'a ~~bc~~ d';
  const r = read(src, 'final');
  assert.equal(r.text, 'a d');
  assert.deepEqual(toSource(r), [0, 1, 9, 10]);
  assert.equal(covered(src, r), '1100000001');
  assert.equal(r.map.toReading(5), 2, 'dropped text maps to where it would have stood');
  assert.equal(r.map.toReading(9), 2);
  assert.equal(r.map.toReading(10), 3);
  assert.deepEqual(r.junctions, [2]);
});

test('draft reading of a deletion: the struck text maps to itself, the delimiters to nothing', () => {
  const src = 'a ~~bc~~ d';
  const r = read(src, 'draft');
  assert.equal(r.text, 'a bc d');
  assert.deepEqual(toSource(r), [0, 1, 4, 5, 8, 9, 10]);
  assert.equal(covered(src, r), '1100110011');
  assert.deepEqual(r.junctions, [], 'nothing was dropped between two words');
});

test('every character a reading shows maps back to the same character in the source', () => {
  const src = 'Dear ~~Sir~~ ^{Madam}, I *write* to ~~ask~~^{tell} you\nof the~~ir~~^{refore} plan.';
  for (const kind of ['draft', 'final'] as const) {
    const r = read(src, kind);
    for (let i = 0; i < r.text.length; i++) {
      assert.equal(src[r.map.toSource(i)], r.text[i], `${kind} reading offset ${i}`);
      assert.equal(r.map.toReading(r.map.toSource(i)), i);
    }
  }
});

test('an escape maps to the escaped character', () => {
  const r = read('x \\* y', 'final');
  assert.equal(r.text, 'x * y');
  assert.deepEqual(toSource(r), [0, 1, 3, 4, 5, 6]);
});

test('diplomatic brackets map to the delimiters they stand for', () => {
  const src = 'a ~~b~~ ^{c} d';
  const r = read(src, 'diplomatic');
  assert.equal(r.text, 'a ⟦b⟧ ⸌c⸍ d');
  assert.deepEqual(toSource(r), [0, 1, 2, 4, 5, 7, 8, 10, 11, 12, 13, 14]);
});

test('an unclosed mark in the diplomatic reading closes at the paragraph end', () => {
  assert.equal(read('a ~~b', 'diplomatic').text, 'a ⟦b⟧');
});

test('paragraphs: offsets in the reading, with the index of the source paragraph', () => {
  const r = read('one\n\n~~two~~\n\nthree', 'final');
  assert.equal(r.text, 'one\n\nthree');
  assert.deepEqual(r.paragraphs, [
    { index: 0, start: 0, end: 3 },
    { index: 2, start: 5, end: 10 },
  ]);
  assert.deepEqual(toSource(r), [0, 1, 2, 3, 4, 14, 15, 16, 17, 18, 19]);
});

test('a paragraph emptied at the start of the document takes no separator with it', () => {
  const r = read('~~SECRET~~\n\nDear Sir', 'final');
  assert.equal(r.text, 'Dear Sir');
  assert.deepEqual(r.paragraphs, [{ index: 1, start: 0, end: 8 }]);
  assert.equal(r.map.toSource(0), 12);
});

test('the readings of the empty document are empty', () => {
  for (const kind of ['draft', 'final', 'diplomatic'] as const) {
    const r = read('', kind);
    assert.equal(r.text, '');
    assert.equal(r.map.toSource(0), 0);
    assert.deepEqual(r.paragraphs, []);
  }
});

test('junctions: where dropped text joins two kept pieces inside a word or between words', () => {
  assert.deepEqual(read('the~~ir~~^{refore}', 'final').junctions, [3]);
  assert.deepEqual(read('the~~ir~~^{refore}s', 'draft').junctions, [5]);
  assert.deepEqual(read('one ~~two~~ three', 'final').junctions, [4]);
  assert.deepEqual(read('~~two~~ three', 'final').junctions, [], 'nothing before the drop: no junction');
  assert.deepEqual(read('one ~~two~~', 'final').junctions, [], 'nothing after the drop: no junction');
});

test('readings of hand text and of nested marks', () => {
  const src = 'a *b ~~c ^{d} e~~ f* g';
  assert.equal(read(src, 'draft').text, 'a b c e f g');
  assert.equal(read(src, 'final').text, 'a b f g');
  assert.equal(read(src, 'diplomatic').text, 'a b ⟦c ⸌d⸍ e⟧ f g');
});

test('line breaks inside and around marks are kept', () => {
  assert.equal(read('a ~~b\nc~~ d\ne', 'draft').text, 'a b\nc d\ne');
  assert.equal(read('a ~~b\nc~~ d\ne', 'final').text, 'a d\ne');
  assert.equal(read('a ~~b~~\nc', 'final').text, 'a\nc');
  assert.equal(read('a\n~~b~~ c', 'final').text, 'a\nc');
  assert.equal(read('a ~~b~~\r\nc', 'final').text, 'a\r\nc');
});

test('tabs count as spaces when joining', () => {
  assert.equal(read('a\t~~b~~\tc', 'final').text, 'a\tc');
});

test('lookups in any order give the same offsets as lookups in order (the map remembers where it last looked)', () => {
  const src = 'a ~~bc~~ d ^{e} f\\~ g ~~h ^{i}~~ j\n\n*k* ~~l~~^{m} n';
  for (const kind of ['draft', 'final', 'diplomatic'] as const) {
    const fresh = (): Reading => read(src, kind);
    const expectedReading = Array.from({ length: src.length + 1 }, (_, i) => fresh().map.toReading(i));
    const expectedSource = toSource(fresh());
    const r = fresh();
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const i = seed % (src.length + 1);
      assert.equal(r.map.toReading(i), expectedReading[i], `${kind} toReading(${i})`);
      const j = seed % (r.text.length + 1);
      assert.equal(r.map.toSource(j), expectedSource[j], `${kind} toSource(${j})`);
    }
  }
});

test('toReadingAll maps ascending source offsets as toReading maps each', () => {
  const src = '^{a} ~~b~~ c \\* ~~d~~^{e} f\n\n~~g~~\n\nh ^{i ~~j~~} k';
  for (const kind of ['draft', 'final', 'diplomatic'] as const) {
    const r = read(src, kind);
    const offsets = Array.from({ length: src.length + 1 }, (_, i) => i);
    assert.deepEqual(
      Array.from(r.map.toReadingAll(offsets)),
      offsets.map((i) => read(src, kind).map.toReading(i)),
      kind,
    );
  }
});
