// What the test files of one end-to-end run share: one code-server with the packaged .vsix installed once into a
// test profile, and one headless Chromium. `scripts/run-e2e.mjs` starts both before the files and stops them after;
// each file (a separate process) finds them through the environment variable SHARED_ENV. A file's session still
// gets a fresh copy of the fixtures as its workspace, a fresh browser context (its own storage) and so a fresh
// workbench and extension host: only the start-up work that is the same for every file is done once.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, VSIX } from '../../../scripts/vscode/paths';
import { installExtension, profileIn, startCodeServer, writeProfile } from '../../../scripts/vscode/server';

/** The environment variable that hands the shared VS Code to the test files. */
export const SHARED_ENV = 'EMEND_E2E_SHARED';

export interface SharedVsCode {
  /** code-server's port on 127.0.0.1. */
  port: number;
  /** The folder of its profile (config, user-data, extensions). */
  profile: string;
  /** Playwright's endpoint of the shared Chromium (`chromium.connect`). */
  browser: string;
}

/** Chromium's switches: headless on a machine without a GPU, nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The shared VS Code of this run, when run-e2e.mjs started one. */
export function sharedVsCode(): SharedVsCode | undefined {
  const v = process.env[SHARED_ENV];
  return v ? (JSON.parse(v) as SharedVsCode) : undefined;
}

/**
 * Starts the shared code-server (with `settings` and `keybindings` as its test profile's) and Chromium. Returns what
 * to put in SHARED_ENV and how to stop both.
 */
export async function startSharedVsCode(
  settings: Record<string, unknown>,
  keybindings: unknown[],
): Promise<{ shared: SharedVsCode; stop(): Promise<void> }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'emend-e2e-shared-'));
  const dir = path.join(tmp, 'profile');
  const profile = profileIn(dir);
  writeProfile(profile, settings, keybindings);
  const empty = path.join(tmp, 'empty');
  mkdirSync(empty);
  let stopServer: (() => Promise<void>) | undefined;
  try {
    installExtension(profile, VSIX);
    const server = await startCodeServer({ profile, folder: empty });
    stopServer = server.stop;
    const browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    return {
      shared: { port: server.port, profile: dir, browser: browser.wsEndpoint() },
      async stop() {
        await browser.close().catch(() => undefined);
        await server.stop();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await stopServer?.();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
