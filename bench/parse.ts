// Suite `parse`: parse + draft and final readings + problems (diagnose) of generated transcriptions of 100 KB,
// 1 MB and 10 MB, beside markdown-it's `parse` of the same text and a bare charCodeAt loop over it, in one run.
// Goals (issue 2): at least 10x markdown-it's throughput, within 3x of the charCodeAt loop, 1 MB under 10 ms.
import MarkdownIt from 'markdown-it';
import { analyze, diagnose, parse, reading } from '../server/src/core/index';
import { generateTranscription } from './generate';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';

const SIZES: Array<[string, number]> = [['100 KB', 100 * 1024], ['1 MB', 1024 * 1024], ['10 MB', 10 * 1024 * 1024]];

/** Everything the editor computes for a document version: the parse, both readings, all problems. */
function ours(text: string): number {
  const a = analyze(text);
  const problems = diagnose(a);
  return a.reading('draft').text.length + a.reading('final').text.length + problems.length;
}

let sink = 0;

/** Hostile inputs (issue 2: they must stay linear): ours beside markdown-it's parse of the same text. */
function adversarial(md: { parse(text: string, env: object): unknown[] }): Row[] {
  const MB = 1024 * 1024;
  const inputs: Array<[string, string]> = [
    ['1 MB of ^{', '^{'.repeat(MB / 2)],
    ['1 MB of ~~~', '~~~'.repeat(Math.floor(MB / 3))],
    ['1 MB of \\', '\\'.repeat(MB)],
    ['^{ nested 100,000 deep', '^{'.repeat(100_000) + 'x' + '}'.repeat(100_000)],
    ['1 MB of crossing *^{*', '*^{*'.repeat(MB / 4)],
    ['1 MB of stray }', '}'.repeat(MB)],
    ['one 10 MB line', generateTranscription(10 * MB, 7).replaceAll('\n', ' ')],
  ];
  return inputs.map(([label, text]) => {
    const ms = timeMs(() => { sink ^= ours(text); }, 3, 1);
    const mdMs = timeMs(() => { sink ^= md.parse(text, {}).length; }, 3, 1);
    return { task: `hostile: ${label}`, ours: ms, anchor: 'markdown-it parse', anchorFigure: mdMs, unit: 'ms',
      note: `${mbPerSecond(text.length, ms).toFixed(1)} MB/s` };
  });
}

/** Where the time goes for one size: the parse alone (beside markdown-it's parse), the two readings, the checks. */
function breakdown(text: string, mdMs: number, runs: number): Row[] {
  const parseMs = timeMs(() => { sink ^= parse(text).paragraphs.length; }, runs, 2);
  const doc = parse(text);
  const readingsMs = timeMs(() => { sink ^= reading(doc, 'draft').text.length + reading(doc, 'final').text.length; }, runs, 2);
  const checksMs = timeMs(() => {
    const a = analyze(text);
    void a.doc; a.reading('draft'); a.reading('final');
    const t0 = process.hrtime.bigint();
    sink ^= diagnose(a).length;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }, runs, 1) - parseMs - readingsMs;
  return [
    { task: '  of which parse 1 MB', ours: parseMs, anchor: 'markdown-it parse', anchorFigure: mdMs, unit: 'ms',
      note: `${mbPerSecond(text.length, parseMs).toFixed(0)} MB/s` },
    { task: '  of which draft+final readings 1 MB', ours: readingsMs, anchor: null, anchorFigure: null, unit: 'ms' },
    { task: '  of which checks in diagnose() 1 MB', ours: Math.max(0, checksMs), anchor: null, anchorFigure: null, unit: 'ms',
      note: 'the semantic and reading checks (core/checks/), by difference' },
  ];
}

function charLoop(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  sink ^= h;
  return h;
}

function mbPerSecond(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

export const parseSuite: Suite = {
  name: 'parse',
  run() {
    const md = new MarkdownIt();
    const rows: Row[] = [];
    for (const [label, size] of SIZES) {
      const text = generateTranscription(size);
      const runs = size > 5 * 1024 * 1024 ? 3 : 9;
      const oursMs = timeMs(() => { sink ^= ours(text); }, runs, 2);
      const mdMs = timeMs(() => { sink ^= md.parse(text, {}).length; }, runs, 1);
      const loopMs = timeMs(() => charLoop(text), runs, 2);
      const oursRate = mbPerSecond(text.length, oursMs);
      rows.push({
        task: `parse+readings+problems ${label}`, ours: oursMs, anchor: 'markdown-it parse', anchorFigure: mdMs, unit: 'ms',
        note: `${oursRate.toFixed(0)} MB/s vs ${mbPerSecond(text.length, mdMs).toFixed(0)} MB/s; goal ≥10x` +
          (label === '1 MB' ? `; goal 1 MB < 10 ms: ${oursMs < 10 ? 'met' : 'missed'}` : ''),
      });
      rows.push({
        task: `parse+readings+problems ${label}`, ours: oursMs, anchor: 'charCodeAt loop', anchorFigure: loopMs, unit: 'ms',
        note: `loop ${mbPerSecond(text.length, loopMs).toFixed(0)} MB/s; goal: ours within 3x (ratio ≥ 0.33x)`,
      });
      if (label === '1 MB') rows.push(...breakdown(text, mdMs, runs));
    }
    rows.push(...adversarial(md));
    if (sink === 0.5) console.log(sink); // keeps the work observable
    return rows;
  },
};
