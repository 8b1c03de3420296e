// `npm start -- --smoke` (after the build and `npm run package`): what `npm start` does, on a headless machine, then
// checked in a real browser. It starts VS Code in the browser as `npm start` does (code-server installed into the
// cache if missing, the packaged .vsix in a throw-away profile, 127.0.0.1 only, the sample letter with its preview),
// opens it in headless Chromium with the end-to-end tests' harness, checks that Emend activated, that the letter has
// the diagnostics `emend check` finds in it and that the preview shows the letter, prints each check, stops
// everything it started and exits 0, or 1 with a one-line reason.
//
// Its own build layer (scripts/tsconfig.smoke.json): it uses the end-to-end harness (test/e2e/harness), which the
// scripts layer below it cannot see.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { firstPage, launchChromium } from '../../test/e2e/harness/session';
import { languageMode, previewFrame, until, type View } from '../../test/e2e/harness/ui';
import { checkChromium, isCodeServerInstalled, MissingPrerequisite } from './install';
import { CODE_SERVER_VERSION, ROOT } from './paths';
import type { RunningCodeServer } from './server';
import { launchInBrowser, SAMPLE_FILE, SAMPLE_FOLDER } from './start';

const NAME = 'npm start --smoke';
/** Where a failed check leaves its screenshot (git-ignored). */
const RESULTS = path.join(ROOT, 'test-results', 'smoke');

/** A check failed: its message is the one-line reason. */
class SmokeFailure extends Error {}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What `emend check` finds in the sample (errors, warnings): the editor must show the same. */
function cliCounts(): { errors: number; warnings: number } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', SAMPLE_FILE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new SmokeFailure(`emend check failed on the sample: ${r.stderr.trim()}`);
  const problems: { severity: string }[] = (JSON.parse(r.stdout).files ?? []).flatMap(
    (f: { problems: { severity: string }[] }) => f.problems,
  );
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}

/** The one line of a wait's error (until() adds what it saw and the screenshot on lines of their own). */
function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const shot = /Screenshot: (.*)/.exec(message)?.[1];
  return `${message.split('\n')[0]}${shot ? ` (screenshot: ${path.relative(ROOT, shot)})` : ''}`;
}

export async function main(argv: string[]): Promise<void> {
  const extra = argv.filter((a) => a !== '--smoke');
  if (extra.length) {
    process.stderr.write(`${NAME}: FAILED: --smoke takes no other argument (got ${extra.join(' ')})\n`);
    process.exit(2);
  }
  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'emend-smoke-'));
  let server: RunningCodeServer | undefined;
  let context: BrowserContext | undefined;
  let checks = 0;
  const ok = (what: string) => {
    checks++;
    process.stdout.write(`  ok  ${what}\n`);
  };
  const cleanup = async () => {
    await context?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  };
  // Interrupted: stop what was started (code-server runs in its own process group) before going.
  const interrupted = () => {
    void cleanup().then(() => {
      process.stderr.write(`${NAME}: FAILED: interrupted\n`);
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  let status = 0;
  try {
    process.stdout.write(`${NAME}: Emend in VS Code in the browser, checked in headless Chromium\n`);
    checkChromium();
    const wasInstalled = isCodeServerInstalled();
    const t0 = Date.now();
    server = await launchInBrowser({
      folder: SAMPLE_FOLDER,
      file: SAMPLE_FILE,
      profileDir: path.join(tmp, 'profile'),
      log: (line) => process.stdout.write(`      ${line}\n`),
    });
    ok(
      `code-server ${CODE_SERVER_VERSION} ${wasInstalled ? 'found in the cache' : 'installed into the cache'}, ` +
        `emend.vsix installed into a throw-away profile, listening on 127.0.0.1:${server.port} ` +
        `(${seconds(Date.now() - t0)})`,
    );

    const t1 = Date.now();
    context = await launchChromium(path.join(tmp, 'chromium'));
    const page: Page = await firstPage(context);
    mkdirSync(RESULTS, { recursive: true });
    const v: View = {
      page,
      screenshot: async (name) => {
        const file = path.join(RESULTS, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
    };
    await page.goto(server.urlFor(SAMPLE_FOLDER, SAMPLE_FILE));
    await until(v, 'the VS Code workbench', () => page.locator('.monaco-workbench').isVisible(), { timeout: 60_000 });
    await until(v, 'the sample letter open as Emend', async () => (await languageMode(page)) === 'Emend', {
      timeout: 60_000,
      seen: async () => `language mode "${await languageMode(page)}"`,
    });
    ok(`VS Code opened ${path.relative(ROOT, SAMPLE_FILE)} as Emend (${seconds(Date.now() - t1)})`);

    // Emend's status bar item appears once the extension has activated and its language server has answered.
    const item = page.locator('[aria-label^="Emend: "][aria-label*=" deletion"]').first();
    const label = await until(
      v,
      "Emend's status bar item (the extension active, its server answering)",
      async () => ((await item.count()) ? await item.getAttribute('aria-label') : undefined),
      { timeout: 60_000, seen: async () => JSON.stringify(await page.locator('.statusbar-item').allInnerTexts()) },
    );
    ok(
      `Emend activated and its language server answers (${/\d+ deletions?, \d+ insertions?/.exec(label)?.[0] ?? label})`,
    );

    const want = cliCounts();
    const expected = `${want.errors} error${want.errors === 1 ? '' : 's'}, ${want.warnings} warning${want.warnings === 1 ? '' : 's'}`;
    await until(
      v,
      `the letter's diagnostics (${expected}, as emend check finds)`,
      async () => (await item.getAttribute('aria-label'))?.includes(expected),
      { seen: async () => `${await item.getAttribute('aria-label')}` },
    );
    const squiggles = await page.locator('.editor-instance .view-overlays [class*="squiggly-"]').count();
    if (want.warnings + want.errors > 0 && squiggles === 0)
      throw new SmokeFailure(`the status bar counts ${expected}, but no squiggle is drawn in the editor`);
    ok(`the letter has its diagnostics: ${expected} as emend check finds, ${squiggles} squiggles on screen`);

    const root = previewFrame(page).locator('#emend-preview');
    await until(
      v,
      'the preview of the letter beside it',
      async () =>
        (await page.locator('.editor-group-container').count()) === 2 &&
        (await root.count()) > 0 &&
        /DRAFT PRIVATE LETTER FROM THE PRESIDENT TO GORBACHEV/.test(await root.innerText()),
      {
        seen: async () =>
          `${await page.locator('.editor-group-container').count()} editor groups, ` +
          `${await page.locator('iframe.webview').count()} webviews`,
      },
    );
    ok(`the preview beside it shows the letter (${await root.getAttribute('data-view')} view)`);
  } catch (e) {
    status = 1;
    const reason = e instanceof MissingPrerequisite ? e.message.replace(/\n\s*/g, ' ') : firstLine(e);
    process.stderr.write(`${NAME}: FAILED: ${reason}\n`);
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    await cleanup();
  }
  if (status === 0)
    process.stdout.write(
      `${NAME}: all ${checks} checks passed in ${seconds(Date.now() - started)}; stopped code-server and Chromium\n`,
    );
  process.exit(status);
}
