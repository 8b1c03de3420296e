// host/project-file.ts on the in-memory host: the nearest .emend.json applies, with one set of messages for the
// editor and `emend check`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileError } from '../../server/src/host/files';
import { MemoryHost } from '../../server/src/host/memory';
import { loadProjectFile, MAX_PROJECT_FILE_BYTES, ProjectFiles } from '../../server/src/host/project-file';

const ROOT = 'file:///w';

test('the nearest project file in the folder or above applies', async () => {
  const host = new MemoryHost();
  host.set(`${ROOT}/.emend.json`, '{"severity": {"stray-closer": "error"}}');
  host.set(`${ROOT}/quiet/.emend.json`, '{"severity": {"stray-closer": "off"}}');
  host.set(`${ROOT}/quiet/deeper/a.emend`, 'x');
  const projects = new ProjectFiles(host);
  assert.deepEqual(await projects.forFolder(`${ROOT}/quiet/deeper`), {
    uri: `${ROOT}/quiet/.emend.json`,
    config: { severity: { 'stray-closer': 'off' } },
    errors: [],
  });
  assert.equal((await projects.forFolder(`${ROOT}/other`)).uri, `${ROOT}/.emend.json`);
  assert.deepEqual(await projects.forFolder('file:///elsewhere'), { uri: null, config: { severity: {} }, errors: [] });
});

test('each folder is looked at once until the cache is cleared', async () => {
  const host = new MemoryHost();
  host.set(`${ROOT}/.emend.json`, '{}');
  const projects = new ProjectFiles(host);
  await Promise.all([projects.forFolder(`${ROOT}/a/b`), projects.forFolder(`${ROOT}/a/b`), projects.forFolder(ROOT)]);
  assert.equal(host.reads.length, 1);
  host.set(`${ROOT}/a/.emend.json`, '{"severity": {"empty-mark": "error"}}');
  assert.equal((await projects.forFolder(`${ROOT}/a/b`)).uri, `${ROOT}/.emend.json`);
  projects.clear();
  assert.equal((await projects.forFolder(`${ROOT}/a/b`)).uri, `${ROOT}/a/.emend.json`);
});

test('a folder named .emend.json is passed over; a place the host cannot look at is too', async () => {
  const host = new MemoryHost();
  host.set(`${ROOT}/.emend.json`, '{"severity": {"empty-mark": "off"}}');
  host.set(`${ROOT}/a/.emend.json/inside.txt`, 'x');
  host.fail(`${ROOT}/a/b/.emend.json`, new FileError('unavailable', 'the editor does not share its files'));
  assert.equal((await new ProjectFiles(host).forFolder(`${ROOT}/a/b`)).uri, `${ROOT}/.emend.json`);
});

test('a broken project file is reported with its location, and what is valid still applies', async () => {
  const host = new MemoryHost();
  const uri = `${ROOT}/.emend.json`;
  host.set(uri, '{"severity": {"empty-mark": "error", "no-such-code": "off"}, "extra": 1}');
  assert.deepEqual(await loadProjectFile(host, uri), {
    uri,
    config: { severity: { 'empty-mark': 'error' } },
    errors: ['/w/.emend.json: unknown problem code "no-such-code"', '/w/.emend.json: unknown key "extra"'],
  });
  host.set(uri, '{ "severity": ');
  assert.match((await loadProjectFile(host, uri)).errors[0]!, /^\/w\/\.emend\.json: \.emend\.json is not valid JSON/);
});

test('an unreadable, binary, mis-encoded or huge project file is reported, never skipped', async () => {
  const host = new MemoryHost();
  const uri = `${ROOT}/.emend.json`;
  const errorsFor = async () => (await new ProjectFiles(host).forFolder(`${ROOT}/x`)).errors;
  host.set(uri, '{}');
  host.fail(uri, new FileError('permission-denied', 'permission denied'));
  assert.deepEqual(await errorsFor(), ['/w/.emend.json: cannot be read: permission denied']);
  host.set(uri, Uint8Array.from([0x7b, 0xe9, 0x7d]));
  assert.deepEqual(await errorsFor(), [
    '/w/.emend.json: is not valid UTF-8: line 1, column 2 holds the byte 0xE9 (offset 1 in the file); save it as UTF-8',
  ]);
  host.set(uri, new Uint8Array(MAX_PROJECT_FILE_BYTES + 1).fill(32));
  assert.deepEqual(await errorsFor(), ['/w/.emend.json: is too large (1.0 MB; the limit is 1.0 MB)']);
  assert.deepEqual((await loadProjectFile(host, `${ROOT}/none.json`)).errors, [
    '/w/none.json: no such file or directory',
  ]);
});
