// Comparing with a second witness in a real VS Code: the header's witness gives a missed-deletion problem in the
// Problems panel, and its quick fix strikes the words the letter as sent lacks.
import { after, before, describe, test } from 'node:test';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { editorLines, openQuickFix, problemRows, until, waitForText } from './harness/ui';

describe('comparing with a witness in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('witness', 'witness/draft.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('the Problems panel lists the missed deletion found by comparing with the witness', async () => {
    await waitForText(s, 'Gorbacheva');
    await until(
      s,
      'a Problems row with the code witness-missed-deletion',
      async () => (await problemRows(s)).some((t) => t.includes('witness-missed-deletion') && t.includes('give')),
      {
        seen: async () => `${JSON.stringify(await problemRows(s))}\n${s.extensionHostLog()}`,
      },
    );
    await s.screenshot('witness-problems');
  });

  test('the quick fix strikes the word the witness lacks', async () => {
    const fix = await openQuickFix(s, 'give', /^Strike “give”/, '"Strike “give”"');
    await fix.click();
    await until(
      s,
      'the word to be struck',
      async () => (await editorLines(s.page)).some((l) => l.startsWith('Please ^{convey} ~~give~~ regards')),
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
    await until(
      s,
      'the Problems row to go',
      async () => !(await problemRows(s)).some((t) => t.includes('witness-missed-deletion')),
      {
        seen: async () => JSON.stringify(await problemRows(s)),
      },
    );
  });
});
