// `npm run bench editor`: what the editor features cost on a 1 MB transcription (the sample letter's body repeated),
// beside anchors measured in the same run:
// - the outline (document symbols) after an edit: a fresh analysis, both readings, the revisions and the symbols,
//   beside markdown-it parsing the same text (what Markdown's own outline starts from);
// - folding ranges after an edit, beside the same markdown-it parse;
// - Mark as Deleted at 200 word positions on an analysed document (the edit plus its check by re-parsing the
//   paragraph), beside one full parse of the document (what any edit costs anyway).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';
import { analyze, foldingRanges, outline, parse, revisions, toggleMark } from '../server/src/core/index';

const TARGET = 1_000_000;

function transcription(): string {
  const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'reagan-1985-draft.emend'), 'utf8');
  let out = '';
  while (out.length < TARGET) out += sample + '\n\n';
  return out;
}

/** Deterministic offsets of word starts, spread over the document. */
function wordStarts(src: string, n: number): number[] {
  const out: number[] = [];
  let seed = 1985;
  while (out.length < n) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    let k = seed % src.length;
    while (k < src.length && !/[A-Za-z]/.test(src[k]!)) k++;
    while (k > 0 && /[A-Za-z]/.test(src[k - 1]!)) k--;
    if (k < src.length) out.push(k);
  }
  return out;
}

export const editorSuite: Suite = {
  name: 'editor',
  run(): Row[] {
    const src = transcription();
    const mb = (src.length / 1e6).toFixed(1);
    const md = new MarkdownIt();
    const markdown = timeMs(() => md.parse(src, {}), 5, 1);

    const symbols = timeMs(
      () => {
        const a = analyze(src);
        return outline(a, revisions(a.doc));
      },
      5,
      1,
    );
    const folds = timeMs(() => foldingRanges(analyze(src)), 5, 1);

    const analysed = analyze(src);
    void analysed.doc;
    const positions = wordStarts(src, 200);
    const perToggle: number[] = [];
    for (const at of positions) {
      const t0 = process.hrtime.bigint();
      toggleMark(analysed, at, at, 'del');
      perToggle.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    perToggle.sort((x, y) => x - y);
    const median = perToggle[perToggle.length >> 1]!;
    const p99 = perToggle[Math.floor(perToggle.length * 0.99)]!;
    const fullParse = timeMs(() => parse(src), 5, 1);

    return [
      {
        task: `outline after an edit, ${mb} MB`,
        ours: symbols,
        anchor: 'markdown-it parse',
        anchorFigure: markdown,
        unit: 'ms',
        note: 'analysis + readings + revisions + symbols',
      },
      {
        task: `folding ranges after an edit, ${mb} MB`,
        ours: folds,
        anchor: 'markdown-it parse',
        anchorFigure: markdown,
        unit: 'ms',
      },
      {
        task: `Mark as Deleted, median of 200, ${mb} MB`,
        ours: median,
        anchor: 'Emend full parse',
        anchorFigure: fullParse,
        unit: 'ms',
        note: `p99 ${p99.toFixed(2)} ms; the document already analysed`,
      },
    ];
  },
};
