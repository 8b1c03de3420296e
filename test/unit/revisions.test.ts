import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, revisions, revisionAt, revisionsAt } from '../../server/src/core/index';

function summaries(src: string): string[] {
  return revisions(parse(src)).map((r) => r.summary);
}

test('a substitution says old → new', () => {
  assert.deepEqual(summaries('to ~~eliminate~~ ^{relieve} the'), ['Substitution: eliminate → relieve']);
});

test('a substitution written insertion first still says old → new', () => {
  assert.deepEqual(summaries('hardened ^{alarming} ~~warheads~~ targets'), ['Substitution: warheads → alarming']);
});

test('a deletion, an insertion and another hand each get their label', () => {
  assert.deepEqual(summaries('is ~~worrisome~~ to us ^{and test} by *Gorbachev*'), [
    'Deletion: worrisome',
    'Insertion: and test',
    'Another hand: Gorbachev',
  ]);
});

test('the angle spelling of an insertion reads the same', () => {
  assert.deepEqual(summaries('a ^<b> c'), ['Insertion: b']);
});

test('an insertion inside a deletion was later struck, and the deletion says what came first', () => {
  assert.deepEqual(summaries('~~a ^{b} c~~'), [
    'Deletion: a b c; first inserted “b”, then struck',
    'Insertion, later struck: b',
  ]);
});

test('a deletion inside an insertion says the inserted text was then revised', () => {
  assert.deepEqual(summaries('^{the ~~big~~ dog}'), [
    'Insertion: the big dog; then struck “big”',
    'Deletion, within inserted text: big',
  ]);
});

test('a deletion inside a deletion: the inner one came first', () => {
  assert.deepEqual(summaries('~~~a ~~b~~ c~~~'), [
    'Deletion: a c; first struck “b”, then struck',
    'Deletion, later struck: b',
  ]);
});

test('a substitution inside a deletion is later struck', () => {
  assert.deepEqual(summaries('~~~x ~~a~~^{b} y~~~'), [
    'Deletion: x b y; first replaced “a” with “b”, then struck',
    'Substitution, later struck: a → b',
  ]);
});

test('escapes read as their character and whitespace collapses', () => {
  assert.deepEqual(summaries('~~a\\*b\n  c~~'), ['Deletion: a*b c']);
});

test('an empty or unclosed mark still gets a summary', () => {
  assert.deepEqual(summaries('a ^{} b'), ['Insertion: (nothing)']);
  assert.deepEqual(summaries('a ^{b c'), ['Insertion: b c']);
});

test('long text is cut at a word with an ellipsis', () => {
  const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
  const [s] = summaries(`~~${words}~~`);
  assert.ok(s!.endsWith('…'));
  assert.ok(s!.length <= 'Deletion: '.length + 61);
  assert.ok(!s!.includes('  '));
});

test('revisions come in document order with depth and span', () => {
  const src = 'x ~~a ^{b}~~ y *z*';
  const rs = revisions(parse(src));
  assert.deepEqual(
    rs.map((r) => [r.kind, r.depth, src.slice(r.start, r.end)]),
    [
      ['del', 0, '~~a ^{b}~~'],
      ['add', 1, '^{b}'],
      ['hand', 0, '*z*'],
    ],
  );
});

test('revisionsAt finds the chain at an offset, outermost first', () => {
  const src = 'x ~~a ^{b}~~ y';
  const doc = parse(src);
  assert.deepEqual(
    revisionsAt(doc, src.indexOf('b')).map((r) => r.kind),
    ['del', 'add'],
  );
  assert.deepEqual(
    revisionsAt(doc, src.indexOf('a')).map((r) => r.kind),
    ['del'],
  );
  assert.deepEqual(revisionsAt(doc, 0), []);
  assert.deepEqual(revisionsAt(doc, src.indexOf('y')), []);
  assert.equal(revisionAt(doc, src.indexOf('b'))?.summary, 'Insertion, later struck: b');
});

test('revisionsAt includes both delimiter edges and finds the substitution', () => {
  const src = 'to ~~eliminate~~ ^{relieve} the';
  const doc = parse(src);
  assert.equal(revisionAt(doc, 3)?.summary, 'Substitution: eliminate → relieve');
  assert.equal(revisionAt(doc, src.indexOf('}') + 1)?.summary, 'Substitution: eliminate → relieve');
  assert.equal(revisionAt(doc, src.indexOf(' ^{'))?.kind, 'subst');
  assert.equal(revisionAt(doc, src.length), undefined);
  assert.equal(revisionAt(doc, -5), undefined);
  assert.equal(revisionAt(doc, 10_000), undefined);
});

test('revisionsAt works across paragraphs and the header', () => {
  const src = '---\ntitle: T\n---\none\n\ntwo ~~x~~ three\n';
  const doc = parse(src);
  assert.equal(revisionAt(doc, src.indexOf('x'))?.summary, 'Deletion: x');
  assert.equal(revisionAt(doc, 2), undefined);
});

test('the sample letter lists its revisions with readable summaries', () => {
  const src = 'we will ~~not~~ ^{find} ~~allow~~ a solution';
  assert.deepEqual(summaries(src), ['Substitution: not → find', 'Deletion: allow']);
});

test('revisionsAt finds a revision inside supplied text, as revisions() does, and adds nothing for the supplied text', () => {
  const src = 'we +{will ~~not~~ ^{now} go} home';
  const doc = parse(src);
  const at = src.indexOf('not');
  assert.deepEqual(
    revisionsAt(doc, at).map((r) => r.summary),
    ['Substitution: not → now'],
  );
  assert.deepEqual(
    revisionsAt(doc, src.indexOf('will')).map((r) => r.summary),
    [],
  );
  assert.deepEqual(
    revisionsAt(doc, at),
    revisions(doc).filter((r) => r.start <= at && at <= r.end),
  );
});

test('revisionsAt looks inside supplied text nested in a revision', () => {
  const src = '^{the +{~~big~~ dog}}';
  const doc = parse(src);
  assert.deepEqual(
    revisionsAt(doc, src.indexOf('big')).map((r) => r.summary),
    ['Insertion: the big dog; then struck “big”', 'Deletion, within inserted text: big'],
  );
  assert.deepEqual(revisionsAt(doc, src.indexOf('big')), revisions(doc));
});
