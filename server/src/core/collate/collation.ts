// The collation of a transcription (its final reading) with a witness: words on both sides with their source
// ranges, the alignment, the variants and the share of words that agree. `Collator` keeps the witness's words and
// the last collation, so that after an edit only the region around the change is aligned again.
import type { Analysis } from '../analysis';
import type { Reading } from '../readings';
import { align, alignRegion, emptyAlignment, findMoves, Interner, type Alignment } from './align';
import { variants, type Variant } from './variants';
import type { Witness } from './witness';
import { words, type Words } from './tokens';

/** One side of a collation: its words (offsets into the compared text) and their source ranges. */
export interface Side {
  words: Words;
  ids: Int32Array;
  /** Source offsets of each word (in the transcription's or the witness's own file). */
  srcStarts: Int32Array;
  srcEnds: Int32Array;
}

export interface Collation {
  witness: Witness;
  /** The transcription's final reading. */
  reading: Reading;
  a: Side;
  b: Side;
  alignment: Alignment;
  variants: Variant[];
  /** Share of the transcription's words matched to an equal or near-equal word of the witness (1 when it has none). */
  agreement: number;
}

function side(w: Words, interner: Interner, toSource: (o: number) => number): Side {
  const srcStarts = new Int32Array(w.length),
    srcEnds = new Int32Array(w.length);
  for (let i = 0; i < w.length; i++) {
    srcStarts[i] = toSource(w.starts[i]!);
    // The end maps through the word's last character, so it never lands past text the reading dropped.
    srcEnds[i] = toSource(w.ends[i]! - 1) + 1;
  }
  return { words: w, ids: interner.all(w.keys), srcStarts, srcEnds };
}

export function agreementOf(alignment: Alignment): number {
  const n = alignment.aToB.length;
  if (n === 0) return 1;
  let matched = 0;
  for (let i = 0; i < n; i++) if (alignment.aToB[i] !== -1) matched++;
  return matched / n;
}

/** Words of the transcription's final reading, with source ranges. */
function transcriptionSide(analysis: Analysis, interner: Interner): { reading: Reading; a: Side } {
  const reading = analysis.reading('final');
  return { reading, a: side(words(reading.text), interner, (o) => reading.map.toSource(o)) };
}

/** Words this many either side of an edit are aligned again with it, so the edit is seen in context. */
const MARGIN = 16;

export interface CollatorOptions {
  /**
   * Below this many words (transcription and witness together) every version is aligned afresh: it takes a few
   * milliseconds, and the result never depends on the editing history. From it on, only the region around an edit
   * is aligned again (ties may then resolve differently than a fresh alignment would), with a fresh alignment
   * after every `refreshEvery` incremental ones so that such differences do not accumulate.
   */
  incrementalFrom?: number;
  refreshEvery?: number;
}

/** Collates transcriptions with one witness; keeps the witness's words and the last result for incremental updates. */
export class Collator {
  private readonly interner = new Interner();
  readonly b: Side;
  private last: Collation | undefined;
  private incrementalSteps = 0;
  private readonly incrementalFrom: number;
  private readonly refreshEvery: number;

  constructor(
    readonly witness: Witness,
    options: CollatorOptions = {},
  ) {
    this.b = side(words(witness.text), this.interner, witness.toSource);
    this.incrementalFrom = options.incrementalFrom ?? 20_000;
    this.refreshEvery = options.refreshEvery ?? 32;
  }

  /** Collates the analysis's final reading with the witness, reusing the last collation's alignment where the words did not change. */
  collate(analysis: Analysis): Collation {
    const { reading, a } = transcriptionSide(analysis, this.interner);
    const last = this.last;
    const incremental =
      last !== undefined &&
      a.ids.length + this.b.ids.length >= this.incrementalFrom &&
      this.incrementalSteps < this.refreshEvery;
    this.incrementalSteps = incremental ? this.incrementalSteps + 1 : 0;
    const alignment = incremental ? this.realign(last, a) : align(a.ids, this.b.ids, this.interner);
    const result: Collation = {
      witness: this.witness,
      reading,
      a,
      b: this.b,
      alignment,
      variants: variants(a.words, this.b.words, alignment),
      agreement: agreementOf(alignment),
    };
    this.last = result;
    return result;
  }

  /** Keeps the in-order matches of the unchanged words before and after the edit; aligns only what lies between. */
  private realign(last: Collation, a: Side): Alignment {
    const old = last.a.ids,
      now = a.ids,
      b = this.b.ids;
    const prev = last.alignment;
    let p = 0;
    const most = Math.min(old.length, now.length);
    while (p < most && old[p] === now[p]) p++;
    let s = 0;
    while (s < most - p && old[old.length - 1 - s] === now[now.length - 1 - s]) s++;
    if (p === old.length && p === now.length) {
      // The same words (an edit inside the markup that left the final reading's words alone): the same alignment.
      return prev;
    }
    p = Math.max(0, p - MARGIN);
    s = Math.max(0, s - MARGIN);
    const out = emptyAlignment(now.length, b.length);
    let bStart = 0;
    for (let i = 0; i < p; i++) {
      const j = prev.aToB[i]!;
      if (j < 0 || prev.moved[i]) continue;
      out.aToB[i] = j;
      out.bToA[j] = i;
      out.quality[i] = prev.quality[i]!;
      bStart = j + 1;
    }
    let bEnd = b.length;
    for (let k = 0; k < s; k++) {
      const iOld = old.length - 1 - k,
        iNew = now.length - 1 - k;
      const j = prev.aToB[iOld]!;
      if (j < 0 || prev.moved[iOld] || j < bStart) continue;
      out.aToB[iNew] = j;
      out.bToA[j] = iNew;
      out.quality[iNew] = prev.quality[iOld]!;
      if (j < bEnd) bEnd = j;
    }
    alignRegion(now, b, this.interner, out, p, now.length - s, bStart, bEnd);
    findMoves(now, b, this.interner, out);
    return out;
  }
}

/** Collates once, without keeping anything (the CLI). */
export function collate(analysis: Analysis, witness: Witness): Collation {
  return new Collator(witness).collate(analysis);
}
