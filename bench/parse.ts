// Suite `parse`: parse + draft and final readings + problems (diagnose) of generated transcriptions of 100 KB,
// 1 MB and 10 MB, beside markdown-it's `parse` of the same text and a bare charCodeAt loop over it, in one run.
// Goals (issue 2): at least 10x markdown-it's throughput, within 3x of the charCodeAt loop, 1 MB under 10 ms.
import MarkdownIt from 'markdown-it';
import { analyze, diagnose } from '../server/src/core/index';
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
    }
    if (sink === 0.5) console.log(sink); // keeps the work observable
    return rows;
  },
};
