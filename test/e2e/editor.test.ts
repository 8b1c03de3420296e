// The editor's commands as a transcriber uses them, through their default keys and the palette: the status bar's
// counts, going from revision to revision, the revision list, marking and unmarking, the read-only readings that
// follow the transcription, and the draft/final diff.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { clickText, editorLines, runFromPalette, selectText, tokenStyle, until, waitForText } from './harness/ui';

/** Presses one of the editor's default chords: Shift+Alt+E, then the letter. */
async function chord(s: Session, letter: string): Promise<void> {
  await s.page.keyboard.press('Shift+Alt+KeyE');
  await s.page.keyboard.press(`Key${letter.toUpperCase()}`);
}

async function statusBarText(s: Session): Promise<string> {
  return (await s.page.locator('.statusbar').first().innerText()).replace(/\s+/g, ' ');
}

describe('the editor commands in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('editor', 'marks.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('deleted text is drawn struck through, by the configuration default', async () => {
    await waitForText(s, 'struck');
    const style = await until(
      s,
      'the deletion to be drawn struck through',
      async () => {
        const st = await tokenStyle(s.page, 'struck');
        return st && /line-through/.test(st.textDecoration) ? st : undefined;
      },
      { seen: async () => JSON.stringify(await tokenStyle(s.page, 'struck')) },
    );
    assert.match(style.textDecoration, /line-through/);
    const tildes = await tokenStyle(s.page, '~~');
    assert.ok(
      tildes && !/line-through/.test(tildes.textDecoration),
      `the tildes themselves are not struck: ${JSON.stringify(tildes)}`,
    );
  });

  test('the status bar counts the deletions and insertions, and its label says so', async () => {
    const item = s.page.locator('[aria-label^="Emend: 2 deletions, 2 insertions"]');
    await until(
      s,
      'the Emend status bar item with 2 deletions and 2 insertions',
      async () => (await item.count()) > 0,
      {
        seen: () => statusBarText(s),
      },
    );
  });

  test('the breadcrumbs name the paragraph under the cursor by its final reading (the outline)', async () => {
    await clickText(s, 'concerns');
    const crumbs = s.page.locator('.breadcrumbs-control').first();
    await until(
      s,
      'the breadcrumbs to name the paragraph',
      async () => /We must relieve the concerns/.test(await crumbs.innerText()),
      {
        seen: async () => crumbs.innerText(),
      },
    );
  });

  test('Go to Next Revision (Shift+Alt+E N) selects the next revision and says which it is', async () => {
    await clickText(s, 'The');
    await chord(s, 'n');
    await until(
      s,
      'the status bar to name revision 1',
      async () => /Revision 1 of 4: Deletion: struck/.test(await statusBarText(s)),
      {
        seen: () => statusBarText(s),
      },
    );
    await chord(s, 'n');
    await until(
      s,
      'the status bar to name revision 2',
      async () => /Revision 2 of 4: Insertion: added/.test(await statusBarText(s)),
      {
        seen: () => statusBarText(s),
      },
    );
    await chord(s, 'p');
    await until(s, 'Previous to go back to revision 1', async () => /Revision 1 of 4/.test(await statusBarText(s)), {
      seen: () => statusBarText(s),
    });
  });

  test('List Revisions (Shift+Alt+E L) lists every revision with its summary', async () => {
    await chord(s, 'l');
    const rows = s.page.locator('.quick-input-list .monaco-list-row');
    const texts = await until(
      s,
      'the revision list',
      async () => {
        const t = await rows.allInnerTexts();
        return t.length === 4 ? t.map((x) => x.replace(/\s+/g, ' ').trim()) : undefined;
      },
      { seen: async () => JSON.stringify(await rows.allInnerTexts()) },
    );
    assert.match(texts[0]!, /Deletion: struck/);
    assert.match(texts[1]!, /Insertion: added/);
    assert.match(texts[2]!, /Substitution: eliminate → relieve/);
    assert.match(texts[3]!, /Another hand: Gorbachev/);
    await s.screenshot('editor-revision-list');
    await s.page.keyboard.press('Escape');
  });

  test('Mark as Deleted (Shift+Alt+E D) on a struck word unmarks it, and again marks it', async () => {
    await selectText(s, 'struck');
    await chord(s, 'd');
    await until(
      s,
      'the deletion to be unwrapped',
      async () => (await editorLines(s.page))[0] === 'The struck word and the ^{added} word.',
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
    await chord(s, 'd');
    await until(
      s,
      'the word to be struck again',
      async () => (await editorLines(s.page))[0] === 'The ~~struck~~ word and the ^{added} word.',
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
  });

  test('Open Final Reading shows the final reading beside the transcription, and follows edits', async () => {
    await runFromPalette(s, 'Emend: Open Final Reading');
    const reading = s.page.locator('.editor-group-container').nth(1).locator('.view-lines');
    const lines = async (): Promise<string[]> =>
      (await reading.locator('.view-line').allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
    await until(
      s,
      'the final reading beside the transcription',
      async () => (await lines()).includes('The word and the added word.'),
      {
        seen: async () => JSON.stringify(await lines()),
      },
    );
    const tab = s.page.locator('.tab', { hasText: 'marks.emend (final)' });
    assert.ok(await tab.count(), 'a tab named "marks.emend (final)"');
    await clickText(s, 'word.');
    await s.page.keyboard.press('End');
    await s.page.keyboard.type(' Freshly typed.');
    await until(
      s,
      'the reading to follow the edit',
      async () => (await lines()).includes('The word and the added word. Freshly typed.'),
      {
        seen: async () => JSON.stringify(await lines()),
      },
    );
  });

  test('Reveal in Transcription goes from a place in the reading to the same place in the transcription', async () => {
    const line = s.page
      .locator('.editor-group-container')
      .nth(1)
      .locator('.view-line', { hasText: 'We must relieve the concerns' });
    await line.first().click();
    // The reading wraps long lines: the first End goes to the end of the screen line, the second to the end of the
    // line itself.
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('End');
    await runFromPalette(s, 'Emend: Reveal in Transcription');
    // The end of the reading's third line is the end of the transcription's third line, marks and all.
    const source = 'We must ~~eliminate~~ ^{relieve} the concerns, signed *Gorbachev* in another hand.';
    const wanted = `Ln 3, Col ${source.length + 1}`;
    const selection = s.page.locator('#status\\.editor\\.selection');
    await until(
      s,
      `the cursor at ${wanted} in the transcription`,
      async () => (await selection.innerText()).includes(wanted),
      {
        seen: async () =>
          `${await selection.innerText()} in ${await s.page.locator('.tab.active').first().innerText()}`,
      },
    );
    const tab = (await s.page.locator('.editor-group-container').first().locator('.tab.active').innerText()).replace(
      /\s+/g,
      '',
    );
    assert.match(tab, /^marks\.emend/);
  });

  test("Compare Draft and Final opens VS Code's diff editor on the two readings", async () => {
    await clickText(s, 'The');
    await runFromPalette(s, 'Emend: Compare Draft and Final');
    await until(
      s,
      'a diff editor titled with the readings',
      async () =>
        (await s.page.locator('.monaco-diff-editor').count()) > 0 &&
        (await s.page.locator('.tab', { hasText: 'Draft ↔ Final' }).count()) > 0,
      {
        seen: async () => (await s.page.locator('.tab').allInnerTexts()).join(' | '),
      },
    );
    const removed = s.page.locator('.monaco-diff-editor .char-delete, .monaco-diff-editor .line-delete');
    await until(s, 'the diff to mark what the final reading dropped', async () => (await removed.count()) > 0);
    await s.screenshot('editor-compare-draft-final');
  });

  test('Restart Language Server brings the server back, and the commands work again', async () => {
    await runFromPalette(s, 'Emend: Restart Language Server');
    await until(
      s,
      'the status bar to say the server restarted',
      async () => /Emend language server restarted/.test(await statusBarText(s)),
      {
        seen: () => statusBarText(s),
      },
    );
    await s.page
      .locator('.editor-group-container')
      .first()
      .click({ position: { x: 200, y: 300 } });
    await selectText(s, 'concerns');
    await chord(s, 'h');
    await until(
      s,
      'Mark as In Another Hand to work after the restart',
      async () => (await editorLines(s.page)).some((l) => l.includes('*concerns*')),
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
  });
});
