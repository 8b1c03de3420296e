// The editor requests in a second real client, Debian's Neovim, headless: the outline, folding and toggleMark answer
// a client that is not VS Code exactly as they answer VS Code. Skipped when `nvim` is missing, unless CI is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runNvim, skipWithoutNvim as skip } from './nvim';

const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

test('Neovim gets the outline, the folding ranges and a toggleMark edit', { skip, timeout: 60_000 }, () => {
  const result = runNvim(
    'nvim-outline.lua',
    'nvim-outline.emend',
    '---\ntitle: A letter\n---\nDear *Gorbachev*,\nwe must ~~eliminate~~ ^{relieve} the concerns.\n\n~~SECRET~~\n',
  );
  assert.equal(result.error, null);
  assert.equal(result.attached, true);
  // Neovim announces hierarchical symbols, so it gets the tree.
  assert.deepEqual(result.symbols, [
    {
      name: 'Header',
      detail: 'A letter',
      kind: 3,
      range: range(0, 0, 2, 3),
      selectionRange: range(0, 0, 0, 3),
      children: [
        {
          name: 'title',
          detail: 'A letter',
          kind: 7,
          range: range(1, 0, 1, 15),
          selectionRange: range(1, 0, 1, 5),
          children: [],
        },
      ],
    },
    {
      name: 'Dear Gorbachev, we must…',
      detail: '1 struck · 1 added · 1 other hand',
      kind: 15,
      range: range(3, 0, 4, 46),
      selectionRange: range(3, 0, 3, 17),
      children: [],
    },
    {
      name: 'SECRET',
      detail: 'struck out',
      kind: 15,
      range: range(6, 0, 6, 10),
      selectionRange: range(6, 0, 6, 10),
      children: [],
    },
  ]);
  assert.deepEqual(result.folds, [
    { startLine: 0, endLine: 2 },
    { startLine: 3, endLine: 4 },
  ]);
  assert.deepEqual(result.toggle, {
    action: 'wrap',
    edits: [
      { range: range(3, 0, 3, 0), newText: '~~' },
      { range: range(3, 4, 3, 4), newText: '~~' },
    ],
    selection: range(3, 2, 3, 6),
  });
  assert.equal(result.stopped, true);
});
