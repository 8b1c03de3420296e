import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, diagnose, type Problem } from '../../server/src/core/index';
import { applyEdits } from './edits';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function problems(src: string, code?: string): Problem[] {
  const all = diagnose(analyze(src));
  return code ? all.filter((p) => p.code === code) : all;
}

function shown(src: string, code?: string): [string, string][] {
  return problems(src, code).map((p) => [p.code, src.slice(p.start, p.end)]);
}

// substitution-unchanged
test('a substitution of a word by itself is reported, with no fix', () => {
  const src = 'a ~~the~~ ^{the} b';
  assert.deepEqual(shown(src), [['substitution-unchanged', '~~the~~ ^{the}']]);
  assert.deepEqual(problems(src)[0]!.fixes, []);
  assert.match(problems(src)[0]!.message, /“the” with the very same text/);
});

test('a substitution written insertion first, with different spacing, is still unchanged', () => {
  assert.deepEqual(shown('a ^{big  dog}~~big dog~~ b'), [['substitution-unchanged', '^{big  dog}~~big dog~~']]);
});

test('a substitution that changes case or a letter is not unchanged', () => {
  assert.deepEqual(shown('~~The~~ ^{the} ~~colour~~^{color}', 'substitution-unchanged'), []);
});

test('a substitution nested in a deletion is checked too', () => {
  assert.deepEqual(shown('~~~x ~~a~~ ^{a} y~~~', 'substitution-unchanged'), [['substitution-unchanged', '~~a~~ ^{a}']]);
});

// insertion-repeats-text
test('an insertion repeating the words after it, ignoring case and punctuation', () => {
  const src = 'believe. ^{we do believe} We do believe, however';
  assert.deepEqual(shown(src), [['insertion-repeats-text', '^{we do believe}']]);
  const p = problems(src)[0]!;
  assert.match(p.message, /repeats “we do believe”, the words right after it/);
  assert.equal(p.fixes.length, 1);
  assert.equal(applyEdits(src, p.fixes[0]!.edits), 'believe. ^{we do believe} ~~We do believe~~, however');
});

test('after the fix the repeat is a substitution and the check is quiet', () => {
  const src = 'x ^{we do} We do y';
  const fixed = applyEdits(src, problems(src)[0]!.fixes[0]!.edits);
  assert.equal(fixed, 'x ^{we do} ~~We do~~ y');
  assert.deepEqual(problems(fixed), []);
});

test('an insertion repeating the word before it', () => {
  const src = 'go the ^{the} way';
  assert.deepEqual(shown(src), [['insertion-repeats-text', '^{the}']]);
  assert.equal(applyEdits(src, problems(src)[0]!.fixes[0]!.edits), 'go ~~the~~ ^{the} way');
});

test('an insertion that only partly repeats its neighbours is fine', () => {
  assert.deepEqual(shown('we do ^{do believe} it'), [['reading-doubled-word', 'do ^{do']]);
  assert.deepEqual(problems('^{we do believe} We do not'), []);
});

test('a repeat separated by punctuation is not "right beside" it', () => {
  assert.deepEqual(problems('the ^{end} - end'), []);
});

test('a repeat that crosses a mark gets the report but no fix', () => {
  const src = '^{a b} a ~~x~~ b';
  const p = problems(src, 'insertion-repeats-text');
  assert.equal(p.length, 1);
  assert.deepEqual(p[0]!.fixes, []);
});

test('an insertion inside a deletion is not in the final reading and is not checked', () => {
  assert.deepEqual(problems('~~a ^{b} b~~ c', 'insertion-repeats-text'), []);
});

test('words in the next paragraph are not "beside" an insertion, even across a blank line holding spaces', () => {
  assert.deepEqual(problems('^{the}\n\nthe end', 'insertion-repeats-text'), []);
  assert.deepEqual(problems('^{the}\n  \t\nthe end', 'insertion-repeats-text'), []);
  assert.deepEqual(problems('the end\n \n^{end}', 'insertion-repeats-text'), []);
  assert.equal(
    problems('^{the}\nthe end', 'insertion-repeats-text').length,
    1,
    'a single line break is not a paragraph break',
  );
});

// reading-joins-words
test('a substitution written against the next word joins words in both readings', () => {
  const src = 'to ~~eliminate~~^{relieve}the concerns';
  assert.deepEqual(shown(src), [['reading-joins-words', '~~eliminate~~^{relieve}the']]);
  const p = problems(src)[0]!;
  assert.equal(
    p.message,
    "The mark's boundary runs two words together: “eliminatethe” in the draft reading and " +
      '“relievethe” in the final reading. Add a space after the mark if these are two words.',
  );
  assert.equal(applyEdits(src, p.fixes[0]!.edits), 'to ~~eliminate~~^{relieve} the concerns');
  assert.equal(p.fixes[0]!.preferred, true);
});

test('a deletion written against the word before it joins them in the draft only', () => {
  const src = 'the worrisome~~concerns~~ end';
  const p = problems(src);
  assert.deepEqual(shown(src), [['reading-joins-words', 'worrisome~~concerns~~']]);
  assert.match(p[0]!.message, /“worrisomeconcerns” in the draft reading\./);
  assert.equal(applyEdits(src, p[0]!.fixes[0]!.edits), 'the worrisome ~~concerns~~ end');
});

test('an insertion of several words against the next word is reported whatever their length', () => {
  assert.deepEqual(shown('^{to a}man', 'reading-joins-words'), [['reading-joins-words', '^{to a}man']]);
});

test('a space just inside a mark written against both neighbours: the reading joins them, the fix moves the space out', () => {
  const src = 'the~~ big ~~dog';
  const p = problems(src);
  assert.deepEqual(shown(src), [['reading-joins-words', '~~ big ~~']]);
  assert.match(p[0]!.message, /“thedog” in the final reading\. Move the space outside the mark\.$/);
  assert.equal(applyEdits(src, p[0]!.fixes[0]!.edits), 'the ~~big~~ dog');
  assert.deepEqual(problems('the ~~big~~ dog'), []);
});

test('a one-sided inner space: only that side moves', () => {
  const src = 'a word^{ more}here';
  const p = problems(src, 'reading-joins-words');
  assert.equal(p.length, 1);
  assert.match(p[0]!.message, /“wordhere” in the draft reading/);
  assert.equal(applyEdits(src, p[0]!.fixes[0]!.edits), 'a word ^{more}here');
});

test('revisions inside a word are not reported', () => {
  assert.deepEqual(problems('Se~~h~~ ^{e}le and ~~un~~^{re}done and walk~~ed~~^{ing} on'), []);
});

test('a revision with space on both sides joins nothing', () => {
  assert.deepEqual(problems('to ~~eliminate~~ ^{relieve} the'), []);
});

// reading-doubled-word
test('a deletion between two equal words leaves them doubled in the final reading', () => {
  const src = 'the ~~old~~ the house';
  assert.deepEqual(shown(src), [['reading-doubled-word', 'the ~~old~~ the']]);
  assert.match(problems(src)[0]!.message, /^The final reading says “the the” here/);
  assert.deepEqual(problems(src)[0]!.fixes, []);
});

test('an insertion between two equal words leaves them doubled in the draft', () => {
  const src = 'that ^{is} that';
  assert.deepEqual(shown(src), [['reading-doubled-word', 'that ^{is} that']]);
  assert.match(problems(src)[0]!.message, /^The draft reading says “that that”/);
});

test('doubled words across a paragraph break, numbers, and ordinary prose are not reported', () => {
  assert.deepEqual(problems('~~SECRET~~\n\n~~SECRET~~'), []);
  assert.deepEqual(problems('page 1 ~~x~~ 1'), []);
  assert.deepEqual(problems('had had ~~x~~ y'), []);
});

test('an insertion repeating its neighbour is reported once, as a repeat', () => {
  assert.deepEqual(
    shown('go ^{the} the way').map(([c]) => c),
    ['insertion-repeats-text'],
  );
});

// diagnose
test('diagnose sorts by place and applies severities, off removing a code', () => {
  const src = 'the ~~old~~ the ^{x';
  assert.deepEqual(
    problems(src).map((p) => [p.code, p.severity]),
    [
      ['reading-doubled-word', 'warning'],
      ['unclosed-insertion', 'error'],
    ],
  );
  assert.deepEqual(
    diagnose(analyze(src), { 'reading-doubled-word': 'off', 'unclosed-insertion': 'hint' }).map((p) => [
      p.code,
      p.severity,
    ]),
    [['unclosed-insertion', 'hint']],
  );
});

test('a header line repeating a key: removable only when it says the same', () => {
  const same = '---\ntitle: A\ntitle: A\n---\nx';
  const p = problems(same, 'header-duplicate-key')[0]!;
  assert.equal(applyEdits(same, p.fixes[0]!.edits), '---\ntitle: A\n---\nx');
  const differ = '---\ntitle: A\ntitle: B\n---\nx';
  const q = problems(differ, 'header-duplicate-key')[0]!;
  assert.deepEqual(q.fixes, []);
  assert.match(q.message, /`B` is ignored/);
});

test('checks stay quiet on the clean parts of a long document and cost linear time', () => {
  const para = 'We ~~had~~ ^{have} agreed to ~~speak~~ ^{talk} frankly, and we did.\n\n';
  const src = para.repeat(5000);
  assert.deepEqual(problems(src), []);
});

test('the sample letter: one warning, the inserted “we do believe” written before the same words', () => {
  const src = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'reagan-1985-draft.emend'), 'utf8');
  assert.deepEqual(shown(src), [['insertion-repeats-text', '^{we do believe}']]);
});

test('words with letters outside ASCII are words to the checks (asked once per letter, then remembered)', () => {
  const problems = diagnose(analyze('Ça été ~~très~~ Été là.')).filter((p) => p.code === 'reading-doubled-word');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.message.includes('final reading says “été Été”'), true, problems[0]!.message);
});
