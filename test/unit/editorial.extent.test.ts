// A gap's extent as written (`_{ca. 3 words}`): what parses, and what is reported instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, diagnose, hoverAt } from '../../server/src/core/index';
import { gapUnit, parseExtent } from '../../server/src/core/editorial';

test('extents: a number or range, an optional "ca.", a unit', () => {
  assert.deepEqual(parseExtent('3 words'), { approximate: false, quantity: 3, unit: 'word' });
  assert.deepEqual(parseExtent('ca. 5 letters'), { approximate: true, quantity: 5, unit: 'char' });
  assert.deepEqual(parseExtent('line'), { approximate: false, quantity: 1, unit: 'line' });
});

test("a word that only names a property of JavaScript's objects is no unit", () => {
  for (const w of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.equal(gapUnit(w), undefined, w);
    assert.equal(parseExtent(`3 ${w}`), null, `3 ${w}`);
    assert.equal(parseExtent(w), null, w);
  }
});

test('such a gap is reported as an extent that does not parse, and its hover still reads', () => {
  const src = 'It was _{3 constructor} here.';
  const a = analyze(src);
  assert.deepEqual(
    diagnose(a).map((p) => p.code),
    ['gap-extent'],
  );
  const hover = hoverAt(a, src.indexOf('constructor'));
  assert.match(hover?.markdown ?? '', /Gap/);
});
