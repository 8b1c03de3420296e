// The preview opens beside the editor, shows the diplomatic view, switches views, and follows typing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { clickText, previewFrame, runCommand, until, waitForText } from './harness/ui';

describe('the preview in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('preview', 'marks.emend');
  });
  after(async () => {
    await s?.close();
  });

  const root = () => previewFrame(s.page).locator('#emend-preview');
  const rootState = async () => {
    const r = root();
    return (await r.count())
      ? `data-view=${await r.getAttribute('data-view')} text=${JSON.stringify((await r.innerText()).slice(0, 300))}`
      : 'no #emend-preview in the webview';
  };

  test('Open Preview to the Side opens it beside the editor, in the diplomatic view', async () => {
    await waitForText(s, 'struck');
    await runCommand(s, 'emend.openPreviewToSide');
    await until(
      s,
      'two editor groups side by side, the preview in the second',
      async () => {
        const groups = await s.page.locator('.editor-group-container').count();
        const webviews = await s.page.locator('iframe.webview').count();
        return groups === 2 && webviews === 1;
      },
      {
        seen: async () =>
          `${await s.page.locator('.editor-group-container').count()} groups, ${await s.page.locator('iframe.webview').count()} webviews`,
      },
    );
    await until(
      s,
      "the preview to show the diplomatic view with the letter's words",
      async () => {
        const r = root().and(previewFrame(s.page).locator('[data-view="diplomatic"]'));
        return (await r.count()) > 0 && /struck/.test(await r.innerText()) && /added/.test(await r.innerText());
      },
      { seen: rootState },
    );
    // The editor stays where it was: the preview is beside it, not instead of it.
    const groups = await s.page.locator('.editor-group-container').all();
    const left = await groups[0]!.boundingBox();
    const right = await groups[1]!.boundingBox();
    assert.ok(left && right && left.x < right.x, 'the preview group is to the right of the editor');
    await s.screenshot('preview-diplomatic');
  });

  test('every view button switches the view, including side by side', async () => {
    const buttons = previewFrame(s.page).locator('button[data-view]');
    const views = await until(
      s,
      'view buttons with data-view in the preview',
      async () => {
        const v = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('data-view') ?? ''));
        return v.length >= 2 ? v : undefined;
      },
      { seen: rootState },
    );
    assert.ok(
      views.some((v) => /side/i.test(v)),
      `a side-by-side view among ${JSON.stringify(views)}`,
    );
    for (const view of [...views.filter((v) => v !== 'diplomatic'), 'diplomatic']) {
      await previewFrame(s.page).locator(`button[data-view="${view}"]`).click();
      await until(
        s,
        `the preview to switch to the ${view} view`,
        async () => (await root().getAttribute('data-view')) === view,
        { seen: rootState },
      );
      if (/side/i.test(view)) {
        // Side by side shows the draft and the final reading at once: the struck word and the added one both appear.
        const text = await root().innerText();
        assert.match(text, /struck/);
        assert.match(text, /added/);
      }
      await s.screenshot(`preview-${view}`);
    }
  });

  test('typing in the editor updates the preview', async () => {
    await clickText(s, 'word.', 'end');
    await s.page.keyboard.type(' Freshly typed words.');
    await until(
      s,
      'the preview to show the words just typed',
      async () => /Freshly typed words/.test(await root().innerText()),
      { seen: rootState },
    );
  });
});

describe('hostile content in the preview', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('hostile', 'hostile.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('HTML in a transcription is shown as text, never run or rendered', async () => {
    await waitForText(s, 'bold');
    await runCommand(s, 'emend.openPreviewToSide');
    const root = previewFrame(s.page).locator('#emend-preview');
    const text = await until(
      s,
      'the preview to show the document',
      async () => {
        const t = (await root.count()) ? await root.innerText() : '';
        return /a link/.test(t) ? t : undefined;
      },
      { seen: async () => ((await root.count()) ? await root.innerText() : 'no #emend-preview') },
    );
    assert.match(text, /<b>bold<\/b>/);
    assert.match(text, /<img src=x onerror=/);
    assert.match(text, /&amp; &lt;entities&gt;/);
    const injected = await root.evaluate(
      (el) =>
        el.querySelectorAll('img, script, style, iframe, a[href^="javascript"]').length +
        [...el.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
    );
    assert.equal(injected, 0, "no element from the document's text made it into the preview");
    assert.ok(await root.isVisible(), 'a <style> in the text did not hide the preview');
    await s.screenshot('preview-hostile');
  });
});
