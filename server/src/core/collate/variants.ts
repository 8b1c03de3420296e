// Variants: the places where the witness reads differently, derived from an alignment.
//   misreading     a word matched to a near-equal word (`fromkly` for `frankly`): probably the same word misread;
//   substitution   words of the transcription where the witness has other words;
//   omission       words of the transcription the witness lacks;
//   addition       words of the witness the transcription lacks (a page header, a word the transcriber skipped…);
//   repetition     an addition that repeats the witness's words right before or after it (a doubled phrase);
//   transposition  words both have, but at another place in the witness (a moved phrase, swapped words);
//   paratext       a running head, letterhead or page number of the witness (paratext.ts), set apart from the text.
// Where both sides have unmatched words at one place, refine.ts tells a misreading of split or joined words and an
// uneven substitution (some words replaced, the rest omitted or added) from a plain substitution.
// Differences of case, punctuation, hyphenation and line breaks are not variants (tokens.ts normalises them away),
// nor is what the witness reads at a gap or an unclear reading of the transcription: that is its suggestion
// (uncertain.ts).
import { NEAR, type Alignment } from './align';
import { gapVariants, NOISY_SHARE } from './refine';
import { similarity } from './similarity';
import type { Words } from './tokens';

export type VariantKind =
  'misreading' | 'substitution' | 'omission' | 'addition' | 'repetition' | 'transposition' | 'paratext';
export const VARIANT_KINDS: readonly VariantKind[] = [
  'misreading',
  'substitution',
  'omission',
  'addition',
  'repetition',
  'transposition',
  'paratext',
];

/**
 * One variant. Word ranges are [from, to) into the transcription's words (a) and the witness's words (b). An empty
 * range stands before word `from`: where the missing words would go.
 */
export interface Variant {
  kind: VariantKind;
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

function sameWords(w: Words, from: number, other: number, length: number): boolean {
  if (from < 0 || other < 0 || from + length > w.length || other + length > w.length) return false;
  for (let k = 0; k < length; k++) {
    const x = w.keys[from + k]!,
      y = w.keys[other + k]!;
    if (x !== y && similarity(x, y) === 0) return false;
  }
  return true;
}

/** The transcription's gaps and unclear readings, as the variants need them (uncertain.ts). */
export interface UncertainFlags {
  /** Per witness word: 1 when it is a suggestion at a gap or an unclear reading. */
  suggested?: Uint8Array;
  /** Per transcription word: 1 when it is (part of) an unclear reading. */
  unclear?: Uint8Array;
  /** Per transcription word, and one more for the end: 1 when a gap stands before it. */
  gapBefore?: Uint8Array;
}

/**
 * Every variant, in the transcription's order (additions where they would stand). `paratext` flags the witness's
 * words that belong to running heads and page numbers (paratext.ts); `uncertain` the words at gaps and unclear
 * readings, of which no variant is made (a run of unmatched words ends at a gap). Linear in the words, but for
 * refine.ts's bounded look at uneven gaps.
 */
export function variants(
  a: Words,
  b: Words,
  al: Alignment,
  paratext?: Uint8Array,
  uncertain: UncertainFlags = {},
): Variant[] {
  const { suggested, unclear, gapBefore } = uncertain;
  let skipB = paratext;
  if (suggested) {
    skipB = suggested.slice();
    if (paratext) for (let j = 0; j < skipB.length; j++) skipB[j]! |= paratext[j]!;
  }
  const out: Variant[] = [];
  const la = a.length,
    lb = b.length;
  let pi = -1,
    pj = -1; // the last in-order match
  let matched = 0,
    near = 0;
  for (let i = 0; i < la; i++) {
    if (al.aToB[i] === -1) continue;
    matched++;
    if (al.quality[i] === NEAR) near++;
  }
  const noisy = matched > 0 && near >= NOISY_SHARE * matched;
  const emitGap = (i0: number, i1: number, j0: number, j1: number): void => {
    // Paratext of the witness in the gap, set apart where it stands (before the gap's end in the transcription).
    if (paratext) {
      for (let j = j0; j < j1; j++) {
        if (!paratext[j] || al.bToA[j] !== -1) continue;
        const s = j;
        while (j < j1 && paratext[j] && al.bToA[j] === -1) j++;
        out.push({ kind: 'paratext', aFrom: i1, aTo: i1, bFrom: s, bTo: j });
      }
    }
    // Unmatched runs on each side of the gap (moved words inside it are reported as transpositions).
    const ra = runs(al.aToB, i0, i1, undefined, gapBefore),
      rb = runs(al.bToA, j0, j1, skipB);
    const n = Math.max(ra.length, rb.length) >> 1;
    for (let k = 0; k < n; k++) {
      const hasA = 2 * k < ra.length,
        hasB = 2 * k < rb.length;
      if (hasA && hasB) out.push(...gapVariants(a, ra[2 * k]!, ra[2 * k + 1]!, b, rb[2 * k]!, rb[2 * k + 1]!, noisy));
      else if (hasA) out.push({ kind: 'omission', aFrom: ra[2 * k]!, aTo: ra[2 * k + 1]!, bFrom: j1, bTo: j1 });
      else {
        const f = rb[2 * k]!,
          t = rb[2 * k + 1]!,
          len = t - f;
        const repeated = sameWords(b, f, f - len, len) || sameWords(b, f, t, len);
        out.push({ kind: repeated ? 'repetition' : 'addition', aFrom: i1, aTo: i1, bFrom: f, bTo: t });
      }
    }
  };
  for (let i = 0; i <= la; i++) {
    if (i < la && (al.aToB[i] === -1 || al.moved[i])) continue;
    const j = i < la ? al.aToB[i]! : lb;
    if (i > pi + 1 || j > pj + 1) emitGap(pi + 1, i, pj + 1, j);
    if (i < la && al.quality[i] === NEAR && !(unclear && unclear[i])) {
      const last = out[out.length - 1];
      if (last && last.kind === 'misreading' && last.aTo === i && last.bTo === j) {
        last.aTo++;
        last.bTo++;
      } else out.push({ kind: 'misreading', aFrom: i, aTo: i + 1, bFrom: j, bTo: j + 1 });
    }
    pi = i;
    pj = j;
  }
  // Moved phrases: runs of moved words whose counterparts are consecutive.
  for (let i = 0; i < la; i++) {
    if (!al.moved[i]) continue;
    let t = i + 1;
    while (t < la && al.moved[t] && al.aToB[t] === al.aToB[t - 1]! + 1) t++;
    out.push({ kind: 'transposition', aFrom: i, aTo: t, bFrom: al.aToB[i]!, bTo: al.aToB[t - 1]! + 1 });
    i = t - 1;
  }
  out.sort((x, y) => x.aFrom - y.aFrom || x.aTo - y.aTo || x.bFrom - y.bFrom);
  return out;
}

/**
 * Maximal runs [from, to) of unmatched entries (-1) of `partner` within [from, to), flat; `skip` ends a run (the
 * entry is in none), so does `breaks` (a run ends before an entry it flags).
 */
function runs(partner: Int32Array, from: number, to: number, skip?: Uint8Array, breaks?: Uint8Array): number[] {
  const out: number[] = [];
  let k = from;
  const free = (i: number) => partner[i] === -1 && !(skip && skip[i]);
  while (k < to) {
    if (!free(k)) {
      k++;
      continue;
    }
    const s = k;
    k++;
    while (k < to && free(k) && !(breaks && breaks[k])) k++;
    out.push(s, k);
  }
  return out;
}
