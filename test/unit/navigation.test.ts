import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editorialMarks, nextRevision, parse, previousRevision, revisions } from '../../server/src/core/index';

const src = 'a ~~b~~ c ^{d} e ~~f~~ ^{g} h';
//           0 2    7  10  14 17   22 23
const revs = revisions(parse(src));

test('the revisions of the example are where the navigation tests expect them', () => {
  assert.deepEqual(
    revs.map((r) => [r.kind, r.start]),
    [
      ['del', 2],
      ['add', 10],
      ['subst', 17],
    ],
  );
});

test('next revision: the first one starting after the cursor', () => {
  assert.equal(nextRevision(revs, 0)?.revision.start, 2);
  assert.equal(nextRevision(revs, 2)?.revision.start, 10, 'from the start of a revision, the next one');
  assert.equal(nextRevision(revs, 5)?.revision.start, 10, 'from inside a revision, the next one');
  assert.deepEqual(
    { ...nextRevision(revs, 12), revision: undefined },
    { revision: undefined, index: 2, wrapped: false },
  );
});

test('next revision wraps round to the first after the last', () => {
  const step = nextRevision(revs, 20);
  assert.equal(step?.revision.start, 2);
  assert.equal(step?.wrapped, true);
});

test('previous revision: the last one starting before the cursor, wrapping to the last', () => {
  assert.equal(previousRevision(revs, src.length)?.revision.start, 17);
  assert.equal(previousRevision(revs, 17)?.revision.start, 10);
  assert.equal(previousRevision(revs, 12)?.revision.start, 10, 'from inside a revision, its own start');
  const step = previousRevision(revs, 2);
  assert.equal(step?.revision.start, 17);
  assert.equal(step?.wrapped, true);
});

test('no revisions, no step', () => {
  assert.equal(nextRevision([], 0), undefined);
  assert.equal(previousRevision([], 0), undefined);
});

test('nested revisions are visited in document order, the enclosing one first', () => {
  const nested = revisions(parse('x ~~~a ~~b~~ c~~~ y'));
  assert.equal(nextRevision(nested, 0)?.revision.start, 2);
  assert.equal(nextRevision(nested, 2)?.revision.start, 7);
  assert.equal(previousRevision(nested, 7)?.revision.start, 2);
});

test('the editorial marks are listed in order with their summaries, for Go to Next / Previous Editorial Mark', () => {
  const src =
    'I +{am} ?low{wind|mind} _lost{ca. 3 words} %{ink  blot}\n|page{12 | p.jpg}\nAufklä|-\nrung ~~_{}~~ |column{}';
  const marks = editorialMarks(parse(src));
  assert.deepEqual(
    marks.map((m) => [m.kind, m.summary, src.slice(m.start, m.end)]),
    [
      ['supplied', 'Supplied: am', '+{am}'],
      ['unclear', 'Unclear (low certainty): wind or mind', '?low{wind|mind}'],
      ['gap', 'Gap: about 3 words, lost', '_lost{ca. 3 words}'],
      ['note', 'Note: ink blot', '%{ink  blot}'],
      ['page', 'Page 12', '|page{12 | p.jpg}'],
      ['gap', 'Gap: illegible', '_{}'],
      ['column', 'Column break', '|column{}'],
    ],
  );
  assert.equal(nextRevision(marks, src.indexOf('%'))!.revision.kind, 'page');
  assert.equal(previousRevision(marks, 0)!.wrapped, true);
});
