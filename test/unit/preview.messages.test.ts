import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFromWebview, toPreviewState, type ToWebview } from '../../client/src/preview/messages';
import { stateAfterUpdate, updateAction } from '../../client/src/preview/update';

test('toPreviewState accepts a saved state and drops what does not belong', () => {
  assert.deepEqual(toPreviewState({ uri: 'file:///a.emend', view: 'final', locked: true, line: 12.5, extra: 1 }), {
    uri: 'file:///a.emend',
    view: 'final',
    locked: true,
    line: 12.5,
  });
  assert.deepEqual(toPreviewState({ uri: 'u', view: 'v', line: -3 }), { uri: 'u', view: 'v', locked: false });
  assert.equal(toPreviewState(null), undefined);
  assert.equal(toPreviewState({ uri: 1, view: 'v' }), undefined);
  assert.equal(toPreviewState('state'), undefined);
});

test('isFromWebview accepts the known messages and nothing else', () => {
  assert.ok(isFromWebview({ type: 'ready' }));
  assert.ok(isFromWebview({ type: 'selectView', view: 'draft' }));
  assert.ok(isFromWebview({ type: 'revealLine', uri: 'u', line: 3.5 }));
  assert.ok(isFromWebview({ type: 'openLine', uri: 'u', line: 0 }));
  assert.ok(isFromWebview({ type: 'toggleLock' }));
  assert.ok(!isFromWebview({ type: 'openLine', uri: 'u', line: -1 }));
  const place = { view: 'final', line: 3, textOffset: 12 };
  assert.ok(isFromWebview({ type: 'openLine', uri: 'u', line: 3, place }), 'a double click on a word');
  assert.ok(!isFromWebview({ type: 'openLine', uri: 'u', line: 3, place: { ...place, view: 'collation' } }));
  assert.ok(!isFromWebview({ type: 'openLine', uri: 'u', line: 3, place: { ...place, textOffset: 1.5 } }));
  assert.ok(!isFromWebview({ type: 'openLine', uri: 'u', line: 3, place: 'x' }));
  assert.ok(!isFromWebview({ type: 'revealLine', uri: 'u', line: Number.NaN }));
  assert.ok(!isFromWebview({ type: 'selectView' }));
  assert.ok(!isFromWebview({ type: 'runCommand', command: 'workbench.action.terminal.new' }));
  assert.ok(!isFromWebview(undefined));
});

function update(over: Partial<Extract<ToWebview, { type: 'update' }>>): Extract<ToWebview, { type: 'update' }> {
  return {
    type: 'update',
    uri: 'file:///a.emend',
    name: 'a.emend',
    version: 5,
    view: 'diplomatic',
    views: [],
    blocks: [],
    locked: false,
    settings: {
      scrollPreviewWithEditor: true,
      scrollEditorWithPreview: true,
      doubleClickToSwitchToEditor: true,
      markEditorSelection: true,
    },
    ...over,
  };
}
const shown = { uri: 'file:///a.emend', view: 'diplomatic', version: 5 };

test('the first update replaces the page and scrolls to the place saved before a reload, or the editor line', () => {
  assert.deepEqual(updateAction(undefined, update({ line: 7 }), 3), { kind: 'replace', line: 3 });
  assert.deepEqual(updateAction(undefined, update({ line: 7 }), undefined), { kind: 'replace', line: 7 });
  assert.deepEqual(updateAction(undefined, update({}), 3), { kind: 'replace', line: 3 });
  assert.deepEqual(updateAction(undefined, update({}), undefined), { kind: 'replace', line: 0 });
});

test('a newer version of the same document and view is a patch', () => {
  assert.deepEqual(updateAction(shown, update({ version: 6 }), undefined), { kind: 'patch' });
  assert.deepEqual(updateAction(shown, update({ version: 5 }), undefined), { kind: 'patch' });
});

test('an answer older than what is shown is ignored', () => {
  assert.deepEqual(updateAction(shown, update({ version: 4 }), undefined), { kind: 'ignore' });
});

test('another document replaces the page at the editor line; another view keeps the reading place', () => {
  assert.deepEqual(updateAction(shown, update({ uri: 'file:///b.emend', version: 1 }), 9), {
    kind: 'replace',
    line: 0,
  });
  assert.deepEqual(updateAction(shown, update({ uri: 'file:///b.emend', line: 4 }), 9), { kind: 'replace', line: 4 });
  assert.deepEqual(updateAction(shown, update({ view: 'final' }), 9), { kind: 'replace', line: 9 });
});

test('the saved state follows the update and keeps the scroll line of the same document', () => {
  assert.deepEqual(
    stateAfterUpdate(
      { uri: 'file:///a.emend', view: 'draft', locked: false, line: 4 },
      update({ view: 'final', locked: true }),
    ),
    { uri: 'file:///a.emend', view: 'final', locked: true, line: 4 },
  );
  assert.deepEqual(stateAfterUpdate({ uri: 'file:///b.emend', view: 'draft', locked: false, line: 4 }, update({})), {
    uri: 'file:///a.emend',
    view: 'diplomatic',
    locked: false,
  });
});
