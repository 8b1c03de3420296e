// The real sample letter (samples/, see samples/README.md) as a user would open it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, diagnose, headerValue } from '../../server/src/core/index';

const samples = join(__dirname, '..', '..', '..', 'samples');
const draft = readFileSync(join(samples, 'reagan-1985-draft.emend'), 'utf8');

test('the sample transcription has no error-level problem', () => {
  const problems = diagnose(analyze(draft));
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error').map((p) => `${p.code} at ${p.start}`),
    [],
  );
});

test('the sample final reading holds no markup characters', () => {
  const final = analyze(draft).reading('final').text;
  for (const ch of ['~~', '^{', '^<', '*']) assert.ok(!final.includes(ch), `final reading contains ${ch}`);
  assert.ok(final.includes('Dear Mr. General Secretary: Gorbachev RR'));
  assert.ok(!final.includes('SECRET'), 'the struck classification stamps are gone');
});

test('the sample readings differ where the letter was revised', () => {
  const a = analyze(draft);
  const d = a.reading('draft').text;
  const f = a.reading('final').text;
  assert.ok(d.includes('to eliminate the concerns'));
  assert.ok(f.includes('to relieve the concerns'));
  assert.ok(d.includes('neither of these concerns has any foundation in reality.'));
  assert.ok(f.includes('neither of these concerns is warranted.'));
});

test('no reading of the sample has a doubled space or a space before a comma or full stop that the source lacks', () => {
  const a = analyze(draft);
  for (const kind of ['draft', 'final'] as const) {
    const text = a.reading(kind).text;
    for (const bad of ['  ', ' ,', ' .']) {
      const at = text.indexOf(bad);
      if (at < 0) continue;
      const src = a.reading(kind).map.toSource(at);
      assert.ok(
        draft.slice(src, src + bad.length) === bad,
        `${kind} reading has ${JSON.stringify(bad)} at ${at}: ${JSON.stringify(text.slice(at - 30, at + 30))}`,
      );
    }
  }
});

test('the sample header, if any, is in no reading', () => {
  const a = analyze(draft);
  const title = headerValue(a.doc.header, 'title');
  if (title) assert.ok(!a.reading('final').text.includes(title.value));
  assert.ok(a.doc.paragraphs.length > 10);
});
