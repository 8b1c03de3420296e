import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collationHover, MAX_VARIANT_PROBLEMS, witnessProblems } from '../../server/src/core/index';
import { applyEdits, collateTexts } from './collate-helpers';

function problems(source: string, witness: string, code?: string) {
  const { analysis, c } = collateTexts(source, witness);
  return witnessProblems(analysis, c).filter((p) => !code || p.code === code);
}

test("each variant is a problem of its kind's code on the transcription's words, naming the witness's reading and line", () => {
  const src = 'we must deal with it';
  const ps = problems(src, 'we must\ncope with it');
  assert.equal(ps.length, 1);
  assert.equal(ps[0]!.code, 'witness-substitution');
  assert.equal(ps[0]!.severity, 'information');
  assert.equal(src.slice(ps[0]!.start, ps[0]!.end), 'deal');
  assert.equal(ps[0]!.message, 'The witness reads “cope” (line 2) for “deal”.');
});

test('an addition is reported on the word before it', () => {
  const src = 'find a way to relieve the concerns';
  const ps = problems(src, 'find a way THE WHITE HOUSE to relieve the concerns');
  assert.equal(ps.length, 1);
  assert.equal(src.slice(ps[0]!.start, ps[0]!.end), 'way');
  assert.equal(ps[0]!.message, 'The witness adds “THE WHITE HOUSE” after “way” (line 1).');
});

test('an insertion the witness has a few words later is a misplaced insertion; the fix moves the mark', () => {
  const src =
    'to permit a first strike ^{and test} capability. I also noted your concern that research in this area could be a cover';
  const witness =
    'to permit a first strike capability. I also noted your concern that research and testing in this area could be a cover';
  const ps = problems(src, witness, 'witness-misplaced-insertion');
  assert.equal(ps.length, 1);
  const p = ps[0]!;
  assert.equal(src.slice(p.start, p.end), '^{and test}');
  assert.match(p.message, /reads “and testing” 8 words later \(line 1: /);
  assert.equal(p.fixes.length, 1);
  assert.equal(p.fixes[0]!.title, 'Move the insertion “and test” after “research” (changes the final reading)');
  assert.equal(
    applyEdits(src, p.fixes[0]!.edits),
    'to permit a first strike capability. I also noted your concern that research ^{and test} in this area could be a cover',
  );
});

test('an insertion the witness has earlier is moved back', () => {
  const src = 'the objective reality is that we have no intention ~~to use~~ its program ^{using} to gain an advantage';
  const witness = 'the objective reality is that we have no intention of using its program to gain an advantage';
  const p = problems(src, witness, 'witness-misplaced-insertion')[0]!;
  assert.match(p.message, /2 words earlier/);
  assert.equal(
    applyEdits(src, p.fixes[0]!.edits),
    'the objective reality is that we have no intention ^{using} ~~to use~~ its program to gain an advantage',
  );
});

test('an insertion the witness has in place is not misplaced', () => {
  assert.deepEqual(
    problems(
      'a first strike ^{and test} capability and more words here',
      'a first strike and test capability and more words here',
    ),
    [],
  );
});

test('an insertion the witness lacks everywhere is only a variant', () => {
  const ps = problems(
    'a first strike ^{and test} capability and more words',
    'a first strike capability and more words',
  );
  assert.deepEqual(
    ps.map((p) => p.code),
    ['witness-omission'],
  );
});

test('unstruck words after an insertion that the witness lacks are a missed deletion; the fix strikes them', () => {
  const src = 'Please ^{convey} give regards from Nancy';
  const ps = problems(src, 'Please convey regards from Nancy', 'witness-missed-deletion');
  assert.equal(ps.length, 1);
  const p = ps[0]!;
  assert.equal(src.slice(p.start, p.end), 'give');
  assert.equal(p.fixes[0]!.title, 'Strike “give” (changes the final reading)');
  assert.equal(applyEdits(src, p.fixes[0]!.edits), 'Please ^{convey} ~~give~~ regards from Nancy');
});

test('no missed deletion when the words are already struck or the witness has other words there', () => {
  assert.deepEqual(
    problems(
      'Please ^{convey} ~~give~~ regards from Nancy',
      'Please convey regards from Nancy',
      'witness-missed-deletion',
    ),
    [],
  );
  assert.deepEqual(
    problems(
      'Please ^{convey} give regards from Nancy',
      'Please convey our regards from Nancy',
      'witness-missed-deletion',
    ),
    [],
  );
});

test('hovering a word shows what the witness reads there, with context and line', () => {
  const src = 'We had agreed to speak frankly, and we did.';
  const { analysis, c } = collateTexts(src, 'We had agreed\nto speak fromkly, and we did.');
  assert.equal(
    collationHover(analysis, c, src.indexOf('frankly') + 2)?.markdown,
    'witness\\.txt\\, line 2 \\(reads “fromkly”\\: probably a misreading\\)\\: … had agreed to speak «fromkly» and we did',
  );
});

test('hovering a word the witness lacks says so and shows the place', () => {
  const src = 'cope with the reality of what the other side is doing';
  const { analysis, c } = collateTexts(src, 'cope with what the other side is doing');
  assert.equal(
    collationHover(analysis, c, src.indexOf('reality'))?.markdown,
    'witness\\.txt lacks “reality”\\, line 1\\: cope with «» what the other side …',
  );
});

test('hovering a revision tells whether the witness follows its final or its draft reading', () => {
  const src = 'to ~~eliminate~~ ^{relieve} the concerns you have';
  const final = collateTexts(src, 'to relieve the concerns you have');
  assert.match(
    collationHover(final.analysis, final.c, src.indexOf('eliminate'))!.markdown,
    /follows the \*\*final\*\* reading/,
  );
  const draft = collateTexts(src, 'to eliminate the concerns you have');
  assert.match(
    collationHover(draft.analysis, draft.c, src.indexOf('relieve'))!.markdown,
    /follows the \*\*draft\*\* reading/,
  );
  const neither = collateTexts(src, 'to address the concerns you have');
  assert.match(
    collationHover(neither.analysis, neither.c, src.indexOf('~~'))!.markdown,
    /follows neither reading of this revision: it reads “address”/,
  );
});

test("the hover of a word is about that word's source range", () => {
  const src = 'we must deal with it';
  const { analysis, c } = collateTexts(src, 'we must cope with it');
  const h = collationHover(analysis, c, src.indexOf('deal') + 1)!;
  assert.equal(src.slice(h.start, h.end), 'deal');
  assert.equal(h.markdown, 'witness\\.txt reads “cope” instead\\, line 1\\: we must «cope» with it');
});

test('hovering outside any word or revision gives nothing', () => {
  const src = 'one two\n\n\nthree';
  const { analysis, c } = collateTexts(src, 'one two three');
  assert.equal(collationHover(analysis, c, 8), null);
});

test('past MAX_VARIANT_PROBLEMS variants, one problem on the witness line sums up the rest', () => {
  const n = MAX_VARIANT_PROBLEMS + 10;
  // Every other word differs (and is unlike its counterpart), so each is its own substitution.
  const a = Array.from({ length: 2 * n }, (_, i) => (i % 2 ? `w${i}` : `keep${i}`)).join(' ');
  const b = Array.from({ length: 2 * n }, (_, i) => (i % 2 ? `zz${i}q` : `keep${i}`)).join(' ');
  const src = `---\nwitness: w.txt\n---\n${a}`;
  const { analysis, c } = collateTexts(src, b);
  assert.equal(c.variants.length, n);
  // Most words are near-equal (`w1001` ] `zz1001q`): misreadings, which are off unless a setting turns them on.
  assert.ok(witnessProblems(analysis, c).length < 10);
  const ps = witnessProblems(analysis, c, { severities: { 'witness-misreading': 'hint' } });
  assert.equal(ps.length, MAX_VARIANT_PROBLEMS + 1);
  const last = ps[ps.length - 1]!;
  assert.equal(last.code, 'witness-too-many-variants');
  assert.equal(src.slice(last.start, last.end), 'witness: w.txt');
  assert.equal(
    last.message,
    '10 more variants after the first 2,000 are not listed; the collation view and the command emend collate show them all.',
  );
});

test('an insertion whose word recurs nearby is found misplaced by the words around it in the witness', () => {
  // "maosro" recurs: the witness's words around it ("ma an" … "to osste") are around a place five words earlier.
  // (In a longer text the aligner may pair the insertion where it stands and take the words before it as moved;
  // generated pair 3 of collate.planted.test.ts has that case, found by the words around the insertion too.)
  const src = 'so mamadi maosro to emdider ma an to ossta venre to ulploos ^{maosro} to walanche qutoplo ven';
  const witness = 'so mamadi maosro to emdider ma an maosro to osste venre to ulploos to walanche qutoplo ven';
  const ps = problems(src, witness, 'witness-misplaced-insertion');
  assert.equal(ps.length, 1, JSON.stringify(problems(src, witness)));
  assert.match(ps[0]!.message, /“maosro” 5 words earlier \(line 1: /);
  assert.equal(ps[0]!.fixes[0]!.title, 'Move the insertion “maosro” after “an” (changes the final reading)');
  assert.equal(
    applyEdits(src, ps[0]!.fixes[0]!.edits),
    'so mamadi maosro to emdider ma an ^{maosro} to ossta venre to ulploos to walanche qutoplo ven',
  );
});
