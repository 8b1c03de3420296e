// host/text.ts: one UTF-8 check (the platform's strict TextDecoder) whose refusals say where the trouble is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeUtf8 } from '../../server/src/host/text';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

test('UTF-8 text decodes, and a byte-order mark is dropped', () => {
  assert.deepEqual(decodeUtf8(bytes('Caf\u00e9 ~~x~~ \u{1F600}')), { text: 'Caf\u00e9 ~~x~~ \u{1F600}' });
  assert.deepEqual(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'abc')), { text: 'abc' });
  assert.deepEqual(decodeUtf8(new Uint8Array()), { text: '' });
});

test('UTF-16 and binary content are refused', () => {
  assert.deepEqual(decodeUtf8(bytes([0xff, 0xfe, 0x61, 0])), { error: 'is UTF-16 text; save it as UTF-8' });
  assert.deepEqual(decodeUtf8(bytes('ab\ncd', [0], 'e')), {
    error: 'is a binary file, not text: line 2, column 3 holds a NUL byte (offset 5 in the file)',
  });
});

test('invalid UTF-8 is placed by line and column (in UTF-16 units, as the editor counts) and by byte offset', () => {
  const cases: [Uint8Array, string][] = [
    [bytes('ok\nCaf', [0xe9], ' au lait'), 'line 2, column 4 holds the byte 0xE9 (offset 6 in the file)'],
    [bytes([0xc0, 0x80]), 'line 1, column 1 holds the byte 0xC0 (offset 0 in the file)'],
    // Characters before it count as the editor counts them: é is one unit, 😀 two.
    [bytes('\u00e9\u{1F600}x', [0xff]), 'line 1, column 5 holds the byte 0xFF (offset 7 in the file)'],
    // CRLF, LF and a lone CR all end lines.
    [bytes('a\r\nb\rc\nd', [0x80]), 'line 4, column 2 holds the byte 0x80 (offset 8 in the file)'],
    // A sequence cut short by the end of the file, and an encoded surrogate.
    [bytes('abc', [0xe2, 0x82]), 'line 1, column 4 holds the byte 0xE2 (offset 3 in the file)'],
    [bytes('x', [0xed, 0xa0, 0x80]), 'line 1, column 2 holds the byte 0xED (offset 1 in the file)'],
    // A byte-order mark is not a column.
    [bytes([0xef, 0xbb, 0xbf], 'a', [0xfe]), 'line 1, column 2 holds the byte 0xFE (offset 4 in the file)'],
  ];
  for (const [input, where] of cases) {
    assert.deepEqual(decodeUtf8(input), { error: `is not valid UTF-8: ${where}; save it as UTF-8` });
  }
});

/** Where a well-formed-UTF-8 scanner (the Unicode standard's table 3-7) first fails, or -1: the reference. */
function referenceFirstInvalid(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) [need, lo] = [2, 0xa0];
    else if (c === 0xed) [need, hi] = [2, 0x9f];
    else if (c >= 0xe1 && c <= 0xef) need = 2;
    else if (c === 0xf0) [need, lo] = [3, 0x90];
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) [need, hi] = [3, 0x8f];
    else return i;
    if (i + need >= b.length) return i;
    if (b[i + 1]! < lo || b[i + 1]! > hi) return i;
    for (let k = 2; k <= need; k++) if (b[i + k]! < 0x80 || b[i + k]! > 0xbf) return i;
    i += need + 1;
  }
  return -1;
}

test('the byte found is the first byte of the first ill-formed sequence, on any bytes', () => {
  const utf8ish = fc.array(
    fc.oneof(
      fc.integer({ min: 1, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xff }),
      fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0x0a, 0x0d),
    ),
    { maxLength: 40 },
  );
  fc.assert(
    fc.property(utf8ish, (list) => {
      const input = Uint8Array.from(list);
      const expected = referenceFirstInvalid(input);
      const r = decodeUtf8(input);
      const utf16 = input.length >= 2 && input[0]! + input[1]! === 0xff + 0xfe && input[0]! >= 0xfe;
      if (utf16) return 'error' in r && r.error.startsWith('is UTF-16 text');
      if (expected < 0) return 'text' in r;
      return 'error' in r && r.error.includes(`(offset ${expected} in the file)`);
    }),
    { numRuns: 2000 },
  );
});
