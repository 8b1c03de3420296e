// The sample letter (Reagan to Gorbachev, 1985) in a real VS Code, as a transcriber would first meet Emend: a hover
// on one of the President's own substitutions, and the preview beside it. Its screenshots are the README's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { hoverOver, languageMode, previewFrame, runCommand, until, waitForText } from './harness/ui';

const LETTER = 'samples/reagan-1985-draft.emend';

/** The 1-based number of the letter's first line holding `text`. */
function lineOf(s: Session, text: string): number {
  const lines = readFileSync(s.file('reagan-1985-draft.emend'), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `the letter has no line with ${JSON.stringify(text)}`);
  return i + 1;
}

/** Moves the cursor to line `n` with Go to Line (Ctrl+G), which scrolls it into view. */
async function goToLine(s: Session, n: number): Promise<void> {
  await s.page.keyboard.press('Escape');
  await s.page.keyboard.press('Control+G');
  await s.page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await s.page.keyboard.type(String(n));
  await s.page.keyboard.press('Enter');
}

describe('the sample letter in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('letter', 'reagan-1985-draft.emend', [LETTER]);
  });
  after(async () => {
    await s?.close();
  });

  test('opens as Emend with no errors', async () => {
    await waitForText(s, 'DRAFT PRIVATE LETTER');
    await until(s, 'the status bar to show the Emend language', async () => (await languageMode(s.page)) === 'Emend');
    // The letter is a careful transcription: nothing in it is an error (warnings and notes may be). Emend's status
    // bar item reads its counts out once the server has checked the document.
    const item = s.page
      .locator('[aria-label^="Emend: "][aria-label*="errors"], [aria-label^="Emend: "][aria-label*="error,"]')
      .first();
    const label = await until(
      s,
      "Emend's status bar item to give the letter's counts",
      async () => ((await item.count()) ? await item.getAttribute('aria-label') : undefined),
      {
        seen: async () => JSON.stringify(await s.page.locator('.statusbar-item').allInnerTexts()),
      },
    );
    assert.match(label, /\b0 errors\b/);
    assert.match(label, /\b\d+ deletions\b/);
    assert.equal(await s.page.locator('.editor-instance .view-overlays .squiggly-error').count(), 0);
  });

  test('hovering "relieve" shows the sentence as drafted and as revised', async () => {
    // The paragraph is below the first screen (the header comes first): bring it into view.
    await goToLine(s, lineOf(s, '^{relieve}'));
    const text = await hoverOver(
      s,
      '^{relieve}',
      'a hover with both readings of the substitution',
      (t) => /eliminate/.test(t) && /relieve/.test(t),
    );
    assert.match(text, /draft\b[^\n]*\beliminate\b/i);
    assert.match(text, /final\b[^\n]*\brelieve\b/i);
    await s.screenshot('letter-hover');
    await s.page.mouse.move(5, 5);
  });

  test('the preview opens beside the letter, and each of its views shows the letter', async () => {
    // Bring the paragraphs with the most revisions into view first (Go to Line), so the preview follows them there.
    await goToLine(s, lineOf(s, '^{relieve}'));
    await waitForText(s, 'relieve');
    await runCommand(s, 'emend.openPreviewToSide');
    const root = previewFrame(s.page).locator('#emend-preview');
    await until(
      s,
      'the preview to show the letter',
      async () => (await root.count()) > 0 && /GORBACHEV/i.test(await root.innerText()),
      {
        seen: async () =>
          (await root.count()) ? `data-view=${await root.getAttribute('data-view')}` : 'no #emend-preview',
      },
    );
    const views = await previewFrame(s.page)
      .locator('button[data-view]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-view') ?? ''));
    assert.ok(views.length >= 2, `view buttons: ${JSON.stringify(views)}`);
    for (const view of views) {
      await previewFrame(s.page).locator(`button[data-view="${view}"]`).click();
      await until(s, `the ${view} view`, async () => (await root.getAttribute('data-view')) === view);
      assert.match(await root.innerText(), /Secretary/);
      await s.screenshot(`letter-preview-${view}`);
    }
  });
});
