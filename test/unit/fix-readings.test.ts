// Every quick fix says which readings it changes (`fix.changes`, and its title's ending), and keeps every other
// reading exactly: applied to generated documents, a fix that names no reading leaves draft and final as they were,
// character for character; one that names only the final leaves the draft as it was. The same holds for a fix-all
// (the preferred fixes of every problem of one code, merged as the editor merges them) and for what the editor
// applies on save. These are the promises the editor makes when it offers a fix as keeping the readings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  analyze,
  changesSuffix,
  combineFixes,
  CODES,
  diagnose,
  FIX_ALL_CODES,
  preferredFix,
  SAVE_FIX_CODES,
  witnessProblems,
  type Analysis,
  type Fix,
  type Problem,
} from '../../server/src/core/index';
import { applyEdits } from './edits';
import { collateTexts } from './collate-helpers';

type Readings = { draft: string; final: string };

function readings(src: string): Readings {
  const a = analyze(src);
  return { draft: a.reading('draft').text, final: a.reading('final').text };
}

/** Problems checked per document, so a document of a thousand problems costs no more than a few dozen. */
const MAX_CHECKED = 30;

/** Checks one fix: its title names what it changes, and it keeps every other reading. */
function checkFix(src: string, before: Readings, fix: Fix, label: string): void {
  const suffix = changesSuffix(fix.changes);
  assert.ok(fix.title.endsWith(suffix), `${label}: the title “${fix.title}” must end with “${suffix}”`);
  if (fix.changes.length === 0) assert.ok(!fix.title.includes('(changes the'), `${label}: ${fix.title}`);
  const after = readings(applyEdits(src, fix.edits));
  for (const kind of ['draft', 'final'] as const) {
    if (fix.changes.includes(kind)) continue;
    assert.equal(
      after[kind],
      before[kind],
      `${label} “${fix.title}” claims to keep the ${kind} reading: ${JSON.stringify(src)} → ` +
        JSON.stringify(applyEdits(src, fix.edits)),
    );
  }
}

/** Every fix of every problem; each fix-all of one code (FIX_ALL_CODES) and what the editor applies on save
 *  (SAVE_FIX_CODES), combined as the editor combines them: each says what it changes, and keeps the rest. */
function checkAllFixes(a: Analysis, problems: Problem[]): void {
  const src = a.source;
  const before = readings(src);
  for (const p of problems.slice(0, MAX_CHECKED)) for (const f of p.fixes) checkFix(src, before, f, p.code);
  const preferred = (ps: Problem[]) => ps.map(preferredFix).filter((f): f is Fix => f !== undefined);
  for (const code of FIX_ALL_CODES) {
    const fix = combineFixes(a, preferred(problems.filter((p) => p.code === code)), `Fix all ${code}`);
    if (fix) checkFix(src, before, fix, `fix all ${code}`);
  }
  const onSave = preferred(problems.filter((p) => SAVE_FIX_CODES.includes(p.code))).filter(
    (f) => f.changes.length === 0,
  );
  const fix = combineFixes(a, onSave, 'on save');
  if (fix) checkFix(src, before, fix, 'on save');
}

const seen = new Set<string>();
function run(a: Analysis, extra: Problem[] = []): void {
  const problems = [...diagnose(a), ...extra];
  for (const p of problems) if (p.fixes.length > 0) seen.add(p.code);
  checkAllFixes(a, problems);
}

// Markup with every kind of slip: unclosed and crossing marks, stray closers, empty marks, spaces inside marks,
// both insertion spellings with brackets of the other inside, tildes against marks, headers.
const UNITS = [
  'a',
  'bc',
  'word',
  ' ',
  ' ',
  '\t',
  '\n',
  '\n\n',
  ',',
  '.',
  '(',
  ')',
  '?',
  '~',
  '~~',
  '~~~',
  '^{',
  '^<',
  '{',
  '}',
  '<',
  '>',
  '*',
  '\\',
  '^{}',
  '^<>',
  '~~ ~~',
  '^{ b}',
  '^< b >',
  '~~a~~',
  '^{x}',
  '^<y>',
  '^<q {sic}>',
  '^{x>y}',
  '*h*',
  '~~a ~~b~~ c~~',
  '~~a ~~',
  '~~ b~~',
  '~~\n ~~',
  '^{ \n}',
  // The editorial marks (issue 17): unclosed ones, unknown keywords and hands, notes inside words.
  '+{',
  '?{',
  '_{',
  '%{',
  '|page{',
  '|pg{',
  '^top{',
  '?lo{',
  '_{2 words}',
  '_{two}',
  '?{a|b}',
  '+lost{x}',
  '%{n}',
  '|page{2}',
  '|-',
  '@s ',
  '~~@s ',
  '*@rr ',
  'w',
  'w%{n}w',
  '~~ @s ',
];
const HEADERS = [
  '',
  '---\nhands: rr: R\n---\n',
  '---\ntitle: T\n---\n',
  '---\ntitel: T\ntitle: A\ntitle: A\n---\n',
  '---\ntitle: T\n',
];
const markup = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }))
  .map(([h, a]) => h + a.join(''));

test('every fix of a markup problem keeps the readings it does not name, alone, in a fix-all and on save', () => {
  fc.assert(
    fc.property(markup, (src) => run(analyze(src))),
    { numRuns: 4000, includeErrorInReport: true },
  );
});

// Documents that trip the checks on the readings (doubled and joined words, insertions repeating their neighbours).
const CHECK_UNITS = [
  'the ',
  'the',
  'The ',
  ' ',
  '~~the~~ ',
  '^{the} ',
  '~~a~~^{the}',
  '^{we do} ',
  'we do ',
  'We do ',
  '~~old~~ ',
  '~~ big ~~',
  'dog',
  'house',
  '\n',
  '\n\n',
  ', ',
  '^{relieve}',
  '~~eliminate~~',
];
const checkable = fc.array(fc.constantFrom(...CHECK_UNITS), { maxLength: 40 }).map((a) => a.join(''));

test('every fix of a check on the readings keeps the readings it does not name', () => {
  fc.assert(
    fc.property(checkable, (src) => run(analyze(src))),
    { numRuns: 2000, includeErrorInReport: true },
  );
});

// A transcription and a witness that has one of its insertions some words away, or lacks the words after one.
const VOCABULARY = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda'];
const witnessCase = fc
  .record({
    words: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 8, maxLength: 16 }),
    inserted: fc.array(fc.constantFrom('mu', 'nu', 'xi', 'omicron'), { minLength: 1, maxLength: 2 }),
    at: fc.nat(),
    shift: fc.integer({ min: -4, max: 4 }),
    missed: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ words, inserted, at, shift, missed }) => {
    const i = at % words.length;
    const source = [...words.slice(0, i), `^{${inserted.join(' ')}}`, ...words.slice(i)].join(' ');
    const final = [...words.slice(0, i), ...inserted, ...words.slice(i + missed)];
    const j = Math.max(0, Math.min(words.length - missed, i + shift));
    const witness = missed > 0 ? final : [...words.slice(0, j), ...inserted, ...words.slice(j)];
    return { source, witness: witness.join(' ') };
  });

test('every fix of a witness problem keeps the readings it does not name', () => {
  fc.assert(
    fc.property(witnessCase, ({ source, witness }) => {
      const { analysis, c } = collateTexts(source, witness);
      run(analysis, witnessProblems(analysis, c));
    }),
    { numRuns: 500, includeErrorInReport: true },
  );
});

test('the documents above met every code that has fixes', () => {
  const withFixes = Object.keys(CODES).filter(
    (c) =>
      !['crossing-marks', 'nesting-too-deep', 'too-many-problems', 'header-malformed-line', 'gap-extent'].includes(c),
  );
  // Codes whose problems offer no fix: the variants' kinds only point at what the witness reads.
  const none = [
    'substitution-unchanged',
    'reading-doubled-word',
    'witness-unavailable',
    'witness-variant',
    ...(CODES['witness-variant']!.members ?? []),
    'witness-too-many-variants',
  ];
  assert.deepEqual(
    withFixes.filter((c) => !none.includes(c) && !seen.has(c)),
    [],
  );
});

test('the unified spelling escapes what the other spelling reads as its closer (issue 15)', () => {
  for (const [src, expected] of [
    ['He said ^<quote: {sic}> then ^{a} and ^{b}.', 'He said ^{quote: \\{sic\\}} then ^{a} and ^{b}.'],
    ['a ^{x>y} b ^<c> ^<d>', 'a ^<x\\>y> b ^<c> ^<d>'],
    ['^<a ^<b {c}> d> ^{e} ^{f} ^{g}', '^{a ^{b \\{c\\}} d} ^{e} ^{f} ^{g}'],
  ] as const) {
    const problems = analyze(src).doc.problems.filter((p) => p.code === 'insertion-spellings-mixed');
    const all = preferredFix(problems[0]!)!;
    assert.equal(applyEdits(src, all.edits), expected);
    assert.deepEqual(readings(applyEdits(src, all.edits)), readings(src));
    assert.deepEqual(all.changes, []);
  }
});
