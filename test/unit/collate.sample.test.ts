// The sample pair in samples/: the 1985 draft letter (reagan-1985-draft.emend) and the letter as sent, transcribed
// by handwriting recognition (reagan-1985-sent-htr.txt), which the draft's header names as its witness. Each variant below was checked by hand against both files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreementOf, alignKeys, apparatus, witnessProblems } from '../../server/src/core/index';
import { applyEdits, collateTexts } from './collate-helpers';

const root = join(__dirname, '..', '..', '..');
const draft = readFileSync(join(root, 'samples', 'reagan-1985-draft.emend'), 'utf8');
const sent = readFileSync(join(root, 'samples', 'reagan-1985-sent-htr.txt'), 'utf8');
const { analysis, c } = collateTexts(draft, sent, 'reagan-1985-sent-htr.txt');
const entries = apparatus(analysis, c).variants;

function has(kind: string, tLine: number, tText: string, wLine: number, wText: string): void {
  const hit = entries.find((e) => e.kind === kind && e.transcription.text === tText && e.witness.text === wText);
  assert.ok(hit, `no ${kind} ${tText} ] ${wText}`);
  assert.deepEqual(hit, { kind, transcription: { line: tLine, text: tText }, witness: { line: wLine, text: wText } });
}

test('near-equal matching agrees on far more words than exact matching alone', () => {
  // About a fifth of the recognised words are misread; exact matching alone pairs about three quarters.
  const exact = agreementOf(alignKeys(c.a.words.keys, c.b.words.keys, { near: false }));
  assert.ok(exact > 0.7 && exact < 0.8, `exact ${exact}`);
  assert.ok(c.agreement > 0.85 && c.agreement < 0.9, `near ${c.agreement}`);
});

test('draft line 19 "frankly" is misread "fromkly" on line 21 of the witness', () => {
  has('misreading', 19, 'frankly', 21, 'fromkly');
});

test('draft line 25 "deal" (an insertion) is "cope" in the letter as sent (line 29)', () => {
  has('substitution', 25, 'deal', 29, 'cope');
});

test('the page header "THE WHITE HOUSE" on witness line 40 is set apart as paratext after draft line 27', () => {
  has('paratext', 27, '', 40, 'THE WHITE HOUSE');
});

test('all five letterheads of the letter as sent are paratext, and none of its text is', () => {
  const heads = entries.filter((e) => e.kind === 'paratext').map((e) => `${e.witness.line}: ${e.witness.text}`);
  assert.deepEqual(heads, [
    '15: THE WHITE HOUSE New. 28 85',
    '23: THE WHITE HOUSE WASHINGTON',
    '40: THE WHITE HOUSE',
    '48: THE WHITE HOUSE',
    '54: THE WHITE HOUSE',
  ]);
});

test('the witness doubles "relation to the reduction of offensive" on its line 27', () => {
  // The recogniser read the line twice; our alignment keeps the second copy (matched with "nuclear weapons").
  assert.ok(
    entries.some(
      (e) =>
        (e.kind === 'addition' || e.kind === 'repetition') &&
        e.witness.line === 27 &&
        e.witness.text.includes('relation to the reduction of offensive'),
    ),
  );
});

test('the insertion "and test" (draft line 23) is lacking there: the witness has "of testing" after "research" (line 27)', () => {
  has('omission', 23, 'and test', 27, '');
  const p = witnessProblems(analysis, c).find(
    (q) => q.code === 'witness-misplaced-insertion' && draft.slice(q.start, q.end) === '^{and test}',
  );
  assert.ok(p);
  const fixed = applyEdits(draft, p.fixes[0]!.edits);
  assert.ok(fixed.includes('even to permit a first strike capability.'));
  assert.ok(fixed.includes('concern that research ^{and test} in this area'));
});

test('"give" after the insertion "convey" (draft line 55) is not in the letter as sent (line 66): a missed deletion', () => {
  has('omission', 55, 'give', 66, '');
  const p = witnessProblems(analysis, c).find((q) => q.code === 'witness-missed-deletion');
  assert.ok(p);
  assert.equal(draft.slice(p.start, p.end), 'give');
  assert.ok(applyEdits(draft, p.fixes[0]!.edits).includes('Please ^{convey} ~~give~~ regards'));
});

test('"^{alarming}" (draft line 37, before the struck "warheads") stands after "obviously" in the witness (line 46)', () => {
  // Draft: "hardened ^{alarming} ~~warheads~~ targets … That is obviously ~~worrisome~~ to us";
  // witness line 46: "That is obviously alarming to us". The fix moves the insertion, leaving "warheads" struck.
  const p = witnessProblems(analysis, c).find(
    (q) => q.code === 'witness-misplaced-insertion' && draft.slice(q.start, q.end) === '^{alarming}',
  );
  assert.ok(p);
  assert.match(p.message, /7 words later \(line 46: /);
  const fixed = applyEdits(draft, p.fixes[0]!.edits);
  assert.ok(fixed.includes('destroy hardened ~~warheads~~ targets with little warning'));
  assert.ok(fixed.includes('That is obviously ^{alarming} ~~worrisome~~ to us'));
});

test('the insertion "using" (draft line 27) is moved after "intention", where the witness has "of using" (line 31)', () => {
  const p = witnessProblems(analysis, c).find(
    (q) => q.code === 'witness-misplaced-insertion' && draft.slice(q.start, q.end) === '^{using}',
  );
  assert.ok(p);
  const fixed = applyEdits(draft, p.fixes[0]!.edits);
  assert.ok(fixed.includes('However, the objective reality'));
  assert.ok(fixed.includes('no intention ^{using} ~~to use~~ its strategic'));
});
