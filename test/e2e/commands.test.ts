// The mark-selection command wraps what is selected, leaving the rest of the line alone.
import { after, before, describe, test } from 'node:test';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import { editorLines, runCommand, selectText, until } from './harness/ui';

describe('editing commands in VS Code', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('commands', 'plain.emend');
  });
  after(async () => {
    await s?.close();
  });

  test('Mark as Deleted wraps the selection in ~~', async () => {
    await selectText(s, 'waste no time');
    await runCommand(s, 'emend.markDeleted');
    await until(
      s,
      'the selection to be wrapped as a deletion',
      async () => (await editorLines(s.page))[2] === 'I wanted to ~~waste no time~~ in giving you my thoughts.',
      {
        seen: async () => JSON.stringify(await editorLines(s.page)),
      },
    );
  });
});
