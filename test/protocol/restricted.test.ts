// Restricted Mode through the language server itself: told the workspace's folders (initializationOptions
// .restrictedTo, as the client does in an untrusted workspace), the server reads a witness inside them, refuses one
// outside with a message that says why, fetches no IIIF image, and still checks the transcription. Without the
// option (a trusted workspace, or any other client) nothing is limited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Diagnostic } from './client';

const base = mkdtempSync(join(tmpdir(), 'emend-restricted-'));
const ws = join(base, 'workspace');
const outside = join(base, 'elsewhere');
mkdirSync(ws);
mkdirSync(outside);
writeFileSync(join(ws, 'inside.txt'), 'one two three');
writeFileSync(join(outside, 'outside.txt'), 'one two three');
const uriOf = (name: string) => pathToFileURL(join(ws, name)).href;

const OUTSIDE =
  'outside the workspace, which is not trusted (in Restricted Mode Emend reads only files inside the workspace; trust it to read this one)';

let restricted: LspClient;
let trusted: LspClient;
before(async () => {
  restricted = await LspClient.start({
    initializationOptions: { fileAccess: false, restrictedTo: [pathToFileURL(ws).href] },
  });
  trusted = await LspClient.start();
});
after(async () => {
  await restricted.stop();
  await trusted.stop();
});

const summary = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.message]);

test('a witness inside the workspace is compared', async () => {
  const uri = uriOf('a.emend');
  await restricted.open(uri, '---\nwitness: inside.txt\n---\none two three');
  assert.deepEqual(summary(await restricted.diagnostics(uri)), []);
});

test('a witness outside the workspace is not read, says why, and the checks still run', async () => {
  const uri = uriOf('b.emend');
  await restricted.open(uri, '---\nwitness: ../elsewhere/outside.txt\n---\none ~~two three');
  assert.deepEqual(summary(await restricted.diagnostics(uri)), [
    ['witness-unavailable', 1, `The witness ../elsewhere/outside.txt cannot be read: ${OUTSIDE}.`],
    ['unclosed-deletion', 3, 'This deletion is never closed; add “~~” where it ends.'],
  ]);
});

test('an absolute path out of the workspace, or one climbing out of it, is refused alike', async () => {
  const uri = uriOf('c.emend');
  const absolute = join(outside, 'outside.txt');
  await restricted.open(uri, `---\nwitness: ${absolute}\n---\none two three`);
  assert.deepEqual(summary(await restricted.diagnostics(uri)), [
    ['witness-unavailable', 1, `The witness ${absolute} cannot be read: ${OUTSIDE}.`],
  ]);
  const climbing = uriOf('d.emend');
  await restricted.open(climbing, '---\nwitness: sub/../../elsewhere/outside.txt\n---\none two three');
  assert.deepEqual(
    (await restricted.diagnostics(climbing)).map((d) => d.code),
    ['witness-unavailable'],
  );
});

test('an IIIF image is not fetched in Restricted Mode, and the viewer gets no location for it', async () => {
  const uri = uriOf('e.emend');
  const iiif = 'https://iiif.example.org/page/info.json';
  await restricted.open(uri, `---\nfacsimile: ${iiif}\n---\none two three`);
  const result = await restricted.conn.sendRequest<{ pages: { location: string | null }[]; errors: string[] }>(
    'emend/facsimile',
    { uri },
  );
  assert.deepEqual(
    result.pages.map((p) => p.location),
    [null],
  );
  assert.deepEqual(result.errors, [
    `The image ${iiif} is not fetched: the workspace is not trusted (in Restricted Mode Emend fetches nothing from the web; trust it to show this image).`,
  ]);
  // Trusted, the same header gives the viewer the image's address.
  await trusted.open(uri, `---\nfacsimile: ${iiif}\n---\none two three`);
  const open = await trusted.conn.sendRequest<{ pages: { location: string | null }[] }>('emend/facsimile', { uri });
  assert.deepEqual(
    open.pages.map((p) => p.location),
    [iiif],
  );
});

test('without the limit (a trusted workspace), the witness outside is compared', async () => {
  const uri = uriOf('b.emend');
  await trusted.open(uri, '---\nwitness: ../elsewhere/outside.txt\n---\none two three');
  assert.deepEqual(summary(await trusted.diagnostics(uri)), []);
});
