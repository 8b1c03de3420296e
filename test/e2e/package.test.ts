// `npm run package` ships only what runs in VS Code, and the .vsix installs cleanly into a fresh profile.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, nodeBinary, ROOT, VSIX } from '../../scripts/vscode/paths';
import { installExtension, profileIn, writeProfile } from '../../scripts/vscode/server';
import { skipUnlessReady } from './harness/prerequisites';
import { zipEntries } from './harness/zip';

/** Every file below a repository folder, as the .vsix names it (under extension/). */
function shipped(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => `extension/${path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join('/')}`);
}

describe('the packaged .vsix', { skip: skipUnlessReady() }, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'emend-e2e-package-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('holds exactly the bundles, grammar, language configuration, media, README, CHANGELOG, LICENSE, the diagnostics doc and manifest', () => {
    const expected = [
      'extension.vsixmanifest',
      '[Content_Types].xml',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/language-configuration.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/docs/diagnostics.md',
      ...shipped('syntaxes'),
      ...shipped('media'),
    ].sort();
    const entries = zipEntries(VSIX)
      .filter((e) => !e.endsWith('/'))
      .sort();
    assert.deepEqual(entries, expected);
    // The sizes, printed, each held to a ceiling an accidental doubling would break (a second copy of a library, an
    // unminified bundle, a Node and a browser bundle shipped again side by side). Each bundle serves both hosts (Node
    // and the browser's web worker); the browser loads both, so they stay near issue 20's 400 KB each
    // (docs/design-notes.md gives the figures).
    const size = (f: string) => statSync(path.join(ROOT, f)).size / 1024;
    const ceilings: Record<string, number> = {
      'emend.vsix': 400,
      'dist/extension.js': 520,
      'dist/server.js': 540,
      'media/facsimile.js': 200,
    };
    console.log(
      `package sizes: ${Object.keys(ceilings)
        .map((f) => `${f} ${size(f).toFixed(0)} KB`)
        .join(', ')}`,
    );
    assert.deepEqual(
      Object.entries(ceilings)
        .filter(([f, max]) => size(f) >= max)
        .map(([f, max]) => `${f}: ${size(f).toFixed(0)} KB, over ${max} KB`),
      [],
    );
  });

  test('ships no sources, source maps, tests, dependencies or caches', () => {
    const leaks = zipEntries(VSIX).filter((e) =>
      /\.(ts|map)$|node_modules|(^|\/)(test|out|\.cache|server|client|scripts)\//.test(e),
    );
    assert.deepEqual(leaks, []);
  });

  test('vsce ls lists the same files the package holds', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const listed = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    const packaged = zipEntries(VSIX)
      .filter((e) => e.startsWith('extension/'))
      .map((e) =>
        e
          .slice('extension/'.length)
          .replace(/^readme\.md$/, 'README.md')
          .replace(/^changelog\.md$/, 'CHANGELOG.md')
          .replace(/^LICENSE\.txt$/, 'LICENSE'),
      )
      .sort();
    assert.deepEqual(listed, packaged);
  });

  test('installs cleanly into a fresh VS Code profile and is listed with its version', () => {
    const profile = profileIn(tmp);
    writeProfile(profile, {});
    const out = installExtension(profile, VSIX);
    assert.match(out, /successfully installed/i);
    const r = spawnSync(
      nodeBinary(),
      [
        codeServerEntry(),
        '--config',
        profile.config,
        '--extensions-dir',
        profile.extensions,
        '--user-data-dir',
        profile.userData,
        '--list-extensions',
        '--show-versions',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const { publisher, name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    assert.ok(r.stdout.split('\n').includes(`${publisher}.${name}@${version}`), `listed: ${r.stdout}`);
  });
});
