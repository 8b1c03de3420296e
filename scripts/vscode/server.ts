// Starts and stops code-server (VS Code in the browser) on 127.0.0.1 with a profile of our own, and installs
// extensions into that profile. Shared by `npm start` (a kept profile under the cache) and the end-to-end tests
// (a throw-away profile, shared by the test files of a run or a file's own).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { codeServerEntry, nodeBinary } from './paths';

/** The folders one VS Code profile lives in. */
export interface Profile {
  /** code-server's own config file: always ours, or it writes one into the home folder. */
  config: string;
  userData: string;
  extensions: string;
}

export function profileIn(dir: string): Profile {
  return {
    config: path.join(dir, 'config.yaml'),
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
  };
}

/** Creates the profile's folders, its config file and its user settings (and keybindings, when given). */
export function writeProfile(profile: Profile, settings: Record<string, unknown>, keybindings?: unknown[]): void {
  mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  writeFileSync(profile.config, 'auth: none\ncert: false\n');
  writeFileSync(path.join(profile.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (keybindings)
    writeFileSync(path.join(profile.userData, 'User', 'keybindings.json'), JSON.stringify(keybindings, null, 2));
}

/** User settings for a quiet profile: no tips, telemetry, update checks, recommendations or chat panel. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
};

function profileArgs(profile: Profile): string[] {
  return ['--config', profile.config, '--extensions-dir', profile.extensions, '--user-data-dir', profile.userData];
}

/** Installs a .vsix into the profile (about a second); throws with code-server's own output when it fails. */
export function installExtension(profile: Profile, vsix: string): string {
  const r = spawnSync(
    nodeBinary(),
    [codeServerEntry(), ...profileArgs(profile), '--install-extension', vsix, '--force'],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || /Failed Installing/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${output}`);
  }
  return output;
}

/** A port the kernel says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** The address at which code-server on `port` opens `folder` and, when given, `file` in it. */
export function workbenchUrl(port: number, folder: string, file?: string): string {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (file)
    url += `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${file}`]]))}`;
  return url;
}

export interface RunningCodeServer {
  port: number;
  /** http://127.0.0.1:PORT/ */
  base: string;
  /** The address that opens `folder` and, when given, `file` in it. */
  urlFor(folder: string, file?: string): string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  /** Stops code-server and its children (its file watcher outlives the main process otherwise). */
  stop(): Promise<void>;
}

export interface StartOptions {
  profile: Profile;
  /** The folder VS Code opens when the address has no ?folder=. */
  folder: string;
  port?: number;
  /** Pass code-server's output through to ours (npm start) instead of only keeping it. */
  echo?: boolean;
  /** Extra environment for code-server and so for its extension host. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts code-server on 127.0.0.1 only, without authentication, and waits until /healthz answers. */
export async function startCodeServer(opts: StartOptions): Promise<RunningCodeServer> {
  const port = opts.port ?? (await freePort());
  const args = [
    codeServerEntry(),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    ...profileArgs(opts.profile),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    opts.folder,
  ];
  // Its own process group, so that stop() ends the group and no child outlives us.
  const child: ChildProcess = spawn(nodeBinary(), args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    const s = chunk.toString();
    out = (out + s).slice(-20_000);
    if (opts.echo) process.stderr.write(s);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve();
    }),
  );
  const base = `http://127.0.0.1:${port}/`;

  const stop = async () => {
    if (exited !== undefined || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exit;
    clearTimeout(timer);
    // The group may still hold the watcher for a moment after the main process exits.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`code-server exited (code ${exited}) before it was ready:\n${out}`);
    if ((await get(`${base}healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${base}healthz within ${opts.timeoutMs ?? 30_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    port,
    base,
    urlFor: (folder, file) => workbenchUrl(port, folder, file),
    output: () => out,
    stop,
  };
}
