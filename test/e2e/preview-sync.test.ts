// The preview keeps its place with the editor: scroll sync both ways, the cursor's paragraph marked, double-click
// back to the source, and locking.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { previewFrame, runCommand, until, waitForText } from './harness/ui';

declare const window: { scrollY: number; scrollTo(x: number, y: number): void; innerHeight: number };
declare const document: {
  querySelectorAll(
    s: string,
  ): ArrayLike<{ getAttribute(n: string): string | null; getBoundingClientRect(): { top: number; bottom: number } }>;
};

/** The smallest line number drawn in the editor's gutter (the first visible line, one-based). */
async function firstVisibleLine(s: Session): Promise<number> {
  const numbers = await s.page.locator('.editor-instance .margin-view-overlays .line-numbers').allInnerTexts();
  return Math.min(...numbers.map((n) => Number(n.trim())).filter((n) => n > 0));
}

/** The data-line of the first preview block whose bottom is below the top of the preview's viewport. */
async function previewTopLine(s: Session): Promise<number> {
  return previewFrame(s.page)
    .locator('html')
    .evaluate(() => {
      const toolbar = 40;
      for (const el of Array.from(document.querySelectorAll('#emend-preview [data-line]'))) {
        if (el.getBoundingClientRect().bottom > toolbar) return Number(el.getAttribute('data-line'));
      }
      return -1;
    });
}

describe('the preview keeps its place with the editor', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('preview-sync', 'long.emend');
  });
  after(async () => {
    await s?.close();
  });

  const root = () => previewFrame(s.page).locator('#emend-preview');

  test('the preview opens with a block per paragraph, each with its source lines', async () => {
    await waitForText(s, 'Paragraph 1:');
    await runCommand(s, 'emend.openPreviewToSide');
    // The first preview waits for the extension host to start and the webview to load: slow on a busy machine.
    const lines = await until(
      s,
      'the preview to show 40 paragraphs',
      async () => {
        const l = await root()
          .locator('.emend-block[data-line]')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
        return l.length === 40 ? l : undefined;
      },
      { timeout: 60_000, seen: async () => `${await root().locator('.emend-block').count()} blocks` },
    );
    assert.deepEqual(
      lines,
      Array.from({ length: 40 }, (_, i) => i * 2),
    );
  });

  test('scrolling the editor scrolls the preview', async () => {
    await waitForText(s, 'Paragraph 1:');
    await s.page.locator('.editor-instance .view-lines').first().click();
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.press('ArrowUp');
    await until(s, 'the preview to follow the editor to the end', async () => (await previewTopLine(s)) >= 40, {
      seen: async () => `preview top line ${await previewTopLine(s)}, editor first line ${await firstVisibleLine(s)}`,
    });
  });

  test('the paragraph holding the cursor is marked', async () => {
    await until(
      s,
      'the last paragraph to be marked as the active one',
      async () => {
        const active = root().locator('.emend-active-line');
        return (await active.count()) === 1 && (await active.getAttribute('data-line')) === '78';
      },
      {
        seen: async () =>
          JSON.stringify(
            await root()
              .locator('.emend-active-line')
              .evaluateAll((e) => e.map((x) => x.getAttribute('data-line'))),
          ),
      },
    );
  });

  test('scrolling the preview scrolls the editor', async () => {
    // The preview ignores its own scroll events for a moment after it has followed the editor (the loop guard), so
    // each poll scrolls it again, to the top or one pixel below, until the editor follows.
    await until(
      s,
      'the editor to follow the preview to the top',
      async () => {
        await previewFrame(s.page)
          .locator('html')
          .evaluate(() => window.scrollTo(0, window.scrollY === 0 ? 1 : 0));
        return (await firstVisibleLine(s)) <= 2;
      },
      {
        seen: async () => `editor first line ${await firstVisibleLine(s)}`,
      },
    );
  });

  test("double-clicking a paragraph puts the editor's cursor on its line", async () => {
    const block = root().locator('.emend-block[data-line="10"]');
    await block.dblclick();
    await until(
      s,
      'the cursor to be on line 11',
      async () => /Ln 11,/.test(await s.page.locator('#status\\.editor\\.selection').innerText()),
      {
        seen: async () => s.page.locator('#status\\.editor\\.selection').innerText(),
      },
    );
  });

  test('a locked preview stays on its document; unlocked, it follows the editor', async () => {
    const lock = previewFrame(s.page).locator('#emend-lock');
    await lock.click();
    await until(
      s,
      'the lock button to be pressed and the tab to say [Preview]',
      async () =>
        (await lock.getAttribute('aria-pressed')) === 'true' &&
        (await s.page.locator('.tab', { hasText: '[Preview] long.emend' }).count()) > 0,
    );
    // Open another transcription in the editor's group (focus the editor first, so it opens there).
    await s.page.locator('.editor-instance .view-lines').first().click();
    await s.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'plain.emend' }).click();
    await waitForText(s, 'waste no time');
    // A negative check: nothing to wait for, so give a wrongly following preview half a second to show itself.
    await s.page.waitForTimeout(500);
    assert.match(await root().innerText(), /Paragraph 1:/, 'the locked preview still shows long.emend');
    await lock.click();
    await until(
      s,
      'the unlocked preview to follow the editor to plain.emend',
      async () => /waste no time/.test(await root().innerText()),
      {
        seen: async () => (await root().innerText()).slice(0, 200),
      },
    );
  });
});
