// A reading's text comes in chunks that end where a paragraph's blank line begins (readings.ts, CHUNK_TARGET), so
// the checks and the outline can look at a few words without joining a megabyte into one string. Where the chunks
// end must change nothing: these tests make a chunk of every paragraph and compare with one chunk for everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  Analysis,
  diagnose,
  hoverAt,
  outline,
  parse,
  reading,
  READING_KINDS,
  revisions,
} from '../../server/src/core/index';

/** Chunks of every paragraph: a chunk ends at every paragraph boundary the reading keeps. */
const EVERY_PARAGRAPH = 1;

test('the chunks join to the text and each begins where chunkStarts says', () => {
  const src = 'one ~~two~~ three\n\nfour ^{five}\n\n~~struck~~\n\nsix\\* seven';
  const doc = parse(src);
  for (const kind of READING_KINDS) {
    const whole = reading(doc, kind);
    const r = reading(doc, kind, { chunkTarget: EVERY_PARAGRAPH });
    assert.equal(r.chunks.join(''), whole.text, kind);
    assert.equal(r.text, whole.text, kind);
    assert.equal(r.length, whole.text.length, kind);
    assert.equal(whole.chunks.length, 1, `${kind}: a short document is one chunk`);
    let at = 0;
    r.chunks.forEach((chunk, c) => {
      assert.equal(r.chunkStarts[c], at, `${kind} chunk ${c}`);
      at += chunk.length;
    });
  }
  // Final: "one three", "four five", (the struck paragraph is gone) "six* seven": three chunks, each after the first
  // beginning with the blank line before its paragraph.
  assert.deepEqual(reading(doc, 'final', { chunkTarget: EVERY_PARAGRAPH }).chunks, [
    'one three',
    '\n\nfour five',
    '\n\nsix* seven',
  ]);
});

test('a chunk ends only once it holds its target length, and only between paragraphs', () => {
  const para = 'word '.repeat(20).trim();
  const src = Array.from({ length: 10 }, () => para).join('\n\n');
  const r = reading(parse(src), 'final', { chunkTarget: 3 * para.length });
  // Three paragraphs reach the target; the blank line after them begins the next chunk.
  assert.deepEqual(
    r.chunks.map((c) => c.length),
    [3 * para.length + 4, 3 * (para.length + 2), 3 * (para.length + 2), para.length + 2],
  );
  for (const chunk of r.chunks.slice(1)) assert.ok(chunk.startsWith('\n\n'));
});

test('window: the chunk holding a span, and the whole text for a span that crosses chunks', () => {
  const r = reading(parse('alpha\n\nbeta\n\ngamma'), 'final', { chunkTarget: EVERY_PARAGRAPH });
  assert.deepEqual(r.chunks, ['alpha', '\n\nbeta', '\n\ngamma']);
  assert.deepEqual(r.window(2), { text: 'alpha', base: 0 });
  assert.deepEqual(r.window(8, 11), { text: '\n\nbeta', base: 5 });
  assert.deepEqual(r.window(18), { text: '\n\ngamma', base: 11 });
  assert.deepEqual(r.window(3), { text: 'alpha', base: 0 }, 'back to an earlier chunk');
  assert.deepEqual(r.window(5), { text: 'alpha', base: 0 }, 'where two chunks meet is the end of the first');
  assert.deepEqual(r.window(6), { text: '\n\nbeta', base: 5 });
  assert.deepEqual(r.window(3, 9), { text: 'alpha\n\nbeta\n\ngamma', base: 0 }, 'across chunks: the whole text');
});

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
const checkable = fc.array(fc.constantFrom(...UNITS), { maxLength: 80 }).map((a) => a.join(''));

test("any document: problems, outline and hovers do not depend on where the readings' chunks end", () => {
  fc.assert(
    fc.property(checkable, (src) => {
      const one = new Analysis(src),
        many = new Analysis(src, EVERY_PARAGRAPH);
      assert.deepEqual(diagnose(many), diagnose(one));
      assert.deepEqual(outline(many, revisions(many.doc)), outline(one, revisions(one.doc)));
      for (let at = 0; at <= src.length; at++) assert.deepEqual(hoverAt(many, at), hoverAt(one, at), `hover at ${at}`);
      for (const kind of READING_KINDS) {
        const r = many.reading(kind);
        assert.equal(r.text, one.reading(kind).text);
        let at = 0;
        r.chunks.forEach((chunk, c) => {
          assert.equal(r.chunkStarts[c], at, `${kind} chunk ${c} begins where the one before ends`);
          assert.ok(c === 0 || chunk.length > 0, `${kind} chunk ${c} is not empty`);
          at += chunk.length;
        });
      }
    }),
    { numRuns: 2000, includeErrorInReport: true },
  );
});

test('the checks still find what they look for in a chunk that is not the first', () => {
  const src = 'First paragraph.\n\nWe saw the ~~old~~ the house.\n\n^{we do} We do believe.';
  const codes = (a: Analysis) => diagnose(a).map((p) => `${p.code}@${p.start}`);
  const many = codes(new Analysis(src, EVERY_PARAGRAPH));
  assert.deepEqual(many, codes(new Analysis(src)));
  assert.ok(
    many.some((c) => c.startsWith('reading-doubled-word')),
    many.join(' '),
  );
  assert.ok(
    many.some((c) => c.startsWith('insertion-repeats-text')),
    many.join(' '),
  );
});
