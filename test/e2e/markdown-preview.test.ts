// VS Code's own Markdown preview renders Emend insertions through the extension's markdown-it plugin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { previewFrame, until, waitForText } from './harness/ui';

describe('the Markdown preview renders Emend insertions', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('markdown', 'notes.md');
  });
  after(async () => {
    await s?.close();
  });

  test('^{…} in a Markdown file is raised as an insertion', async () => {
    await waitForText(s, 'Notes on the letter');
    // The editor title's preview button (Markdown's own), once the Markdown extension has contributed it.
    const button = s.page.locator('.editor-actions [aria-label^="Open Preview to the Side"]').first();
    await until(s, 'the Markdown preview button in the editor title', async () => (await button.count()) > 0, {
      timeout: 60_000,
    });
    await button.click();
    const ins = previewFrame(s.page).locator('ins.emend-add');
    const texts = await until(
      s,
      'two insertions in the Markdown preview',
      async () => {
        const t = await ins.allInnerTexts();
        return t.length === 2 ? t : undefined;
      },
      {
        timeout: 60_000,
        seen: async () =>
          (
            await previewFrame(s.page)
              .locator('body')
              .innerText()
              .catch(() => '(no preview)')
          ).slice(0, 300),
      },
    );
    assert.deepEqual(
      texts.map((t) => t.trim()),
      ['and test', 'relieve'],
    );
    assert.equal(await previewFrame(s.page).locator('s, del').first().innerText(), 'eliminate');
    await s.screenshot('markdown-preview');
  });
});
