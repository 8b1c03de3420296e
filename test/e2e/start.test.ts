// `npm start`'s launcher (scripts/start.mjs, after the package step) opens the sample letter in VS Code in the
// browser with the preview beside it, listens on 127.0.0.1 only, and stops code-server when interrupted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../../scripts/vscode/paths';
import { freePort } from '../../scripts/vscode/server';
import { skipUnlessReady } from './harness/prerequisites';
import { firstPage, launchChromium, screenshot } from './harness/session';
import { languageMode, previewFrame, until, waitForText, type View } from './harness/ui';

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's addresses other than loopback, to check nothing answers there. */
function outsideAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => a!.address);
}

describe('npm start in the browser', { skip: skipUnlessReady() }, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'emend-e2e-start-'));
  let child: ChildProcess;
  let output = '';
  let port: number;
  let url: string;
  let context: BrowserContext | undefined;
  let page: Page;
  let v: View;

  before(async () => {
    port = await freePort();
    // --browser: the desktop `code`, if this machine has one, is not what is under test here.
    child = spawn(
      process.execPath,
      ['scripts/start.mjs', '--browser', '--port', String(port), '--profile', path.join(tmp, 'profile')],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?\S+/.exec(output);
      if (m) {
        url = m[0];
        break;
      }
      if (child.exitCode !== null)
        throw new Error(`npm start exited (${child.exitCode}) without an address:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start printed no address within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    context = await launchChromium(path.join(tmp, 'chromium'));
    page = await firstPage(context);
    v = { page, screenshot: (name) => screenshot(page, name) };
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    // Still running (a test failed or was filtered out): Ctrl+C, so that npm start stops its code-server (in its own
    // process group, which a SIGKILL of npm start would orphan); SIGKILL only if it does not exit.
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  test('prints an address on 127.0.0.1 at the chosen port, and nothing answers on other addresses', async () => {
    assert.ok(url.startsWith(`http://127.0.0.1:${port}/?folder=`), url);
    assert.ok(await connects('127.0.0.1', port));
    for (const a of outsideAddresses())
      assert.equal(await connects(a, port), false, `code-server answers on ${a}:${port}`);
  });

  test('the address opens the sample letter as Emend', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 30_000 });
    await waitForText(v, 'DRAFT PRIVATE LETTER');
    await until(v, 'the status bar to show the Emend language', async () => (await languageMode(page)) === 'Emend');
  });

  test('with the preview beside it', async () => {
    const root = previewFrame(page).locator('#emend-preview');
    await until(
      v,
      'the preview of the letter beside the editor',
      async () =>
        (await page.locator('.editor-group-container').count()) === 2 &&
        (await root.count()) > 0 &&
        /GORBACHEV/i.test(await root.innerText()),
      {
        timeout: 30_000,
        seen: async () =>
          `${await page.locator('.editor-group-container').count()} editor groups, ` +
          `${await page.locator('iframe.webview').count()} webviews; npm start said:\n${output}`,
      },
    );
    await v.screenshot('npm-start');
  });

  test('Ctrl+C stops code-server', async () => {
    child.kill('SIGINT');
    await until(v, 'npm start to exit after Ctrl+C', async () => child.exitCode !== null || child.signalCode !== null, {
      seen: async () => output,
    });
    assert.equal(child.exitCode, 0, output);
    await until(v, `port ${port} to close`, async () => !(await connects('127.0.0.1', port)));
  });
});

describe('npm start -- --smoke', { skip: skipUnlessReady() }, () => {
  test('checks the sample letter in the browser, prints each check, stops everything and exits 0', async () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs', '--smoke'], { cwd: ROOT, encoding: 'utf8' });
    const output = r.stdout + r.stderr;
    assert.equal(r.status, 0, output);
    const checks = r.stdout.split('\n').filter((l) => l.startsWith('  ok  '));
    assert.equal(checks.length, 5, output);
    assert.match(checks[1]!, /opened samples\/reagan-1985-draft\.emend as Emend/);
    assert.match(checks[2]!, /Emend activated and its language server answers \(\d+ deletions, \d+ insertions\)/);
    assert.match(checks[3]!, /the letter has its diagnostics: 0 errors, \d+ warnings as emend check finds/);
    assert.match(checks[4]!, /the preview beside it shows the letter/);
    assert.match(r.stdout, /all 5 checks passed in [\d.]+ s; stopped code-server and Chromium\n$/);
    const port = /listening on 127\.0\.0\.1:(\d+)/.exec(checks[0]!)?.[1];
    assert.ok(port, checks[0]);
    assert.equal(await connects('127.0.0.1', Number(port)), false, `code-server still answers on ${port}`);
  });

  test('another argument is a one-line failure, before anything starts', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs', '--smoke', '--frobnicate'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'npm start --smoke: FAILED: --smoke takes no other argument (got --frobnicate)\n');
  });
});

describe('npm start with the desktop VS Code', () => {
  // No desktop VS Code can be downloaded here; a stand-in `code` first on PATH records how it is called.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'emend-e2e-start-desktop-'));
  const log = path.join(tmp, 'calls.txt');
  after(() => rmSync(tmp, { recursive: true, force: true }));

  function runStart(args: string[]): { status: number | null; output: string; calls: string[] } {
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      path.join(bin, 'code'),
      [
        '#!/bin/sh',
        'if [ "$1" = "--version" ]; then printf "1.139.1\\nabcdef\\nx64\\n"; exit 0; fi',
        'for a in "$@"; do printf "%s\\n" "$a"; done > "$FAKE_CODE_LOG"',
        'printf "EMEND_START_PREVIEW=%s\\n" "$EMEND_START_PREVIEW" >> "$FAKE_CODE_LOG"',
      ].join('\n'),
      { mode: 0o755 },
    );
    rmSync(log, { force: true });
    const r = spawnSync(process.execPath, ['scripts/start.mjs', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, FAKE_CODE_LOG: log, INIT_CWD: ROOT },
    });
    return {
      status: r.status,
      output: r.stdout + r.stderr,
      calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [],
    };
  }

  test('opens the sample letter with the extension from this checkout and the preview helper', () => {
    const r = runStart([]);
    assert.equal(r.status, 0, r.output);
    assert.deepEqual(r.calls, [
      '--new-window',
      `--extensionDevelopmentPath=${ROOT}`,
      `--extensionDevelopmentPath=${path.join(ROOT, 'scripts', 'start-helper')}`,
      path.join(ROOT, 'samples'),
      path.join(ROOT, 'samples', 'reagan-1985-draft.emend'),
      `EMEND_START_PREVIEW=${path.join(ROOT, 'samples', 'reagan-1985-draft.emend')}`,
    ]);
  });

  test('a folder argument opens that folder, with no file and no preview', () => {
    const r = runStart(['test/e2e/fixtures']);
    assert.equal(r.status, 0, r.output);
    assert.deepEqual(r.calls.slice(3), [path.join(ROOT, 'test', 'e2e', 'fixtures'), 'EMEND_START_PREVIEW=']);
  });

  test('a missing path or an unknown option is a one-line error, and VS Code is not started', () => {
    for (const args of [['no/such/file.emend'], ['--frobnicate']]) {
      const r = runStart(args);
      assert.equal(r.status, 1, r.output);
      assert.match(r.output, /^npm start: (.*does not exist|unknown option --frobnicate)/m);
      assert.deepEqual(r.calls, []);
    }
  });
});
