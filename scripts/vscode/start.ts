// `npm start` (after the build and `npm run package`): opens Emend in a real VS Code with the sample letter and the
// preview beside it, or with the folder or file given. The desktop `code` when installed (loading the extension from
// this checkout with --extensionDevelopmentPath), otherwise VS Code in the browser: code-server from npm, installed on
// first use into the ignored cache, with the packaged .vsix installed into a profile kept under the cache, on
// 127.0.0.1 only. Prints the address to open; Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { helperVsix, HELPER_DIR } from './helper';
import { ensureCodeServer, MissingPrerequisite } from './install';
import { cacheDir, ROOT, VSIX } from './paths';
import {
  freePort,
  installExtension,
  profileIn,
  QUIET_SETTINGS,
  startCodeServer,
  writeProfile,
  type RunningCodeServer,
} from './server';

const USAGE = `Usage: npm start [-- [PATH] [--browser] [--port N] [--profile DIR] | --smoke]

Builds and packages Emend, then opens it in a real VS Code:
  PATH           a folder or an .emend file to open (default: the sample letter, samples/reagan-1985-draft.emend)
  --browser      use VS Code in the browser (code-server) even when the desktop \`code\` is installed
  --port N       the port code-server listens on, on 127.0.0.1 (default: 8765, or a free one if it is taken)
  --profile DIR  keep code-server's VS Code profile in DIR (default: .cache/start/profile)
  --smoke        check the installation headless instead: start VS Code in the browser with the sample letter and
                 its preview, check in a headless Chromium that Emend activated, the letter has its diagnostics and
                 the preview shows it, print each check, stop everything and exit 0 (non-zero with the reason)
`;

/** The sample letter `npm start` and `npm start -- --smoke` open, in its folder. */
export const SAMPLE_FOLDER = path.join(ROOT, 'samples');
export const SAMPLE_FILE = path.join(SAMPLE_FOLDER, 'reagan-1985-draft.emend');

interface Options {
  target?: string;
  browser: boolean;
  port?: number;
  profile?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { browser: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a === '--browser') o.browser = true;
    else if (a === '--port') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 65535)
        fail(`--port needs a port number (1-65535), got ${argv[i] ?? 'nothing'}`);
      o.port = n;
    } else if (a === '--profile') {
      const dir = argv[++i];
      if (!dir) fail('--profile needs a folder');
      o.profile = path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
    } else if (a.startsWith('-')) fail(`unknown option ${a}\n\n${USAGE}`);
    else if (o.target) fail(`one path at a time (got ${o.target} and ${a})`);
    else o.target = a;
  }
  return o;
}

function fail(message: string): never {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

/** The folder to open and the file to show in it. */
function resolveTarget(target: string | undefined): { folder: string; file?: string } {
  if (!target) return { folder: SAMPLE_FOLDER, file: SAMPLE_FILE };
  // npm runs scripts from the package root; INIT_CWD is where the user typed `npm start`.
  const abs = path.resolve(process.env.INIT_CWD ?? process.cwd(), target);
  if (!existsSync(abs)) fail(`${abs} does not exist`);
  return statSync(abs).isDirectory() ? { folder: abs } : { folder: path.dirname(abs), file: abs };
}

function hasDesktopCode(): boolean {
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 && /^\d+\.\d+/.test(r.stdout);
}

function startDesktop(folder: string, file: string | undefined): void {
  const args = [
    '--new-window',
    `--extensionDevelopmentPath=${ROOT}`,
    `--extensionDevelopmentPath=${HELPER_DIR}`,
    folder,
  ];
  if (file) args.push(file);
  process.stdout.write(`Opening VS Code: code ${args.join(' ')}\n`);
  const child = spawn('code', args, {
    stdio: 'inherit',
    env: { ...process.env, ...(file ? { EMEND_START_PREVIEW: file } : {}) },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function pickPort(wanted: number | undefined): Promise<number> {
  if (wanted) return wanted;
  const net = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const srv = net
      .createServer()
      .once('error', () => resolve(false))
      .listen(8765, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  return free ? 8765 : freePort();
}

/**
 * What `npm start` does in the browser, up to code-server answering: code-server installed if missing, the packaged
 * extension and the preview helper installed into the profile in `profileDir` (made when new), code-server started
 * on 127.0.0.1 with `folder` (and, with `file`, the preview helper told to open its preview). Throws
 * MissingPrerequisite for what the machine lacks.
 */
export async function launchInBrowser(opts: {
  folder: string;
  file?: string;
  port?: number;
  profileDir: string;
  log: (line: string) => void;
}): Promise<RunningCodeServer> {
  ensureCodeServer(opts.log);
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing; \`npm start\` packages it first (npm run package)`);
  // A profile kept between runs (settings and layout survive), by default under the ignored cache.
  const profile = profileIn(opts.profileDir);
  if (!existsSync(profile.config)) {
    writeProfile(profile, QUIET_SETTINGS);
  }
  installExtension(profile, VSIX);
  installExtension(profile, helperVsix());
  return startCodeServer({
    profile,
    folder: opts.folder,
    port: opts.port ?? (await freePort()),
    env: opts.file ? { EMEND_START_PREVIEW: opts.file } : {},
  });
}

async function startBrowser(
  folder: string,
  file: string | undefined,
  port: number | undefined,
  profileDir: string,
): Promise<void> {
  let server: RunningCodeServer;
  try {
    server = await launchInBrowser({
      folder,
      ...(file ? { file } : {}),
      port: await pickPort(port),
      profileDir,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (e) {
    if (e instanceof MissingPrerequisite) fail(e.message);
    throw e;
  }
  const url = server.urlFor(folder, file);
  process.stdout.write(
    `\nEmend is running in VS Code in the browser (code-server, listening on 127.0.0.1 only).\n` +
      `Open this address in a browser on this machine:\n\n  ${url}\n\n` +
      `(From another machine, forward the port first, e.g. ssh -L ${server.port}:127.0.0.1:${server.port} HOST.)\n` +
      `Press Ctrl+C to stop.\n`,
  );
  const stop = async () => {
    process.stdout.write('\nStopping code-server…\n');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export async function main(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  const { folder, file } = resolveTarget(options.target);
  if (!options.browser && hasDesktopCode()) startDesktop(folder, file);
  else await startBrowser(folder, file, options.port, options.profile ?? path.join(cacheDir(), 'start', 'profile'));
}
