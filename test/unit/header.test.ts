import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headerValue, parse, reading } from '../../server/src/core/index';
import { applyEdits, codes } from './core-helpers';

test('a header block gives fields with exact spans and is in no reading', () => {
  const src = '---\ntitle: Letter\nwitness:  sent.txt \n---\n\nDear Sir';
  const d = parse(src);
  assert.deepEqual(d.header, {
    start: 0,
    end: 41,
    fields: [
      {
        key: 'title',
        value: 'Letter',
        line: { start: 4, end: 17 },
        keySpan: { start: 4, end: 9 },
        valueSpan: { start: 11, end: 17 },
      },
      {
        key: 'witness',
        value: 'sent.txt',
        line: { start: 18, end: 36 },
        keySpan: { start: 18, end: 25 },
        valueSpan: { start: 28, end: 36 },
      },
    ],
  });
  assert.equal(d.bodyStart, 42);
  assert.equal(headerValue(d.header, 'witness')?.value, 'sent.txt');
  for (const k of ['draft', 'final', 'diplomatic'] as const) assert.equal(reading(d, k).text, 'Dear Sir');
  assert.deepEqual(d.problems, []);
});

test('keys are case-insensitive; blank lines inside the block are ignored', () => {
  const d = parse('---\nTitle: A\n\ndate: 1985\n---\nx');
  assert.deepEqual(
    d.header?.fields.map((f) => [f.key, f.value]),
    [
      ['title', 'A'],
      ['date', '1985'],
    ],
  );
});

test('a header after a byte-order mark', () => {
  const d = parse('\ufeff---\ntitle: A\n---\nx');
  assert.equal(d.header?.fields[0]?.value, 'A');
  assert.equal(reading(d, 'final').text, 'x');
});

test('CRLF header lines', () => {
  const d = parse('---\r\ntitle: A\r\n---\r\nx');
  assert.equal(d.header?.fields[0]?.value, 'A');
  assert.equal(reading(d, 'final').text, 'x');
});

test('--- anywhere but the first line is text', () => {
  const d = parse('x\n---\ntitle: A\n---');
  assert.equal(d.header, null);
  assert.equal(reading(d, 'final').text, 'x\n---\ntitle: A\n---');
});

test('an unclosed header is text, with a fix closing it after its fields', () => {
  const src = '---\ntitle: T\ndate: 1985\n\nDear Sir';
  const d = parse(src);
  assert.equal(d.header, null);
  assert.deepEqual(
    d.problems.map((p) => [p.code, p.start, p.end]),
    [['header-unclosed', 0, 3]],
  );
  const fix = d.problems[0]!.fixes[0]!;
  const mended = applyEdits(src, fix.edits);
  assert.equal(mended, '---\ntitle: T\ndate: 1985\n---\n\nDear Sir');
  assert.deepEqual(codes(mended), []);
  assert.equal(reading(parse(mended), 'final').text, 'Dear Sir');
});

test('an unclosed header with no field lines has no fix', () => {
  assert.deepEqual(
    parse('---\nDear Sir').problems.map((p) => [p.code, p.fixes.length]),
    [['header-unclosed', 0]],
  );
  assert.deepEqual(codes('---'), ['header-unclosed']);
});

test('malformed lines, unknown and duplicate keys', () => {
  const src = '---\ntitel: A\njust words\ntitle: B\ntitle: C\n---\nx';
  const d = parse(src);
  assert.deepEqual(
    d.problems.map((p) => [p.code, src.slice(p.start, p.end)]),
    [
      ['header-unknown-key', 'titel'],
      ['header-malformed-line', 'just words'],
      ['header-duplicate-key', 'title'],
    ],
  );
  assert.deepEqual(
    d.header?.fields.map((f) => [f.key, f.value]),
    [
      ['titel', 'A'],
      ['title', 'B'],
    ],
  );
  const rename = d.problems[0]!.fixes[0]!;
  assert.equal(rename.title, 'Change to `title`');
  // `title: C` says something else than `title: B`: removing it would lose what was typed, so no fix is offered.
  assert.deepEqual(d.problems[2]!.fixes, []);
  const same = '---\ntitle: B\ntitle: B\n---\nx';
  const dup = parse(same).problems[0]!.fixes[0]!;
  assert.equal(applyEdits(same, dup.edits), '---\ntitle: B\n---\nx');
});

test('an unknown key far from every known key gets no rename fix', () => {
  const p = parse('---\nshelfmark: X\n---\nx').problems[0]!;
  assert.equal(p.code, 'header-unknown-key');
  assert.deepEqual(p.fixes, []);
});

test('a header-only file has no paragraphs', () => {
  assert.deepEqual(parse('---\ntitle: A\n---').paragraphs, []);
});
