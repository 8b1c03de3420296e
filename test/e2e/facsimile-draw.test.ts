// Drawing boxes on the facsimile in a real VS Code: a transcription of the Kant page that names its scan but no
// layout. With "Vorurtheile" selected, draw mode (the toolbar's Draw button) and a drag around the word on the scan
// write kant-draw.page.xml beside it and add `layout: kant-draw.page.xml` to the header; the cursor in the word then
// outlines the drawn box, a click on the box puts the cursor there, and a second box placed with the keyboard alone
// (D, Enter, Enter) for "pflanzen" is added to the same file. Undo takes the header line out again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { clickText, editorLines, previewFrame, runFromPalette, selectText, until } from './harness/ui';
import { foldText, iou, LineIndex, readLayout, readLayoutText, wordKey, type Box } from '../../server/src/core/index';

const ROOT = path.join(__dirname, '..', '..', '..');
const SOURCE = readFileSync(path.join(ROOT, 'test', 'e2e', 'extra', 'kant-draw.emend'), 'utf8');

/** The ground truth's box of a word (test/fixtures/facsimile/gt.page.xml). */
function truthBox(word: string): Box {
  const gt = readLayout('gt.page.xml', readFileSync(path.join(ROOT, 'test', 'fixtures', 'facsimile', 'gt.page.xml')));
  if (!gt.ok) throw new Error(gt.error);
  for (const line of gt.layout.pages[0]!.lines)
    for (const w of line.words) if (wordKey(foldText(w.text)) === wordKey(word)) return w.box;
  throw new Error(`no ${word} in the ground truth`);
}

describe('drawing a box on the facsimile links the selected words', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('facsimile-draw', 'kant-draw.emend', [
      'test/e2e/extra/kant-draw.emend',
      'samples/kant-1784/page.jpg',
    ]);
  });
  after(async () => {
    await s?.close();
  });

  const frame = () => previewFrame(s.page);
  const stage = () => frame().locator('#emend-facsimile-stage');
  const attr = async (name: string) => ((await stage().count()) ? await stage().getAttribute(name) : null);
  const status = async () => (await frame().locator('#emend-facsimile-status').textContent()) ?? '';
  const layoutFile = () => s.file('kant-draw.page.xml');
  /** The page's view: scale and translation, from the stage's data-view. */
  const view = async () => {
    const [scale, turns, tx, ty] = ((await attr('data-view')) ?? '').split(',').map(Number) as number[];
    assert.equal(turns, 0);
    return { scale: scale!, tx: tx!, ty: ty! };
  };
  /** Where a point of the image is on the screen (the stage's place in the page plus the view). */
  const onScreen = async (x: number, y: number) => {
    const b = (await stage().boundingBox())!;
    const v = await view();
    return { x: b.x + v.tx + x * v.scale, y: b.y + v.ty + y * v.scale };
  };

  test('the scan opens; no layout is named, so words are not linked yet', async () => {
    await clickText(s, 'gewiegelt');
    await runFromPalette(s, 'Emend: Open Facsimile to the Side');
    await until(s, 'the facsimile to draw the page', async () => (await attr('aria-busy')) === 'false', {
      timeout: 60_000,
      seen: async () => `aria-busy ${await attr('aria-busy')}`,
    });
    assert.match((await frame().locator('#emend-facsimile-error').textContent()) ?? '', /No layout file is named/);
  });

  test('draw mode: with "Vorurtheile" selected, a box dragged around it is recorded in a new PAGE file', async () => {
    await selectText(s, 'Vorurtheile');
    const draw = frame().locator('#emend-facsimile-draw');
    await draw.click();
    assert.equal(await draw.getAttribute('aria-pressed'), 'true');
    assert.equal(await attr('data-mode'), 'draw');
    assert.match(await status(), /^Draw mode: drag a box around the words selected in the editor/);
    const t = truthBox('Vorurtheile');
    const a = await onScreen(t.x, t.y),
      b = await onScreen(t.x + t.w, t.y + t.h);
    await s.page.mouse.move(a.x, a.y);
    await s.page.mouse.down();
    await s.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 3 });
    await s.page.mouse.move(b.x, b.y, { steps: 3 });
    await s.page.mouse.up();
    await until(s, 'the box to be recorded', async () => (await attr('data-draw')) === 'recorded', {
      seen: async () => `data-draw ${await attr('data-draw')}, status ${await status()}`,
    });
    assert.equal(
      await status(),
      'Linked “Vorurtheile” to the box; recorded in a new file, kant-draw.page.xml, named in the header.',
    );
    await until(s, 'the header to name the new layout file', async () =>
      (await editorLines(s.page)).some((l) => l === 'layout: kant-draw.page.xml'),
    );
    const lines = await editorLines(s.page);
    assert.deepEqual(lines.slice(0, 5), [
      '---',
      'title: Kant, page 484',
      'facsimile: page.jpg',
      'layout: kant-draw.page.xml',
      '---',
    ]);
    const written = readLayoutText('kant-draw.page.xml', readFileSync(layoutFile(), 'utf8'));
    if (!written.ok) assert.fail(written.error);
    const [line] = written.layout.pages[0]!.lines;
    assert.equal(written.layout.pages[0]!.lines.length, 1);
    assert.deepEqual([line!.text, line!.drawn], ['Vorurtheile', { occurrence: 0 }]);
    assert.ok(iou(line!.box, t) >= 0.8, `drawn ${JSON.stringify(line!.box)} vs the word ${JSON.stringify(t)}`);
    await s.screenshot('facsimile-draw');
  });

  test('the link works both ways: the cursor in the word outlines the box, a click on the box moves the cursor', async () => {
    // The header grew by a line: offsets in the editor's text are the source's plus that line.
    const text = SOURCE.replace('facsimile: page.jpg\n', 'facsimile: page.jpg\nlayout: kant-draw.page.xml\n');
    const start = text.indexOf('Vorurtheile');
    await clickText(s, 'Vorurtheile');
    const outlined = await until(
      s,
      'the outline on "Vorurtheile"',
      async () => {
        const h = await attr('data-highlight');
        return h && h.startsWith(`${start},`) ? h : undefined;
      },
      { seen: async () => `data-highlight ${await attr('data-highlight')}` },
    );
    const [x, y, w, h] = outlined.split(',')[2]!.split(' ').map(Number) as [number, number, number, number];
    assert.ok(iou({ x, y, w, h }, truthBox('Vorurtheile')) >= 0.8, `outline ${outlined}`);
    // A word with no box: no outline (nothing is guessed from the drawn box).
    await clickText(s, 'pflanzen');
    await until(s, 'no outline on "pflanzen"', async () => (await attr('data-highlight')) === '', {
      seen: async () => `data-highlight ${await attr('data-highlight')}`,
    });
    // Leave draw mode with its key, then click the drawn box on the scan.
    await stage().focus();
    await s.page.keyboard.press('d');
    assert.equal(await attr('data-mode'), 'view');
    const t = truthBox('Vorurtheile');
    const p = await onScreen(t.x + t.w / 2, t.y + t.h / 2);
    await s.page.mouse.click(p.x, p.y);
    const at = new LineIndex(text).positionAt(start);
    const expected = `Ln ${at.line + 1}, Col ${at.character + 1}`;
    const selection = s.page.locator('#status\\.editor\\.selection');
    await until(s, `the cursor at ${expected}`, async () => (await selection.innerText()).includes(expected), {
      seen: async () => `status bar: ${await selection.innerText()}`,
    });
  });

  test('from the keyboard: D, Enter places a box, Enter records it; it is added to the same file', async () => {
    await selectText(s, 'pflanzen');
    await stage().focus();
    await s.page.keyboard.press('d');
    assert.equal(await attr('data-mode'), 'draw');
    await s.page.keyboard.press('Enter');
    assert.match(await status(), /^A box is placed in the middle of the view/);
    await s.page.keyboard.press('Shift+ArrowRight');
    await s.page.keyboard.press('Enter');
    await until(s, 'the keyboard box to be recorded', async () => (await status()).startsWith('Linked “pflanzen”'), {
      seen: async () => `data-draw ${await attr('data-draw')}, status ${await status()}`,
    });
    assert.equal(await status(), 'Linked “pflanzen” to the box; recorded in kant-draw.page.xml.');
    const written = readLayoutText('kant-draw.page.xml', readFileSync(layoutFile(), 'utf8'));
    if (!written.ok) assert.fail(written.error);
    assert.deepEqual(
      written.layout.pages[0]!.lines.map((l) => l.text),
      ['Vorurtheile', 'pflanzen'],
    );
    assert.equal((await editorLines(s.page)).filter((l) => l.startsWith('layout:')).length, 1);
    // The cursor in "pflanzen" now outlines its (keyboard-placed) box.
    await clickText(s, 'pflanzen');
    await until(s, 'an outline on "pflanzen"', async () => ((await attr('data-highlight')) ?? '') !== '', {
      seen: async () => `data-highlight ${await attr('data-highlight')}`,
    });
  });

  test('the header line is an ordinary edit: Undo takes it out', async () => {
    await clickText(s, 'gewiegelt');
    await s.page.keyboard.press('Control+z');
    await until(
      s,
      'the layout: line to be undone',
      async () => !(await editorLines(s.page)).some((l) => l.startsWith('layout:')),
      { seen: async () => JSON.stringify((await editorLines(s.page)).slice(0, 5)) },
    );
  });

  test('from the editor: Draw a Box on the Facsimile for the Selection, then Enter; the taken name is not reused', async () => {
    // The header names no layout again (Undo), and kant-draw.page.xml exists: a new file must take another name.
    await selectText(s, 'Publikum');
    await runFromPalette(s, 'Emend: Draw a Box on the Facsimile for the Selection');
    await until(s, 'a box placed in draw mode', async () => (await status()).startsWith('A box is placed'), {
      seen: async () => `data-mode ${await attr('data-mode')}, status ${await status()}`,
    });
    assert.equal(await attr('data-mode'), 'draw');
    await s.page.keyboard.press('Enter');
    await until(s, 'the box to be recorded', async () => (await status()).startsWith('Linked “Publikum”'), {
      seen: async () => `status ${await status()}`,
    });
    assert.equal(
      await status(),
      'Linked “Publikum” to the box; recorded in a new file, kant-draw-2.page.xml, named in the header.',
    );
    const first = readLayoutText('kant-draw.page.xml', readFileSync(layoutFile(), 'utf8'));
    if (!first.ok) assert.fail(first.error);
    assert.deepEqual(
      first.layout.pages[0]!.lines.map((l) => l.text),
      ['Vorurtheile', 'pflanzen'],
      'the first file is left as it was',
    );
    await until(s, 'the header to name kant-draw-2.page.xml', async () =>
      (await editorLines(s.page)).includes('layout: kant-draw-2.page.xml'),
    );
  });
});
