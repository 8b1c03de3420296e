import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryHost } from '../../server/src/host/memory';
import { FileError } from '../../server/src/host/files';
import { facsimileTarget, loadImage, loadLayout, type FacsimileCache } from '../../server/src/host/facsimile-files';

const KANT = join(__dirname, '..', '..', '..', 'samples', 'kant-1784');

test('the facsimile files through the host: found beside the transcription, read once while unchanged', async () => {
  const host = new MemoryHost();
  host.set('memfs:/t/page.jpg', readFileSync(join(KANT, 'page.jpg')));
  host.set('memfs:/t/ocr.page.xml', readFileSync(join(KANT, 'ocr-tesseract.page.xml')));
  const target = facsimileTarget('page.jpg', 'memfs:/t/');
  assert.deepEqual(target, { uri: 'memfs:/t/page.jpg' });
  assert.deepEqual(facsimileTarget('https://iiif.example/x/info.json', 'memfs:/t/'), {
    uri: 'https://iiif.example/x/info.json',
  });
  assert.match((facsimileTarget('page.jpg', null) as { error: string }).error, /not saved in a folder yet/);
  const cache: FacsimileCache = new Map();
  const image = await loadImage(host, 'page.jpg', 'memfs:/t/page.jpg', cache);
  assert.deepEqual(image, { name: 'page.jpg', info: { format: 'jpeg', width: 1457, height: 2084 } });
  const layout = await loadLayout(host, 'ocr.page.xml', 'memfs:/t/ocr.page.xml', cache);
  assert.ok(layout.ok && layout.layout.pages[0]!.lines.length === 31);
  const reads = host.reads.length;
  await loadLayout(host, 'ocr.page.xml', 'memfs:/t/ocr.page.xml', cache);
  assert.equal(host.reads.length, reads, 'an unchanged layout is not read again');
  assert.deepEqual(await loadImage(host, 'x', 'https://iiif.example/x/info.json'), { name: 'x', remote: true });
});

test('the facsimile files through the host: missing, a folder, unreadable, not an image', async () => {
  const host = new MemoryHost();
  host.set('memfs:/t/notes.txt', 'hello');
  host.set('memfs:/t/sub/a.txt', 'x');
  host.set('memfs:/t/locked.xml', '<alto/>');
  host.fail('memfs:/t/locked.xml', new FileError('permission-denied', 'permission denied'));
  const missing = await loadImage(host, 'gone.jpg', 'memfs:/t/gone.jpg');
  assert.match((missing as { error: string }).error, /^The image gone.jpg was not found \(looked for .*gone.jpg\)\.$/);
  const text = await loadImage(host, 'notes.txt', 'memfs:/t/notes.txt');
  assert.match((text as { error: string }).error, /notes.txt is not an image Emend can show/);
  const folder = await loadLayout(host, 'sub', 'memfs:/t/sub');
  assert.ok(!folder.ok && /is a folder/.test(folder.error), JSON.stringify(folder));
  const locked = await loadLayout(host, 'locked.xml', 'memfs:/t/locked.xml');
  assert.ok(!locked.ok && /cannot be read: permission denied/.test(locked.error), JSON.stringify(locked));
});
