// The server's witness service (lsp/witness.ts) on the in-memory host: what a newcomer's feature test looks like
// when it needs files. No process, no disk: the host is a MemoryHost, the documents a TextDocuments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/index';
import { MemoryHost } from '../../server/src/host/memory';
import { Witnesses } from '../../server/src/lsp/witness';

function service() {
  const host = new MemoryHost();
  const changes: string[][] = [];
  const watched: string[][] = [];
  const witnesses = new Witnesses(new TextDocuments(TextDocument), host, {
    change: (uris) => changes.push(uris),
    watched: (uris) => watched.push(uris),
  });
  return { host, witnesses, changes, watched };
}

const TRANSCRIPTION = 'file:///w/letters/a.emend';
const settle = () => new Promise((r) => setTimeout(r, 80));

test("the header's witness is read through the host and compared", async () => {
  const { host, witnesses } = service();
  host.set('file:///w/letters/sent.txt', 'one two four');
  const analysis = analyze('---\nwitness: sent.txt\n---\none two three');
  assert.deepEqual(
    (await witnesses.problems(TRANSCRIPTION, analysis)).map((p) => p.code),
    ['witness-substitution'],
  );
  const status = await witnesses.status(TRANSCRIPTION, analysis, 'sent.txt');
  assert.equal(status?.found, true);
  assert.equal(status?.location, '/w/letters/sent.txt');
});

test('a changed witness file tells the transcriptions naming it, and is read again', async () => {
  const { host, witnesses, changes, watched } = service();
  host.set('file:///w/letters/sent.txt', 'one two four');
  const analysis = analyze('---\nwitness: sent.txt\n---\none two three');
  await witnesses.problems(TRANSCRIPTION, analysis);
  await settle();
  assert.deepEqual(watched, [['file:///w/letters/sent.txt']]);
  host.set('file:///w/letters/sent.txt', 'one two three');
  assert.deepEqual(changes, [[TRANSCRIPTION]]);
  assert.deepEqual(await witnesses.problems(TRANSCRIPTION, analysis), []);
});

test('a missing witness is not found, a folder is found but unusable, and unsaved text counts', async () => {
  const { host, witnesses } = service();
  const analysis = analyze('---\nwitness: sent.txt\n---\none two three');
  assert.deepEqual(await witnesses.status(TRANSCRIPTION, analysis, 'sent.txt'), {
    location: '/w/letters/sent.txt',
    found: false,
  });
  host.set('file:///w/letters/sent.txt/inside', 'x');
  assert.deepEqual(await witnesses.status(TRANSCRIPTION, analysis, 'sent.txt'), {
    location: '/w/letters/sent.txt',
    found: true,
    error: 'The witness sent.txt is a folder, not a file.',
  });
  witnesses.forward('file:///w/letters/sent.txt', 1, 'one two three');
  assert.deepEqual(await witnesses.problems(TRANSCRIPTION, analysis), []);
});
