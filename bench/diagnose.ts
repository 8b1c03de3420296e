// Diagnostics and hovers as the server computes them, on a 1 MB transcription (the sample letter repeated):
//  - diagnose after a one-character edit: a new Analysis of the edited text (one parse, both readings, the
//    checks) and every problem's range as LSP positions, the path of a `textDocument/diagnostic` request;
//  - hover at 1,000 random positions of the same version (the Analysis is cached per version, as in the server),
//    median and 99th percentile, and the first hover after an edit (which pays for parse and readings).
// Anchor: markdown-it parsing the same text, a fast, widely used parser of a comparable light markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';
import { analyze, diagnose, hoverAt, revisions, type Analysis } from '../server/src/core/index';
import { random } from '../test/support/generate';

const ROOT = join(__dirname, '..', '..');
const SIZE = 1 << 20;

/** The sample letter's body repeated to at least `size` UTF-16 units. */
export function transcription(size = SIZE): string {
  const sample = readFileSync(join(ROOT, 'samples', 'reagan-1985-draft.emend'), 'utf8');
  const body = sample.trim() + '\n\n';
  return body.repeat(Math.ceil(size / body.length));
}

/** The analysis of the version before, kept as the server keeps one per open document until the next version
 *  replaces it: what it holds is alive while the next is made, so the garbage collector must keep it too. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- written to keep the previous analysis alive
let kept: Analysis | undefined;

/** The server's diagnostic path: analysis, problems, positions. */
function diagnoseAsServer(text: string): number {
  const analysis = analyze(text);
  kept = analysis;
  const problems = diagnose(analysis, {});
  let sum = 0;
  for (const p of problems) sum += analysis.lines.positionAt(p.start).line + analysis.lines.positionAt(p.end).character;
  return sum + problems.length;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const diagnoseSuite: Suite = {
  name: 'diagnose',
  run(): Row[] {
    const text = transcription();
    const md = new MarkdownIt();
    const rand = random(3);
    // Each run edits a different place, so nothing is reused between runs, as after a keystroke.
    let n = 0;
    const edited = () => {
      const at = Math.floor(rand() * text.length);
      n++;
      return text.slice(0, at) + (n % 2 ? 'x' : ' ') + text.slice(at);
    };
    const ours = timeMs(() => diagnoseAsServer(edited()), 9, 2);
    kept = undefined;
    const anchor = timeMs(() => md.parse(edited(), {}), 9, 2);

    const analysis = analyze(text);
    analysis.reading('draft');
    analysis.reading('final');
    const times: number[] = [];
    let shown = 0;
    for (let i = 0; i < 1000; i++) {
      const offset = Math.floor(rand() * text.length);
      const t0 = process.hrtime.bigint();
      if (hoverAt(analysis, offset)) shown++;
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    // The same on marks only: what a transcriber hovering revisions actually waits for.
    const marks = revisions(analysis.doc);
    const onMarks: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = marks[Math.floor(rand() * marks.length)]!;
      const offset = r.start + Math.floor(rand() * (r.end - r.start));
      const t0 = process.hrtime.bigint();
      hoverAt(analysis, offset);
      onMarks.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    onMarks.sort((a, b) => a - b);
    // A mark near the middle, so the first hover pays for both readings.
    const middle = text.indexOf('~~', text.length >> 1) + 2;
    const firstHover = timeMs(() => hoverAt(analyze(edited()), middle), 5, 1);
    const mb = (text.length / SIZE).toFixed(2);
    return [
      {
        task: `diagnose ${mb} MB after a 1-char edit`,
        ours,
        anchor: 'markdown-it parse',
        anchorFigure: anchor,
        unit: 'ms',
        note: 'parse + draft/final readings + checks + LSP positions',
      },
      {
        task: 'hover, 1,000 random positions: median',
        ours: percentile(times, 0.5) * 1000,
        anchor: null,
        anchorFigure: null,
        unit: 'µs',
        note: `${shown} of 1,000 positions on a mark`,
      },
      {
        task: 'hover, 1,000 random positions: p99',
        ours: percentile(times, 0.99) * 1000,
        anchor: null,
        anchorFigure: null,
        unit: 'µs',
      },
      {
        task: 'hover, 1,000 positions on marks: median',
        ours: percentile(onMarks, 0.5) * 1000,
        anchor: null,
        anchorFigure: null,
        unit: 'µs',
        note: "summary + both readings' sentence",
      },
      {
        task: 'hover, 1,000 positions on marks: p99',
        ours: percentile(onMarks, 0.99) * 1000,
        anchor: null,
        anchorFigure: null,
        unit: 'µs',
      },
      {
        task: `first hover after an edit (${mb} MB)`,
        ours: firstHover,
        anchor: 'markdown-it parse',
        anchorFigure: anchor,
        unit: 'ms',
        note: 'parse + both readings, then the hover',
      },
    ];
  },
};
