// One real VS Code for one test file: a throw-away profile with the packaged .vsix installed, a fresh copy of the
// fixtures as the workspace, code-server on 127.0.0.1, and headless Debian Chromium driven by playwright-core.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, RESULTS_DIR, ROOT, VSIX } from '../../../scripts/vscode/paths';
import {
  installExtension,
  profileIn,
  QUIET_SETTINGS,
  startCodeServer,
  writeProfile,
  type RunningCodeServer,
} from '../../../scripts/vscode/server';

export const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures');

/**
 * Test-only keybindings: they reach the extension's commands by id, whatever titles or default keys the commands
 * get, through the same keyboard path a user's own keybindings take.
 */
export const TEST_KEYS: Record<string, string> = {
  'emend.markDeleted': 'ctrl+alt+shift+f1',
  'emend.openPreviewToSide': 'ctrl+alt+shift+f2',
};

const SETTINGS = {
  ...QUIET_SETTINGS,
  'security.workspace.trust.enabled': false,
  // Hovers appear quickly; nothing pops up uninvited over the text the tests read and type.
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

export interface Session {
  page: Page;
  server: RunningCodeServer;
  /** The workspace folder: a fresh copy of test/e2e/fixtures. */
  workspace: string;
  /** A file in the workspace. */
  file(name: string): string;
  /** Saves a screenshot under test-results/e2e/ and returns its path. */
  screenshot(name: string): Promise<string>;
  /** The extension host's log, for failure messages. */
  extensionHostLog(): string;
  close(): Promise<void>;
}

/**
 * Opens VS Code on a fresh workspace of the fixtures (plus copies of `also`, files from elsewhere in the repository
 * such as the sample letter), with `open` (a file's name in the workspace) open in the editor.
 */
export async function openVsCode(
  label: string,
  open?: string,
  also: string[] = [],
  /** User settings added to the test profile's (e.g. `remote.extensionKind`, to run Emend in the web worker host). */
  settings: Record<string, unknown> = {},
): Promise<Session> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `emend-e2e-${label}-`));
  const workspace = path.join(tmp, 'workspace');
  cpSync(FIXTURES, workspace, { recursive: true });
  for (const f of also) cpSync(path.resolve(ROOT, f), path.join(workspace, path.basename(f)));
  const profile = profileIn(path.join(tmp, 'profile'));
  writeProfile(
    profile,
    { ...SETTINGS, ...settings },
    Object.entries(TEST_KEYS).map(([command, key]) => ({ key, command })),
  );
  installExtension(profile, VSIX);
  const server = await startCodeServer({ profile, folder: workspace });
  mkdirSync(RESULTS_DIR, { recursive: true });
  let context: BrowserContext | undefined;
  try {
    context = await launchChromium(path.join(tmp, 'chromium'));
  } catch (e) {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const page = await firstPage(context);
  const session: Session = {
    page,
    server,
    workspace,
    file: (name) => path.join(workspace, name),
    screenshot: (name) => screenshot(page, name),
    extensionHostLog() {
      return readLogs(path.join(profile.userData, 'logs'), /exthost/i).slice(-4000);
    },
    async close() {
      await context?.close().catch(() => undefined);
      await server.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  try {
    await page.goto(server.urlFor(workspace, open ? session.file(open) : undefined));
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 30_000 });
  } catch (e) {
    await session.screenshot(`${label}-startup-failure`).catch(() => undefined);
    await session.close();
    throw new Error(`VS Code did not start: ${(e as Error).message}\ncode-server said:\n${server.output()}`, {
      cause: e,
    });
  }
  return session;
}

/** Headless Debian Chromium with a fresh profile in `dir` (playwright refuses --user-data-dir among the args). */
export function launchChromium(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return page;
}

/** A screenshot of `page` under test-results/e2e/NAME.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

function readLogs(dir: string, only: RegExp): string {
  let out = '';
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return '';
  }
  for (const name of entries.sort()) {
    if (!name.endsWith('.log') || !only.test(name)) continue;
    try {
      out += `--- ${name}\n${readFileSync(path.join(dir, name), 'utf8')}\n`;
    } catch {
      /* a folder */
    }
  }
  return out;
}
