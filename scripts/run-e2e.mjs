// `npm run test:e2e` (after `npm run package`): makes sure code-server is in the cache, then runs the end-to-end
// tests (out/test/e2e/**/*.test.js) one file at a time, each in its own real VS Code, and prints `N passed, N failed`.
// Usage: node scripts/run-e2e.mjs [name-filter...]   e.g. `node scripts/run-e2e.mjs preview` runs preview.test.js only.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js') && (!filters.length || filters.some((f) => name.includes(f)))) files.push(p);
  }
})(join('out', 'test', 'e2e'));
if (files.length === 0) {
  console.error('run-e2e: no compiled end-to-end tests found (run `npm run build` first, or check the filter)');
  process.exit(1);
}

// Install code-server on first use, outside the tests' own timeouts. Without CI a missing Debian package only skips
// the tests (each says why); under CI it fails the run.
const { ensureCodeServer, checkChromium, MissingPrerequisite } = require('../out/scripts/vscode/install.js');
try {
  checkChromium();
  ensureCodeServer();
} catch (e) {
  if (!(e instanceof MissingPrerequisite) || process.env.CI) {
    console.error(`run-e2e: ${e.message}`);
    process.exit(1);
  }
  console.error(`run-e2e: the end-to-end tests will be skipped: ${e.message}`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const stream = run({ files, concurrency: 1, timeout: 180_000 });
stream.on('test:pass', (t) => {
  // A suite counts only when skipped as a whole (its tests then report nothing of their own).
  if (t.details?.type === 'suite' && !t.skip) return;
  if (t.skip || t.todo) counts.skipped++;
  else counts.passed++;
});
stream.on('test:fail', (t) => {
  if (t.details?.type === 'suite' && !t.details?.error?.failureType?.includes('hook')) return;
  counts.failed++;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  process.exitCode = counts.failed > 0 || counts.passed + counts.skipped === 0 ? 1 : 0;
});
