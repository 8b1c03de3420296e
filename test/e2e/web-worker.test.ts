// Emend in VS Code's web worker extension host, as on vscode.dev and github.dev: code-server is told to run the
// extension there (the user setting `remote.extensionKind` set to `["web"]` for emend.emend makes VS Code pick the
// manifest's `browser` entry, dist/extension.js, taking its browser path, and run it in the browser's extension host worker; the
// language server then runs in a web worker of its own). The group checks that it really runs there, then what a
// user sees: the language, a diagnostic and its quick fix, a hover, the preview, a witness comparison, the facsimile
// with its word links and TEI export, with the facsimile's zones (the files read and written through the editor's
// file system). Last,
// the time from opening a .emend file to its first diagnostic, in the web worker and in the Node extension host
// (and VS Code's own Markdown language features beside them), printed, never asserted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skipUnlessReady } from './harness/prerequisites';
import { openVsCode, type Session } from './harness/session';
import {
  clickText,
  editorLines,
  hoverOver,
  languageMode,
  openQuickFix,
  previewFrame,
  problemRows,
  runCommand,
  runFromPalette,
  until,
  waitForText,
} from './harness/ui';

declare const document: any;

/** Runs Emend in the web worker extension host instead of code-server's Node one. */
export const IN_WEB_WORKER = { 'remote.extensionKind': { 'emend.emend': ['web'] } };

/** The Kant page and its scan and layout (samples/kant-1784), for the facsimile. */
const KANT = [
  ...['kant-1784-p484.emend', 'page.jpg', 'ocr-tesseract.page.xml'].map((f) => `samples/kant-1784/${f}`),
  // The same page with no layout, for a box drawn on the scan (a new PAGE file written through workspace.fs).
  'test/e2e/extra/kant-draw.emend',
];

/** code-server's own (Node) extension host log of a session. */
function nodeHostLog(s: Session): string {
  const logs = path.join(path.dirname(s.workspace), 'profile', 'user-data', 'logs');
  let out = '';
  for (const name of readdirSync(logs, { recursive: true }) as string[])
    if (name.endsWith('remoteexthost.log')) out += readFileSync(path.join(logs, name), 'utf8');
  return out;
}

/** Types `file` into Quick Open (Ctrl+P) and waits for its row, ready for Enter to open it. */
async function quickOpenRow(s: Session, file: string): Promise<void> {
  await s.page.keyboard.press('Control+P');
  const input = s.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  const row = s.page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(file) }).first();
  await row.waitFor({ state: 'visible' });
}

/** Opens `file` of the workspace through Quick Open. */
async function openFile(s: Session, file: string): Promise<void> {
  await quickOpenRow(s, file);
  await s.page.keyboard.press('Enter');
}

/**
 * Opens `file` through Quick Open once the workbench has settled (the Node host's eager extensions activated), and
 * returns the milliseconds from the Enter that opens it to the first squiggle of `kind` drawn in its editor.
 */
async function openToFirstDiagnostic(s: Session, file: string, kind: 'error' | 'warning'): Promise<number> {
  await until(s, 'the extension host to have started its eager extensions', async () =>
    /Eager extensions activated/.test(nodeHostLog(s)),
  );
  await s.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
  await quickOpenRow(s, file);
  const start = Date.now();
  await s.page.keyboard.press('Enter');
  const seen = await s.page.waitForFunction(
    (sel) => (document.querySelector(sel) ? Date.now() : 0),
    `.editor-instance .monaco-editor .view-overlays .squiggly-${kind}`,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await seen.jsonValue()) - start;
}

const timings: Record<string, number> = {};

describe('Emend in the web worker extension host', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    s = await openVsCode('web-worker', undefined, KANT, IN_WEB_WORKER);
  });
  after(async () => {
    await s?.close();
  });

  test('opening a .emend file: its first diagnostic (activation time printed)', async () => {
    timings['Emend, web worker extension host'] = await openToFirstDiagnostic(s, 'unclosed.emend', 'error');
  });

  test('it runs in the browser: the Node extension host never activated Emend, yet its diagnostics are drawn', () => {
    // The first test saw Emend's squiggle; code-server's Node extension host logs every activation, and Emend's is
    // not among them, so the extension ran in the other host VS Code has, the browser's web worker one.
    const log = nodeHostLog(s);
    assert.match(log, /Eager extensions activated/);
    assert.doesNotMatch(log, /_doActivateExtension emend\.emend\b/);
  });

  test('the language is detected', async () => {
    await until(s, 'the status bar to say Emend', async () => (await languageMode(s.page)) === 'Emend', {
      seen: () => languageMode(s.page),
    });
  });

  test('the unclosed deletion is in Problems, and its quick fix closes it', async () => {
    await until(
      s,
      'a Problems row with the code unclosed-deletion',
      async () => (await problemRows(s)).some((t) => t.includes('unclosed-deletion')),
      { seen: async () => JSON.stringify(await problemRows(s)) },
    );
    const fix = await openQuickFix(s, '~~eliminate', /^Close the deletion/, '"Close the deletion…"');
    await fix.click();
    await until(
      s,
      'the line to end with the closing `~~`',
      async () => (await editorLines(s.page))[0] === 'We must ~~eliminate the concerns you have expressed.~~',
      { seen: async () => JSON.stringify(await editorLines(s.page)) },
    );
    await until(
      s,
      'the Problems row to go',
      async () => !(await problemRows(s)).some((t) => t.includes('unclosed-deletion')),
      { seen: async () => JSON.stringify(await problemRows(s)) },
    );
    await s.screenshot('web-worker-quick-fix');
  });

  test('a hover over a substitution gives both readings', async () => {
    await openFile(s, 'marks.emend');
    const text = await hoverOver(
      s,
      'relieve',
      'a hover over the substitution naming both readings',
      (t) => /eliminate/.test(t) && /relieve/.test(t),
    );
    assert.match(text, /draft\b[^\n]*\beliminate\b/i);
    assert.match(text, /final\b[^\n]*\brelieve\b/i);
    await s.screenshot('web-worker-hover');
  });

  test('the preview opens beside the editor in the diplomatic view', async () => {
    await waitForText(s, 'relieve');
    await runCommand(s, 'emend.openPreviewToSide');
    const root = previewFrame(s.page).locator('#emend-preview');
    await until(
      s,
      'the preview in the diplomatic view, showing the text',
      async () =>
        (await root.count()) > 0 &&
        (await root.getAttribute('data-view')) === 'diplomatic' &&
        /relieve/.test(await root.innerText()),
      { seen: async () => ((await root.count()) ? await root.innerText() : 'no #emend-preview') },
    );
    await s.screenshot('web-worker-preview');
  });

  test('the witness named in the header is read through workspace.fs and compared', async () => {
    await openFile(s, 'draft.emend');
    await waitForText(s, 'Gorbacheva');
    await until(
      s,
      'a Problems row with the code witness-missed-deletion',
      async () => (await problemRows(s)).some((t) => t.includes('witness-missed-deletion') && t.includes('give')),
      { seen: async () => JSON.stringify(await problemRows(s)) },
    );
    await s.screenshot('web-worker-witness');
  });

  test('Export as TEI… writes the TEI file through the editor', async () => {
    await runFromPalette(s, 'Emend: Export as TEI…');
    const input = s.page.locator('.quick-input-widget input');
    await until(
      s,
      'the save dialog to propose draft.xml',
      async () => (await input.isVisible()) && (await input.inputValue()).endsWith('draft.xml'),
      { seen: async () => input.inputValue().catch(() => '(no dialog)') },
    );
    await s.page.keyboard.press('Enter');
    const target = s.file('witness/draft.xml');
    await until(s, `${target} to be written`, async () => existsSync(target));
    const xml = readFileSync(target, 'utf8');
    assert.match(xml, /<TEI xmlns="http:\/\/www\.tei-c\.org\/ns\/1\.0"/);
    assert.match(xml, /<add\b[^>]*>convey<\/add>/);
  });

  test('the facsimile shows the scan, and the cursor in a word outlines it', async () => {
    await s.page.keyboard.press('Escape');
    await openFile(s, 'kant-1784-p484.emend');
    await clickText(s, 'gewiegelt worden');
    await runFromPalette(s, 'Emend: Open Facsimile to the Side');
    const stage = () => previewFrame(s.page).locator('#emend-facsimile-stage');
    const attr = async (name: string) => ((await stage().count()) ? await stage().getAttribute(name) : null);
    await until(s, 'the facsimile to draw the page', async () => (await attr('aria-busy')) === 'false', {
      timeout: 60_000,
      seen: async () => `aria-busy ${await attr('aria-busy')}, label ${await attr('aria-label')}`,
    });
    assert.match((await attr('aria-label')) ?? '', /page\.jpg, 1457 × 2084 pixels/);
    const source = readFileSync(s.file('kant-1784-p484.emend'), 'utf8');
    await clickText(s, 'Vorurtheile');
    const start = source.indexOf('Vorurtheile');
    await until(
      s,
      'the outline on "Vorurtheile"',
      async () => (await attr('data-highlight'))?.startsWith(`${start},`),
      { seen: async () => `data-highlight ${await attr('data-highlight')}` },
    );
    await s.screenshot('web-worker-facsimile');
  });

  test('Export as TEI… of the Kant page carries its facsimile: the page and a zone per linked word', async () => {
    // The images and the layout are read through the editor's file system, by the server in its web worker.
    await clickText(s, 'gewiegelt worden');
    await runFromPalette(s, 'Emend: Export as TEI…');
    const input = s.page.locator('.quick-input-widget input');
    await until(
      s,
      'the save dialog to propose kant-1784-p484.xml',
      async () => (await input.isVisible()) && (await input.inputValue()).endsWith('kant-1784-p484.xml'),
      { seen: async () => input.inputValue().catch(() => '(no dialog)') },
    );
    await s.page.keyboard.press('Enter');
    const target = s.file('kant-1784-p484.xml');
    // The file appears before its content is all written: wait for the end of the document.
    await until(
      s,
      `${target} to be written`,
      async () => existsSync(target) && readFileSync(target, 'utf8').endsWith('</TEI>\n'),
    );
    const xml = readFileSync(target, 'utf8');
    assert.match(xml, /<graphic url="page\.jpg" width="1457px" height="2084px"\/>/);
    assert.equal((xml.match(/<zone /g) ?? []).length, 204);
    assert.match(xml, /<w facs="#facs-z1">gewiegelt<\/w> <w facs="#facs-z2">worden<\/w>/);
  });

  test('a box drawn on the scan (keyboard: D, Enter, Enter) writes a new PAGE file and the layout: line', async () => {
    await openFile(s, 'kant-draw.emend');
    await clickText(s, 'Vorurtheile');
    const frame = previewFrame(s.page);
    const stage = frame.locator('#emend-facsimile-stage');
    const status = async () => (await frame.locator('#emend-facsimile-status').textContent()) ?? '';
    await until(s, 'the facsimile to follow kant-draw.emend', async () =>
      /No layout file is named/.test((await frame.locator('#emend-facsimile-error').textContent()) ?? ''),
    );
    await stage.focus();
    await s.page.keyboard.press('d');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.press('Enter');
    await until(s, 'the box to be recorded', async () => (await status()).startsWith('Linked'), {
      seen: async () => `status ${await status()}`,
    });
    assert.equal(
      await status(),
      'Linked “Vorurtheile” to the box; recorded in a new file, kant-draw.page.xml, named in the header.',
    );
    assert.match(
      readFileSync(s.file('kant-draw.page.xml'), 'utf8'),
      /<TextLine id="emend-r1-l" custom="emend \{occurrence:0;\}">/,
    );
    await until(s, 'the header to name it', async () =>
      (await editorLines(s.page)).includes('layout: kant-draw.page.xml'),
    );
  });
});

describe('the same, in the Node extension host, for the activation time', { skip: skipUnlessReady() }, () => {
  let s: Session;
  before(async () => {
    // The Markdown file is in the workspace from the start: Quick Open does not list a file written after it opened.
    s = await openVsCode('node-host', undefined, ['test/e2e/extra/broken-link.md'], {
      'markdown.validate.enabled': true,
    });
  });
  after(async () => {
    await s?.close();
  });

  test('opening a .emend file: its first diagnostic, and a Markdown file with a broken link', async () => {
    timings['Emend, Node extension host'] = await openToFirstDiagnostic(s, 'unclosed.emend', 'error');
    assert.match(nodeHostLog(s), /_doActivateExtension emend\.emend\b/);
    timings['Markdown (built in), Node extension host'] = await openToFirstDiagnostic(s, 'broken-link.md', 'warning');
  });

  after(() => {
    console.log(
      '\nActivation: from opening the file (Quick Open, Enter) to its first diagnostic drawn, one cold run each:',
    );
    for (const [what, ms] of Object.entries(timings)) console.log(`  ${what.padEnd(44)} ${String(ms).padStart(6)} ms`);
  });
});
