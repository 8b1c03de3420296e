// A preview survives Reload Window: the serializer brings it back on its document, in the view it had.
import { after, before, describe, test } from 'node:test';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { previewFrame, runCommand, runFromPalette, until, waitForText } from './harness/ui';

describe('the preview survives a window reload', { skip: skipUnlessReady() }, () => {
  let s: Session;
  // No file in the address: a workbench opened with a file to open does not restore its editors.
  before(async () => {
    s = await openVsCode('preview-restore');
  });
  after(async () => {
    await s?.close();
  });

  const root = () => previewFrame(s.page).locator('#emend-preview');

  test('the preview comes back after Reload Window, on its document, in the view it had', async () => {
    const row = s.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'marks.emend' });
    await until(s, 'the Explorer to list marks.emend', async () => (await row.count()) > 0, { timeout: 30_000 });
    await row.click();
    await waitForText(s, 'struck');
    await runCommand(s, 'emend.openPreviewToSide');
    const final = previewFrame(s.page).locator('button[data-view="final"]');
    await until(s, "the preview's view buttons", async () => (await final.count()) > 0, { timeout: 60_000 });
    await final.click();
    await until(
      s,
      'the final view',
      async () => (await root().getAttribute('data-view')) === 'final' && /added/.test(await root().innerText()),
    );
    // Reload as a user does, which lets the workbench store the layout and the preview's state first.
    await runFromPalette(s, 'Developer: Reload Window');
    await until(
      s,
      'the restored preview to show marks.emend in the final view again',
      async () =>
        (await root().count()) > 0 &&
        (await root().getAttribute('data-view')) === 'final' &&
        /The word and the added word\./.test(await root().innerText()),
      {
        timeout: 60_000,
        seen: async () =>
          `${await root().count()} previews, view ${await root()
            .getAttribute('data-view')
            .catch(() => '?')}`,
      },
    );
    await s.screenshot('preview-restored');
  });
});
