// The daily loop in a real VS Code (issue 19): the mark being typed stays quiet until the transcriber pauses or
// leaves it; an auto-closed empty insertion is not reported while the cursor is in it; the Witness Findings list
// walks the findings with their fixes; the readings and the draft/final comparison wrap their long paragraphs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import {
  clickText,
  hoverOver,
  previewFrame,
  problemRows,
  runCommand,
  runFromPalette,
  until,
  waitForText,
} from './harness/ui';

/** The fixes of the sample letter's four findings to act on, against the letter as sent. */
const FIXES = [
  'Move the insertion “and test”',
  'Move the insertion “using”',
  'Move the insertion “alarming”',
  'Strike “give”',
];

const ERROR_SQUIGGLE = '.editor-instance .monaco-editor .view-overlays .squiggly-error';

describe('the daily loop in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('daily-loop', 'typing/letter.emend', [
      'samples/reagan-1985-draft.emend',
      'samples/reagan-1985-sent-htr.txt',
    ]);
  });
  after(async () => {
    await s?.close();
  });

  const squiggles = () => s.page.locator(ERROR_SQUIGGLE).count();
  const explorerRow = (name: string) =>
    s.page.locator('.explorer-folders-view .monaco-list-row', {
      hasText: new RegExp(`^\\s*${name.replace(/\./g, '\\.')}\\s*(\\d+\\s*)?$`),
    });
  /** Back to one editor group with no editors (what earlier tests opened beside is closed, edits saved). */
  const closeAll = async () => {
    await runFromPalette(s, 'File: Save All Files');
    // Saving is asynchronous: closing before it ends asks "Do you want to save…?" (a run in CI met that dialog).
    await until(s, 'every editor to be saved', async () => (await s.page.locator('.tab.dirty').count()) === 0);
    await runFromPalette(s, 'View: Close All Editor Groups');
    await until(s, 'the editors to close', async () => (await s.page.locator('.tab').count()) === 0);
  };

  test('typing ~~tell shows no error while typing, and the unclosed deletion once the typist pauses', async () => {
    await waitForText(s, 'regards');
    await problemRows(s); // the Problems panel open, so its rows can be read as they come
    await clickText(s, 'regards');
    await s.page.keyboard.press('ArrowLeft');
    // A keystroke every 150 ms, as a transcriber types: after each, no error squiggle and no Problems row.
    for (const ch of '~~tell') {
      await s.page.keyboard.type(ch);
      await s.page.waitForTimeout(150);
      assert.equal(await squiggles(), 0, `an error squiggle after typing "${ch}"`);
    }
    assert.ok(!(await problemRows(s)).some((r) => r.includes('emend(')), 'no Problems row while typing');
    await s.screenshot('quiet-typing');
    await until(s, 'the unclosed deletion reported after the pause', async () => (await squiggles()) > 0, {
      seen: async () => JSON.stringify(await problemRows(s)),
    });
    // An unclosed deletion (at the blank line that ends its paragraph, it is reported as crossing the paragraph).
    await until(s, 'its Problems row', async () =>
      (await problemRows(s)).some((r) => /unclosed-deletion|mark-crosses-paragraph/.test(r)),
    );
    const rows = await problemRows(s);
    assert.ok(!rows.some((r) => r.includes('`')), `messages without literal backticks: ${JSON.stringify(rows)}`);
    await s.screenshot('quiet-typing-paused');
    await s.page.keyboard.type('~~');
    await until(s, 'the squiggle to go once the deletion is closed', async () => (await squiggles()) === 0);
  });

  test('an auto-closed ^{} is not reported while the cursor is inside it, and is once the cursor leaves', async () => {
    await clickText(s, 'Nancy.', 'end');
    await s.page.keyboard.press('End');
    await s.page.keyboard.type(' ^{');
    await until(
      s,
      'the insertion to close itself',
      async () => (await s.page.locator('.view-line', { hasText: 'Nancy. ^{}' }).count()) > 0,
    );
    // Well past the typing pause: still nothing, since the cursor is inside the empty mark.
    const until2 = Date.now() + 2500;
    while (Date.now() < until2) {
      assert.ok(
        !(await problemRows(s)).some((r) => r.includes('empty-mark')),
        'empty-mark reported with the cursor inside',
      );
      await s.page.waitForTimeout(250);
    }
    await s.page.keyboard.press('End');
    await until(s, 'empty-mark reported once the cursor leaves the mark', async () =>
      (await problemRows(s)).some((r) => r.includes('empty-mark')),
    );
  });

  test('the hover over text in another hand gives its sentence once, both readings alike', async () => {
    const hover = await hoverOver(
      s,
      'RR',
      'the hover over *RR*',
      (h) => /Another hand/.test(h) && /Draft and final/.test(h),
    );
    assert.doesNotMatch(hover, /Final:/, `one line for both readings: ${hover}`);
  });

  test('the outline names each paragraph in a few words, with its counts in short', async () => {
    const header = s.page.locator('.pane-header', { hasText: /^Outline/i }).first();
    await s.page.keyboard.press('Control+Shift+E');
    await until(s, 'the Outline view in the Explorer', () => header.isVisible());
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const pane = s.page.locator('.pane', { has: header }).first();
    const rows = async () =>
      (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    await until(
      s,
      'the long paragraph named in a few words with "2 struck · 2 added"',
      async () => (await rows()).some((r) => /^Dear Mr\. General Secretary.{0,12}…\s*2 struck · 2 added/.test(r)),
      { seen: async () => JSON.stringify(await rows()) },
    );
    await header.click();
  });

  test('the final reading and Compare Draft and Final wrap a long paragraph', async () => {
    await clickText(s, 'Dear');
    await runFromPalette(s, 'Emend: Open Final Reading');
    const reading = s.page.locator('.editor-group-container').nth(1);
    const wrapped = async (scope: ReturnType<typeof s.page.locator>) => {
      const lines = await scope.locator('.view-line').count();
      const numbers = await scope.locator('.line-numbers').count();
      return numbers > 0 && lines > numbers ? { lines, numbers } : undefined;
    };
    await until(s, 'the reading to wrap its long paragraph', () => wrapped(reading), {
      seen: async () =>
        `${await reading.locator('.view-line').count()} screen lines, ${await reading.locator('.line-numbers').count()} line numbers; language ${await s.page
          .locator('#status\\.editor\\.mode')
          .innerText()
          .catch(() => '?')}`,
    });
    await clickText(s, 'Dear');
    await runFromPalette(s, 'Emend: Compare Draft and Final');
    const diff = s.page.locator('.monaco-diff-editor').first();
    await until(s, 'the comparison to wrap its long paragraph', async () =>
      (await diff.count()) > 0 ? wrapped(diff.locator('.editor.modified')) : undefined,
    );
    await s.screenshot('compare-draft-final-wrapped');
  });

  test('the side-by-side preview keeps its Draft and Final headings in sight, in a serif face', async () => {
    await closeAll();
    await explorerRow('reagan-1985-draft.emend').first().click();
    await waitForText(s, 'SECRET');
    await runCommand(s, 'emend.openPreviewToSide');
    const frame = previewFrame(s.page);
    const button = frame.locator('button[data-view="side-by-side"]');
    await until(s, 'the preview with its view buttons', async () => (await button.count()) > 0);
    await button.click();
    const heading = frame.locator('.emend-row-heading');
    await until(s, 'the side-by-side view', async () => (await heading.count()) > 0);
    const box = await frame.locator('#emend-preview').boundingBox();
    assert.ok(box, 'the preview is drawn');
    await s.page.mouse.move(box.x + box.width / 2, box.y + Math.min(300, box.height / 2));
    for (let i = 0; i < 5; i++) await s.page.mouse.wheel(0, 800);
    const place = async () =>
      heading.evaluate((h: any) => {
        const toolbar = h.ownerDocument.getElementById('emend-toolbar').getBoundingClientRect();
        const r = h.getBoundingClientRect();
        return { scrolled: h.ownerDocument.defaultView.scrollY, top: r.top, toolbarBottom: toolbar.bottom };
      });
    const at = await until(
      s,
      'the headings stuck under the toolbar after scrolling',
      async () => {
        const p = await place();
        return p.scrolled > 500 && Math.abs(p.top - p.toolbarBottom) < 3 ? p : undefined;
      },
      { seen: async () => JSON.stringify(await place()) },
    );
    assert.ok(at.top > 0, 'the headings are in sight');
    const font = await frame
      .locator('body')
      .evaluate((b: any) => b.ownerDocument.defaultView.getComputedStyle(b).fontFamily);
    assert.match(font, /^Georgia/, `the text's face: ${font}`);
    assert.doesNotMatch(font, /system-ui|sans-serif/, `no interface face in the text's list: ${font}`);
    await s.screenshot('preview-side-by-side-sticky');
  });

  test('in the diplomatic view an insertion is raised and shaded on each of its lines', async () => {
    const frame = previewFrame(s.page);
    await frame.locator('button[data-view="diplomatic"]').click();
    const ins = frame.locator('.emend-add', { hasText: 'we do believe' }).first();
    await until(s, 'the diplomatic view with the insertion', async () => (await ins.count()) > 0);
    const look = await ins.evaluate((e: any) => {
      const view = e.ownerDocument.defaultView;
      const style = view.getComputedStyle(e);
      const p = e.closest('.emend-p').getBoundingClientRect();
      const lh = parseFloat(view.getComputedStyle(e.closest('.emend-p')).lineHeight);
      return {
        background: style.backgroundColor,
        decorationBreak: style.boxDecorationBreak ?? style.webkitBoxDecorationBreak,
        top: style.top,
        lines: p.height / lh,
      };
    });
    assert.notEqual(look.background, 'rgba(0, 0, 0, 0)', `the insertion is shaded: ${JSON.stringify(look)}`);
    assert.equal(look.decorationBreak, 'clone', 'each line of a wrapped insertion boxed on its own');
    assert.ok(parseFloat(look.top) < 0, `raised: ${look.top}`);
    assert.ok(
      Math.abs(look.lines - Math.round(look.lines)) < 0.05,
      `the paragraph's lines evenly spaced: ${look.lines} line heights`,
    );
  });

  test("double-clicking a word in the preview's final column puts the cursor on that word in the transcription", async () => {
    const lines = readFileSync(
      path.join(__dirname, '..', '..', '..', 'samples', 'reagan-1985-draft.emend'),
      'utf8',
    ).split('\n');
    const line = lines.findIndex((l) => l.includes('^{relieve}'));
    const from = lines[line]!.indexOf('^{relieve}') + 2;
    await previewFrame(s.page).locator('button[data-view="side-by-side"]').click();
    const word = previewFrame(s.page)
      .locator('.emend-col-final mark', { hasText: /^relieve$/ })
      .first();
    await until(s, 'the side-by-side view again', async () => (await word.count()) > 0);
    await word.dblclick();
    const selection = s.page.locator('#status\\.editor\\.selection');
    await until(
      s,
      `the cursor in "relieve" on line ${line + 1} (columns ${from + 1}–${from + 8})`,
      async () => {
        const m = /Ln (\d+), Col (\d+)/.exec(await selection.innerText());
        return m && Number(m[1]) === line + 1 && Number(m[2]) >= from + 1 && Number(m[2]) <= from + 8;
      },
      { seen: () => selection.innerText() },
    );
  });

  test('the Witness Findings list walks the findings first, with their fixes, and says how many remain', async () => {
    // One editor group again (the preview is open beside), then draft.emend opened from the Explorer.
    await closeAll();
    if ((await explorerRow('draft.emend').count()) === 0) await explorerRow('witness').first().click();
    await until(s, 'draft.emend in the Explorer', async () => (await explorerRow('draft.emend').count()) > 0);
    await explorerRow('draft.emend').first().click();
    await waitForText(s, 'Gorbacheva');
    await s.page.keyboard.press('Control+Shift+E');
    const header = s.page.locator('.pane-header', { hasText: /Witness Findings/i }).first();
    await until(s, 'the Witness Findings list in the Explorer', () => header.isVisible());
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const pane = s.page.locator('.pane', { has: header }).first();
    const rows = async () =>
      (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    await until(
      s,
      'the finding to strike "give" in the list',
      async () => (await rows()).some((r) => r.includes('Strike “give”')),
      { seen: async () => `${JSON.stringify(await rows())} header ${await header.innerText()}` },
    );
    const first = (await rows())[0] ?? '';
    assert.match(first, /act on/i, `the findings to act on come first: ${first}`);
    assert.match((await header.innerText()).replace(/\s+/g, ' '), /to act on/);
    await s.screenshot('witness-review');
  });

  test('the sample letter against the letter as sent: the four findings first, and a collation view filtered by kind', async () => {
    // The sample draft, whose header names the letter as sent as its witness, under a name of its own.
    const draft = readFileSync(s.file('reagan-1985-draft.emend'), 'utf8');
    writeFileSync(s.file('letter-with-witness.emend'), draft);
    await closeAll();
    await until(
      s,
      'the new file in the Explorer',
      async () => (await explorerRow('letter-with-witness.emend').count()) > 0,
    );
    await explorerRow('letter-with-witness.emend').first().click();
    await waitForText(s, 'SECRET');
    const header = s.page.locator('.pane-header', { hasText: /Witness Findings/i }).first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const pane = s.page.locator('.pane', { has: header }).first();
    const rows = async () =>
      (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    await until(
      s,
      'the four findings to act on, first, with their fixes listed under them',
      // The group's rows come a moment after its heading (the tree expands it), so both are waited for together.
      async () => {
        const r = await rows();
        return /^4 findings to act on/.test(r[0] ?? '') && FIXES.every((fix) => r.some((x) => x.includes(fix)));
      },
      {
        seen: async () => `${JSON.stringify(await rows())} header ${await header.innerText()}`,
      },
    );
    const all = await rows();
    for (const fix of FIXES)
      assert.ok(
        all.some((r) => r.includes(fix)),
        `${fix} among ${JSON.stringify(all.slice(0, 8))}`,
      );
    await s.screenshot('witness-review');

    await runCommand(s, 'emend.openPreviewToSide');
    const frame = previewFrame(s.page);
    const collation = frame.locator('button[data-view="collation"]');
    await until(s, 'the preview with its view buttons', async () => (await collation.count()) > 0);
    await collation.click();
    const box = frame.locator('input[data-kind="substitution"]');
    await until(s, 'the collation view with a filter per kind', async () => (await box.count()) > 0);
    const shownWitness = () =>
      frame
        .locator('.emend-witness.emend-kind-substitution')
        .evaluateAll((els: any[]) => els.filter((e) => e.offsetParent !== null).length);
    assert.ok((await shownWitness()) > 0, 'the witness readings of substitutions are shown');
    assert.equal(await frame.locator('input[data-kind="misreading"]').isChecked(), false, 'misreadings start hidden');
    await box.click();
    await until(
      s,
      "unticking 'other words' to hide the substitutions' witness readings",
      async () => (await shownWitness()) === 0,
    );
    await s.screenshot('collation-filtered');
  });
});
