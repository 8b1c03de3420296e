// Emend: Export as HTML… writes a self-contained page of the preview's current view where the save dialog says.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { previewFrame, runCommand, runFromPalette, until, waitForText } from './harness/ui';

describe('Export as HTML in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('export-html', 'marks.emend');
  });
  after(async () => {
    await s?.close();
  });

  test("exports the preview's view as a page with no scripts", async () => {
    await waitForText(s, 'struck');
    await runCommand(s, 'emend.openPreviewToSide');
    const sideBySide = previewFrame(s.page).locator('button[data-view="side-by-side"]');
    await until(s, "the preview's view buttons", async () => (await sideBySide.count()) > 0, { timeout: 60_000 });
    await sideBySide.click();
    await until(
      s,
      'the side-by-side view',
      async () => (await previewFrame(s.page).locator('#emend-preview').getAttribute('data-view')) === 'side-by-side',
    );
    await runFromPalette(s, 'Emend: Export as HTML…');
    // The save dialog (VS Code's own, in the browser) proposes the file beside the transcription; accept it.
    const input = s.page.locator('.quick-input-widget input');
    const target = s.file('marks.side-by-side.html');
    await until(
      s,
      'the save dialog to propose marks.side-by-side.html',
      async () => (await input.isVisible()) && (await input.inputValue()).endsWith('marks.side-by-side.html'),
      {
        seen: async () => input.inputValue().catch(() => '(no dialog)'),
      },
    );
    await s.page.keyboard.press('Enter');
    await until(s, `${target} to be written`, async () => existsSync(target));
    const page = readFileSync(target, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(
      page,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    );
    assert.match(page, /<main id="emend-preview" class="emend-view-side-by-side" data-view="side-by-side"/);
    assert.match(page, /<mark class="emend-changed emend-changed-del"[^>]*>struck<\/mark>/);
    assert.doesNotMatch(page, /<script/i);
  });
});
