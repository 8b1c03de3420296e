// A generator of witness pairs for the collation bench: a text of Zipf-distributed words, and a second witness made
// from it as handwriting recognition and revision make one — misread letters, dropped, repeated and moved phrases,
// replaced words, inserted page headers — with the true correspondence recorded word by word.

const SYLLABLES = [
  'ka',
  'to',
  're',
  'mi',
  'an',
  'sel',
  'por',
  'ti',
  'der',
  'ul',
  'ven',
  'os',
  'ma',
  'lin',
  'gra',
  'che',
  'fo',
  'bu',
  'ne',
  'ist',
  'wal',
  'qu',
  'ro',
  'em',
  'sta',
  'di',
  'he',
  'plo',
  'cu',
  'ar',
];

export interface Pair {
  a: string[];
  b: string[];
  /** For each word of a, its true counterpart in b, or -1 (dropped or replaced). */
  truth: Int32Array;
}

export interface Perturbation {
  misread: number;
  drop: number;
  repeat: number;
  move: number;
  replace: number;
  /** A page header every this many words of the witness. */
  page: number;
}

export const OCR_AND_REVISION: Perturbation = {
  misread: 0.15,
  drop: 0.008,
  repeat: 0.004,
  move: 0.004,
  replace: 0.02,
  page: 280,
};

function vocabulary(rand: () => number, size: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < size) {
    const n = 1 + Math.floor(rand() * 4);
    let w = '';
    for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  // Short function words first: they are the most frequent under Zipf's law, as in real text.
  out.sort((x, y) => x.length - y.length);
  return out;
}

/** `n` words drawn from a Zipf distribution (exponent 1) over a vocabulary of `v` words. */
export function text(rand: () => number, n: number, v = 20_000): string[] {
  const vocab = vocabulary(rand, v);
  const cumulative = new Float64Array(v);
  let sum = 0;
  for (let k = 0; k < v; k++) {
    sum += 1 / (k + 1);
    cumulative[k] = sum;
  }
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const x = rand() * sum;
    let lo = 0,
      hi = v - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = vocab[lo]!;
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One or two letters changed, dropped or added, as a recogniser misreads a word. */
export function misread(rand: () => number, word: string): string {
  let w = word;
  const edits = w.length > 5 && rand() < 0.4 ? 2 : 1;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * w.length);
    const letter = LETTERS[Math.floor(rand() * 26)]!;
    const op = rand();
    if (op < 0.6 || w.length <= 2) w = w.slice(0, at) + letter + w.slice(at + 1);
    else if (op < 0.8) w = w.slice(0, at) + w.slice(at + 1);
    else w = w.slice(0, at) + letter + w.slice(at);
  }
  return w === word ? word + LETTERS[Math.floor(rand() * 26)] : w;
}

export function perturb(rand: () => number, a: string[], p: Perturbation = OCR_AND_REVISION): Pair {
  const b: string[] = [];
  const truth = new Int32Array(a.length).fill(-1);
  const header = ['the', 'white', 'house', 'washington'];
  let nextPage = p.page;
  const emit = (w: string, from: number) => {
    if (b.length >= nextPage) {
      b.push(...header);
      nextPage += p.page;
    }
    if (from >= 0) truth[from] = b.length;
    b.push(w);
  };
  let i = 0;
  while (i < a.length) {
    const r = rand();
    if (r < p.drop) {
      i += 1 + Math.floor(rand() * 6);
      continue;
    }
    if (r < p.drop + p.move && i + 20 < a.length) {
      // A phrase of 2–5 words written 3–12 words later.
      const len = 2 + Math.floor(rand() * 4),
        gap = 3 + Math.floor(rand() * 10);
      for (let k = 0; k < gap; k++) emit(a[i + len + k]!, i + len + k);
      for (let k = 0; k < len; k++) emit(a[i + k]!, i + k);
      i += len + gap;
      continue;
    }
    if (r < p.drop + p.move + p.repeat && i >= 6) {
      // The last few words written twice (a doubled phrase: the second copy has no counterpart).
      const len = 2 + Math.floor(rand() * 5);
      for (let k = len; k > 0; k--) emit(a[i - k]!, -1);
    }
    if (r > 1 - p.replace) {
      emit(a[Math.floor(rand() * a.length)]! + 'x', -1);
      i++;
      continue;
    }
    emit(rand() < p.misread ? misread(rand, a[i]!) : a[i]!, i);
    i++;
  }
  return { a, b, truth };
}

/** Share of the words of a whose partner (or lack of one) is the true one. */
export function accuracy(truth: Int32Array, aToB: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === aToB[i]) right++;
  return truth.length ? right / truth.length : 1;
}
