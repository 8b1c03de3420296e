// A slip in the document shows as a squiggle and a Problems entry with its code, and the quick fix repairs it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { editorLines, openQuickFix, problemRows, until, waitForText } from './harness/ui';

const SQUIGGLE = '.editor-instance .monaco-editor .view-overlays .squiggly-error';

describe('diagnostics and quick fixes in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('diagnostics', 'unclosed.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('an unclosed deletion is underlined as an error', async () => {
    await waitForText(s, 'eliminate');
    await until(
      s,
      'an error squiggle under the unclosed `~~`',
      async () => (await s.page.locator(SQUIGGLE).count()) > 0,
      {
        seen: async () =>
          `${await s.page.locator('.view-overlays [class*=squiggly]').count()} squiggles of any kind\n${s.extensionHostLog()}`,
      },
    );
  });

  test('the Problems panel lists it with its code and source', async () => {
    const rows = await until(
      s,
      'a Problems row with the code unclosed-deletion',
      async () => {
        const r = await problemRows(s);
        return r.some((t) => t.includes('unclosed-deletion')) ? r : undefined;
      },
      { seen: async () => JSON.stringify(await problemRows(s)) },
    );
    const row = rows.find((t) => t.includes('unclosed-deletion'))!;
    assert.match(row, /emend/);
    assert.match(row, /never closed/);
    await s.screenshot('problems-panel');
  });

  test('the quick fix closes the deletion', async () => {
    const fix = await openQuickFix(s, '~~eliminate', /^Close the deletion/, '"Close the deletion…"');
    await s.screenshot('quick-fix-menu');
    await fix.click();
    await until(
      s,
      'the line to end with the closing `~~`',
      async () => (await editorLines(s.page))[0] === 'We must ~~eliminate the concerns you have expressed.~~',
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
    await until(
      s,
      'the squiggle to go once the mark is closed',
      async () => (await s.page.locator(SQUIGGLE).count()) === 0,
    );
    await until(
      s,
      'the Problems row to go',
      async () => !(await problemRows(s)).some((t) => t.includes('unclosed-deletion')),
      {
        seen: async () => JSON.stringify(await problemRows(s)),
      },
    );
  });
});
