// The facsimile in a real VS Code: the Kant sample opens with its scan beside it; the cursor's word is outlined on
// the right place of the scan (checked against the ground truth's box for that word); a click on a word of the scan
// puts the cursor on that word. Its screenshot is the README's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { clickText, previewFrame, runFromPalette, until } from './harness/ui';
import { iou, LineIndex, readLayout, wordKey, foldText, type Box } from '../../server/src/core/index';

const ROOT = path.join(__dirname, '..', '..', '..');
const DIR = 'samples/kant-1784';
const FILES = ['kant-1784-p484.emend', 'page.jpg', 'page.tif', 'ocr-tesseract.page.xml'].map((f) => `${DIR}/${f}`);
const SOURCE = readFileSync(path.join(ROOT, DIR, 'kant-1784-p484.emend'), 'utf8');

/** The ground truth's box of the n-th word of this key (test/fixtures/facsimile/gt.page.xml). */
function truthBox(word: string, nth = 0): Box {
  const gt = readLayout('gt.page.xml', readFileSync(path.join(ROOT, 'test', 'fixtures', 'facsimile', 'gt.page.xml')));
  if (!gt.ok) throw new Error(gt.error);
  let seen = 0;
  for (const line of gt.layout.pages[0]!.lines)
    for (const w of line.words) if (wordKey(foldText(w.text)) === wordKey(word) && seen++ === nth) return w.box;
  throw new Error(`no ${word} in the ground truth`);
}

describe('the facsimile beside the Kant transcription', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('facsimile', 'kant-1784-p484.emend', FILES);
  });
  after(async () => {
    await s?.close();
  });

  const stage = () => previewFrame(s.page).locator('#emend-facsimile-stage');
  const attr = async (name: string) => ((await stage().count()) ? await stage().getAttribute(name) : null);

  test('Open Facsimile to the Side shows the scan beside the transcription', async () => {
    await clickText(s, 'gewiegelt worden');
    await runFromPalette(s, 'Emend: Open Facsimile to the Side');
    const ms = await until(
      s,
      'the facsimile to draw the page',
      async () => ((await attr('aria-busy')) === 'false' ? await attr('data-first-view-ms') : undefined) ?? undefined,
      { timeout: 60_000, seen: async () => `aria-busy ${await attr('aria-busy')}, label ${await attr('aria-label')}` },
    );
    assert.match((await attr('aria-label')) ?? '', /page\.jpg, 1457 × 2084 pixels/);
    console.log(`facsimile: first sharp view of page.jpg (3 megapixels) ${ms} ms after the image was asked for`);
  });

  test('the cursor in a word outlines that word on the scan, and moving on moves the outline', async () => {
    await clickText(s, 'Vorurtheile');
    const start = SOURCE.indexOf('Vorurtheile');
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
    assert.ok(iou({ x, y, w, h }, truthBox('Vorurtheile')) >= 0.5, `outline ${outlined} vs the ground truth`);
    await s.screenshot('facsimile-outline');
    // Ctrl+Right moves to the next word: "zu".
    await s.page.keyboard.press('Control+ArrowRight');
    await s.page.keyboard.press('Control+ArrowRight');
    const next = SOURCE.indexOf('zu\n', start);
    await until(
      s,
      'the outline to move on to "zu"',
      async () => (await attr('data-highlight'))?.startsWith(`${next},`),
      {
        seen: async () => `data-highlight ${await attr('data-highlight')}`,
      },
    );
  });

  test('a click on a word of the scan puts the cursor on that word', async () => {
    // "Publikum" (OCR: "Publifum"), on the scan's fifth line.
    const target = truthBox('Publikum');
    const [scale, turns, tx, ty] = ((await attr('data-view')) ?? '').split(',').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    assert.equal(turns, 0);
    const px = tx + (target.x + target.w / 2) * scale,
      py = ty + (target.y + target.h / 2) * scale;
    await stage().click({ position: { x: px, y: py } });
    const at = new LineIndex(SOURCE).positionAt(SOURCE.indexOf('Publikum'));
    const expected = `Ln ${at.line + 1}, Col ${at.character + 1}`;
    const selection = s.page.locator('#status\\.editor\\.selection');
    await until(s, `the cursor at ${expected}`, async () => (await selection.innerText()).includes(expected), {
      seen: async () => `status bar: ${await selection.innerText()}; view ${await attr('data-view')}`,
    });
    await until(s, 'the outline on "Publikum"', async () =>
      (await attr('data-highlight'))?.startsWith(`${SOURCE.indexOf('Publikum')},`),
    );
    await s.screenshot('facsimile-click');
  });
});

describe('a transcription of two pages, each page break naming its image', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('facsimile-pages', 'pages.emend', [`${DIR}/page.jpg`, `${DIR}/page.tif`]);
  });
  after(async () => {
    await s?.close();
  });

  const stage = () => previewFrame(s.page).locator('#emend-facsimile-stage');
  const attr = async (name: string) => ((await stage().count()) ? await stage().getAttribute(name) : null);
  const shows = (image: string, page: string) =>
    until(
      s,
      `the facsimile to show ${image} as page ${page}`,
      async () =>
        (await attr('aria-busy')) === 'false' &&
        (await attr('data-page')) === String(Number(page) - 1) &&
        ((await attr('aria-label')) ?? '').includes(image) &&
        (await previewFrame(s.page).locator('#emend-page-label').innerText()) === `Page ${page} of 2`,
      {
        timeout: 60_000,
        seen: async () =>
          `page ${await attr('data-page')}, busy ${await attr('aria-busy')}, label ${await attr('aria-label')}`,
      },
    );

  test("the cursor on a page's words turns the facsimile to that page's image, and back", async () => {
    await clickText(s, 'second page');
    await runFromPalette(s, 'Emend: Open Facsimile to the Side');
    await shows('page.tif', '2');
    await clickText(s, 'first page');
    await shows('page.jpg', '1');
    await s.screenshot('facsimile-pages');
  });
});
