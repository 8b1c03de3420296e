// The bench's one output shape: a row per measurement, our figure beside the anchor's from the same run.
export interface Row {
  /** What was measured, e.g. `parse+readings+problems 1 MB`. */
  task: string;
  /** Our figure, in `unit`. */
  ours: number;
  /** The anchor's name (markdown-it parse, jsdiff diffArrays, ...) and its figure in the same unit; null when none. */
  anchor: string | null;
  anchorFigure: number | null;
  unit: string;
  /** Optional note: goal, accuracy, ... */
  note?: string;
}

export function formatTable(rows: Row[]): string {
  const head = ['task', 'ours', 'anchor', 'anchor figure', 'ratio (anchor/ours)', 'note'];
  const body = rows.map((r) => [
    r.task,
    `${fmt(r.ours)} ${r.unit}`,
    r.anchor ?? '-',
    r.anchorFigure === null ? '-' : `${fmt(r.anchorFigure)} ${r.unit}`,
    r.anchorFigure === null || r.ours === 0 ? '-' : `${fmt(r.anchorFigure / r.ours)}x`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Warm-up goes on, past the runs asked for, until this many runs or WARMUP_MS have passed: V8 compiles a function
 *  after it has run a while, and the figures are meant for code that has (a server that has been up for a few
 *  keystrokes). The anchors are timed the same way, so neither side is measured cold. */
const WARMUP_RUNS = 10;
const WARMUP_MS = 300;

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs (or more, see WARMUP_RUNS). */
export function timeMs(fn: () => unknown, runs = 7, warmup = 2): number {
  return measure(fn, runs, warmup).ms;
}

/**
 * The median wall time in ms of `fn`, as timeMs, and the median number of minor page faults a run: how many pages
 * of memory the run was the first to touch. On these machines each costs about 14 µs (docs/performance.md),
 * so this says how much of a figure is the memory the run was handed rather than the work it did. Counted around
 * the timed call, outside it.
 */
export function measure(fn: () => unknown, runs = 7, warmup = 2): { ms: number; faults: number } {
  const began = process.hrtime.bigint();
  const warm = (i: number): boolean =>
    i < warmup || (i < WARMUP_RUNS && Number(process.hrtime.bigint() - began) / 1e6 < WARMUP_MS);
  for (let i = 0; warm(i); i++) fn();
  const times: number[] = [];
  const faults: number[] = [];
  for (let i = 0; i < runs; i++) {
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    faults.push(process.resourceUsage().minorPageFault - f0);
  }
  return { ms: median(times), faults: median(faults) };
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[values.length >> 1]!;
}
