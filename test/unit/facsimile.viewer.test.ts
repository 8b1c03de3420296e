import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  boxOnStage,
  fitPage,
  fitWidth,
  reveal,
  rotate,
  toImage,
  toStage,
  wordAtPoint,
  zoomAt,
  type View,
} from '../../client/src/facsimile/view-transform';
import { isFromFacsimile, toFacsimileState, wordAtOffset } from '../../client/src/facsimile/messages';
import { facsimilePolicy, facsimileShell } from '../../client/src/facsimile/webview-html';

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);
const image = { width: 1000, height: 2000 };
const stage = { width: 500, height: 500 };

test('fit page centres the whole page; fit width fills the width from the top', () => {
  const p = fitPage(image, stage, 0);
  assert.deepEqual(p, { scale: 0.25, turns: 0, tx: 125, ty: 0 });
  const w = fitWidth(image, stage, 0);
  assert.deepEqual(w, { scale: 0.5, turns: 0, tx: 0, ty: 0 });
});

test('every quarter turn maps image points to the stage and back', () => {
  for (let turns = 0; turns < 4; turns++) {
    const v = fitPage(image, stage, turns);
    const [sx, sy] = toStage(v, 321, 654);
    const [x, y] = toImage(v, sx, sy);
    near(x, 321);
    near(y, 654);
    const [bx, by, bw, bh] = boxOnStage(v, [0, 0, image.width, image.height]);
    assert.ok(bx >= -1e-9 && by >= -1e-9 && bx + bw <= 500 + 1e-9 && by + bh <= 500 + 1e-9, `turns ${turns}`);
  }
  const turned = fitPage(image, stage, 1);
  assert.equal(turned.scale, 0.25); // the rotated page is 2000 wide
});

test('zooming keeps the point under the pointer still; rotating keeps the centre', () => {
  const v: View = { scale: 0.5, turns: 0, tx: 10, ty: 20 };
  const before = toImage(v, 200, 100);
  const z = zoomAt(v, 2, 200, 100);
  assert.equal(z.scale, 1);
  const after = toImage(z, 200, 100);
  near(after[0], before[0]);
  near(after[1], before[1]);
  const centre = toImage(v, 250, 250);
  const r = rotate(v, stage);
  assert.equal(r.turns, 1);
  const c2 = toImage(r, 250, 250);
  near(c2[0], centre[0]);
  near(c2[1], centre[1]);
});

test('reveal leaves a visible box alone and centres one out of view', () => {
  const v: View = { scale: 1, turns: 0, tx: 0, ty: 0 };
  assert.equal(reveal(v, [100, 100, 50, 20], stage), v);
  const moved = reveal(v, [900, 1500, 50, 20], stage);
  const [x, y, w, h] = boxOnStage(moved, [900, 1500, 50, 20]);
  near(x + w / 2, 250);
  near(y + h / 2, 250);
});

test('the word under a point: the smallest box, a word before a line box, on its page only', () => {
  const words = [
    { page: 0, box: [0, 0, 100, 30] as [number, number, number, number], approximate: true },
    { page: 0, box: [10, 0, 30, 30] as [number, number, number, number], approximate: false },
    { page: 1, box: [10, 0, 20, 30] as [number, number, number, number], approximate: false },
    { page: 0, box: null, approximate: false },
  ];
  assert.equal(wordAtPoint(words, 0, 20, 10), 1);
  assert.equal(wordAtPoint(words, 0, 80, 10), 0);
  assert.equal(wordAtPoint(words, 0, 200, 10), -1);
  assert.equal(wordAtPoint(words, 1, 20, 10), 2);
});

test('the word at a cursor offset, by binary search over the words in order', () => {
  const words = [
    { start: 0, end: 4 },
    { start: 5, end: 9 },
    { start: 12, end: 15 },
  ];
  assert.equal(wordAtOffset(words, 0), 0);
  assert.equal(wordAtOffset(words, 4), 0);
  assert.equal(wordAtOffset(words, 7), 1);
  assert.equal(wordAtOffset(words, 10), -1);
  assert.equal(wordAtOffset(words, 15), 2);
  assert.equal(wordAtOffset([], 3), -1);
});

test('messages from the webview are checked; saved state is read back defensively', () => {
  assert.ok(isFromFacsimile({ type: 'selectWord', uri: 'file:///a', start: 1, end: 3 }));
  assert.ok(!isFromFacsimile({ type: 'selectWord', uri: 'file:///a', start: -1, end: 3 }));
  assert.ok(!isFromFacsimile({ type: 'run', code: 'x' }));
  assert.ok(isFromFacsimile({ type: 'draw', uri: 'file:///a', page: 0, box: [-3, 4, 50, 20] }));
  assert.ok(!isFromFacsimile({ type: 'draw', uri: 'file:///a', page: 0, box: [1, 2, 3] }));
  assert.ok(!isFromFacsimile({ type: 'draw', uri: 'file:///a', page: -1, box: [1, 2, 3, 4] }));
  assert.ok(!isFromFacsimile({ type: 'draw', uri: 'file:///a', page: 0, box: [1, 2, 3, NaN] }));
  assert.deepEqual(toFacsimileState({ uri: 'file:///a', locked: true, page: 2, rotation: 270 }), {
    uri: 'file:///a',
    locked: true,
    page: 2,
    rotation: 270,
  });
  assert.equal(toFacsimileState({ page: 1 }), undefined);
});

test('the shell: strict CSP, https only beyond the webview, one nonced script, escaped state', () => {
  const policy = facsimilePolicy('vscode-resource:', 'abc');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'nonce-abc'/);
  assert.match(policy, /img-src vscode-resource: https: blob:/);
  assert.doesNotMatch(policy, /unsafe|http:|\*/);
  const html = facsimileShell({
    cspSource: 'vscode-resource:',
    nonce: 'abc',
    scriptUri: 'x.js',
    styleUri: 'x.css',
    state: { uri: 'file:///"><script>alert(1)</script>', locked: false, page: 0, rotation: 0 },
  });
  assert.equal(html.match(/<script/g)!.length, 1);
  assert.match(html, /<script nonce="abc" src="x.js"><\/script>/);
  assert.doesNotMatch(html, /"><script>alert/);
  for (const id of [
    'emend-zoom-in',
    'emend-zoom-out',
    'emend-fit-width',
    'emend-fit-page',
    'emend-rotate',
    'emend-facsimile-stage',
  ]) {
    assert.match(html, new RegExp(`id="${id}"`));
  }
});
