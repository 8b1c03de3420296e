// A line break is `\n`, `\r\n` or a lone `\r` (old Mac files), as in LSP: paragraphs, problems, positions, readings,
// checks, hovers, the outline and the TEI export treat the three alike. Most tests here take a transcription written
// with `\n` and check that the same text with `\r\n` or `\r` gives the same answers, line for line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  analyze,
  diagnose,
  exportTei,
  hoverAt,
  LineIndex,
  outline,
  parse,
  preferredFix,
  reading,
  READING_KINDS,
  revisions,
  type Analysis,
} from '../../server/src/core/index';
import { cell, tables } from './doc-tables';
import { applyEdits } from './edits';

const EOLS = ['\n', '\r\n', '\r'] as const;
const NAMES = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' } as const;

function withEol(text: string, eol: string): string {
  return text.replaceAll('\n', eol);
}

test('CR-only line ends: a mark open at a blank line is reported and the final reading keeps both paragraphs', () => {
  const doc = parse('p1 ~~x\r\rp2~~ end\r');
  assert.deepEqual(
    doc.problems.map((p) => p.code),
    ['mark-crosses-paragraph', 'unclosed-deletion'],
  );
  assert.equal(doc.paragraphs.length, 2);
  assert.equal(reading(doc, 'final').text, 'p1\r\rp2');
  assert.equal(reading(doc, 'draft').text, 'p1 x\r\rp2 end');
});

for (const eol of EOLS) {
  test(`line/character positions with ${NAMES[eol]} line ends`, () => {
    const text = withEol('ab\ncd\n\nef', eol);
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    const e = text.indexOf('e');
    assert.deepEqual(lines.positionAt(e), { line: 3, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('d')), { line: 1, character: 1 });
    assert.equal(lines.offsetAt({ line: 3, character: 1 }), e + 1);
    // A character past a line's end stops before its line break, all of it.
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.lineStart(2), text.indexOf(eol + eol) + eol.length);
  });
}

test('a CR followed by a LF is one line break, not two', () => {
  assert.equal(new LineIndex('a\r\nb').lineCount, 2);
  assert.equal(new LineIndex('a\n\rb').lineCount, 3);
  assert.equal(parse('a\r\nb').paragraphs.length, 1);
  assert.equal(parse('a\n\rb').paragraphs.length, 2);
});

// docs/markup.md's examples hold `↵` for a line break: each must read the same with every line ending.
const readingExamples = tables('| you write | draft | final |').filter(([src]) => src!.includes('↵'));
const problemExamples = tables('| you write | problem | its fix gives |').filter(([src]) => src!.includes('↵'));

test('docs/markup.md has examples with line breaks to check', () => {
  assert.ok(readingExamples.length >= 5 && problemExamples.length >= 4);
});

for (const eol of ['\r\n', '\r']) {
  for (const [src, draft, final] of readingExamples) {
    test(`${NAMES[eol as '\r']}: markup.md example ${src}`, () => {
      const doc = parse(withEol(cell(src!), eol));
      assert.deepEqual(doc.problems, []);
      assert.equal(reading(doc, 'draft').text, withEol(cell(draft!), eol));
      assert.equal(reading(doc, 'final').text, withEol(cell(final!), eol));
    });
  }
  for (const [src, code, fixed] of problemExamples) {
    test(`${NAMES[eol as '\r']}: markup.md problem example ${src} gives ${code}, and its fix ${fixed}`, () => {
      const text = withEol(cell(src!), eol);
      const problems = parse(text).problems;
      assert.deepEqual(
        problems.map((p) => p.code),
        [cell(code!)],
      );
      const fix = preferredFix(problems[0]!);
      const expected = fixed === '*(no fix)*' ? fixed : withEol(cell(fixed!), eol);
      assert.equal(fix ? applyEdits(text, fix.edits) : '*(no fix)*', expected);
    });
  }
}

/** The offset in the text written with `eol` of an offset in the text written with `\n`. */
function offsetIn(lf: string, eol: string, offset: number): number {
  if (eol.length === 1) return offset;
  let breaks = 0;
  for (let i = 0; i < offset; i++) if (lf[i] === '\n') breaks++;
  return offset + breaks;
}

/** Everything a user sees of a transcription's problems, in line/character positions (fixes' new text in LF). */
function problemsSeen(a: Analysis, eol: string) {
  return diagnose(a).map((p) => ({
    code: p.code,
    message: p.message,
    start: a.lines.positionAt(p.start),
    end: a.lines.positionAt(p.end),
    fixes: p.fixes.map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => ({
        start: a.lines.positionAt(e.start),
        end: a.lines.positionAt(e.end),
        newText: e.newText.replaceAll(eol, '\n'),
      })),
    })),
  }));
}

const UNITS = [
  'the ',
  'the',
  'word',
  ' ',
  '\t',
  ',',
  '.',
  '\n',
  '\n',
  '\n\n',
  '\n  \n',
  '~~',
  '~~the~~ ',
  '^{the} ',
  '^{x',
  '}',
  '*',
  '~~a~~^{the}',
  '~~old~~ ',
  '^{we do} We do ',
  '---\n',
  'title: x\n',
  'titel: y\n',
];
const transcription = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((a) => a.join(''));

test('any transcription reads the same with LF, CRLF and CR line ends: problems, fixes, readings, hovers, outline', () => {
  fc.assert(
    fc.property(transcription, (lf) => {
      const base = analyze(lf);
      const seen = problemsSeen(base, '\n');
      const symbols = outline(base, revisions(base.doc)).map((s) => ({
        name: s.name,
        detail: s.detail,
        range: [base.lines.positionAt(s.range.start), base.lines.positionAt(s.range.end)],
        selection: [base.lines.positionAt(s.selectionRange.start), base.lines.positionAt(s.selectionRange.end)],
      }));
      for (const eol of ['\r\n', '\r']) {
        const a = analyze(withEol(lf, eol));
        assert.deepEqual(problemsSeen(a, eol), seen, `problems with ${NAMES[eol as '\r']}`);
        for (const kind of READING_KINDS)
          assert.equal(a.reading(kind).text, withEol(base.reading(kind).text, eol), `${kind} reading`);
        assert.deepEqual(
          outline(a, revisions(a.doc)).map((s) => ({
            name: s.name,
            detail: s.detail,
            range: [a.lines.positionAt(s.range.start), a.lines.positionAt(s.range.end)],
            selection: [a.lines.positionAt(s.selectionRange.start), a.lines.positionAt(s.selectionRange.end)],
          })),
          symbols,
          'outline',
        );
        for (let at = 0; at <= lf.length; at++) {
          const h0 = hoverAt(base, at),
            h1 = hoverAt(a, offsetIn(lf, eol, at));
          assert.deepEqual(
            h1 && { markdown: h1.markdown, start: a.lines.positionAt(h1.start), end: a.lines.positionAt(h1.end) },
            h0 && { markdown: h0.markdown, start: base.lines.positionAt(h0.start), end: base.lines.positionAt(h0.end) },
            `hover at ${at}`,
          );
        }
      }
    }),
    { numRuns: 1500, includeErrorInReport: true },
  );
});

test('TEI export writes <lb/> for every kind of line break', () => {
  for (const eol of EOLS) {
    const xml = exportTei(parse(withEol('one\ntwo ~~three\nfour~~', eol))).xml;
    assert.equal(xml.split('<lb/>').length - 1, 2, NAMES[eol]);
    assert.ok(!xml.includes('\r'), `${NAMES[eol]}: no carriage return left in the TEI`);
  }
});

test('the fix for a repeated header line removes the line with its line break, whatever the line ending', () => {
  for (const eol of EOLS) {
    const src = withEol('---\ntitle: A  \ntitle: A  \n---\nbody', eol);
    const fix = parse(src).problems[0]!.fixes[0]!;
    const e = fix.edits[0]!;
    assert.equal(src.slice(0, e.start) + e.newText + src.slice(e.end), withEol('---\ntitle: A  \n---\nbody', eol));
  }
});
