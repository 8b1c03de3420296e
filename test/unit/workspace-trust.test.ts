// Workspace trust and virtual workspaces: what the manifest declares, the settings reviewed for Restricted Mode, and
// the limit the server applies in an untrusted workspace (host/restricted-files.ts; through the server itself in
// test/protocol/restricted.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileError } from '../../server/src/host/files';
import { MemoryHost } from '../../server/src/host/memory';
import { insideFolders, OUTSIDE_UNTRUSTED_WORKSPACE, restrictedFiles } from '../../server/src/host/restricted-files';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  capabilities: unknown;
  contributes: { configuration: { properties: Record<string, unknown> } };
};

test('the manifest declares limited support in untrusted workspaces and full support in virtual ones', () => {
  assert.deepEqual(pkg.capabilities, {
    untrustedWorkspaces: {
      supported: 'limited',
      description:
        'In Restricted Mode Emend reads no file outside the workspace and fetches nothing from the web: a witness, facsimile image or layout file outside it, an IIIF image and a .emend.json above the workspace are left out, each with a message saying why. Highlighting, diagnostics, quick fixes, hovers, the readings, the preview and export work as in a trusted workspace. Emend runs no program and none of its settings names a file or command.',
    },
    virtualWorkspaces: true,
  });
});

test('every setting was reviewed for Restricted Mode: none names a file, a command or an address', () => {
  // None is in restrictedConfigurations, because none can make Emend read, fetch or run anything: a workspace's
  // value of each is as harmless as the user's. A new setting must be added here, and to restrictedConfigurations
  // if it names a path, a program or a URL.
  assert.deepEqual(Object.keys(pkg.contributes.configuration.properties).sort(), [
    'emend.diagnostics.severity',
    'emend.preview.defaultView',
    'emend.preview.doubleClickToSwitchToEditor',
    'emend.preview.markEditorSelection',
    'emend.preview.scrollEditorWithPreview',
    'emend.preview.scrollPreviewWithEditor',
    'emend.preview.sigla',
    'emend.readings.gap',
    'emend.readings.supplied',
    'emend.tei.addPlace',
    'emend.tei.delRend',
    'emend.tei.hands',
    'emend.tei.lineBreaks',
    'emend.tei.mainHand',
    'emend.tei.otherHand',
  ]);
});

test('inside the folders means the folder itself or below it, on the same scheme and authority', () => {
  const folders = ['file:///home/ada/letters', 'vscode-vfs://github/ada/archive'];
  const cases: [string, boolean][] = [
    ['file:///home/ada/letters', true],
    ['file:///home/ada/letters/a.txt', true],
    ['file:///home/ada/letters/sub/deep/b.txt', true],
    ['file:///home/ada/letters-old/a.txt', false],
    ['file:///home/ada/letters/../secrets.txt', false],
    ['file:///home/ada/letters/sub/../../letters/a.txt', true],
    ['file:///home/ada/.ssh/id_rsa', false],
    ['file:///etc/passwd', false],
    ['vscode-vfs://github/ada/archive/page.xml', true],
    ['vscode-vfs://github/eve/archive/page.xml', false],
    ['https://iiif.example.org/home/ada/letters/info.json', false],
    ['not a uri', false],
  ];
  assert.deepEqual(
    cases.map(([uri]) => [uri, insideFolders(uri, folders)]),
    cases,
  );
  assert.equal(insideFolders('file:///home/ada/letters/a.txt', []), false);
  assert.equal(insideFolders('file:///a/b.txt', ['file:///']), true);
});

test('restricted files read inside the folders, refuse outside with the message, and limit nothing when trusted', async () => {
  const host = new MemoryHost();
  host.set('file:///ws/in.txt', 'in');
  host.set('file:///elsewhere/out.txt', 'out');
  let limit: readonly string[] | null = ['file:///ws'];
  const files = restrictedFiles(host, () => limit);
  assert.equal(new TextDecoder().decode(await files.readFile('file:///ws/in.txt')), 'in');
  assert.equal((await files.stat('file:///ws/in.txt'))?.type, 'file');
  for (const op of [
    () => files.stat('file:///elsewhere/out.txt'),
    () => files.readFile('file:///ws/../elsewhere/out.txt'),
  ]) {
    await assert.rejects(op, (e: unknown) => {
      assert.ok(e instanceof FileError);
      assert.equal(e.kind, 'unavailable');
      assert.equal(e.message, OUTSIDE_UNTRUSTED_WORKSPACE);
      return true;
    });
  }
  limit = null;
  assert.equal(new TextDecoder().decode(await files.readFile('file:///elsewhere/out.txt')), 'out');
});
