// host/witness-file.ts on the in-memory host: where a header's witness leads, and reading it, with one set of
// messages for the editor and the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_WITNESS_BYTES } from '../../server/src/core/index';
import { FileError } from '../../server/src/host/files';
import { MemoryHost } from '../../server/src/host/memory';
import { loadWitnessFile, witnessTarget } from '../../server/src/host/witness-file';

test("a witness path leads from the transcription's folder; quotes are dropped", () => {
  assert.deepEqual(witnessTarget('sent.txt', 'file:///w/letters'), {
    uri: 'file:///w/letters/sent.txt',
    name: 'sent.txt',
  });
  assert.deepEqual(witnessTarget(' "../a b.txt" ', 'file:///w/letters'), {
    uri: 'file:///w/a%20b.txt',
    name: '../a b.txt',
  });
  assert.deepEqual(witnessTarget('w.txt', 'vscode-vfs://github/o/r'), {
    uri: 'vscode-vfs://github/o/r/w.txt',
    name: 'w.txt',
  });
});

test('a witness path that leads nowhere says why', () => {
  assert.deepEqual(witnessTarget('  ', 'file:///w'), { error: 'The witness line names no file.' });
  assert.deepEqual(witnessTarget('sent.txt', null), {
    error:
      "The witness sent.txt cannot be found: this transcription is not saved in a folder yet (relative paths start from the transcription's folder).",
  });
  assert.deepEqual(witnessTarget('/srv/sent.txt', null), { uri: 'file:///srv/sent.txt', name: '/srv/sent.txt' });
  assert.deepEqual(witnessTarget('a.emend', 'file:///w', 'file:///w/a.emend'), {
    error: 'A transcription cannot be its own witness.',
  });
});

test('a witness file loads as text, an .emend witness through its final reading', async () => {
  const host = new MemoryHost();
  host.set('file:///w/sent.txt', 'Dear Madam');
  host.set('file:///w/other.emend', 'Dear ~~Sir~~ ^{Madam}');
  const txt = await loadWitnessFile(host, { uri: 'file:///w/sent.txt', name: 'sent.txt' });
  assert.ok('witness' in txt.load && txt.load.witness.text === 'Dear Madam');
  const emend = await loadWitnessFile(host, { uri: 'file:///w/other.emend', name: 'other.emend' });
  assert.ok('witness' in emend.load && emend.load.witness.text === 'Dear Madam');
});

test('an unchanged witness file is not read again', async () => {
  const host = new MemoryHost();
  const target = { uri: 'file:///w/sent.txt', name: 'sent.txt' };
  host.set(target.uri, 'one');
  const first = await loadWitnessFile(host, target);
  assert.equal(await loadWitnessFile(host, target, first), first);
  assert.equal(host.reads.length, 1);
  host.set(target.uri, 'two');
  const second = await loadWitnessFile(host, target, first);
  assert.ok('witness' in second.load && second.load.witness.text === 'two');
});

test('a witness that cannot be used says why, in the same words wherever it is read', async () => {
  const host = new MemoryHost();
  const load = async (name: string) => (await loadWitnessFile(host, { uri: `file:///w/${name}`, name })).load;
  assert.deepEqual(await load('nowhere.txt'), {
    error: 'The witness nowhere.txt was not found (looked for /w/nowhere.txt).',
  });
  host.set('file:///w/dir/inside.txt', 'x');
  assert.deepEqual(await load('dir'), { error: 'The witness dir is a folder, not a file.' });
  host.set('file:///w/junk.bin', Uint8Array.from([0x89, 0x50, 0, 1]));
  assert.deepEqual(await load('junk.bin'), {
    error: 'The witness junk.bin is a binary file, not text: line 1, column 3 holds a NUL byte (offset 2 in the file).',
  });
  host.set('file:///w/latin.txt', Uint8Array.from([0x43, 0x61, 0x66, 0xe9]));
  assert.deepEqual(await load('latin.txt'), {
    error:
      'The witness latin.txt is not valid UTF-8: line 1, column 4 holds the byte 0xE9 (offset 3 in the file); save it as UTF-8.',
  });
  host.set('file:///w/big.txt', new Uint8Array(MAX_WITNESS_BYTES + 1).fill(97));
  assert.deepEqual(await load('big.txt'), {
    error: 'The witness big.txt is too large to compare (16 MB; the limit is 16 MB).',
  });
  host.set('file:///w/locked.txt', 'x');
  host.fail('file:///w/locked.txt', new FileError('permission-denied', 'permission denied'));
  assert.deepEqual(await load('locked.txt'), { error: 'The witness locked.txt cannot be read: permission denied.' });
});
