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

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export function timeMs(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}
