// Hostile and huge inputs: the parser must stay linear and never throw. These tests check structure (what was
// parsed, what was reported), not time; `npm run bench` measures the time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, diagnose, MAX_NESTING, MAX_PROBLEMS, type Inline } from '../../server/src/core/index';
import { generateTranscription } from '../support/generate';

const MB = 1024 * 1024;

function depth(nodes: Inline[]): number {
  let max = 0;
  for (const n of nodes) {
    if (n.kind === 'del' || n.kind === 'add' || n.kind === 'hand') max = Math.max(max, 1 + depth(n.children));
    else if (n.kind === 'subst') max = Math.max(max, depth([n.first, n.second]));
  }
  return max;
}

function everything(src: string) {
  const a = analyze(src);
  const problems = diagnose(a);
  return {
    a,
    problems,
    draft: a.reading('draft').text,
    final: a.reading('final').text,
    diplomatic: a.reading('diplomatic').text,
  };
}

test('1 MB of ^{ : marks nest to the limit, the rest is text, the problems are bounded', () => {
  const src = '^{'.repeat(MB / 2);
  const { a, problems, draft, final } = everything(src);
  assert.equal(depth(a.doc.paragraphs[0]!.children), MAX_NESTING);
  assert.equal(problems.filter((p) => p.code === 'nesting-too-deep').length, 1);
  assert.equal(problems.filter((p) => p.code === 'unclosed-insertion').length, MAX_NESTING);
  assert.equal(draft, '');
  assert.equal(final.length, src.length - 2 * MAX_NESTING, 'the refused openers are text in the final reading');
});

test('1 MB of ~~~ : one unclosed deletion opened by the whole run', () => {
  const src = '~~~'.repeat(MB / 3);
  const { a, problems, final } = everything(src);
  assert.deepEqual(
    problems.map((p) => [p.code, p.start, p.end]),
    [['unclosed-deletion', 0, src.length]],
  );
  assert.equal(a.doc.paragraphs[0]!.children.length, 1);
  assert.equal(final, '');
});

test('1 MB of backslashes: escaped backslashes, every reading half as long', () => {
  const src = '\\'.repeat(MB);
  const { problems, draft, final } = everything(src);
  assert.deepEqual(problems, []);
  assert.equal(draft.length, MB / 2);
  assert.equal(final, draft);
});

test('^{ nested 100,000 deep and closed: nesting stops at the limit, the closers match the refused openers', () => {
  const n = 100_000;
  const src = '^{'.repeat(n) + 'x' + '}'.repeat(n);
  const { a, problems, final, draft } = everything(src);
  assert.deepEqual(
    problems.map((p) => p.code),
    ['nesting-too-deep'],
  );
  assert.equal(depth(a.doc.paragraphs[0]!.children), MAX_NESTING);
  assert.equal(draft, '');
  assert.equal(final, '^{'.repeat(n - MAX_NESTING) + 'x' + '}'.repeat(n - MAX_NESTING));
});

test('1 MB of crossing marks *^{* : each crossing reported (up to the cut), the closers they leave consumed in O(1)', () => {
  const src = '*^{*'.repeat(MB / 4);
  const { a, problems } = everything(src);
  assert.equal(problems.length, MAX_PROBLEMS + 1);
  assert.ok(problems.slice(0, MAX_PROBLEMS).every((p) => p.code === 'crossing-marks'));
  assert.equal(a.doc.paragraphs.length, 1);
});

test('1 MB of stray closers: the first problems, then too-many-problems', () => {
  const { problems } = everything('}'.repeat(MB));
  assert.equal(problems.length, MAX_PROBLEMS + 1);
  assert.equal(problems[MAX_PROBLEMS]!.code, 'too-many-problems');
});

test('one 10 MB line of marked-up text parses into one paragraph with readings shorter than the source', () => {
  const src = generateTranscription(10 * MB)
    .replace(/^---[^]*?---\n\n/, '')
    .replaceAll('\n', ' ');
  const { a, problems, draft, final } = everything(src);
  assert.equal(a.doc.paragraphs.length, 1);
  assert.equal(a.lines.lineCount, 1);
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error'),
    [],
  );
  assert.ok(draft.length > 0.7 * src.length && draft.length < src.length);
  assert.ok(final.length > 0.7 * src.length && final.length < src.length);
  assert.ok(!final.includes('~~') && !final.includes('^{'));
});

test('binary junk parses without throwing', () => {
  let seed = 7;
  const junk = Array.from({ length: 200_000 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return String.fromCharCode(seed % 65536);
  }).join('');
  const { a, problems } = everything(junk);
  assert.ok(problems.length <= MAX_PROBLEMS + 1);
  assert.ok(a.doc.paragraphs.length >= 1);
});
