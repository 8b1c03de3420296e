// No fix, and no fix-all, ever deletes transcribed text: after any fix, either every character of each reading
// (draft and final) other than markup characters and whitespace is still there, in order, or the fix only added or
// changed delimiters (every such character of the whole source is still there, in order); header values are all kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, CODES, diagnose } from '../../server/src/core/index';
import { applyEdits } from './edits';

const CORPUS = [
  'a ~~b c',
  'a ^{b c',
  'a ^<b c',
  'a *b c',
  'a ~~b\nc\n\nd',
  'a ^{b\n\nc}',
  'a *b\n\nc',
  'a } b > c',
  'x ~~a ^{b~~ c} y',
  'a ~~~~ b ^{} c',
  'a ~~ b~~ c ^{ d } e',
  'a ^{b} c ^{d} e ^<f> g',
  'a ^<b> ^<c> ^{d}',
  '---\nx\n---\nbody',
  '---\ntitel: T\n---\nbody',
  '---\ntitle: A\ntitle: A\n---\nbody',
  '---\nnote: A\nnote: B\n---\nbody',
  '---\ntitle: A\nbody',
  'a ~~the~~ ^{the} b',
  'x ^{we do} We do y',
  'go the ^{the} way',
  'to ~~eliminate~~^{relieve}the end',
  'the worrisome~~concerns~~ end',
  'the~~ big ~~dog',
  'a word^{ more}here',
  'the ~~old~~ the house',
  'a ~~b~~ ^{c}d ^{e',
  'with ~~a ~~[gap]~~^{blend of} curiosity and~~ indifference',
  `${'^{'.repeat(101)}deep`,
  'a } '.repeat(1001),
  'I +{am glad',
  'the ?{Cold war',
  'two _{3 words',
  'end %{a blot',
  '|page{12',
  'a ^top{b} c |pg{2} ?Low{x}',
  '~~@sec old~~ new',
  'a _{some} b',
  'wo%{blot}rd',
];

/** Fixes checked per source: enough for every kind, without re-analysing a thousand-problem text a thousand times. */
const MAX_CHECKED = 40;

// Also the brackets and ellipsis the readings put around supplied text and for a gap: symbols, not text.
const MARKUP = /[\s~^*{}<>\\[\]…]/g;

/** The whole source (header and body) without whitespace and markup characters. */
function sourceLetters(src: string): string {
  return src.replace(MARKUP, '');
}

/** Each reading without whitespace and markup characters. */
function letters(src: string): string[] {
  const a = analyze(src);
  return (['draft', 'final'] as const).map((k) => a.reading(k).text.replace(MARKUP, ''));
}

function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (let i = 0; i < big.length && j < small.length; i++) if (big[i] === small[j]) j++;
  return j === small.length;
}

function headerValues(src: string): string[] {
  return [...new Set((analyze(src).doc.header?.fields ?? []).map((f) => f.value))].sort();
}

test('the corpus provokes every code the core itself reports (witness codes come from collation)', () => {
  const seen = new Set(CORPUS.flatMap((src) => diagnose(analyze(src)).map((p) => p.code)));
  const expected = Object.keys(CODES).filter((c) => !c.startsWith('witness-'));
  assert.deepEqual([...seen].sort(), expected.sort());
});

for (const src of CORPUS) {
  test(`every fix keeps the text of both readings: ${JSON.stringify(src.slice(0, 60))}`, () => {
    const before = letters(src);
    const values = headerValues(src);
    for (const p of diagnose(analyze(src)).slice(0, MAX_CHECKED)) {
      for (const fix of p.fixes) {
        const after = applyEdits(src, fix.edits);
        const now = letters(after);
        const readingsKept = isSubsequence(before[0]!, now[0]!) && isSubsequence(before[1]!, now[1]!);
        const onlyDelimiters = isSubsequence(sourceLetters(src), sourceLetters(after));
        assert.ok(
          readingsKept || onlyDelimiters,
          `${p.code} / ${fix.title}: ${JSON.stringify(src)} → ${JSON.stringify(after)} lost text`,
        );
        for (const v of values)
          assert.ok(
            headerValues(after).includes(v) || after.includes(v),
            `${p.code} / ${fix.title} lost header value ${v}`,
          );
      }
    }
  });
}
