// Readings keep a map back to their source: segments of reading text, each a run of source text or a symbol
// standing for a source position. Built by readings.ts; read by everything that shows a reading beside its source.

/** Maps offsets between a reading and its source. Both directions are monotonic. Lookups remember where the last
 *  one landed and search onward from there, so walking a document in order costs little more than a step each. */
export class SourceMap {
  private lastOut = 0;
  private lastSrc = 0;

  constructor(
    private readonly outStarts: Int32Array,
    private readonly srcStarts: Int32Array,
    private readonly lengths: Int32Array,
    readonly readingLength: number,
  ) {}

  get segmentCount(): number {
    return this.outStarts.length;
  }

  /** The source offset of a reading offset (the end of the last segment for the reading's end). */
  toSource(offset: number): number {
    const k = lastAtOrBefore(this.outStarts, offset, this.lastOut);
    if (k < 0) return this.srcStarts.length ? this.srcStarts[0]! : 0;
    this.lastOut = k;
    return this.srcStarts[k]! + Math.min(offset - this.outStarts[k]!, this.lengths[k]!);
  }

  /** The reading offset of a source offset; text the reading dropped maps to where it would have stood. */
  toReading(offset: number): number {
    const k = lastAtOrBefore(this.srcStarts, offset, this.lastSrc);
    if (k < 0) return 0;
    this.lastSrc = k;
    return this.readingOffset(k, offset);
  }

  /** Where source offset `offset` lands in the reading, given k, the last segment starting at or before it. */
  private readingOffset(k: number, offset: number): number {
    return this.outStarts[k]! + Math.min(offset - this.srcStarts[k]!, this.lengths[k]!);
  }

  /** toReading of many source offsets given in ascending order, in one sweep along the segments. */
  toReadingAll(offsets: ArrayLike<number>): Int32Array {
    const out = new Int32Array(offsets.length);
    const srcStarts = this.srcStarts;
    const n = srcStarts.length;
    let k = -1;
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i]!;
      while (k + 1 < n && srcStarts[k + 1]! <= offset) k++;
      out[i] = k < 0 ? 0 : this.readingOffset(k, offset);
    }
    return out;
  }

  /** True when the source offset's character is present in the reading. */
  covers(offset: number): boolean {
    const k = lastAtOrBefore(this.srcStarts, offset, this.lastSrc);
    if (k >= 0) this.lastSrc = k;
    return k >= 0 && offset < this.srcStarts[k]! + this.lengths[k]!;
  }
}

/** The last index whose value is at most `value` (-1 when none), searched from `hint` outward by doubling steps
 *  (a galloping search): O(log d) for a lookup d places from the previous one. */
function lastAtOrBefore(sorted: Int32Array, value: number, hint: number): number {
  const n = sorted.length;
  if (n === 0 || sorted[0]! > value) return -1;
  let lo: number, hi: number; // sorted[lo] <= value, and hi === n or sorted[hi] > value
  if (hint < n && sorted[hint]! <= value) {
    lo = hint;
    let step = 1;
    hi = lo + 1;
    while (hi < n && sorted[hi]! <= value) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > n) hi = n;
  } else {
    hi = Math.min(hint, n);
    let step = 1;
    lo = hi - 1;
    while (lo > 0 && sorted[lo]! > value) {
      hi = lo;
      step *= 2;
      lo = Math.max(0, hi - step);
    }
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A reading as it is built: segments that are runs of source text (mapped one to one) or symbols (an escape's
 *  character, a bracket), in growable typed arrays. */
export class Segments {
  count = 0;
  outStarts: Int32Array;
  srcStarts: Int32Array;
  /** Source characters each segment maps: a run's length, or a symbol's width (0 or 1). */
  lengths: Int32Array;
  /** -1 for a run of source text, else the index of the segment's text in `symbols`. */
  symbolIds: Int32Array;
  readonly symbols: string[] = [];

  constructor(capacity: number) {
    this.outStarts = new Int32Array(capacity);
    this.srcStarts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.symbolIds = new Int32Array(capacity);
  }

  push(outStart: number, srcStart: number, length: number, symbol: string | null): void {
    if (this.count === this.outStarts.length) this.grow();
    const k = this.count++;
    this.outStarts[k] = outStart;
    this.srcStarts[k] = srcStart;
    this.lengths[k] = length;
    if (symbol === null) {
      this.symbolIds[k] = -1;
    } else {
      this.symbolIds[k] = this.symbols.length;
      this.symbols.push(symbol);
    }
  }

  pop(): void {
    const k = --this.count;
    if (this.symbolIds[k]! >= 0) this.symbols.pop();
  }

  /** The reading's text: each segment's symbol or run of source text, in order. */
  text(src: string): string {
    const { srcStarts, lengths, symbolIds, symbols } = this;
    const pieces: string[] = [];
    for (let k = 0; k < this.count; k++) {
      const id = symbolIds[k]!;
      pieces.push(id >= 0 ? symbols[id]! : src.slice(srcStarts[k]!, srcStarts[k]! + lengths[k]!));
    }
    return pieces.join('');
  }

  /** The finished reading's map (sharing these arrays). */
  map(readingLength: number): SourceMap {
    const n = this.count;
    return new SourceMap(
      this.outStarts.subarray(0, n),
      this.srcStarts.subarray(0, n),
      this.lengths.subarray(0, n),
      readingLength,
    );
  }

  private grow(): void {
    const size = Math.max(16, Math.ceil(this.outStarts.length * 1.5));
    const grown = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.outStarts = grown(this.outStarts);
    this.srcStarts = grown(this.srcStarts);
    this.lengths = grown(this.lengths);
    this.symbolIds = grown(this.symbolIds);
  }
}
