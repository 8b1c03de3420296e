// `npm run test:e2e` (after `npm run package`): makes sure code-server is in the cache, then runs the end-to-end
// tests (out/test/e2e/**/*.test.js) one file at a time, each in its own real VS Code, and prints `N passed, N failed`.
// Usage: node scripts/run-e2e.mjs [name-filter...]   e.g. `node scripts/run-e2e.mjs preview` runs preview.test.js only.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
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

/**
 * Runs the files one VS Code session at a time; resolves to each file's counts. A whole file fails after 10 minutes:
 * a safety net for a hang, far above any wait's own timeout.
 */
function runFiles(list) {
  return new Promise((resolve) => {
    const perFile = new Map(list.map((f) => [resolvePath(f), { passed: 0, failed: 0, skipped: 0 }]));
    const unattributed = { passed: 0, failed: 0, skipped: 0 };
    const of = (t) => (t.file && perFile.get(resolvePath(t.file))) || unattributed;
    const stream = run({ files: list, concurrency: 1, timeout: 600_000 });
    stream.on('test:pass', (t) => {
      // A suite counts only when skipped as a whole (its tests then report nothing of their own).
      if (t.details?.type === 'suite' && !t.skip) return;
      if (t.skip || t.todo) of(t).skipped++;
      else of(t).passed++;
    });
    stream.on('test:fail', (t) => {
      if (t.details?.type === 'suite' && !t.details?.error?.failureType?.includes('hook')) return;
      of(t).failed++;
    });
    const report = stream.compose(spec);
    report.pipe(process.stdout, { end: false });
    // Resolve once the reporter has printed everything, so the closing count is the last line of the run.
    report.on('end', () => {
      // Whatever the runner reports without a file (a crash of the runner itself) counts against the first file.
      const c = perFile.get(resolvePath(list[0]));
      c.passed += unattributed.passed;
      c.failed += unattributed.failed;
      c.skipped += unattributed.skipped;
      resolve(new Map(list.map((f) => [f, perFile.get(resolvePath(f))])));
    });
  });
}

// A real VS Code on a busy machine is sometimes slower than a wait allows. A file that fails is run once more, in a
// fresh session, and the run says so: the counts below are the second attempt's for that file, and a file that
// fails twice fails the run.
const first = await runFiles(files);
const failing = files.filter((f) => first.get(f).failed > 0);
const final = new Map(first);
if (failing.length > 0 && (files.length === 1 || failing.length < files.length)) {
  console.log(
    `\nrun-e2e: running again, once, the file(s) that failed: ${failing.map((f) => f.split('/').pop()).join(', ')}`,
  );
  const second = await runFiles(failing);
  for (const f of failing) final.set(f, second.get(f));
  const flaky = failing.filter((f) => second.get(f).failed === 0);
  if (flaky.length)
    console.log(
      `run-e2e: passed on the second attempt (flaky, worth a look): ${flaky.map((f) => f.split('/').pop()).join(', ')}`,
    );
}
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const c of final.values()) {
  counts.passed += c.passed;
  counts.failed += c.failed;
  counts.skipped += c.skipped;
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exitCode = counts.failed > 0 || counts.passed + counts.skipped === 0 ? 1 : 0;
