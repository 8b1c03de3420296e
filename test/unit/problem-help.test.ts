// Emend: Explain a Problem Code… finds every code of the manifest, with its summary, and its row in the shipped
// docs/diagnostics.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codesFromManifest, rowOf } from '../../client/src/help/help-rows';
import { CODES } from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const doc = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');

test('the manifest lists every code with its one-line summary', () => {
  const codes = codesFromManifest(pkg);
  assert.deepEqual(
    codes.map((c) => c.code),
    Object.keys(CODES),
  );
  assert.deepEqual(
    codes.find((c) => c.code === 'empty-mark'),
    {
      code: 'empty-mark',
      summary: 'A mark holds no text at all.',
    },
  );
});

test("every code's row is found in docs/diagnostics.md", () => {
  for (const code of Object.keys(CODES)) {
    const line = rowOf(doc, code);
    assert.ok(line > 0, code);
    assert.ok(doc.split('\n')[line]!.includes(`\`${code}\` |`), code);
  }
  assert.equal(rowOf(doc, 'no-such-code'), -1);
  assert.deepEqual(codesFromManifest({}), []);
});
