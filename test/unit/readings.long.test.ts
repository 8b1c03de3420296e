// Long documents: the checks, hovers and the outline read a reading's whole text at offsets far from its start, and
// in paragraphs of a megabyte on one line. What they find in a paragraph must not depend on what comes before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, diagnose, hoverAt, outline, revisions, type Problem } from '../../server/src/core/index';

/** Two long paragraphs with no revision: what stands before the document under test. */
const PREFIX = 'Filler words, and more of them. '.repeat(1500).trimEnd() + '\n\n' + 'Plain text.\n\n';

// Documents made to trip the checks that read the readings: doubled words at revisions, insertions repeating the
// words beside them, revisions written against words, across several paragraphs.
const UNITS = [
  'the ',
  'the',
  'The ',
  ' ',
  ' ',
  '~~the~~ ',
  '~~the~~',
  '^{the} ',
  '^{the}',
  '~~a~~^{the}',
  '^{we do} ',
  'we do ',
  'We do ',
  '~~old~~ ',
  '~~ big ~~',
  'dog',
  '\n',
  '\n\n',
  '\n\n',
  '\n  \n',
  ', ',
  '. ',
  '*Hand* ',
  '^{x',
  '}',
];
// Each begins with a word, so the document's first paragraph stays a paragraph of its own after PREFIX.
const checkable = fc
  .array(fc.constantFrom(...UNITS), { maxLength: 80 })
  .map((a) => 'Begin ' + a.join(''))
  .filter((s) => !s.includes('\\'));

function shifted<T extends { start: number; end: number }>(items: T[], by: number): T[] {
  return items.map((p) => ({ ...p, start: p.start + by, end: p.end + by }));
}

/** Problems as found `by` units further into the document: their spans and their fixes' edits. */
function shiftedProblems(problems: Problem[], by: number): Problem[] {
  return shifted(problems, by).map((p) => ({
    ...p,
    fixes: p.fixes.map((f) => ({ ...f, edits: shifted(f.edits, by) })),
  }));
}

test('any document: problems and hovers after two long paragraphs are those of the document alone, shifted', () => {
  fc.assert(
    fc.property(checkable, (src) => {
      const alone = analyze(src),
        late = analyze(PREFIX + src);
      const problems = diagnose(late);
      assert.ok(
        problems.every((p) => p.start >= PREFIX.length),
        'nothing is reported in the plain paragraphs',
      );
      assert.deepEqual(problems, shiftedProblems(diagnose(alone), PREFIX.length));
      for (let at = 0; at <= src.length; at++) {
        const h = hoverAt(alone, at);
        assert.deepEqual(hoverAt(late, PREFIX.length + at), h && shifted([h], PREFIX.length)[0], `hover at ${at}`);
      }
    }),
    { numRuns: 300, includeErrorInReport: true },
  );
});

test('a megabyte on one line: the checks find a doubled word, a repeated insertion and a joined word at its end', () => {
  const line = 'We spoke of many things, and of the weather too. '.repeat(21000);
  const tail = 'We saw the ~~old~~ the house. ^{we do} We do believe. To ~~eliminate~~^{relieve}the concerns.';
  const src = line + tail;
  assert.ok(src.length > 1_000_000 && !src.includes('\n'));
  const found = diagnose(analyze(src)).map((p) => [p.code, p.start - line.length, p.end - line.length]);
  assert.deepEqual(
    found,
    diagnose(analyze(tail)).map((p) => [p.code, p.start, p.end]),
  );
  const codes = found.map(([code]) => code);
  for (const code of ['reading-doubled-word', 'insertion-repeats-text', 'reading-joins-words'])
    assert.ok(codes.includes(code), `${code} in ${codes.join(' ')}`);
});

test('a hover at the end of a long document shows the sentence, with no ellipsis after the last word', () => {
  // No full stop at the end: only the end of the text says that nothing follows.
  const src = PREFIX.repeat(20) + 'At the end we ~~met~~ ^{spoke} again';
  const h = hoverAt(analyze(src), src.indexOf('~~met'))!;
  assert.equal(
    h.markdown.split('\n\n').slice(1).join('\n\n'),
    '*Draft:* At the end we **met** again\n\n*Final:* At the end we **spoke** again',
  );
});

test('the outline names a paragraph far into a long document by its own first words', () => {
  const src = PREFIX.repeat(20) + 'Last ~~words~~ ^{lines} of the letter.';
  const symbols = outline(analyze(src), revisions(analyze(src).doc));
  assert.equal(symbols[symbols.length - 1]!.name, 'Last lines of the letter.');
});
