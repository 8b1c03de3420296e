// Runs every compiled test file under out/test/<suite> with node's own test runner,
// and the TextMate grammar's assertion files (test/grammar/*.test.emend) with vscode-tmgrammar-test.
// Usage: node scripts/run-tests.mjs [suite...]   (suites: unit, protocol, grammar; default all)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const suites = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'protocol', 'grammar'];
const files = [];
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
}
for (const s of suites) if (s !== 'grammar') walk(join('out', 'test', s));

let status = 0;
if (suites.includes('grammar')) {
  // The grammar's own suite: each test/grammar/*.test.emend holds lines and the scopes expected on them.
  const bin = createRequire(import.meta.url).resolve('vscode-tmgrammar-test/dist/unit.js');
  console.log('grammar: test/grammar/*.test.emend');
  const g = spawnSync(
    process.execPath,
    [bin, '--compact', '-g', 'syntaxes/emend.tmLanguage.json', 'test/grammar/*.test.emend'],
    { stdio: 'inherit' },
  );
  if (g.status !== 0) status = g.status ?? 1;
}
if (files.length === 0) {
  if (suites.some((s) => s !== 'grammar')) {
    console.error('run-tests: no compiled test files found; run `npm run build` first');
    process.exit(1);
  }
  process.exit(status);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(status || (r.status ?? 1));
