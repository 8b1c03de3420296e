// Word alignment of two texts (the transcription's final reading, A, and a witness, B), tolerant of misreadings.
//
//   1. Anchors: words occurring exactly once in both sides of a region, kept in order by a longest increasing
//      subsequence (patience sorting, O(k log k)); the regions between anchors are aligned again the same way.
//   2. Where a region has no such words: words occurring equally often on both sides (few times) paired in order,
//      and failing that, a bounded dynamic programme that matches equal and near-equal words (similarity.ts).
//   3. Moves: words left unmatched on both sides that form the same phrase a little way off (a transposition).
//
// Everything is index arithmetic on interned word ids; the dynamic programme runs only on small gaps, so the whole
// is close to linear in practice (bench/collate.ts times it up to 100,000 words a side).
import { similarity } from './similarity';

export const UNMATCHED = 0,
  EXACT = 1,
  NEAR = 2,
  LOOSE = 3;
/** LOOSE: a loose word of A (AlignOptions.loose) paired with a word it does not resemble. */
export type MatchQuality = typeof UNMATCHED | typeof EXACT | typeof NEAR | typeof LOOSE;

export interface Alignment {
  /** For each word of A, the index of its counterpart in B, or -1. */
  aToB: Int32Array;
  /** For each word of B, the index of its counterpart in A, or -1. */
  bToA: Int32Array;
  /** For each word of A: UNMATCHED, EXACT (equal keys), NEAR (a near-equal word, probably misread) or LOOSE. */
  quality: Uint8Array;
  /** For each word of A: 1 when its counterpart lies out of order (part of a moved phrase). */
  moved: Uint8Array;
}

/** Largest gap (cells, words × words) the near-equal dynamic programme works on in one piece. */
export const DP_CELLS = 40_000;
/** Longest side of a piece when a big gap without anchors is cut into pieces for the dynamic programme. */
const PIECE = 120;
/** How far (in witness words) a moved phrase may lie from where it is expected, by its length in words. */
const MOVE_REACH = [0, 6, 40, 200];
/**
 * Work allowed to the anchor search, in words visited, as a multiple of both texts' length. Natural text needs a
 * few passes; an adversarial pair (a witness in reverse order) would need quadratically many, so past this budget
 * the regions left are aligned only when small enough for the dynamic programme, and otherwise left unmatched.
 */
const WORK_FACTOR = 48;
/** Longest phrase taken as moved in one piece (longer moved passages are found as several). */
const MAX_MOVE = 256;
/** Weight of a near-equal match relative to an equal word (so equal words win ties). */
const NEAR_WEIGHT = 0.9;
/**
 * Weight of pairing a loose word of A (a gap's placeholder, an unclear word: see AlignOptions.loose) with any word
 * of B: enough to take a witness word nothing else claims, less than any near-equal match (similarity.ts gives at
 * least 0.5 for those), so the words around a gap keep their partners.
 */
export const LOOSE_WEIGHT = 0.3;
/**
 * Where a region holds a loose word, every other pair of words weighs this much without being paired: of the ways to
 * place a gap's words among unmatched words, the one keeping both sides' other words opposite each other wins
 * (`x _{1 word} y` against `p r q` gives the gap `r`). Too small to outweigh a loose pair (a gap piece has at most
 * 200 rows).
 */
const SPREAD_WEIGHT = 0.001;

/** Interns word keys as small integers, so the aligner compares numbers. One interner serves both sides. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  all(keys: readonly string[]): Int32Array {
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = this.id(keys[i]!);
    return out;
  }
}

export interface AlignOptions {
  /** Match near-equal words (misreadings) as well as equal ones; default true. Off, only equal words pair up. */
  near?: boolean;
  /**
   * Per word of A: 1 when it may pair with any word of B (at LOOSE_WEIGHT, where nothing better pairs): the
   * placeholders standing for a gap's words, and unclear words (collation.ts, uncertain.ts).
   */
  loose?: Uint8Array;
}

/** Aligns A with B (both as interned ids over `interner`). */
export function align(a: Int32Array, b: Int32Array, interner: Interner, options: AlignOptions = {}): Alignment {
  const result = emptyAlignment(a.length, b.length);
  const near = options.near ?? true;
  new Aligner(a, b, interner, result, near, options.loose).region(0, a.length, 0, b.length);
  findMoves(a, b, interner, result, near);
  return result;
}

/** Convenience for tests and tools: aligns two lists of normalised keys. */
export function alignKeys(a: readonly string[], b: readonly string[], options: AlignOptions = {}): Alignment {
  const interner = new Interner();
  return align(interner.all(a), interner.all(b), interner, options);
}

export function emptyAlignment(la: number, lb: number): Alignment {
  return {
    aToB: new Int32Array(la).fill(-1),
    bToA: new Int32Array(lb).fill(-1),
    quality: new Uint8Array(la),
    moved: new Uint8Array(la),
  };
}

/** Matches A[a0,a1) with B[b0,b1) in order; exported for the incremental path (collator.ts). */
export function alignRegion(
  a: Int32Array,
  b: Int32Array,
  interner: Interner,
  result: Alignment,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  loose?: Uint8Array,
): void {
  new Aligner(a, b, interner, result, true, loose).region(a0, a1, b0, b1);
}

class Aligner {
  private countA: Int32Array;
  private countB: Int32Array;
  private posB: Int32Array;

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly interner: Interner,
    private readonly out: Alignment,
    private readonly near = true,
    private readonly loose?: Uint8Array,
  ) {
    const v = interner.size;
    this.countA = new Int32Array(v);
    this.countB = new Int32Array(v);
    this.posB = new Int32Array(v);
  }

  private pair(i: number, j: number, quality: MatchQuality): void {
    this.out.aToB[i] = j;
    this.out.bToA[j] = i;
    this.out.quality[i] = quality;
  }

  /** Aligns a region and every region it splits into (an explicit stack: no recursion depth limit). */
  region(a0: number, a1: number, b0: number, b1: number): void {
    const stack = [a0, a1, b0, b1];
    let budget = WORK_FACTOR * (a1 - a0 + b1 - b0) + DP_CELLS;
    while (stack.length) {
      let y1 = stack.pop()!,
        y0 = stack.pop()!,
        x1 = stack.pop()!,
        x0 = stack.pop()!;
      const { a, b } = this;
      while (x0 < x1 && y0 < y1 && a[x0] === b[y0]) this.pair(x0++, y0++, EXACT);
      while (x0 < x1 && y0 < y1 && a[x1 - 1] === b[y1 - 1]) this.pair(--x1, --y1, EXACT);
      if (x0 >= x1 || y0 >= y1) continue;
      const cells = (x1 - x0) * (y1 - y0);
      if (budget < 0) {
        if (cells <= DP_CELLS) this.dynamic(x0, x1, y0, y1);
        continue;
      }
      budget -= x1 - x0 + y1 - y0;
      let anchors = this.anchors(x0, x1, y0, y1, 1);
      if (anchors.length === 0 && cells > DP_CELLS) anchors = this.anchors(x0, x1, y0, y1, 4);
      if (anchors.length === 0) {
        if (cells <= DP_CELLS) this.dynamic(x0, x1, y0, y1);
        else this.pieces(x0, x1, y0, y1);
        continue;
      }
      let px = x0,
        py = y0;
      for (let k = 0; k < anchors.length; k += 2) {
        const i = anchors[k]!,
          j = anchors[k + 1]!;
        this.pair(i, j, EXACT);
        if (i > px || j > py) stack.push(px, i, py, j);
        px = i + 1;
        py = j + 1;
      }
      if (px < x1 || py < y1) stack.push(px, x1, py, y1);
    }
  }

  /**
   * Pairs (i, j) of words whose count in A[x0,x1) equals their count in B[y0,y1) and is at most `most`, paired
   * occurrence by occurrence, reduced to a longest chain increasing on both sides. Flat [i, j, i, j, …].
   */
  private anchors(x0: number, x1: number, y0: number, y1: number, most: number): number[] {
    const { a, b, countA, countB, posB } = this;
    for (let i = x0; i < x1; i++) countA[a[i]!]!++;
    for (let j = y0; j < y1; j++) countB[b[j]!]!++;
    const cand: number[] = [];
    if (most === 1) {
      for (let j = y0; j < y1; j++) posB[b[j]!] = j;
      for (let i = x0; i < x1; i++) {
        const id = a[i]!;
        if (countA[id] === 1 && countB[id] === 1) cand.push(i, posB[id]!);
      }
    } else {
      // Occurrence lists of B for the words that qualify, then the k-th occurrence in A pairs with the k-th in B.
      const lists = new Map<number, number[]>();
      for (let j = y0; j < y1; j++) {
        const id = b[j]!;
        if (countA[id] === countB[id] && countB[id]! <= most) {
          let l = lists.get(id);
          if (!l) lists.set(id, (l = []));
          l.push(j);
        }
      }
      const seen = new Map<number, number>();
      for (let i = x0; i < x1; i++) {
        const l = lists.get(a[i]!);
        if (!l) continue;
        const k = seen.get(a[i]!) ?? 0;
        seen.set(a[i]!, k + 1);
        cand.push(i, l[k]!);
      }
    }
    for (let i = x0; i < x1; i++) countA[a[i]!] = 0;
    for (let j = y0; j < y1; j++) countB[b[j]!] = 0;
    return longestIncreasing(cand);
  }

  /** Weighted longest common subsequence over equal and near-equal words, for a small gap. */
  private dynamic(x0: number, x1: number, y0: number, y1: number): void {
    const { a, b, loose } = this;
    const keys = this.interner.keys;
    const n = x1 - x0,
      m = y1 - y0,
      w = m + 1;
    let spread = 0;
    if (loose) for (let i = x0; i < x1 && spread === 0; i++) if (loose[i] === 1) spread = SPREAD_WEIGHT;
    const score = new Float64Array((n + 1) * w);
    const weight = new Float64Array(n * m);
    for (let i = 1; i <= n; i++) {
      const ka = keys[a[x0 + i - 1]!]!;
      const any = loose !== undefined && loose[x0 + i - 1] === 1;
      for (let j = 1; j <= m; j++) {
        const idb = b[y0 + j - 1]!;
        let s = idb === a[x0 + i - 1] ? 1 : this.near ? similarity(ka, keys[idb]!) * NEAR_WEIGHT : 0;
        if (any && s < LOOSE_WEIGHT) s = LOOSE_WEIGHT;
        else if (s === 0) s = spread;
        weight[(i - 1) * m + (j - 1)] = s;
        let best = score[(i - 1) * w + j]!;
        const left = score[i * w + j - 1]!;
        if (left > best) best = left;
        if (s > 0) {
          const diag = score[(i - 1) * w + j - 1]! + s;
          if (diag > best) best = diag;
        }
        score[i * w + j] = best;
      }
    }
    let i = n,
      j = m;
    while (i > 0 && j > 0) {
      const s = weight[(i - 1) * m + (j - 1)]!;
      const here = score[i * w + j]!;
      if (s > 0 && here === score[(i - 1) * w + j - 1]! + s) {
        if (s !== spread) this.pair(x0 + i - 1, y0 + j - 1, s === 1 ? EXACT : s === LOOSE_WEIGHT ? LOOSE : NEAR);
        i--;
        j--;
      } else if (here === score[(i - 1) * w + j]) i--;
      else j--;
    }
  }

  /** A big gap with no anchors at all: cut both sides into proportional pieces and align each piece. */
  private pieces(x0: number, x1: number, y0: number, y1: number): void {
    const n = x1 - x0,
      m = y1 - y0;
    const count = Math.ceil(Math.max(n, m) / PIECE);
    for (let k = 0; k < count; k++) {
      const xs = x0 + Math.floor((n * k) / count),
        xe = x0 + Math.floor((n * (k + 1)) / count);
      const ys = y0 + Math.floor((m * k) / count),
        ye = y0 + Math.floor((m * (k + 1)) / count);
      if (xe > xs && ye > ys) this.dynamic(xs, xe, ys, ye);
    }
  }
}

/** From flat pairs [i, j, …] sorted by i (distinct i), the longest chain with j strictly increasing. */
export function longestIncreasing(pairs: number[]): number[] {
  const k = pairs.length >> 1;
  if (k === 0) return [];
  const tails = new Int32Array(k); // index (pair number) of the smallest tail of a chain of each length
  const prev = new Int32Array(k);
  let len = 0;
  for (let p = 0; p < k; p++) {
    const j = pairs[2 * p + 1]!;
    let lo = 0,
      hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[2 * tails[mid]! + 1]! < j) lo = mid + 1;
      else hi = mid;
    }
    prev[p] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = p;
    if (lo === len) len++;
  }
  const out = new Array<number>(2 * len);
  let p = tails[len - 1]!;
  for (let q = len - 1; q >= 0; q--) {
    out[2 * q] = pairs[2 * p]!;
    out[2 * q + 1] = pairs[2 * p + 1]!;
    p = prev[p]!;
  }
  return out;
}

/**
 * Moved phrases: a run of unmatched words of A that reads the same as a run of unmatched words of B a little way
 * from where A's run would stand in B. The first word must be equal; the following ones equal or near-equal.
 */
export function findMoves(a: Int32Array, b: Int32Array, interner: Interner, out: Alignment, near = true): void {
  const keys = interner.keys;
  const free = new Map<number, number[]>();
  for (let j = 0; j < b.length; j++) {
    if (out.bToA[j] !== -1) continue;
    let l = free.get(b[j]!);
    if (!l) free.set(b[j]!, (l = []));
    l.push(j);
  }
  if (free.size === 0) return;
  let expected = 0; // where in B the next word of A would stand, from the last in-order match
  for (let i = 0; i < a.length; i++) {
    if (out.aToB[i] !== -1) {
      if (!out.moved[i]) expected = out.aToB[i]! + 1;
      continue;
    }
    const cands = free.get(a[i]!);
    if (!cands) continue;
    let bestJ = -1,
      bestLen = 0;
    for (const j of cands) {
      if (out.bToA[j] !== -1 || Math.abs(j - expected) > MOVE_REACH[MOVE_REACH.length - 1]!) continue;
      let len = 1;
      while (
        len < MAX_MOVE &&
        i + len < a.length &&
        j + len < b.length &&
        out.aToB[i + len] === -1 &&
        out.bToA[j + len] === -1 &&
        (a[i + len] === b[j + len] || (near && similarity(keys[a[i + len]!]!, keys[b[j + len]!]!) > 0))
      )
        len++;
      const reach = MOVE_REACH[Math.min(len, MOVE_REACH.length - 1)]!;
      if (Math.abs(j - expected) > reach) continue;
      // A single short word (`of`, `the`) turns up everywhere; only a longer one is taken as moved on its own.
      if (len === 1 && keys[a[i]!]!.length < 4) continue;
      if (len > bestLen) {
        bestLen = len;
        bestJ = j;
      }
    }
    if (bestJ < 0) continue;
    for (let k = 0; k < bestLen; k++) {
      out.aToB[i + k] = bestJ + k;
      out.bToA[bestJ + k] = i + k;
      out.quality[i + k] = a[i + k] === b[bestJ + k] ? EXACT : NEAR;
      out.moved[i + k] = 1;
    }
    i += bestLen - 1;
  }
}
