// `npm run bench collate`: word alignment of generated witness pairs (bench/collate-generator.ts) at 1,000, 10,000 and
// 100,000 words, ours beside jsdiff `diffArrays` and diff-match-patch (words mapped to characters) on the same word
// arrays in the same run, each with the share of words aligned to their true counterpart; an anchor is skipped at a
// size where its quadratic growth predicts more than TIME_LIMIT_MS. Then an edit re-collated incrementally, and
// exact-only vs near-equal agreement on the sample pair.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ANCHORS, type AnchorName } from './collate-anchors';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';
import { accuracy, perturb, text } from './collate-generator';
import { random } from '../test/support/generate';
import { agreementOf, alignKeys, Analysis, Collator, witnessFromText } from '../server/src/core/index';

const SIZES = [1_000, 10_000, 100_000];
const TIME_LIMIT_MS = 20_000;
const GOAL_MS = 1_000;

/** Runs an anchor in a worker thread, stopped at `limitMs`: its median time and alignment, or null when stopped. */
function runAnchor(
  name: AnchorName,
  a: string[],
  b: string[],
  runs: number,
  limitMs: number,
): Promise<{ ms: number; aToB: Int32Array } | null> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(join(__dirname, 'collate-anchor-worker.js'), { workerData: { name, a, b, runs } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolvePromise(null);
    }, limitMs);
    worker.once('message', (m: { ms: number; aToB: Int32Array }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolvePromise(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

interface Anchor {
  name: AnchorName;
  /** Measured time at the last size run, to predict the next. */
  last?: { n: number; ms: number };
}

function pct(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

function sampleRows(): Row[] {
  const dir = join(__dirname, '..', '..', 'samples');
  const analysis = new Analysis(readFileSync(join(dir, 'reagan-1985-draft.emend'), 'utf8'));
  const loaded = witnessFromText(
    'reagan-1985-sent-htr.txt',
    readFileSync(join(dir, 'reagan-1985-sent-htr.txt'), 'utf8'),
  );
  if ('error' in loaded) throw new Error(loaded.error);
  const c = new Collator(loaded.witness).collate(analysis);
  // The same aligner with near-equal matching switched off: what exact word matching alone achieves.
  const exactShare = agreementOf(alignKeys(c.a.words.keys, c.b.words.keys, { near: false }));
  return [
    {
      task: 'collate sample pair: share of words agreeing',
      ours: c.agreement * 100,
      anchor: 'exact word matching only',
      anchorFigure: exactShare * 100,
      unit: '%',
      note: `${c.a.words.length} × ${c.b.words.length} words; near-equal matching adds ${((c.agreement - exactShare) * 100).toFixed(1)} points`,
    },
  ];
}

export const collateSuite: Suite = {
  name: 'collate',
  async run() {
    const rows: Row[] = [];
    const anchors: Anchor[] = ANCHORS.map((name) => ({ name }));
    for (const n of SIZES) {
      const rand = random(1985 + n);
      const pair = perturb(rand, text(rand, n));
      let ours = alignKeys(pair.a, pair.b);
      const ms = timeMs(
        () => {
          ours = alignKeys(pair.a, pair.b);
        },
        n >= 100_000 ? 5 : 7,
        1,
      );
      const ourAccuracy = accuracy(pair.truth, ours.aToB);
      const goal = n === 100_000 ? `; goal < ${GOAL_MS} ms` : '';
      const label = `collate align ${n.toLocaleString('en')} × ${pair.b.length.toLocaleString('en')} words`;
      for (const anchor of anchors) {
        const predicted = anchor.last ? anchor.last.ms * (n / anchor.last.n) ** 2 : 0;
        // Clearly hopeless (five times the limit, growing quadratically): not started at all.
        if (predicted > 5 * TIME_LIMIT_MS) {
          rows.push({
            task: label,
            ours: ms,
            anchor: anchor.name,
            anchorFigure: null,
            unit: 'ms',
            note: `anchor not run: ~${(predicted / 1000).toFixed(0)} s predicted (quadratic from ${anchor.last!.n.toLocaleString('en')} words), limit ${TIME_LIMIT_MS / 1000} s; ours aligns ${pct(ourAccuracy)} truly${goal}`,
          });
          continue;
        }
        const result = await runAnchor(anchor.name, pair.a, pair.b, predicted < 1_000 ? 3 : 1, TIME_LIMIT_MS);
        if (!result) {
          anchor.last = { n, ms: TIME_LIMIT_MS };
          rows.push({
            task: label,
            ours: ms,
            anchor: anchor.name,
            anchorFigure: null,
            unit: 'ms',
            note: `anchor stopped at the ${TIME_LIMIT_MS / 1000} s limit; ours aligns ${pct(ourAccuracy)} truly${goal}`,
          });
          continue;
        }
        const theirs = result.aToB;
        const anchorMs = result.ms;
        anchor.last = { n, ms: anchorMs };
        rows.push({
          task: label,
          ours: ms,
          anchor: anchor.name,
          anchorFigure: anchorMs,
          unit: 'ms',
          note: `true counterparts: ours ${pct(ourAccuracy)}, anchor ${pct(accuracy(pair.truth, theirs))}${goal}`,
        });
      }
    }
    rows.push(...incrementalRows());
    rows.push(...sampleRows());
    return rows;
  },
};

/** Re-collating a 100,000-word transcription after a one-word edit, against collating it afresh. */
function incrementalRows(): Row[] {
  const n = 100_000;
  const rand = random(7);
  const pair = perturb(rand, text(rand, n));
  const source = pair.a.join(' ');
  const loaded = witnessFromText('generated.txt', pair.b.join(' '));
  if ('error' in loaded) throw new Error(loaded.error);
  const collator = new Collator(loaded.witness);
  collator.collate(new Analysis(source));
  const middle = source.indexOf(' ', source.length >> 1);
  let flip = false;
  const edited = () => {
    flip = !flip;
    return new Analysis(source.slice(0, middle) + (flip ? ' inserted' : ' other') + source.slice(middle));
  };
  const incremental = timeMs(() => collator.collate(edited()), 7, 1);
  const fresh = timeMs(() => new Collator(loaded.witness).collate(edited()), 5, 1);
  return [
    {
      task: `collate re-collation after a one-word edit, ${n.toLocaleString('en')} words`,
      ours: incremental,
      anchor: 'collating afresh (same core)',
      anchorFigure: fresh,
      unit: 'ms',
      note: 'both include parsing, the final reading and tokenising the transcription',
    },
  ];
}
