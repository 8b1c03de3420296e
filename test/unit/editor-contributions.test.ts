// The editor's commands, as contributed in package.json, registered by the client and documented in
// docs/editor.md, must agree: a command missing from one of the three is a broken palette entry or a lie in the docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
  };
};
const doc = readFileSync(join(ROOT, 'docs', 'editor.md'), 'utf8');
const EDITOR_DIRS = ['editing', 'navigation', 'readings', 'server', 'status'];

function registeredByEditorParts(): Set<string> {
  const ids = new Set<string>();
  for (const dir of EDITOR_DIRS) {
    for (const name of readdirSync(join(ROOT, 'client', 'src', dir))) {
      const src = readFileSync(join(ROOT, 'client', 'src', dir, name), 'utf8');
      for (const m of src.matchAll(/'(emend\.[A-Za-z]+)'/g)) {
        if (src.includes(`registerCommand('${m[1]}'`) || new RegExp(`\\['${m[1]!.replace('.', '\\.')}', '`).test(src))
          ids.add(m[1]!);
      }
    }
  }
  return ids;
}

/** Command ids in the docs' tables: rows starting with | `emend.x` |. */
function documented(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const m = /^\| `(emend\.[A-Za-z]+)` \|(.*)\|$/.exec(line);
    if (m)
      rows.set(
        m[1]!,
        m[2]!.split('|').map((c) => c.trim()),
      );
  }
  return rows;
}

test('every command the editor parts register is documented in docs/editor.md, and every documented one is registered', () => {
  assert.deepEqual([...registeredByEditorParts()].sort(), [...documented().keys()].sort());
});

test('each documented command is contributed with the documented title, in the Emend category', () => {
  for (const [id, cells] of documented()) {
    const c = pkg.contributes.commands.find((x) => x.command === id);
    assert.ok(c, `${id} is not in contributes.commands`);
    assert.equal(c.category, 'Emend', id);
    assert.ok(
      cells[0]!.startsWith(`Emend: ${c.title}`),
      `${id}: docs say "${cells[0]}", package.json "Emend: ${c.title}"`,
    );
  }
});

function label(key: string): string {
  return key
    .split(' ')
    .map((part) =>
      part
        .split('+')
        .map((k) => (k === 'cmd' ? 'Cmd' : k.length === 1 ? k.toUpperCase() : k[0]!.toUpperCase() + k.slice(1)))
        .join('+'),
    )
    .join(' ');
}

test('the documented keys are the contributed keybindings, only in Emend editors', () => {
  for (const kb of pkg.contributes.keybindings.filter((k) => documented().has(k.command))) {
    const cells = documented().get(kb.command)!;
    assert.equal(cells[1], `\`${label(kb.key)}\` / \`${label(kb.mac!)}\``, kb.command);
    assert.match(kb.when ?? '', /editorLangId == emend/, kb.command);
  }
});

test('no two contributed keybindings share a key under overlapping conditions', () => {
  const seen = new Map<string, string>();
  for (const kb of pkg.contributes.keybindings) {
    for (const key of [kb.key, kb.mac ?? kb.key]) {
      const k = `${key}|${kb.when ?? ''}`;
      assert.ok(!seen.has(k) || seen.get(k) === kb.command, `${key} is bound to both ${seen.get(k)} and ${kb.command}`);
      seen.set(k, kb.command);
    }
  }
});

test('the editorial mark commands each have a Shift+Alt+E chord, a palette entry and a place in the Emend menu', () => {
  const menus = (pkg.contributes as unknown as { menus: Record<string, { command?: string; when?: string }[]> }).menus;
  const ids = [
    'emend.markSupplied',
    'emend.markUnclear',
    'emend.addNote',
    'emend.insertGap',
    'emend.insertPageBreak',
    'emend.setPlacement',
  ];
  const chords = new Set<string>();
  for (const id of [...ids, 'emend.nextEditorialMark', 'emend.previousEditorialMark']) {
    const kb = pkg.contributes.keybindings.find((k) => k.command === id);
    assert.ok(kb, `${id} has no keybinding`);
    assert.match(kb.key, /^shift\+alt\+e \S+$/, id);
    assert.equal(kb.mac, kb.key.replace('shift+alt+e', 'cmd+alt+e'), id);
    assert.equal(kb.when, 'editorTextFocus && editorLangId == emend', id);
    chords.add(kb.key);
    const palette = menus['commandPalette']!.find((m) => m.command === id);
    assert.equal(palette?.when, 'editorLangId == emend', `${id} in the palette`);
  }
  assert.equal(chords.size, 8);
  for (const id of ids)
    assert.ok(
      menus['emend.editor.context']!.some((m) => m.command === id),
      `${id} in the menu`,
    );
  // The chord's second keys already taken by other Emend commands stay theirs.
  const others = pkg.contributes.keybindings.filter((k) => k.key.startsWith('shift+alt+e ') && !chords.has(k.key));
  assert.deepEqual(others.map((k) => k.key.slice('shift+alt+e '.length)).sort(), [
    'b',
    'd',
    'f',
    'h',
    'i',
    'l',
    'n',
    'p',
    'shift+f',
  ]);
});
