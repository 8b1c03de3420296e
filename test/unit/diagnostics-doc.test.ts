// docs/diagnostics.md documents every problem code, with its default severity, and no code that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, type CodeInfo, type ProblemCode } from '../../server/src/core/index';
import { diagnosticHref } from '../../server/src/lsp/convert';

const ROOT = join(__dirname, '..', '..', '..');
const rows = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8')
  .split('\n')
  .filter((l) => /^\| (<a id="[a-z-]+"><\/a>)?`[a-z-]+` \|/.test(l))
  .map((l) => l.split(/(?<!\\)\|/).map((c) => c.trim().replace(/^<a id="[a-z-]+"><\/a>/, '')));

test('the table in docs/diagnostics.md lists exactly the codes in codes.ts, in the same order', () => {
  assert.deepEqual(
    rows.map((r) => r[1]!.replace(/`/g, '')),
    Object.keys(CODES),
  );
});

test('every code links to its own row: the href a diagnostic carries names an anchor the document has', () => {
  const text = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
  const anchors = new Set<string>();
  for (const m of text.matchAll(/<a id="([^"]+)"><\/a>`([a-z-]+)`/g)) {
    assert.equal(m[1], m[2], 'an anchor is named after the code of its row');
    anchors.add(m[1]!);
  }
  for (const code of Object.keys(CODES)) {
    const href = diagnosticHref('file:///ext/docs', code);
    assert.equal(href, `file:///ext/docs/diagnostics.md#${code}`);
    assert.ok(anchors.has(new URL(href).hash.slice(1)), `docs/diagnostics.md has no anchor for ${code}`);
  }
});

test("each row gives the code's default severity, a meaning and a fix column", () => {
  for (const r of rows) {
    const code = r[1]!.replace(/`/g, '') as ProblemCode;
    const info = CODES[code] as CodeInfo;
    assert.equal(r[2], info.members ? "(each kind's own)" : info.severity, code);
    assert.ok(r[3]!.length > 10, `${code} explains itself`);
    assert.ok(r[5]!.length > 3, `${code} says what the fix is (or that there is none)`);
  }
});
