// The development-only helper extension in scripts/start-helper/ (opens the preview beside the file `npm start`
// opens), packaged into the cache for code-server, which installs extensions from a .vsix only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { cacheDir, ROOT } from './paths';

export const HELPER_DIR = path.join(ROOT, 'scripts', 'start-helper');

function newest(dir: string): number {
  return Math.max(...readdirSync(dir).map((f) => statSync(path.join(dir, f)).mtimeMs));
}

/** The helper's .vsix, packaged again when its sources are newer. */
export function helperVsix(): string {
  const out = path.join(cacheDir(), 'start', 'emend-start-helper.vsix');
  if (existsSync(out) && statSync(out).mtimeMs >= newest(HELPER_DIR)) return out;
  mkdirSync(path.dirname(out), { recursive: true });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out],
    {
      cwd: HELPER_DIR,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`packaging the npm start helper failed:\n${r.stdout}${r.stderr}`);
  return out;
}
