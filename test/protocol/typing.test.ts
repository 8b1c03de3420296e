// Quiet while typing, over the protocol: a client that tells the server its cursors (`emend/cursors`) is not shown
// the problems of the mark being typed, nor offered fixes for them, until the transcriber pauses (the server asks
// the client to pull again) or leaves the mark; an empty mark with the cursor inside stays quiet after the pause.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CursorsNotification } from '../../server/src/protocol';
import { docUri, LspClient, range, type Position } from './client';

let c: LspClient;
before(async () => {
  c = await LspClient.start();
});
after(async () => {
  assert.equal(await c.stop(), 0);
});

const codes = async (uri: string): Promise<string[]> => (await c.diagnostics(uri)).map((d) => String(d.code));
const cursors = (uri: string, version: number, ...at: Position[]): Promise<void> =>
  c.notify(CursorsNotification.method, { uri, version, cursors: at });

test('a deletion being typed is reported only once the transcriber pauses, and no fix is offered before', async () => {
  const uri = docUri();
  await c.open(uri, 'Please  regards.');
  await cursors(uri, 1, { line: 0, character: 7 });
  assert.deepEqual(await codes(uri), []);
  await c.change(uri, 2, [{ range: range(0, 7, 0, 7), text: '~~tell' }]);
  await cursors(uri, 2, { line: 0, character: 13 });
  const refreshes = c.refreshes;
  assert.deepEqual(await codes(uri), [], 'while typing');
  const actions = await c.codeActions(uri, range(0, 7, 0, 9), [], ['quickfix']);
  assert.deepEqual(
    actions.map((a) => a.title),
    [],
    'no fix for what is being typed',
  );
  // The pause: the server asks the client to pull again, and the problem is there.
  await c.until(() => c.refreshes > refreshes);
  assert.deepEqual(await codes(uri), ['unclosed-deletion']);
  assert.notDeepEqual(await c.codeActions(uri, range(0, 7, 0, 9), [], ['quickfix']), []);
});

test('leaving the mark being typed reports it at once', async () => {
  const uri = docUri();
  await c.open(uri, 'Please ');
  await c.change(uri, 2, [{ range: range(0, 7, 0, 7), text: '^{conv' }]);
  await cursors(uri, 2, { line: 0, character: 13 });
  assert.deepEqual(await codes(uri), []);
  const refreshes = c.refreshes;
  await cursors(uri, 2, { line: 0, character: 3 });
  await c.until(() => c.refreshes > refreshes);
  assert.deepEqual(await codes(uri), ['unclosed-insertion']);
});

test('an auto-closed empty insertion is quiet while the cursor is inside it, after a pause too', async () => {
  const uri = docUri();
  await c.open(uri, 'Please  give');
  await c.change(uri, 2, [{ range: range(0, 7, 0, 7), text: '^{}' }]);
  await cursors(uri, 2, { line: 0, character: 9 });
  await new Promise((r) => setTimeout(r, 1000));
  assert.deepEqual(await codes(uri), [], 'after the pause, the cursor still inside');
  const refreshes = c.refreshes;
  await cursors(uri, 2, { line: 0, character: 10 });
  await c.until(() => c.refreshes > refreshes);
  assert.deepEqual(await codes(uri), ['empty-mark']);
});

test('an editor that is no longer active (no cursors) and a client that never sends cursors get every problem', async () => {
  const uri = docUri();
  await c.open(uri, 'Please ^{}');
  await cursors(uri, 1, { line: 0, character: 9 });
  assert.deepEqual(await codes(uri), []);
  await cursors(uri, 1);
  assert.deepEqual(await codes(uri), ['empty-mark']);
  const other = docUri();
  await c.open(other, 'Please ~~tell');
  await c.change(other, 2, [{ range: range(0, 13, 0, 13), text: 'ing' }]);
  assert.deepEqual(await codes(other), ['unclosed-deletion']);
});

test('a client that does not pull gets the held-back problem pushed after the pause', async () => {
  const p = await LspClient.start({ capabilities: { workspace: { configuration: true } } });
  try {
    const uri = docUri();
    await p.open(uri, 'Please ');
    await p.notify(CursorsNotification.method, { uri, version: 1, cursors: [{ line: 0, character: 7 }] });
    await p.until(() => p.published.length === 1);
    await p.change(uri, 2, [{ range: range(0, 7, 0, 7), text: '~~tell' }]);
    await p.notify(CursorsNotification.method, { uri, version: 2, cursors: [{ line: 0, character: 13 }] });
    await p.until(() => p.published.length === 2);
    assert.deepEqual(p.published[1]!.diagnostics, [], 'pushed while typing');
    await p.until(() => p.published.length === 3);
    assert.deepEqual(
      p.published[2]!.diagnostics.map((d) => d.code),
      ['unclosed-deletion'],
    );
  } finally {
    await p.stop();
  }
});
