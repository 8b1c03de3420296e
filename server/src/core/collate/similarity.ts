// Near-equal words: how alike two normalised words are, for misreadings such as `fromkly` for `frankly`.
// Similarity is 1 − (edit distance ÷ length of the longer word); words are near-equal from NEAR_EQUAL up.
// Edit distance is computed with a band and an early exit, so unlike words cost a few steps, not a full table.

/** Similarity from which two different words count as the same word misread. */
export const NEAR_EQUAL = 0.5;

const row = new Int32Array(64);

/** Levenshtein distance between a and b, or `limit + 1` as soon as it must exceed `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  const la = a.length,
    lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const prev = lb + 1 <= row.length ? row : new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const up = prev[j]!;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = diag + cost;
      if (up + 1 < v) v = up + 1;
      if (prev[j - 1]! + 1 < v) v = prev[j - 1]! + 1;
      prev[j] = v;
      diag = up;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
  }
  return prev[lb]!;
}

/** Similarity in [0, 1] of two normalised words; 0 when they are too unlike to be one word misread. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = a.length > b.length ? a.length : b.length;
  // Two one-letter words are either equal or different words.
  if (longer <= 1) return 0;
  const limit = Math.floor(longer * (1 - NEAR_EQUAL));
  const d = boundedDistance(a, b, limit);
  if (d > limit) return 0;
  const s = 1 - d / longer;
  return s >= NEAR_EQUAL ? s : 0;
}
