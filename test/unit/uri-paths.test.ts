import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseName, relativePath, stem, type UriParts } from '../../client/src/uri-paths';

const file = (path: string): UriParts => ({ scheme: 'file', authority: '', path });
const repo = (path: string, authority = 'github'): UriParts => ({ scheme: 'vscode-vfs', authority, path });

test('a name is the last segment of the path, on any scheme', () => {
  assert.equal(baseName(file('/home/ann/letters/draft.emend')), 'draft.emend');
  assert.equal(baseName(repo('/owner/repo/sent letter.txt')), 'sent letter.txt');
  assert.equal(baseName({ scheme: 'untitled', authority: '', path: 'Untitled-1' }), 'Untitled-1');
});

test('a stem drops the given extension, whatever its case, but never the whole name', () => {
  assert.equal(stem(file('/a/draft.emend'), '.emend'), 'draft');
  assert.equal(stem(file('/a/DRAFT.EMEND'), '.emend'), 'DRAFT');
  assert.equal(stem(file('/a/draft.txt'), '.emend'), 'draft.txt');
  assert.equal(stem(file('/a/.emend'), '.emend'), '.emend');
});

test('relative paths from the folder of a file, down, up and across', () => {
  assert.equal(relativePath(file('/w/draft.emend'), file('/w/sent.txt')), 'sent.txt');
  assert.equal(relativePath(file('/w/draft.emend'), file('/w/witnesses/sent.txt')), 'witnesses/sent.txt');
  assert.equal(relativePath(file('/w/a/draft.emend'), file('/w/sent.txt')), '../sent.txt');
  assert.equal(relativePath(file('/w/a/b/draft.emend'), file('/w/c/sent.txt')), '../../c/sent.txt');
  assert.equal(relativePath(file('/draft.emend'), file('/sent.txt')), 'sent.txt');
  // A folder named like the target file is not the file.
  assert.equal(relativePath(file('/w/sent.txt/draft.emend'), file('/w/sent.txt')), '../sent.txt');
});

test('in a repository opened in github.dev, paths stay inside the repository', () => {
  assert.equal(relativePath(repo('/ann/letters/1985/draft.emend'), repo('/ann/letters/sent.txt')), '../sent.txt');
});

test('no relative path to another file system, repository or drive', () => {
  assert.equal(relativePath(file('/w/draft.emend'), repo('/w/sent.txt')), null);
  assert.equal(relativePath(repo('/w/draft.emend', 'github'), repo('/w/sent.txt', 'other')), null);
  assert.equal(relativePath(file('/c:/w/draft.emend'), file('/d:/w/sent.txt')), null);
  assert.equal(relativePath({ scheme: 'untitled', authority: '', path: 'Untitled-1' }, file('/w/sent.txt')), null);
});

test('a Windows drive compares without case, as the file system does', () => {
  assert.equal(relativePath(file('/c:/w/draft.emend'), file('/C:/w/sent.txt')), 'sent.txt');
  assert.equal(relativePath(file('/c:/w/a/draft.emend'), file('/c:/sent.txt')), '../../sent.txt');
  assert.equal(relativePath(repo('/w/draft.emend', 'GitHub'), repo('/w/sent.txt', 'github')), 'sent.txt');
});
