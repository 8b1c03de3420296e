import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_NESTING, MAX_PROBLEMS, parse, reading, type Problem } from '../../server/src/core/index';
import { applyEdits, codes, shape } from './core-helpers';

function only(src: string): Problem {
  const ps = parse(src).problems;
  assert.equal(ps.length, 1, `${JSON.stringify(src)}: ${ps.map((p) => p.code).join(', ')}`);
  return ps[0]!;
}

/** The source after applying the fix titled `title` (or the preferred one). */
function fixed(src: string, title?: RegExp): string {
  const p = only(src);
  const fix = title ? p.fixes.find((f) => title.test(f.title)) : p.fixes.find((f) => f.preferred);
  assert.ok(fix, `no such fix among ${p.fixes.map((f) => f.title).join(' / ')}`);
  return applyEdits(src, fix.edits);
}

test('unclosed deletion: reported on its opener, the mark ends with the paragraph', () => {
  const p = only('a ~~b c');
  assert.deepEqual([p.code, p.severity, p.start, p.end], ['unclosed-deletion', 'error', 2, 4]);
  assert.equal(shape('a ~~b c'), '"a " del["b c"]!');
  assert.equal(fixed('a ~~b c'), 'a ~~b c~~');
  assert.equal(fixed('a ~~b c', /Remove/), 'a b c');
});

test('unclosed mark on an earlier line: the fix closing it at its line end, and the one at the document end', () => {
  const src = 'a ^{b  \nc';
  const p = only(src);
  assert.equal(p.code, 'unclosed-insertion');
  assert.equal(fixed(src, /end of its line/), 'a ^{b}  \nc');
  assert.equal(fixed(src, /end of the document/), 'a ^{b  \nc}');
  // Where the writer meant the mark to end is a guess here, so neither fix is preferred (no automatic fix).
  assert.equal(
    p.fixes.find((f) => f.preferred),
    undefined,
  );
});

test('unclosed hand and angle insertion use their own closers', () => {
  assert.equal(fixed('signed *RR'), 'signed *RR*');
  assert.equal(only('signed *RR').code, 'unclosed-hand');
  assert.equal(fixed('x ^<y'), 'x ^<y>');
  assert.equal(fixed('5 * 3 = 15', /Escape/), '5 \\* 3 = 15');
  assert.deepEqual(codes(fixed('5 * 3 = 15', /Escape/)), []);
});

test('a mark open at a blank line ends with its paragraph', () => {
  const src = 'a ~~b\n\nc';
  const p = only(src);
  assert.deepEqual([p.code, p.start, p.end], ['mark-crosses-paragraph', 2, 4]);
  assert.equal(shape(src), '"a " del["b"]! ¶ "c"');
  assert.equal(fixed(src), 'a ~~b~~\n\nc');
});

test('stray closers are text; the fixes escape or remove them', () => {
  const p = only('a } b');
  assert.deepEqual([p.code, p.severity, p.start, p.end], ['stray-closer', 'warning', 2, 3]);
  assert.equal(fixed('a } b'), 'a \\} b');
  assert.equal(fixed('a } b', /Remove/), 'a  b');
  assert.equal(only('a > b').code, 'stray-closer');
  assert.equal(shape('a } b'), '"a } b"');
});

test('an escaped stray closer is no longer a problem', () => {
  assert.deepEqual(codes(fixed('a } b')), []);
});

test('empty marks are reported and removed by their fix, with the spaces the readings leave out', () => {
  for (const src of ['x ^{} y', 'x ^<> y', 'x ** y']) {
    const p = only(src);
    assert.deepEqual([p.code, p.severity, p.start, p.end], ['empty-mark', 'warning', 2, src.length - 2], src);
    assert.equal(fixed(src), 'x y');
    assert.deepEqual(p.fixes[0]!.changes, []);
  }
  assert.equal(fixed('(^{} a)'), '(a)');
  assert.equal(fixed('a ^{}, b'), 'a, b');
  assert.equal(fixed('a ^{}\nb'), 'a\nb');
  assert.equal(fixed('a\n^{}\nb'), 'a\nb');
  assert.equal(fixed('x^{}y'), 'xy');
});

test('a mark holding only the `@id ` of its hand is an empty mark, removed by the same fix', () => {
  for (const src of ['x ^{@sec } y', 'x ~~@rr ~~ y', 'x *@rr * y']) {
    const p = only('---\nhands: rr: Reagan; sec: a secretary\n---\n' + src);
    assert.equal(p.code, 'empty-mark', src);
    assert.match(p.message, /holds no text but the hand that made it/);
    assert.equal(
      fixed('---\nhands: rr: Reagan; sec: a secretary\n---\n' + src),
      '---\nhands: rr: Reagan; sec: a secretary\n---\nx y',
    );
    assert.deepEqual(p.fixes[0]!.changes, []);
  }
  // `@rr` with no space after it is no hand reference: the deletion holds the text `@rr`.
  assert.deepEqual(codes('x ~~@rr~~ y'), []);
});

test('a space just inside a mark that doubles the space outside it', () => {
  const p = only('a ^{ b} c');
  assert.deepEqual([p.code, p.severity, p.start, p.end], ['space-inside-mark', 'information', 2, 7]);
  assert.equal(fixed('a ^{ b} c'), 'a ^{b} c');
  assert.equal(fixed('a ~~b ~~ c'), 'a ~~b~~ c');
  assert.equal(fixed('a ~~  b  ~~ c'), 'a ~~b~~ c');
});

test('trimming spaces that follow a line break inside a mark says it changes the reading that keeps the mark', () => {
  // A reading keeps the space inside (`a \n b` as drafted) and skips the one outside as a double; trimmed, the space
  // outside follows the line break and is skipped too (`a \nb`): the fix changes the draft, so it is not applied on save.
  const src = 'a ~~\n ~~ b';
  const p = only(src);
  assert.equal(p.code, 'space-inside-mark');
  assert.deepEqual(p.fixes[0]!.changes, ['draft']);
  assert.equal(reading(parse(src), 'draft').text, 'a \n b');
  assert.equal(reading(parse(fixed(src)), 'draft').text, 'a \nb');
  assert.deepEqual(only('a ~~b ~~ c').fixes[0]!.changes, []);
});

test('spaces inside a mark that do not double a space are fine', () => {
  assert.deepEqual(codes('~~les ~~mes'), []);
  assert.deepEqual(codes('durch~~ ~~aus'), []);
  assert.deepEqual(codes('word~~ more~~'), []);
});

test('mixed insertion spellings: reported on the rarer, fixes for one and for all', () => {
  const src = 'a ^<b> c ^{d} e ^{f}';
  const p = only(src);
  assert.deepEqual([p.code, p.severity, p.start, p.end], ['insertion-spellings-mixed', 'information', 2, 4]);
  assert.equal(fixed(src, /every/), 'a ^{b} c ^{d} e ^{f}');
  assert.equal(fixed(src, /this/), 'a ^{b} c ^{d} e ^{f}');
  const two = 'a ^<b> c ^<d> e ^{f}';
  const q = parse(two).problems;
  assert.deepEqual(
    q.map((x) => x.start),
    [16],
  );
  assert.equal(applyEdits(two, q[0]!.fixes.find((f) => f.preferred)!.edits), 'a ^<b> c ^<d> e ^<f>');
});

test('crossing marks: one error at the closer that crosses', () => {
  const p = only('*a ~~b* c~~');
  assert.deepEqual([p.code, p.severity, p.start, p.end], ['crossing-marks', 'error', 6, 7]);
});

test('crossing marks: each inner mark the crossing ended has its closer ignored once, not twice', () => {
  // `*` crosses the two deletions; the next `~~` is the awaited closer of `~~b`, the `~~` after it opens a new deletion.
  const src = '*~~~a ~~b* c~~ d ~~e';
  const d = parse(src);
  assert.deepEqual(
    d.problems.map((p) => [p.code, p.start]),
    [
      ['crossing-marks', 9],
      ['unclosed-deletion', 17],
    ],
  );
  const last = d.paragraphs[0]!.children.at(-1)!;
  assert.deepEqual([last.kind, last.start, last.end], ['del', 17, 20]);
});

test('tildes just after marks refused as too deep: a run that closes them and has one tilde left is text, not a hang', () => {
  // A `~~~` run closes a refused `~~` and leaves one tilde: that used to recurse without end.
  const src = '^{'.repeat(MAX_NESTING + 1) + '~~a~~~ y';
  const d = parse(src);
  assert.ok(d.problems.some((p) => p.code === 'nesting-too-deep'));
  assert.ok(d.paragraphs.length === 1);
});

test('marks nested beyond the limit are read as text, reported once', () => {
  const deep = '^{'.repeat(MAX_NESTING + 5) + 'x' + '}'.repeat(MAX_NESTING + 5);
  const d = parse(deep);
  assert.deepEqual(
    d.problems.map((p) => p.code),
    ['nesting-too-deep'],
  );
  assert.equal(d.problems[0]!.start, 2 * MAX_NESTING);
  let depth = 0;
  let node = d.paragraphs[0]!.children[0]!;
  while (node.kind === 'add') {
    depth++;
    node = node.children[0]!;
  }
  assert.equal(depth, MAX_NESTING);
  assert.equal(node.kind, 'text');
  assert.equal(deep.slice(node.start, node.end), '^{'.repeat(5) + 'x' + '}'.repeat(5));
});

test('text after a refused nest parses normally again', () => {
  const src = '~~'.repeat(0) + '^{'.repeat(MAX_NESTING + 1) + '}'.repeat(MAX_NESTING + 1) + ' then ~~z~~';
  const d = parse(src);
  assert.deepEqual(
    d.problems.map((p) => p.code),
    ['nesting-too-deep'],
  );
  assert.match(shape(d), / del\["z"\]$/);
});

test('more than the limit of problems: the first ones, then too-many-problems', () => {
  const d = parse('} '.repeat(MAX_PROBLEMS + 10));
  assert.equal(d.problems.length, MAX_PROBLEMS + 1);
  assert.equal(d.problems[MAX_PROBLEMS]!.code, 'too-many-problems');
  assert.equal(d.problems[MAX_PROBLEMS]!.start, 2 * MAX_PROBLEMS);
});

test('every problem lies inside the document and every fix edit is well formed', () => {
  for (const src of ['a ~~b', '^{', 'x }', '*', '~~a ^{b~~ c}', '---\nt: x', 'a ^{ b} ^<c>']) {
    for (const p of parse(src).problems) {
      assert.ok(p.start >= 0 && p.start <= p.end && p.end <= src.length, `${src}: ${p.code}`);
      for (const f of p.fixes)
        for (const e of f.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= src.length);
    }
  }
});

test('a deletion inside a deletion written with as many tildes is reported, and the fix writes the outer one longer', () => {
  const src = 'with ~~a ~~[gap]~~^{blend of} curiosity and~~ indifference';
  const p = only(src);
  assert.deepEqual([p.code, p.severity], ['nested-deletion-tildes', 'warning']);
  assert.equal(src.slice(p.start, p.end), '~~[gap]~~');
  const after = fixed(src);
  assert.equal(after, 'with ~~~a ~~[gap]~~^{blend of} curiosity and~~~ indifference');
  const doc = parse(after);
  assert.deepEqual(doc.problems, []);
  assert.equal(reading(doc, 'final').text, 'with indifference');
  assert.equal(reading(doc, 'draft').text, reading(parse(src), 'draft').text);
  assert.deepEqual(p.fixes[0]!.changes, ['final']);
});

test('deletions side by side that read as written are not taken for a nested one', () => {
  for (const src of [
    '~~a~~ b ~~c~~',
    '~~les ~~mes',
    'durch~~ ~~aus',
    '~~les ~~mes ~~x~~',
    '~~a ~~^{x}~~b~~',
    '~~a ~~~b~~ c~~',
    '~~~a ~~[gap]~~ and~~~',
  ])
    assert.deepEqual(codes(src), [], src);
});
