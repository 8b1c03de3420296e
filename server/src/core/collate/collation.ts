// The collation of a transcription (its final reading) with a witness: words on both sides with their source
// ranges, the alignment, the variants and the share of words that agree. `Collator` keeps the witness's words and
// the last collation, so that after an edit only the region around the change is aligned again.
// The witness's paratext (running heads, page numbers: paratext.ts) is left out of the alignment, so a head in the
// middle of a sentence never pulls words out of place; afterwards it is given back to the text wherever the
// transcription has the very same words at that place (a heading that really is part of the text).
import type { Analysis } from '../analysis';
import type { Reading } from '../readings';
import { align, alignRegion, emptyAlignment, EXACT, findMoves, Interner, type Alignment } from './align';
import { findParatext, type ParatextLine } from './paratext';
import { variants, type Variant } from './variants';
import type { Witness } from './witness';
import { words, type Words } from './tokens';
import { extend, markWords, retract, suggestions, uncertainMarks, type Suggestion } from './uncertain';
import type { GapNode, UnclearNode } from '../model';

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
  /** The witness's running heads and page numbers that stay set apart in this collation, in witness order. */
  paratext: ParatextLine[];
  /** Per witness word: 1 when it belongs to one of `paratext`'s lines. */
  paratextWords: Uint8Array;
  /** The transcription's gaps and unclear readings, each with what the witness reads there (uncertain.ts). */
  suggestions: Suggestion[];
  /** Per witness word: 1 when it is a suggestion at a gap or unclear reading (no variant is made of it). */
  suggestedWords: Uint8Array;
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

/** Words of the transcription's final reading, with source ranges; a gap's placeholder (`[3 words illegible]` when
 *  gaps are described) is no words of it. */
function transcriptionSide(
  analysis: Analysis,
  interner: Interner,
  marks: readonly (GapNode | UnclearNode)[],
): { reading: Reading; a: Side } {
  const reading = analysis.reading('final');
  const all = words(reading.text);
  const gaps = marks.filter((m) => m.kind === 'gap');
  const w = gaps.length ? withoutGaps(all, gaps, (o) => reading.map.toSource(o)) : all;
  return { reading, a: side(w, interner, (o) => reading.map.toSource(o)) };
}

/** The words whose source lies outside every gap (gaps in document order). */
function withoutGaps(w: Words, gaps: readonly GapNode[], toSource: (o: number) => number): Words {
  const keep: number[] = [];
  let g = 0;
  for (let i = 0; i < w.length; i++) {
    const at = toSource(w.starts[i]!);
    while (g < gaps.length && gaps[g]!.end <= at) g++;
    if (g < gaps.length && gaps[g]!.start <= at) continue;
    keep.push(i);
  }
  if (keep.length === w.length) return w;
  return {
    keys: keep.map((i) => w.keys[i]!),
    texts: keep.map((i) => w.texts[i]!),
    starts: Int32Array.from(keep, (i) => w.starts[i]!),
    ends: Int32Array.from(keep, (i) => w.ends[i]!),
    length: keep.length,
  };
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
  /** The witness's running heads and page numbers (all candidates; a collation may give some back to the text). */
  private readonly paratextLines: ParatextLine[];
  private readonly paratextFlags: Uint8Array;
  /** The witness's words the aligner sees (paratext left out): their ids, and their index among all its words. */
  private readonly textIds: Int32Array;
  private readonly textIndex: Int32Array | null;
  /** The last sequence aligned (the transcription's word ids with the gaps' placeholders: uncertain.ts) and its
   *  alignment with `textIds`, for the incremental path. */
  private last: { ids: Int32Array; loose: Uint8Array | undefined; alignment: Alignment } | undefined;
  private incrementalSteps = 0;
  private readonly incrementalFrom: number;
  private readonly refreshEvery: number;

  constructor(
    readonly witness: Witness,
    options: CollatorOptions = {},
  ) {
    const w = words(witness.text);
    this.b = side(w, this.interner, witness.toSource);
    const { lines, flags } = findParatext(witness.text, w);
    this.paratextLines = lines;
    this.paratextFlags = flags;
    if (lines.length === 0) {
      this.textIds = this.b.ids;
      this.textIndex = null;
    } else {
      const index: number[] = [];
      for (let j = 0; j < w.length; j++) if (!flags[j]) index.push(j);
      this.textIndex = Int32Array.from(index);
      this.textIds = Int32Array.from(index, (j) => this.b.ids[j]!);
    }
    this.incrementalFrom = options.incrementalFrom ?? 20_000;
    this.refreshEvery = options.refreshEvery ?? 32;
  }

  /** Collates the analysis's final reading with the witness, reusing the last collation's alignment where the words did not change. */
  collate(analysis: Analysis): Collation {
    const marks = uncertainMarks(analysis.doc);
    const { reading, a } = transcriptionSide(analysis, this.interner, marks);
    // Gaps and unclear words: the aligner sees placeholders for the gaps, and both as loose words (uncertain.ts).
    const at = markWords(a, marks);
    const ext = marks.length ? extend(a.ids, marks, at, this.interner) : null;
    const ids = ext ? ext.ids : a.ids,
      loose = ext ? ext.loose : undefined;
    const last = this.last;
    const incremental =
      last !== undefined &&
      ids.length + this.b.ids.length >= this.incrementalFrom &&
      this.incrementalSteps < this.refreshEvery;
    this.incrementalSteps = incremental ? this.incrementalSteps + 1 : 0;
    const aligned = incremental ? this.realign(last, ids, loose) : align(ids, this.textIds, this.interner, { loose });
    this.last = { ids, loose, alignment: aligned };
    const { alignment: inner, taken: innerTaken } = ext
      ? retract(ext, aligned, a.ids.length)
      : { alignment: aligned, taken: null };
    const alignment = this.textIndex ? expand(inner, this.textIndex, this.b.ids.length) : inner;
    let taken = innerTaken;
    if (innerTaken && this.textIndex) {
      taken = new Int32Array(this.b.ids.length).fill(-1);
      for (let j = 0; j < innerTaken.length; j++) taken[this.textIndex[j]!] = innerTaken[j]!;
    }
    const flags = this.paratextFlags.slice();
    const paratext =
      this.paratextLines.length > 0 ? giveBack(a, this.b, alignment, this.paratextLines, flags) : this.paratextLines;
    const suggested = new Uint8Array(this.b.ids.length);
    const places = marks.length ? suggestions(marks, at, alignment, taken) : [];
    for (const s of places)
      for (let j = s.bFrom; j < s.bTo; j++) if (alignment.bToA[j] === -1 && !flags[j]) suggested[j] = 1;
    const unclear = new Uint8Array(a.ids.length);
    for (const s of places) if (s.node.kind === 'unclear') unclear.fill(1, s.aFrom, s.aTo);
    const gapBefore = new Uint8Array(a.ids.length + 1);
    for (const s of places) if (s.node.kind === 'gap') gapBefore[s.aFrom] = 1;
    return {
      witness: this.witness,
      reading,
      a,
      b: this.b,
      alignment,
      variants: variants(a.words, this.b.words, alignment, flags, { suggested, unclear, gapBefore }),
      agreement: agreementOf(alignment),
      paratext,
      paratextWords: flags,
      suggestions: places,
      suggestedWords: suggested,
    };
  }

  /** Keeps the in-order matches of the unchanged words before and after the edit; aligns only what lies between. */
  private realign(
    last: { ids: Int32Array; loose: Uint8Array | undefined; alignment: Alignment },
    now: Int32Array,
    loose: Uint8Array | undefined,
  ): Alignment {
    const old = last.ids,
      b = this.textIds;
    const prev = last.alignment;
    // A word that became unclear (or clear) is changed too, though its key is the same.
    const was = (i: number) => (last.loose ? last.loose[i]! : 0),
      is = (i: number) => (loose ? loose[i]! : 0);
    let p = 0;
    const most = Math.min(old.length, now.length);
    while (p < most && old[p] === now[p] && was(p) === is(p)) p++;
    let s = 0;
    while (
      s < most - p &&
      old[old.length - 1 - s] === now[now.length - 1 - s] &&
      was(old.length - 1 - s) === is(now.length - 1 - s)
    )
      s++;
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
    alignRegion(now, b, this.interner, out, p, now.length - s, bStart, bEnd, loose);
    findMoves(now, b, this.interner, out);
    return out;
  }
}

/** An alignment with the witness's text words, restated over all its words (`index`: text word → witness word). */
function expand(inner: Alignment, index: Int32Array, lb: number): Alignment {
  const out = emptyAlignment(inner.aToB.length, lb);
  out.quality.set(inner.quality);
  out.moved.set(inner.moved);
  for (let i = 0; i < inner.aToB.length; i++) {
    const j = inner.aToB[i]!;
    if (j < 0) continue;
    out.aToB[i] = index[j]!;
    out.bToA[index[j]!] = i;
  }
  return out;
}

/**
 * Gives paratext lines back to the text where the transcription has the same words, unmatched, between the same
 * in-order matches (a recurring heading that is part of the text). Pairs those words in `alignment`, clears their
 * `flags`, and returns the lines that stay paratext.
 */
function giveBack(a: Side, b: Side, al: Alignment, lines: ParatextLine[], flags: Uint8Array): ParatextLine[] {
  const kept: ParatextLine[] = [];
  for (const line of lines) {
    // The transcription's words between the witness's in-order matches around the line.
    let jb = line.from - 1;
    while (jb >= 0 && (al.bToA[jb] === -1 || al.moved[al.bToA[jb]!])) jb--;
    let ja = line.to;
    while (ja < b.words.length && (al.bToA[ja] === -1 || al.moved[al.bToA[ja]!])) ja++;
    const i0 = jb < 0 ? 0 : al.bToA[jb]! + 1;
    const i1 = ja >= b.words.length ? a.words.length : al.bToA[ja]!;
    const len = line.to - line.from;
    let found = -1;
    for (let i = i0; i + len <= i1 && found < 0; i++) {
      let k = 0;
      while (k < len && al.aToB[i + k] === -1 && a.ids[i + k] === b.ids[line.from + k]) k++;
      if (k === len) found = i;
    }
    if (found < 0) {
      kept.push(line);
      continue;
    }
    for (let k = 0; k < len; k++) {
      al.aToB[found + k] = line.from + k;
      al.bToA[line.from + k] = found + k;
      al.quality[found + k] = EXACT;
      flags[line.from + k] = 0;
    }
  }
  return kept;
}

/** Collates once, without keeping anything (the CLI). */
export function collate(analysis: Analysis, witness: Witness): Collation {
  return new Collator(witness).collate(analysis);
}
