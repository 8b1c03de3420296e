// `npm run bench collate`: word alignment of generated witness pairs (bench/collate-generator.ts) at 1,000, 10,000 and
// 100,000 words, ours beside jsdiff `diffArrays` and diff-match-patch (words mapped to characters) on the same word
// arrays in the same run, each with the share of words aligned to their true counterpart; an anchor is skipped at a
// size where its quadratic growth predicts more than TIME_LIMIT_MS. Then an edit re-collated incrementally, and
// exact-only vs near-equal agreement on the sample pair.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import { timeMs, type Row } from './table';
import type { Suite } from './bench';
import { accuracy, perturb, random, text } from './collate-generator';
import { agreementOf, alignKeys, Analysis, Collator, witnessFromText } from '../server/src/core/index';

const SIZES = [1_000, 10_000, 100_000];
const TIME_LIMIT_MS = 20_000;
const GOAL_MS = 1_000;

/** jsdiff's diffArrays as an alignment: common runs pair up in order. */
function jsdiffAlign(a: string[], b: string[]): Int32Array {
  const out = new Int32Array(a.length).fill(-1);
  let i = 0, j = 0;
  for (const part of diffArrays(a, b)) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else for (let k = 0; k < n; k++) out[i++] = j++;
  }
  return out;
}

/** diff-match-patch on words mapped to characters (one character per distinct word), no time-out. */
function dmpAlign(a: string[], b: string[]): Int32Array {
  const ids = new Map<string, string>();
  const encode = (words: string[]): string => {
    let s = '';
    for (const w of words) {
      let c = ids.get(w);
      if (c === undefined) {
        let code = 0x100 + ids.size;
        if (code >= 0xd800) code += 0x800; // skip the surrogates
        c = String.fromCodePoint(code);
        ids.set(w, c);
      }
      s += c;
    }
    return s;
  };
  const sa = encode(a), sb = encode(b);
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const out = new Int32Array(a.length).fill(-1);
  let i = 0, j = 0;
  for (const [op, chunk] of dmp.diff_main(sa, sb, false)) {
    const n = [...chunk].length;
    if (op === 1) j += n;
    else if (op === -1) i += n;
    else for (let k = 0; k < n; k++) out[i++] = j++;
  }
  return out;
}

interface Anchor {
  name: string;
  align: (a: string[], b: string[]) => Int32Array;
  /** Measured time at the last size run, to predict the next. */
  last?: { n: number; ms: number };
}

function pct(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

function sampleRows(): Row[] {
  const dir = join(__dirname, '..', '..', 'samples');
  const analysis = new Analysis(readFileSync(join(dir, 'reagan-1985-draft.emend'), 'utf8'));
  const loaded = witnessFromText('reagan-1985-sent-htr.txt', readFileSync(join(dir, 'reagan-1985-sent-htr.txt'), 'utf8'));
  if ('error' in loaded) throw new Error(loaded.error);
  const c = new Collator(loaded.witness).collate(analysis);
  // The same aligner with near-equal matching switched off: what exact word matching alone achieves.
  const exactShare = agreementOf(alignKeys(c.a.words.keys, c.b.words.keys, { near: false }));
  return [{
    task: 'collate sample pair: share of words agreeing', ours: c.agreement * 100, anchor: 'exact word matching only',
    anchorFigure: exactShare * 100, unit: '%', note: `${c.a.words.length} × ${c.b.words.length} words; near-equal matching adds ${((c.agreement - exactShare) * 100).toFixed(1)} points`,
  }];
}

export const collateSuite: Suite = {
  name: 'collate',
  run() {
    const rows: Row[] = [];
    const anchors: Anchor[] = [
      { name: 'jsdiff diffArrays', align: jsdiffAlign },
      { name: 'diff-match-patch (words as chars)', align: dmpAlign },
    ];
    for (const n of SIZES) {
      const rand = random(1985 + n);
      const pair = perturb(rand, text(rand, n));
      let ours = alignKeys(pair.a, pair.b);
      const ms = timeMs(() => { ours = alignKeys(pair.a, pair.b); }, n >= 100_000 ? 5 : 7, 1);
      const ourAccuracy = accuracy(pair.truth, ours.aToB);
      const label = `collate align ${n.toLocaleString('en')} × ${pair.b.length.toLocaleString('en')} words`;
      for (const anchor of anchors) {
        const predicted = anchor.last ? anchor.last.ms * (n / anchor.last.n) ** 2 : 0;
        if (predicted > TIME_LIMIT_MS) {
          rows.push({ task: label, ours: ms, anchor: anchor.name, anchorFigure: null, unit: 'ms',
            note: `anchor skipped: ~${(predicted / 1000).toFixed(0)} s predicted (quadratic from ${anchor.last!.n.toLocaleString('en')} words) > ${TIME_LIMIT_MS / 1000} s limit; ours aligns ${pct(ourAccuracy)} truly${n === 100_000 ? `; goal < ${GOAL_MS} ms` : ''}` });
          continue;
        }
        const t0 = process.hrtime.bigint();
        const theirs = anchor.align(pair.a, pair.b);
        const anchorMs = Number(process.hrtime.bigint() - t0) / 1e6;
        anchor.last = { n, ms: anchorMs };
        rows.push({ task: label, ours: ms, anchor: anchor.name, anchorFigure: anchorMs, unit: 'ms',
          note: `true counterparts: ours ${pct(ourAccuracy)}, anchor ${pct(accuracy(pair.truth, theirs))}${n === 100_000 ? `; goal < ${GOAL_MS} ms` : ''}` });
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
  return [{ task: `collate re-collation after a one-word edit, ${n.toLocaleString('en')} words`, ours: incremental,
    anchor: 'collating afresh (same core)', anchorFigure: fresh, unit: 'ms',
    note: 'both include parsing, the final reading and tokenising the transcription' }];
}
