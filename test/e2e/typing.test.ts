// Typing every mark character by character in a new .emend file in the real VS Code, checking the exact text of the
// document after each key (issue 15: the `}` VS Code adds after `^{` was never stepped over, so typing
// `^{beta}` left a stray `}` behind). What VS Code does with Emend's language configuration, as a transcriber sees
// it: typing `{` right after `^` (or `<` right after `^`) adds the closer after the cursor; typing that closer then
// steps over the added one; nothing else is added, removed or moved.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { editorLines, until } from './harness/ui';

/**
 * The document expected after each key of `keys` (`\n` is Enter), typed at the end of an empty document: what was
 * typed, followed by the closers VS Code added and the typist has not yet typed over.
 */
function expectedSteps(keys: string): string[] {
  let typed = '';
  let added = '';
  const steps: string[] = [];
  for (const k of keys) {
    if (added.startsWith(k)) {
      typed += k;
      added = added.slice(1);
    } else {
      typed += k;
      if (typed.endsWith('^{')) added = '}' + added;
      else if (typed.endsWith('^<')) added = '>' + added;
    }
    steps.push(typed + added);
  }
  return steps;
}

const CASES = [
  'Alpha ^{beta} gamma.',
  'an ^<added> word',
  '~~x~~',
  '~~~a ~~b~~ c~~~',
  '^{x}',
  '^<x>',
  '~~a~~^{b}',
  '*x*',
  'the ~~old~~ ^{new} word',
  '^{a ^{b} c}',
  '^{x>y} and ^<x}y>',
  String.raw`\~\~ \^\{ \{ \} \< \> \\ \*`,
  String.raw`a \^{b}`,
  '~~one\ntwo~~ three',
  // VS Code forgets the closer it added once Enter is pressed; Emend's default `editor.autoClosingOvertype: always`
  // still steps over it.
  '^{one\ntwo} three',
  '^<one\ntwo> three',
  '*one\ntwo* three',
];

describe('typing marks in a new .emend file in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('typing', 'typing/new.emend');
  });
  after(async () => {
    await s?.close();
  });

  /** The document's text as drawn (its lines are short, so one screen line per line). */
  const documentText = async () => (await editorLines(s.page)).join('\n');

  const waitForDocument = (want: string, after: string) =>
    until(
      s,
      `the document to read ${JSON.stringify(want)} after ${after}`,
      async () => (await documentText()) === want,
      {
        timeout: 5_000,
        seen: async () => JSON.stringify(await documentText()),
      },
    );

  test('the new file is Emend, empty, with the cursor in it', async () => {
    await until(
      s,
      'the status bar to say Emend',
      async () =>
        (
          await s.page
            .locator('#status\\.editor\\.mode')
            .innerText()
            .catch(() => '')
        ).trim() === 'Emend',
    );
    await s.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await waitForDocument('', 'opening');
  });

  for (const keys of CASES) {
    test(`typing ${JSON.stringify(keys)} gives exactly that`, async () => {
      await s.page.keyboard.press('Control+A');
      await s.page.keyboard.press('Backspace');
      await waitForDocument('', 'clearing');
      const steps = expectedSteps(keys);
      let sofar = '';
      for (const [i, k] of [...keys].entries()) {
        if (k === '\n') await s.page.keyboard.press('Enter');
        else await s.page.keyboard.type(k);
        sofar += k;
        await waitForDocument(steps[i]!, `typing ${JSON.stringify(sofar)}`);
      }
      assert.equal(steps.at(-1), keys, 'every closer the editor added has been typed over');
      assert.equal(await documentText(), keys);
    });
  }
});
