// One real VS Code for one test file: a fresh copy of the fixtures as the workspace, opened in a fresh browser
// context, with the packaged .vsix installed in a throw-away test profile. Under `npm run test:e2e` the code-server
// and the headless Chromium are the run's shared ones (harness/shared.ts); a file that needs user settings of its
// own, or a code-server to itself, or any file run without run-e2e.mjs, starts its own, as every file once did.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, RESULTS_DIR, ROOT, VSIX } from '../../../scripts/vscode/paths';
import {
  installExtension,
  profileIn,
  QUIET_SETTINGS,
  startCodeServer,
  workbenchUrl,
  writeProfile,
  type RunningCodeServer,
} from '../../../scripts/vscode/server';
import { CHROMIUM_ARGS, sharedVsCode, startSharedVsCode } from './shared';

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
  /** The folder of the code-server profile this session runs in (shared by the run's files unless its own). */
  profile: string;
  /** A file in the workspace. */
  file(name: string): string;
  /** Saves a screenshot under test-results/e2e/ and returns its path. */
  screenshot(name: string): Promise<string>;
  /** The extension host's log, for failure messages. */
  extensionHostLog(): string;
  close(): Promise<void>;
}

export interface SessionOptions {
  /**
   * A code-server of its own (own profile, own processes) even when the run shares one: for a test that finds the
   * language server's processes by their profile, or must not see other files' extension hosts.
   */
  ownServer?: boolean;
  /**
   * When `open` is a .emend file, openVsCode returns once Emend is up (its status bar item counts the file); false
   * returns as soon as the workbench shows, for a test that times or checks the activation itself.
   */
  waitForEmend?: boolean;
}

/** The size of the browser window every session gets. */
const VIEWPORT = { width: 1400, height: 860 };

const KEYBINDINGS = () => Object.entries(TEST_KEYS).map(([command, key]) => ({ key, command }));

/** Starts the run's shared code-server and Chromium with the test profile's settings and keybindings. */
export function startSharedSessionHost(): ReturnType<typeof startSharedVsCode> {
  return startSharedVsCode(SETTINGS, KEYBINDINGS());
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
  options: SessionOptions = {},
): Promise<Session> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `emend-e2e-${label}-`));
  const workspace = path.join(tmp, 'workspace');
  cpSync(FIXTURES, workspace, { recursive: true });
  for (const f of also) cpSync(path.resolve(ROOT, f), path.join(workspace, path.basename(f)));
  const shared = sharedVsCode();
  // User settings belong to a profile, so a session with settings of its own needs its own code-server.
  const own = !shared || options.ownServer || Object.keys(settings).length > 0;
  let profileDir: string;
  let server: RunningCodeServer;
  if (own) {
    profileDir = path.join(tmp, 'profile');
    const profile = profileIn(profileDir);
    writeProfile(profile, { ...SETTINGS, ...settings }, KEYBINDINGS());
    installExtension(profile, VSIX);
    server = await startCodeServer({ profile, folder: workspace });
  } else {
    profileDir = shared.profile;
    server = {
      port: shared.port,
      base: `http://127.0.0.1:${shared.port}/`,
      urlFor: (folder, file) => workbenchUrl(shared.port, folder, file),
      output: () => '(the code-server shared by the run; scripts/run-e2e.mjs prints its output if it fails)',
      stop: async () => undefined,
    };
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    if (shared) {
      browser = await chromium.connect(shared.browser);
      context = await browser.newContext({ viewport: VIEWPORT });
    } else context = await launchChromium(path.join(tmp, 'chromium'));
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const page = await firstPage(context);
  const session: Session = {
    page,
    server,
    workspace,
    profile: profileDir,
    file: (name) => path.join(workspace, name),
    screenshot: (name) => screenshot(page, name),
    extensionHostLog() {
      return readLogs(path.join(profileDir, 'user-data', 'logs'), /exthost/i).slice(-4000);
    },
    async close() {
      await context?.close().catch(() => undefined);
      // Connected to the shared Chromium: this only disconnects.
      await browser?.close().catch(() => undefined);
      await server.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  try {
    // Generous: two workbenches may be starting at once on a busy machine.
    await page.goto(server.urlFor(workspace, open ? session.file(open) : undefined), { timeout: 90_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  } catch (e) {
    await session.screenshot(`${label}-startup-failure`).catch(() => undefined);
    await session.close();
    throw new Error(`VS Code did not start: ${(e as Error).message}\ncode-server said:\n${server.output()}`, {
      cause: e,
    });
  }
  if (open?.endsWith('.emend') && options.waitForEmend !== false) {
    // Ready means what a user sees once Emend is up: its status bar item counting the open file's revisions, which
    // it asks the language server for. The tests' own waits then time what they test, not a cold start.
    const item = page.locator('[aria-label^="Emend: "][aria-label*=" deletion"]').first();
    try {
      await item.waitFor({ state: 'attached', timeout: 90_000 });
    } catch (e) {
      const shot = await session.screenshot(`${label}-emend-not-ready`).catch(() => '(no screenshot)');
      const log = session.extensionHostLog();
      await session.close();
      throw new Error(
        `Emend did not activate on ${open} within 90 s (no status bar item with its counts). Screenshot: ${shot}\n` +
          `Extension host log:\n${log}`,
        { cause: e },
      );
    }
  }
  return session;
}

/** Headless Debian Chromium with a fresh profile in `dir` (playwright refuses --user-data-dir among the args). */
export function launchChromium(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: CHROMIUM_ARGS,
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
