// `npm run test:e2e` (after `npm run package`): makes sure code-server is in the cache, starts the code-server and
// the headless Chromium the files share (test/e2e/harness/shared.ts), then runs the end-to-end tests
// (out/test/e2e/**/*.test.js), EMEND_E2E_JOBS files at a time (2 unless set), each in its own fresh workbench, and
// prints each file's time and `N passed, N failed`.
// Usage: node scripts/run-e2e.mjs [name-filter...]   e.g. `node scripts/run-e2e.mjs preview` runs preview.test.js only.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
let ready = true;
try {
  checkChromium();
  ensureCodeServer();
} catch (e) {
  if (!(e instanceof MissingPrerequisite) || process.env.CI) {
    console.error(`run-e2e: ${e.message}`);
    process.exit(1);
  }
  console.error(`run-e2e: the end-to-end tests will be skipped: ${e.message}`);
  ready = false;
}

// How many files run at once. Each has its own workbench and extension host; a file mostly waits on VS Code, so two
// at a time keep a 2-core machine busy without starving either.
const jobs = Math.max(1, Number(process.env.EMEND_E2E_JOBS ?? 2) || 2);

// The longest files first, by the times the last run recorded, so that the last file to start is a short one.
const TIMES = join('test-results', 'e2e', 'file-times.json');
let lastTimes = {};
try {
  lastTimes = JSON.parse(readFileSync(TIMES, 'utf8'));
} catch {
  /* no earlier run */
}
const base = (f) => f.split('/').pop();
files.sort((a, b) => (lastTimes[base(b)] ?? 60_000) - (lastTimes[base(a)] ?? 60_000) || a.localeCompare(b));

// One code-server (the .vsix installed once) and one Chromium for every file; stopped however the run ends.
let shared;
const stopShared = async () => {
  const s = shared;
  shared = undefined;
  await s?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    void stopShared().finally(() => process.exit(130));
  });
if (ready) {
  const { startSharedSessionHost } = require('../out/test/e2e/harness/session.js');
  const { SHARED_ENV } = require('../out/test/e2e/harness/shared.js');
  const t = Date.now();
  shared = await startSharedSessionHost();
  process.env[SHARED_ENV] = JSON.stringify(shared.shared);
  console.log(`run-e2e: shared code-server and Chromium up in ${Date.now() - t} ms; ${jobs} file(s) at a time`);
}

/**
 * Runs the files, `concurrency` at a time, each in its own process (and VS Code session); resolves to each file's
 * counts and time (the sum of its top-level suites' times, hooks included). A whole file fails after 10 minutes: a
 * safety net for a hang, far above any wait's own timeout.
 */
function runFiles(list, concurrency) {
  return new Promise((resolve) => {
    const perFile = new Map(list.map((f) => [resolvePath(f), { passed: 0, failed: 0, skipped: 0, ms: 0 }]));
    const unattributed = { passed: 0, failed: 0, skipped: 0, ms: 0 };
    const of = (t) => (t.file && perFile.get(resolvePath(t.file))) || unattributed;
    const stream = run({ files: list, concurrency, timeout: 600_000 });
    stream.on('test:pass', (t) => {
      if (t.nesting === 0) of(t).ms += t.details?.duration_ms ?? 0;
      // A suite counts only when skipped as a whole (its tests then report nothing of their own).
      if (t.details?.type === 'suite' && !t.skip) return;
      if (t.skip || t.todo) of(t).skipped++;
      else of(t).passed++;
    });
    stream.on('test:fail', (t) => {
      if (t.nesting === 0) of(t).ms += t.details?.duration_ms ?? 0;
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

const started = Date.now();
let final;
try {
  // A real VS Code on a busy machine is sometimes slower than a wait allows. A file that fails is run once more, alone,
  // in a fresh session, and the run says so: the counts below are the second attempt's for that file, and a file
  // that fails twice fails the run.
  const first = await runFiles(files, jobs);
  const failing = files.filter((f) => first.get(f).failed > 0);
  final = new Map(first);
  if (failing.length > 0 && (files.length === 1 || failing.length < files.length)) {
    console.log(`\nrun-e2e: running again, once, the file(s) that failed: ${failing.map(base).join(', ')}`);
    const second = await runFiles(failing, 1);
    for (const f of failing) final.set(f, second.get(f));
    const flaky = failing.filter((f) => second.get(f).failed === 0);
    if (flaky.length)
      console.log(`run-e2e: passed on the second attempt (flaky, worth a look): ${flaky.map(base).join(', ')}`);
  }
  // Each file's time, longest first (the next run starts with them), and the whole run's.
  const times = { ...lastTimes };
  for (const f of files) times[base(f)] = Math.round(first.get(f).ms);
  mkdirSync(join('test-results', 'e2e'), { recursive: true });
  writeFileSync(TIMES, JSON.stringify(times, null, 2) + '\n');
  console.log(`\nrun-e2e: time per file (first attempt, setting up its VS Code included), ${jobs} at a time:`);
  for (const f of [...files].sort((a, b) => first.get(b).ms - first.get(a).ms))
    console.log(`  ${base(f).padEnd(28)} ${(first.get(f).ms / 1000).toFixed(1).padStart(6)} s`);
  console.log(`run-e2e: all files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await stopShared();
}
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const c of final.values()) {
  counts.passed += c.passed;
  counts.failed += c.failed;
  counts.skipped += c.skipped;
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exitCode = counts.failed > 0 || counts.passed + counts.skipped === 0 ? 1 : 0;
