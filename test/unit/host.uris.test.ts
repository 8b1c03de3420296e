// host/uris.ts: locations as URIs for any scheme, through vscode-uri.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseName,
  canonicalUri,
  childUri,
  displayLocation,
  fileUri,
  folderAbove,
  parentFolder,
  relativePath,
  resolvePath,
} from '../../server/src/host/uris';
import { rebaseImage } from '../../server/src/host/facsimile-files';

test('a relative path resolves from the folder, on any scheme; an absolute one replaces the path', () => {
  assert.equal(resolvePath('file:///home/a/letters', 'sent.txt'), 'file:///home/a/letters/sent.txt');
  assert.equal(resolvePath('file:///home/a/letters', '../w/sent.txt'), 'file:///home/a/w/sent.txt');
  assert.equal(resolvePath('file:///home/a/letters', '/srv/sent.txt'), 'file:///srv/sent.txt');
  assert.equal(
    resolvePath('vscode-vfs://github/owner/repo/letters', 'sent copy.txt'),
    'vscode-vfs://github/owner/repo/letters/sent%20copy.txt',
  );
  assert.equal(resolvePath('vscode-vfs://github/owner/repo/letters', '/top.txt'), 'vscode-vfs://github/top.txt');
});

test('documents without a folder have no parent folder; the root has nothing above', () => {
  assert.equal(parentFolder('file:///home/a/x.emend'), 'file:///home/a');
  assert.equal(parentFolder('untitled:Untitled-1'), null);
  assert.equal(parentFolder('not a uri'), null);
  assert.equal(parentFolder(''), null);
  assert.equal(folderAbove('file:///home'), 'file:///');
  assert.equal(folderAbove('file:///'), null);
  assert.equal(childUri('file:///home/a', '.emend.json'), 'file:///home/a/.emend.json');
});

test('two spellings of one file compare equal once canonical, as VS Code spells them', () => {
  assert.equal(canonicalUri('file:///tmp/a%20b.txt'), canonicalUri(fileUri('/tmp/a b.txt')));
  assert.equal(canonicalUri('file:///C%3A/x.txt'), canonicalUri('file:///c:/x.txt'));
  assert.equal(displayLocation(fileUri('/tmp/a b.txt')), '/tmp/a b.txt');
  assert.equal(displayLocation('vscode-vfs://github/o/r/a.txt'), 'vscode-vfs://github/o/r/a.txt');
  assert.equal(baseName('file:///tmp/a%20b.txt'), 'a b.txt');
});

test('the relative path from a folder to a file, on one file system; null across file systems', () => {
  assert.equal(relativePath('file:///home/a/letters', 'file:///home/a/letters/p.jpg'), 'p.jpg');
  assert.equal(
    relativePath('file:///home/a/out/tei', 'file:///home/a/letters/scans/p%201.jpg'),
    '../../letters/scans/p 1.jpg',
  );
  assert.equal(relativePath('file:///home/a/letters/scans', 'file:///home/a/letters/p.jpg'), '../p.jpg');
  assert.equal(relativePath('file:///', 'file:///p.jpg'), 'p.jpg');
  assert.equal(relativePath('vscode-vfs://github/o/r/a', 'vscode-vfs://github/o/r/b/p.jpg'), '../b/p.jpg');
  assert.equal(relativePath('file:///home/a', 'vscode-vfs://github/o/r/p.jpg'), null);
});

test('an image named from the transcription, renamed from another file’s folder; web addresses kept', () => {
  const from = 'file:///home/a/letters';
  assert.equal(rebaseImage('scans/p.jpg', from, 'file:///home/a/tei'), '../letters/scans/p.jpg');
  assert.equal(rebaseImage('scans/p.jpg', from, from), 'scans/p.jpg');
  assert.equal(rebaseImage('/srv/p.jpg', from, 'file:///home/a/tei'), '../../../srv/p.jpg');
  assert.equal(rebaseImage('p.jpg', from, 'vscode-vfs://github/o/r'), 'file:///home/a/letters/p.jpg');
  assert.equal(
    rebaseImage('https://iiif.example.org/p/info.json', from, 'file:///x'),
    'https://iiif.example.org/p/info.json',
  );
  assert.equal(rebaseImage('p.jpg', null, 'file:///x'), 'p.jpg');
  assert.equal(rebaseImage('p.jpg', from, null), 'p.jpg');
});
