import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, TEST_DIR } from './client';

const TEXT = 'a ~~ b~~ c ^{d';

function codes(ds: { code?: string | number; severity?: number }[]): [string, number][] {
  return ds.map((d) => [String(d.code), d.severity!]);
}

/** A folder with an optional `.emend.json` and a document URI inside a subfolder of it. */
function project(name: string, config?: string): { dir: string; uri: string; file: string } {
  const dir = join(TEST_DIR, name);
  mkdirSync(join(dir, 'letters'), { recursive: true });
  const file = join(dir, '.emend.json');
  if (config !== undefined) writeFileSync(file, config);
  return { dir, file, uri: pathToFileURL(join(dir, 'letters', 'draft.emend')).href };
}

test('the server pulls the emend section for the document (scopeUri) and applies its severities', async () => {
  const c = await LspClient.start();
  try {
    c.settings = (item) =>
      item.section === 'emend'
        ? { diagnostics: { severity: { 'space-inside-mark': 'error', 'unclosed-insertion': 'off' } } }
        : null;
    const { uri } = project('pulled');
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [['space-inside-mark', 1]]);
    assert.deepEqual(c.configurationRequests, [{ scopeUri: uri, section: 'emend' }]);
    // Cached: a second pull does not ask again.
    await c.diagnostics(uri);
    assert.equal(c.configurationRequests.length, 1);
  } finally {
    await c.stop();
  }
});

test('didChangeConfiguration drops the cache, asks for a refresh, and the next pull uses the new value', async () => {
  const c = await LspClient.start();
  try {
    let level = 'hint';
    c.settings = () => ({ diagnostics: { severity: { 'unclosed-insertion': level } } });
    const { uri } = project('changed');
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 4],
    ]);
    level = 'warning';
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.until(() => c.refreshes === 1);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 2],
    ]);
    assert.equal(c.configurationRequests.length, 2);
  } finally {
    await c.stop();
  }
});

test('the nearest .emend.json applies; the user setting overrides it code by code', async () => {
  const c = await LspClient.start();
  try {
    const { uri } = project(
      'house',
      JSON.stringify({ severity: { 'space-inside-mark': 'off', 'unclosed-insertion': 'warning' } }),
    );
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [['unclosed-insertion', 2]]);
    c.settings = () => ({ diagnostics: { severity: { 'unclosed-insertion': 'information' } } });
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await c.diagnostics(uri)), [['unclosed-insertion', 3]]);
  } finally {
    await c.stop();
  }
});

test('a changed, removed or broken .emend.json is reread when the client reports it, and errors are shown', async () => {
  const c = await LspClient.start();
  try {
    const { uri, file } = project('edited', JSON.stringify({ severity: { 'space-inside-mark': 'off' } }));
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [['unclosed-insertion', 1]]);
    const fileUri = pathToFileURL(file).href;

    writeFileSync(file, JSON.stringify({ severity: { 'space-inside-mark': 'error', 'no-such-code': 'off' } }));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    await c.until(() => c.refreshes === 1);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 1],
      ['unclosed-insertion', 1],
    ]);
    assert.deepEqual(c.messages, [{ type: 2, message: `${file}: unknown problem code "no-such-code"` }]);

    writeFileSync(file, '{ "severity": ');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    await c.until(() => c.refreshes === 2);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 1],
    ]);
    assert.match(c.messages[1]!.message, /\.emend\.json is not valid JSON/);

    rmSync(file);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 3 }] });
    await c.until(() => c.refreshes === 3);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 1],
    ]);
  } finally {
    await c.stop();
  }
});

test('an invalid setting is reported once and the valid entries still apply', async () => {
  const c = await LspClient.start();
  try {
    c.settings = () => ({ diagnostics: { severity: { 'space-inside-mark': 'loud', 'unclosed-insertion': 'hint' } } });
    const { uri } = project('invalid');
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 4],
    ]);
    assert.deepEqual(
      c.messages.map((m) => m.message),
      ['emend.diagnostics.severity: "space-inside-mark" must be one of off, hint, information, warning, error'],
    );
  } finally {
    await c.stop();
  }
});

test('a client without workspace/configuration or refresh support still gets diagnostics', async () => {
  const c = await LspClient.start({ capabilities: {} });
  try {
    const { uri } = project('plain');
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 1],
    ]);
    await c.notify('workspace/didChangeConfiguration', { settings: { emend: {} } });
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 1],
    ]);
    assert.deepEqual(c.configurationRequests, []);
    assert.equal(c.refreshes, 0);
  } finally {
    await c.stop();
  }
});

test('a client that fails workspace/configuration still gets diagnostics with the defaults, and is asked again later', async () => {
  const c = await LspClient.start();
  try {
    c.settings = () => {
      throw new Error('settings unavailable');
    };
    const { uri } = project('failing');
    await c.open(uri, TEXT);
    assert.deepEqual(codes(await c.diagnostics(uri)), [
      ['space-inside-mark', 3],
      ['unclosed-insertion', 1],
    ]);
    c.settings = () => ({ diagnostics: { severity: { 'space-inside-mark': 'off' } } });
    assert.deepEqual(codes(await c.diagnostics(uri)), [['unclosed-insertion', 1]]);
    assert.ok(c.alive);
  } finally {
    await c.stop();
  }
});

test('emend.readings.* are pulled per resource and shape the readings, the preview, hovers and mapped places', async () => {
  const c = await LspClient.start();
  try {
    const text = 'I +{am} _{2 words} sure.';
    const plainDoc = project('readings-plain').uri;
    const houseDoc = project('readings-house', JSON.stringify({ supplied: 'plain' })).uri;
    const defaultDoc = project('readings-default').uri;
    let plainGap = 'description';
    c.settings = (item) => {
      if (item.section !== 'emend') return null;
      if (item.scopeUri === plainDoc) return { readings: { supplied: 'plain', gap: plainGap } };
      return { readings: { supplied: 'default', gap: 'default' } };
    };
    for (const uri of [plainDoc, houseDoc, defaultDoc]) await c.open(uri, text);
    const final = async (uri: string) =>
      ((await c.request('emend/reading', { uri, kind: 'final' })) as { text: string }).text;
    assert.equal(await final(plainDoc), 'I am [2 words illegible] sure.');
    assert.equal(await final(houseDoc), 'I am […] sure.', 'default leaves the word to .emend.json');
    assert.equal(await final(defaultDoc), 'I [am] […] sure.');
    assert.ok(c.configurationRequests.some((i) => i.scopeUri === plainDoc && i.section === 'emend'));
    assert.ok(c.configurationRequests.some((i) => i.scopeUri === houseDoc && i.section === 'emend'));

    const rendered = (await c.request('emend/render', { uri: plainDoc, view: 'final', page: true })) as {
      blocks: { html: string }[];
      page: string;
    };
    assert.match(
      rendered.blocks.at(-1)!.html,
      /I <span class="emend-supplied">am<\/span> \[2 words illegible\] sure\./,
    );
    assert.match(rendered.page, /\[2 words illegible\]/);
    // "sure" in the final reading maps to "sure" in the source, in the reading the settings make.
    assert.deepEqual(
      await c.request('emend/mapPosition', {
        uri: plainDoc,
        kind: 'final',
        position: { line: 0, character: 'I am [2 words illegible] '.length },
        direction: 'toSource',
      }),
      { position: { line: 0, character: text.indexOf('sure') } },
    );
    const hover = (await c.request('textDocument/hover', {
      textDocument: { uri: plainDoc },
      position: { line: 0, character: 4 },
    })) as { contents: { value: string } } | null;
    assert.ok(hover && !hover.contents.value.includes('[am]'), hover?.contents.value);

    // The setting changes: the next request gives the new reading.
    plainGap = 'ellipsis';
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    assert.equal(await final(plainDoc), 'I am […] sure.');
    assert.equal(await final(defaultDoc), 'I [am] […] sure.');
  } finally {
    await c.stop();
  }
});

test('emend.preview.sigla is pulled per resource and chooses how the diplomatic view draws the editorial marks', async () => {
  const c = await LspClient.start();
  try {
    const leiden = project('sigla-leiden').uri;
    const styled = project('sigla-editorial').uri;
    c.settings = (item) =>
      item.section === 'emend' ? { preview: { sigla: item.scopeUri === leiden ? 'leiden' : 'editorial' } } : null;
    for (const uri of [leiden, styled]) await c.open(uri, 'a +lost{b} _lost{ca. 5 letters} c');
    const html = async (uri: string) =>
      ((await c.request('emend/render', { uri, view: 'diplomatic' })) as { blocks: { html: string }[] }).blocks.at(-1)!
        .html;
    assert.match(await html(leiden), /emend-supplied emend-leiden emend-supplied-lost/);
    assert.match(await html(leiden), />\[ca\. 5\]</);
    assert.match(await html(styled), />\[about 5 letters lost\]</);
  } finally {
    await c.stop();
  }
});

test('a changed .emend.json tells the client to render its views again; a changed user setting does not', async () => {
  const c = await LspClient.start();
  try {
    const { uri, file } = project('views', JSON.stringify({ supplied: 'brackets' }));
    await c.open(uri, 'He +{was} here.');
    const final = async () => ((await c.request('emend/reading', { uri, kind: 'final' })) as { text: string }).text;
    assert.equal(await final(), 'He [was] here.');
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.until(() => c.refreshes === 1);
    assert.equal(c.projectFileChanges, 0);
    writeFileSync(file, JSON.stringify({ supplied: 'plain' }));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await c.until(() => c.projectFileChanges === 1);
    assert.equal(await final(), 'He was here.');
  } finally {
    await c.stop();
  }
});
