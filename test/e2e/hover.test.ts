// Hovering a substitution shows what it reads in the draft and in the final text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { hoverOver } from './harness/ui';

describe('hovers in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('hover', 'marks.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('hovering a substitution shows both readings', async () => {
    const text = await hoverOver(
      s,
      'relieve',
      'a hover over the substitution naming both readings',
      (t) => /eliminate/.test(t) && /relieve/.test(t),
    );
    // Each reading on its own line: the draft keeps the struck word, the final has the inserted one.
    assert.match(text, /draft\b[^\n]*\beliminate\b/i);
    assert.match(text, /final\b[^\n]*\brelieve\b/i);
    assert.doesNotMatch(text, /draft\b[^\n]*\brelieve\b/i);
    await s.screenshot('editor-hover');
  });
});
