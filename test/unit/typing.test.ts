// Quiet while typing (core/typing.ts): the mark being typed at a cursor is held back while the transcriber types,
// an empty mark with the cursor inside it always; everything else, and everything once they pause or leave, is
// reported — and `diagnose()` (which `emend check` prints) always has it all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis, diagnose, heldAtCursors, marksAround, witnessProblems } from '../../server/src/core/index';
import { collateTexts } from './collate-helpers';

/** The codes reported with the cursor at `|` in `marked`, typing or paused. */
function reported(marked: string, typing: boolean): string[] {
  const cursor = marked.indexOf('|');
  const source = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const analysis = new Analysis(source);
  const problems = diagnose(analysis);
  const held = heldAtCursors(analysis.doc, problems, [cursor], typing);
  return problems.filter((p) => !held.has(p)).map((p) => p.code);
}

function all(marked: string): string[] {
  return diagnose(new Analysis(marked.replace('|', ''))).map((p) => p.code);
}

test('a deletion being typed is not reported while typing, but is once the transcriber pauses', () => {
  assert.deepEqual(all('Please ~~tell| regards.'), ['unclosed-deletion']);
  assert.deepEqual(reported('Please ~~tell| regards.', true), []);
  assert.deepEqual(reported('Please ~~tell| regards.', false), ['unclosed-deletion']);
});

test('a mark left open at a blank line is the mark being typed while the cursor is in its paragraph', () => {
  assert.deepEqual(all('one ~~two| three\n\nfour'), ['mark-crosses-paragraph']);
  assert.deepEqual(reported('one ~~two| three\n\nfour', true), []);
  assert.deepEqual(reported('one ~~two three\n\nfo|ur', true), ['mark-crosses-paragraph']);
});

test('leaving the mark reports it at once, typing or not', () => {
  assert.deepEqual(reported('Please| ~~tell regards.', true), ['unclosed-deletion']);
});

test('an insertion being typed: its opener is held back from the first keystroke', () => {
  assert.deepEqual(reported('Please ^{|', true), []);
  assert.deepEqual(reported('Please ^|{', true), [], 'the cursor one character behind, as a pull may see it');
  assert.deepEqual(reported('Please ^{conv|', false), ['unclosed-insertion']);
});

test('an empty mark with the cursor inside is held back even after a pause, and reported once the cursor leaves', () => {
  assert.deepEqual(all('Please ^{|} give'), ['empty-mark']);
  assert.deepEqual(reported('Please ^{|} give', false), []);
  assert.deepEqual(reported('Please ^<|> give', false), [], 'the other spelling, auto-closed too');
  assert.deepEqual(reported('Please ^{}| give', false), ['empty-mark']);
  assert.deepEqual(reported('Please| ^{} give', false), ['empty-mark']);
});

test('other marks and other paragraphs are reported while typing', () => {
  assert.deepEqual(reported('a ^{} b\n\nPlease ~~tell|', true), ['empty-mark']);
  assert.deepEqual(reported('a } b ~~x~~^{y|}', true), ['stray-closer']);
});

test('a half-typed word against the witness is held back while typing (the problem touches the cursor)', () => {
  const { analysis, c } = collateTexts('we must dea with it', 'we must deal with it');
  const ps = witnessProblems(analysis, c, { severities: { 'witness-misreading': 'information' } });
  assert.deepEqual(
    ps.map((p) => p.code),
    ['witness-misreading'],
  );
  assert.equal(heldAtCursors(analysis.doc, ps, [11], true).size, 1);
  assert.equal(heldAtCursors(analysis.doc, ps, [11], false).size, 0);
});

test('the marks around a place, outermost first; an unclosed mark reaches to its paragraph end', () => {
  const analysis = new Analysis('a ~~~b ~~c~~ d~~~ e ^{f');
  assert.deepEqual(
    marksAround(analysis.doc, 9).map((m) => m.delimiter),
    ['~~~', '~~'],
  );
  assert.deepEqual(
    marksAround(analysis.doc, 23).map((m) => m.delimiter),
    ['^{'],
  );
  assert.deepEqual(marksAround(analysis.doc, 1), []);
  assert.deepEqual(
    marksAround(analysis.doc, 8).map((m) => m.delimiter),
    ['~~~'],
    'between the tildes of an opener is not inside it yet',
  );
});
