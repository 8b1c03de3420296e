// Hovering a substitution shows what it reads in the draft and in the final text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { hoverText, until, waitForText } from './harness/ui';

describe('hovers in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => { s = await openVsCode('hover', 'marks.emend'); });
  after(async () => { await s?.close(); });

  test('hovering a substitution shows both readings', async () => {
    const b = await waitForText(s, 'relieve');
    // Move onto the word in small steps, as a pointer does; the hover appears after editor.hover.delay.
    await s.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    const text = await until(s, 'a hover over the substitution naming both readings', async () => {
      const t = await hoverText(s.page);
      return /eliminate/.test(t) && /relieve/.test(t) ? t : undefined;
    }, { seen: async () => `hover: ${JSON.stringify(await hoverText(s.page))}\n${s.extensionHostLog()}` });
    assert.match(text, /draft/i);
    assert.match(text, /final/i);
    await s.screenshot('editor-hover');
  });
});
