// A real VS Code recognises .emend files as Emend and its grammar colours deletions and insertions differently.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { languageMode, tokenStyle, until, waitForText } from './harness/ui';

describe('language and grammar in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('language', 'marks.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('the status bar names the language Emend for a .emend file', async () => {
    await waitForText(s, 'struck');
    await until(s, 'the status bar to show the Emend language', async () => (await languageMode(s.page)) === 'Emend', {
      seen: async () => `language mode "${await languageMode(s.page)}"\n${s.extensionHostLog()}`,
    });
  });

  test('deleted and inserted text are drawn in different colours, both unlike plain text', async () => {
    const styles = await until(
      s,
      'the grammar to colour "struck", "added" and "word" three different ways',
      async () => {
        const del = await tokenStyle(s.page, 'struck');
        const ins = await tokenStyle(s.page, 'added');
        const plain = await tokenStyle(s.page, 'word');
        return del && ins && plain && new Set([del.color, ins.color, plain.color]).size === 3
          ? { del, ins, plain }
          : undefined;
      },
      {
        seen: async () =>
          JSON.stringify({
            struck: await tokenStyle(s.page, 'struck'),
            added: await tokenStyle(s.page, 'added'),
            word: await tokenStyle(s.page, 'word'),
          }),
      },
    );
    assert.notEqual(styles.del.color, styles.ins.color);
    await s.screenshot('editor-grammar');
  });

  test('deleted text is struck through, inserted text is not', async () => {
    await until(
      s,
      '"struck" to be drawn struck through',
      async () => (await tokenStyle(s.page, 'struck'))?.textDecoration.includes('line-through'),
      {
        seen: async () => JSON.stringify(await tokenStyle(s.page, 'struck')),
      },
    );
    assert.doesNotMatch((await tokenStyle(s.page, 'added'))?.textDecoration ?? '', /line-through/);
  });
});
