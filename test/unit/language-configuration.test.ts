// Emend's language configuration, read as VS Code 1.139 reads it (src/vs/editor/common/languages/supports/
// characterPair.ts and cursor/cursorTypeEditOperations.ts). Issue 15: VS Code added the `}` after `^{` but never
// stepped over it when the transcriber typed their own, because it steps over a typed closer only when some
// auto-closing pair has a ONE-character opener and that one-character closer (its `autoClosingPairsCloseSingleChar`),
// and Emend's pairs open with two characters. The end-to-end test test/e2e/typing.test.ts types the marks in the
// real VS Code; these pin the rules that make it pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
interface Pair {
  open: string;
  close: string;
  notIn?: string[];
}
const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as {
  autoClosingPairs: Pair[];
  surroundingPairs: [string, string][];
  brackets: [string, string][];
};
const pairs = config.autoClosingPairs;

/** Unicode noncharacters U+FDD0..U+FDEF: never in interchanged text, never typed. */
const isNoncharacter = (s: string) => s.length === 1 && s.charCodeAt(0) >= 0xfdd0 && s.charCodeAt(0) <= 0xfdef;

/** VS Code's choice of pair when `ch` is typed after `before` (the longest opener ending in `ch` that matches). */
function pairTyped(before: string, ch: string): Pair | undefined {
  let best: Pair | undefined;
  for (const p of pairs) {
    if (!p.open.endsWith(ch)) continue;
    if ((before + ch).endsWith(p.open) && (!best || p.open.length > best.open.length)) best = p;
  }
  return best;
}

/** Whether VS Code may step over `ch` when it is typed just before a closer it added. */
const overtypable = (ch: string) => pairs.some((p) => p.open.length === 1 && p.close.length === 1 && p.close === ch);

test('typing { right after ^, or < right after ^, adds the closer', () => {
  assert.equal(pairTyped('an ^', '{')?.close, '}');
  assert.equal(pairTyped('an ^', '<')?.close, '>');
  assert.equal(pairTyped('^{a ^', '{')?.close, '}');
});

test('a bare { or < (text in Emend), an escaped one, a tilde or an asterisk adds nothing', () => {
  for (const [before, ch] of [
    ['a ', '{'],
    ['a ', '<'],
    ['', '{'],
    ['\\', '{'],
    ['\\', '<'],
    ['a ', '~'],
    ['~', '~'],
    ['a ', '*'],
    ['a', '}'],
    ['a', '>'],
  ] as const)
    assert.equal(pairTyped(before, ch), undefined, `typing ${JSON.stringify(ch)} after ${JSON.stringify(before)}`);
});

test('every closer the editor adds is stepped over when the transcriber types it', () => {
  for (const p of pairs) assert.ok(overtypable(p.close), `VS Code would never step over the ${p.close} of ${p.open}`);
  assert.deepEqual([...new Set(pairs.map((p) => p.close))].sort(), ['>', '}']);
});

test('the one-character pairs that make } and > steppable open with a noncharacter nobody types', () => {
  const single = pairs.filter((p) => p.open.length === 1);
  assert.deepEqual(
    single.map((p) => p.close),
    ['}', '>'],
  );
  for (const p of single) assert.ok(isNoncharacter(p.open), `U+${p.open.charCodeAt(0).toString(16)} can be typed`);
  // Nor are they brackets: matching and the bracket guides know only the marks' own.
  assert.deepEqual(config.brackets, [
    ['^{', '}'],
    ['^<', '>'],
  ]);
});

test('a selection is wrapped by typing ~ or *, and by nothing else', () => {
  assert.deepEqual(config.surroundingPairs, [
    ['~', '~'],
    ['*', '*'],
  ]);
});

test('a closer is stepped over even after VS Code forgot adding it (Enter inside ^{…}): overtype is always on', () => {
  // With the default `auto`, VS Code steps over only a closer it still tracks as its own, and Enter ends the tracking.
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configurationDefaults: Record<string, Record<string, unknown>> };
  };
  assert.equal(manifest.contributes.configurationDefaults['[emend]']!['editor.autoClosingOvertype'], 'always');
});
