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

describe('hovers over the editorial marks in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('hover-editorial', 'editorial.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('hovering an unclear word names its alternatives and certainty, and the readings it is in', async () => {
    const text = await hoverOver(s, 'sent', 'a hover over the unclear word', (t) => /Unclear/.test(t));
    assert.match(text, /Unclear:\s*sent or lent \(certainty: low\)/);
    assert.match(text, /Draft:[^\n]*The letter was sent on \[…\] day/);
    await s.screenshot('editor-hover-unclear');
  });

  test('hovering an insertion in a named hand says whose hand it is', async () => {
    const text = await hoverOver(s, 'signed', 'a hover over the insertion', (t) => /Hand/.test(t));
    assert.match(text, /Insertion:\s*signed/);
    assert.match(text, /Hand:\s*the secretary/);
  });
});
