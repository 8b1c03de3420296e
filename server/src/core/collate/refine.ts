// Telling apart what a gap holds when both sides have unmatched words there (variants.ts calls this for each pair of
// runs). The aligner already paired every near-equal word; what is left is read as:
//   - a misreading as a whole, when the two runs spell nearly the same letters once spaces are ignored (a word
//     split or joined by the recogniser: `a surrances` for `assurances`, `ceruntry` for `countries`);
//   - when one run is longer: the shorter run against the stretch of the longer one it is most like (letters in
//     common), and the rest of the longer run as words one side lacks — `faith. However, using the…` against
//     `Boits` is `faith ] Boits` and an omission, not nine words replaced by one;
//   - in a noisy witness (handwriting or text recognition, where at least NOISY_SHARE of the matched words are
//     near-equal misreadings), also a pair of one to three words a side that shares a third of its letters
//     (`concerns ] cureums`, `faith ] Boits`): in such a witness that is far likelier a misreading than another word;
//   - otherwise a substitution of the one run by the other.
import { boundedDistance, similarity } from './similarity';
import type { Variant } from './variants';
import type { Words } from './tokens';

/** Longest run (letters, spaces left out) compared as a whole for a misreading. */
const MAX_JOINED = 64;
/** The shorter run is placed within the longer one only up to these lengths (the search is their product). */
const MAX_SHORT = 8;
const MAX_LONG = 200;
/** Least mean likeness (1 − distance ÷ length, unthresholded) of the pairs that justifies splitting a run. */
const MIN_SPLIT_LIKENESS = 0.3;
/** Share of matched words misread from which a witness counts as noisy (recognition output). */
export const NOISY_SHARE = 0.05;
/** In a noisy witness: least likeness of a short pair read as a misreading, and the longest runs so read. */
const NOISY_LIKENESS = 0.3;
const NOISY_WORDS = 3;

function joined(w: Words, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += w.keys[k]!;
  return s;
}

/** 1 − edit distance ÷ the longer length: how alike two words are, without the near-equal threshold. */
export function likeness(x: string, y: string): number {
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  return 1 - boundedDistance(x, y, longer) / longer;
}

/** Runs of equal length, word against word: misread pairs and other words, each kind's neighbours merged. */
function pairwise(a: Words, af: number, at: number, b: Words, bf: number, noisy: boolean): Variant[] {
  const out: Variant[] = [];
  for (let k = 0; af + k < at; k++) {
    const misread = misreadAsWhole(a, af + k, af + k + 1, b, bf + k, bf + k + 1, noisy);
    const kind = misread ? 'misreading' : 'substitution';
    const last = out[out.length - 1];
    if (last && last.kind === kind) {
      last.aTo++;
      last.bTo++;
    } else out.push({ kind, aFrom: af + k, aTo: af + k + 1, bFrom: bf + k, bTo: bf + k + 1 });
  }
  return out;
}

/** Whether runs a[af, at) and b[bf, bt) read as the same letters misread (spaces ignored). */
export function misreadAsWhole(
  a: Words,
  af: number,
  at: number,
  b: Words,
  bf: number,
  bt: number,
  noisy = false,
): boolean {
  const x = joined(a, af, at),
    y = joined(b, bf, bt);
  if (x.length > MAX_JOINED || y.length > MAX_JOINED) return false;
  if (similarity(x, y) > 0) return true;
  return noisy && at - af <= NOISY_WORDS && bt - bf <= NOISY_WORDS && likeness(x, y) >= NOISY_LIKENESS;
}

/**
 * The variants for unmatched runs a[af, at) and b[bf, bt) standing at the same place, in order. `noisy`: the
 * witness misreads many words (see NOISY_SHARE).
 */
export function gapVariants(
  a: Words,
  af: number,
  at: number,
  b: Words,
  bf: number,
  bt: number,
  noisy = false,
): Variant[] {
  const n = at - af,
    m = bt - bf;
  // As many words on each side: word against word (a run read as a whole could hide a real difference in it).
  if (n === m) return pairwise(a, af, at, b, bf, noisy);
  if (misreadAsWhole(a, af, at, b, bf, bt, noisy))
    return [{ kind: 'misreading', aFrom: af, aTo: at, bFrom: bf, bTo: bt }];
  const whole: Variant[] = [{ kind: 'substitution', aFrom: af, aTo: at, bFrom: bf, bTo: bt }];
  if (Math.min(n, m) > MAX_SHORT || Math.max(n, m) > MAX_LONG) return whole;
  // Slide the shorter run along the longer one; keep the offset where its words are most alike (the first on a tie).
  const aShort = n < m;
  const short = aShort ? n : m,
    long = aShort ? m : n;
  let best = -1,
    bestAt = 0;
  for (let k = 0; k + short <= long; k++) {
    let sum = 0;
    for (let t = 0; t < short; t++) {
      const x = aShort ? a.keys[af + t]! : a.keys[af + k + t]!;
      const y = aShort ? b.keys[bf + k + t]! : b.keys[bf + t]!;
      sum += likeness(x, y);
    }
    if (sum > best) {
      best = sum;
      bestAt = k;
    }
  }
  if (best / short < MIN_SPLIT_LIKENESS) return whole;
  const out: Variant[] = [];
  if (aShort) {
    if (bestAt > 0) out.push({ kind: 'addition', aFrom: af, aTo: af, bFrom: bf, bTo: bf + bestAt });
    out.push(...gapVariants(a, af, at, b, bf + bestAt, bf + bestAt + short, noisy));
    if (bestAt + short < long) out.push({ kind: 'addition', aFrom: at, aTo: at, bFrom: bf + bestAt + short, bTo: bt });
  } else {
    if (bestAt > 0) out.push({ kind: 'omission', aFrom: af, aTo: af + bestAt, bFrom: bf, bTo: bf });
    out.push(...gapVariants(a, af + bestAt, af + bestAt + short, b, bf, bt, noisy));
    if (bestAt + short < long) out.push({ kind: 'omission', aFrom: af + bestAt + short, aTo: at, bFrom: bt, bTo: bt });
  }
  return out;
}
