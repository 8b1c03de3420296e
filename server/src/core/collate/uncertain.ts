// Gaps and unclear readings in a collation (docs/collation.md, "Gaps and unclear words"). Where the transcription
// has a gap `_{…}` or an unclear reading `?{…}`, what the witness reads opposite is its suggestion for the place,
// not a variant. For the aligner, a gap stands as a few placeholder words (as many as its extent allows) and an
// unclear word as itself; both are loose (align.ts): they may pair with any witness word that nothing else claims.
// After the alignment the placeholders are taken out again: the witness words they took are the gap's suggestion,
// left unpaired but flagged so that no variant is made of them.
import type { EmendDocument, GapNode, Inline, UnclearNode } from '../model';
import type { Extent } from '../editorial';
import { emptyAlignment, LOOSE, type Alignment, type Interner } from './align';
import type { Side } from './collation';

/** A gap or an unclear reading of the final reading, and what the witness reads there. */
export interface Suggestion {
  node: GapNode | UnclearNode;
  /** The transcription's words of the mark: an unclear reading's; for a gap, empty at the word after it. */
  aFrom: number;
  aTo: number;
  /** The witness's words opposite (empty when it has none there). */
  bFrom: number;
  bTo: number;
}

/** Most witness words one gap may stand for, whatever its extent says. */
export const MAX_GAP_WORDS = 40;
/** Witness words a gap of unknown size may stand for: about a line. */
export const UNKNOWN_GAP_WORDS = 10;

/**
 * How many witness words a gap may stand for: its number of words (the upper end of a range; one more when it is
 * approximate), a word for every five letters begun, ten words a line, two words a centimetre; a line's worth when
 * the size is unknown.
 */
export function gapWords(extent: Extent | null): number {
  const n = extent ? (extent.atMost ?? extent.quantity) : undefined;
  if (extent === null || n === undefined) return UNKNOWN_GAP_WORDS;
  let words: number;
  switch (extent.unit ?? 'char') {
    case 'word':
      words = n;
      break;
    case 'char':
      words = Math.ceil(n / 5);
      break;
    case 'line':
      words = n * UNKNOWN_GAP_WORDS;
      break;
    case 'cm':
      words = n * 2;
      break;
    case 'mm':
      words = Math.ceil(n / 5);
      break;
  }
  if (extent.approximate) words++;
  return Math.max(1, Math.min(MAX_GAP_WORDS, words));
}

/** The gaps and unclear readings whose text is in the final reading (none inside a deletion), in document order. */
export function uncertainMarks(doc: EmendDocument): (GapNode | UnclearNode)[] {
  const out: (GapNode | UnclearNode)[] = [];
  const walk = (nodes: Inline[]): void => {
    for (const n of nodes) {
      if (n.kind === 'gap' || n.kind === 'unclear') out.push(n);
      else if (n.kind === 'subst') {
        if (n.first.kind !== 'del') walk(n.first.children);
        if (n.second.kind !== 'del') walk(n.second.children);
      } else if (n.kind === 'add' || n.kind === 'hand' || n.kind === 'supplied') walk(n.children);
    }
  };
  for (const p of doc.paragraphs) walk(p.children);
  return out;
}

/** The first word of a side whose source range starts at or after `offset`. */
function firstFrom(side: Side, offset: number): number {
  const s = side.srcStarts;
  let lo = 0,
    hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where each mark stands among the transcription's words: [from, to) (a gap: from = to, the word after it). */
export function markWords(a: Side, marks: readonly (GapNode | UnclearNode)[]): Int32Array {
  const out = new Int32Array(2 * marks.length);
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    // A word that begins before the mark but runs into it (`w?{or}d`) belongs to it too.
    let from = firstFrom(a, m.start);
    if (from > 0 && a.srcEnds[from - 1]! > m.start) from--;
    let to = from;
    if (m.kind === 'unclear') while (to < a.srcStarts.length && a.srcStarts[to]! < m.end) to++;
    out[2 * k] = from;
    out[2 * k + 1] = to;
  }
  return out;
}

/** The sequence the aligner sees: the transcription's words with each gap's placeholders before the word after it. */
export interface Extended {
  ids: Int32Array;
  loose: Uint8Array;
  /** Per position: the transcription's word there, or -1 for a placeholder. */
  toA: Int32Array;
  /** Per position: the gap (index into the marks) a placeholder stands for, or -1. */
  gap: Int32Array;
}

/** A placeholder's key: no word of any text has it (words hold no control characters: tokens.ts). */
const PLACEHOLDER = '\u0000gap';

export function extend(
  aIds: Int32Array,
  marks: readonly (GapNode | UnclearNode)[],
  at: Int32Array,
  interner: Interner,
): Extended {
  const la = aIds.length;
  const extra = new Int32Array(la + 1); // placeholders before word i
  const gapAt: number[][] = [];
  let total = la;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    if (m.kind !== 'gap') continue;
    const n = gapWords(m.extent);
    const i = at[2 * k]!;
    extra[i]! += n;
    (gapAt[i] ??= []).push(k);
    total += n;
  }
  const ids = new Int32Array(total),
    loose = new Uint8Array(total),
    toA = new Int32Array(total),
    gap = new Int32Array(total).fill(-1);
  const placeholder = interner.id(PLACEHOLDER);
  const unclear = new Uint8Array(la);
  for (let k = 0; k < marks.length; k++) if (marks[k]!.kind === 'unclear') unclear.fill(1, at[2 * k]!, at[2 * k + 1]!);
  let p = 0;
  for (let i = 0; i <= la; i++) {
    for (const k of gapAt[i] ?? []) {
      const n = gapWords((marks[k] as GapNode).extent);
      for (let q = 0; q < n; q++, p++) {
        ids[p] = placeholder;
        loose[p] = 1;
        toA[p] = -1;
        gap[p] = k;
      }
    }
    if (i === la) break;
    ids[p] = aIds[i]!;
    loose[p] = unclear[i]!;
    toA[p] = i;
    p++;
  }
  return { ids, loose, toA, gap };
}

/**
 * The alignment over the transcription's own words, from one over the extended sequence; and per witness word the
 * gap whose placeholder took it (-1 for none).
 */
export function retract(ext: Extended, al: Alignment, la: number): { alignment: Alignment; taken: Int32Array } {
  const lb = al.bToA.length;
  const out = emptyAlignment(la, lb);
  const taken = new Int32Array(lb).fill(-1);
  for (let p = 0; p < ext.toA.length; p++) {
    const j = al.aToB[p]!;
    const i = ext.toA[p]!;
    if (i < 0) {
      // A placeholder pairs only where nothing resembles (LOOSE); moved phrases never start on one.
      if (j >= 0 && al.quality[p] === LOOSE) taken[j] = ext.gap[p]!;
      continue;
    }
    out.quality[i] = al.quality[p]!;
    out.moved[i] = al.moved[p]!;
    if (j >= 0) {
      out.aToB[i] = j;
      out.bToA[j] = i;
    }
  }
  return { alignment: out, taken };
}

/**
 * What the witness reads at each mark: for a gap the witness words its placeholders took (and any unpaired ones
 * between them); for an unclear reading the partners of its words, in order, and the unpaired words among them.
 */
export function suggestions(
  marks: readonly (GapNode | UnclearNode)[],
  at: Int32Array,
  al: Alignment,
  taken: Int32Array | null,
): Suggestion[] {
  const first = new Int32Array(marks.length).fill(-1),
    last = new Int32Array(marks.length).fill(-1);
  for (let j = 0; taken && j < taken.length; j++) {
    const k = taken[j]!;
    if (k < 0) continue;
    if (first[k] === -1) first[k] = j;
    last[k] = j + 1;
  }
  return marks.map((node, k) => {
    const aFrom = at[2 * k]!,
      aTo = at[2 * k + 1]!;
    let bFrom = -1,
      bTo = -1;
    if (node.kind === 'gap') {
      bFrom = first[k]!;
      bTo = last[k]!;
    } else {
      for (let i = aFrom; i < aTo; i++) {
        const j = al.aToB[i]!;
        if (j < 0 || al.moved[i]) continue;
        if (bFrom < 0) bFrom = j;
        bTo = j + 1;
      }
    }
    if (bFrom < 0) {
      // Nothing opposite: an empty range where the witness would have it (after the last in-order partner before).
      let i = aFrom - 1;
      while (i >= 0 && (al.aToB[i] === -1 || al.moved[i])) i--;
      bFrom = bTo = i < 0 ? 0 : al.aToB[i]! + 1;
    }
    return { node, aFrom, aTo, bFrom, bTo };
  });
}
