// Linking a transcription's words to their places on the page images, through a layout (PAGE XML, ALTO).
//
// 1. Both sides as words: the transcription's diplomatic reading (every word on the page: struck ones and
//    insertions too), mapped back to the source through its SourceMap; the layout's words in reading order.
//    Words are compared after folding (fold.ts: case, long s, ligatures, the old superscript-e umlaut).
// 2. The collation's word alignment (collate/align.ts: unique-word anchors, near-equal words for misreadings,
//    moved phrases). Words matched exactly and in order are the fixed points.
// 3. Between two fixed points, the words left are aligned character by character (an edit distance over the
//    folded characters, spaces included), so a word the engine split (`Freih eit`) or joined (`ſoſchädlich`), or
//    misread badly, still finds its characters: its box is the union of the parts of the layout's words (glyph
//    boxes where the file has them, else a share of the word's box by characters) that at least half of its
//    characters matched, on the line that holds most of them.
// 4. A word still unplaced (an insertion in the margin the engine did not read) gets the box of the nearest line,
//    marked approximate, when it sits in a short run between placed words on the same or neighbouring lines;
//    otherwise it gets no box: it is listed, not guessed.
import type { Analysis } from '../analysis';
import { align, EXACT, Interner } from '../collate/align';
import { wordKey, words } from '../collate/tokens';
import { fold } from './fold';
import { charsBox, union } from './geometry';
import type { Box, LayoutPage, LayoutWord } from './layout';

export interface LinkedWord {
  /** The word as the transcription's diplomatic reading has it. */
  text: string;
  /** UTF-16 offsets of the word in the transcription's source. */
  start: number;
  end: number;
  /** Index of the page (in the order of the images) its box is on; without a box, the page its page break gives
   *  (when page breaks name the images), else -1. */
  page: number;
  /** In pixels of the page image; null when the word could not be placed. */
  box: Box | null;
  /** True when the box is the word's line rather than the word itself. */
  approximate: boolean;
  /** Index of the layout line (counted over all pages) the box lies on, or -1. */
  line: number;
}

export interface LinkStats {
  words: number;
  /** Placed on a word of the layout. */
  placed: number;
  /** Given their line's box. */
  approximate: number;
  unplaced: number;
}

export interface Links {
  words: LinkedWord[];
  stats: LinkStats;
}

/** A run of unplaced words longer than this is a stretch the layout lacks: not given a line. */
const MAX_APPROXIMATE_RUN = 12;
/** Character alignment between two fixed points only where the gap is at most this many cells. */
const MAX_CHAR_CELLS = 400_000;
/** Share of a word's characters that must match layout characters for the word to be placed there. */
const MIN_CHAR_SHARE = 0.5;

interface LayoutToken {
  key: string;
  /** Folded characters of the token, and for each the index of the raw character of the layout word. */
  chars: string;
  raw: Int32Array;
  word: LayoutWord;
  line: number;
  page: number;
}

/** A line drawn in Emend for words of the transcription (layout.ts `drawn`): its tokens, bound by its anchor. */
interface DrawnGroup {
  tokens: LayoutToken[];
  occurrence: number;
}

/**
 * The layout's words in reading order as comparable tokens (a layout word may give several, or none). The tokens
 * of lines drawn in Emend are kept apart: they are linked by their anchor, never aligned.
 */
function layoutTokens(pages: readonly LayoutPage[]): {
  tokens: LayoutToken[];
  drawn: DrawnGroup[];
  lineBoxes: Box[];
  linePages: number[];
  lineDrawn: Uint8Array;
} {
  const tokens: LayoutToken[] = [];
  const drawn: DrawnGroup[] = [];
  const lineBoxes: Box[] = [];
  const linePages: number[] = [];
  const drawnLines: number[] = [];
  pages.forEach((page, p) => {
    for (const line of page.lines) {
      const li = lineBoxes.length;
      lineBoxes.push(line.box);
      linePages.push(p);
      const into: LayoutToken[] = line.drawn ? [] : tokens;
      if (line.drawn) {
        drawn.push({ tokens: into, occurrence: line.drawn.occurrence });
        drawnLines.push(li);
      }
      for (const word of line.words) {
        const f = fold(word.text);
        const ws = words(f.text);
        for (let k = 0; k < ws.length; k++) {
          const s = ws.starts[k]!,
            e = ws.ends[k]!;
          into.push({
            key: wordKey(ws.texts[k]!),
            chars: f.text.slice(s, e),
            raw: f.from.subarray(s, e),
            word,
            line: li,
            page: p,
          });
        }
      }
    }
  });
  const lineDrawn = new Uint8Array(lineBoxes.length);
  for (const li of drawnLines) lineDrawn[li] = 1;
  return { tokens, drawn, lineBoxes, linePages, lineDrawn };
}

/** The transcription's words as the linking sees them: the diplomatic reading's, folded, with source offsets. */
export interface TranscriptionWords {
  /** The words as the diplomatic reading has them. */
  texts: string[];
  /** Folded (fold.ts) and normalised (collate/tokens.ts wordKey): what is compared. */
  keys: string[];
  /** The folded characters of each word. */
  chars: string[];
  /** UTF-16 offsets of each word in the transcription's source. */
  starts: number[];
  ends: number[];
  /** The diplomatic reading, and each word's offsets in it. */
  reading: string;
  readingStarts: Int32Array;
  readingEnds: Int32Array;
}

export function transcriptionWords(analysis: Analysis): TranscriptionWords {
  const reading = analysis.reading('diplomatic');
  const ws = words(reading.text);
  const n = ws.length;
  const out: TranscriptionWords = {
    texts: new Array<string>(n),
    keys: new Array<string>(n),
    chars: new Array<string>(n),
    starts: new Array<number>(n),
    ends: new Array<number>(n),
    reading: reading.text,
    readingStarts: ws.starts,
    readingEnds: ws.ends,
  };
  for (let i = 0; i < n; i++) {
    out.texts[i] = ws.texts[i]!;
    out.chars[i] = fold(ws.texts[i]!).text;
    out.keys[i] = wordKey(out.chars[i]!);
    out.starts[i] = reading.map.toSource(ws.starts[i]!);
    out.ends[i] = reading.map.toSource(ws.ends[i]! - 1) + 1;
  }
  return out;
}

/** The keys of a text's words as a layout line gives them (fold, then words), to compare with the transcription's. */
export function lineKeys(text: string): string[] {
  return words(fold(text).text).texts.map(wordKey);
}

/**
 * Where `seq` stands in `keys` for the `occurrence`-th time (counting from 0), or -1. A drawn line's anchor: the
 * words it was drawn for, and how many times they stood earlier in the transcription.
 */
export function findOccurrence(keys: readonly string[], seq: readonly string[], occurrence: number): number {
  const m = seq.length;
  if (m === 0) return -1;
  let seen = 0;
  for (let i = 0; i + m <= keys.length; i++) {
    let k = 0;
    while (k < m && keys[i + k] === seq[k]) k++;
    if (k === m) {
      if (seen === occurrence) return i;
      seen++;
    }
  }
  return -1;
}

/** How many times keys[at, at + m) stands earlier in `keys` (the anchor a box drawn for those words records). */
export function occurrenceAt(keys: readonly string[], at: number, m: number): number {
  let seen = 0;
  for (let i = 0; i < at; i++) {
    let k = 0;
    while (k < m && keys[i + k] === keys[at + k]) k++;
    if (k === m) seen++;
  }
  return seen;
}

/** The box of a token's characters [from, to) (token-relative), within its layout word. */
function tokenCharsBox(t: LayoutToken, from: number, to: number): Box {
  const raw0 = t.raw[from]!;
  const rawEnd = t.raw[to - 1]! + 1;
  // A folded character may stand for two raw ones (aͤ): extend to the next raw character's start.
  let rawTo = rawEnd;
  while (
    rawTo < t.word.text.length &&
    (to >= t.raw.length || rawTo < t.raw[to]!) &&
    isCombining(t.word.text.charCodeAt(rawTo))
  )
    rawTo++;
  return charsBox(t.word.box, t.word.glyphs, t.word.text.length, raw0, rawTo);
}

function isCombining(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

export interface LinkOptions {
  /**
   * Align the words left between fixed points character by character (default true). Off, each word takes the
   * box of the word the collation matched it with (equal, near-equal or moved), as a plain word alignment would:
   * kept for comparison (`npm run bench facsimile`).
   */
  characters?: boolean;
}

export function linkWords(analysis: Analysis, pages: readonly LayoutPage[], options: LinkOptions = {}): Links {
  const tw = transcriptionWords(analysis);
  const n = tw.texts.length;
  const aChars = tw.chars;
  const aKeys = tw.keys;
  const { tokens, drawn, lineBoxes, linePages, lineDrawn } = layoutTokens(pages);
  const interner = new Interner();
  const aIds = interner.all(aKeys);
  const bIds = interner.all(tokens.map((t) => t.key));
  const al = align(aIds, bIds, interner);

  const boxes: (Box | null)[] = new Array(n).fill(null);
  const lines = new Int32Array(n).fill(-1);
  const approximate = new Uint8Array(n);

  // Fixed points: words equal to their layout word, in order.
  const fixedA: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = al.aToB[i]!;
    if (j < 0 || al.moved[i] || al.quality[i] !== EXACT) continue;
    const t = tokens[j]!;
    boxes[i] = tokenCharsBox(t, 0, t.chars.length);
    lines[i] = t.line;
    fixedA.push(i);
  }

  if (options.characters === false) {
    for (let i = 0; i < n; i++) {
      const j = al.aToB[i]!;
      if (j < 0) continue;
      boxes[i] = tokens[j]!.word.box;
      lines[i] = tokens[j]!.line;
    }
  }

  // Gaps between fixed points: character alignment.
  if (options.characters !== false) {
    let prevA = -1,
      prevB = -1;
    for (let k = 0; k <= fixedA.length; k++) {
      const ia = k < fixedA.length ? fixedA[k]! : n;
      const jb = k < fixedA.length ? al.aToB[ia]! : tokens.length;
      if (ia - prevA > 1 && jb - prevB > 1) alignGap(aChars, prevA + 1, ia, tokens, prevB + 1, jb, boxes, lines);
      prevA = ia;
      prevB = jb;
    }
  }

  // Moved phrases (a margin note the engine read elsewhere) for words the gaps could not place.
  for (let i = 0; i < n; i++) {
    if (boxes[i] || !al.moved[i] || al.aToB[i]! < 0) continue;
    const t = tokens[al.aToB[i]!]!;
    boxes[i] = tokenCharsBox(t, 0, t.chars.length);
    lines[i] = t.line;
  }

  // Boxes drawn in Emend: their words, found by their anchor, take the drawn box (later lines win).
  for (const g of drawn) {
    const at = findOccurrence(
      aKeys,
      g.tokens.map((t) => t.key),
      g.occurrence,
    );
    if (at < 0) continue;
    for (let k = 0; k < g.tokens.length; k++) {
      const t = g.tokens[k]!;
      boxes[at + k] = tokenCharsBox(t, 0, t.chars.length);
      lines[at + k] = t.line;
      approximate[at + k] = 0;
    }
  }

  // Runs of unplaced words: the neighbouring line, approximately, or nothing. A drawn box is no line of the page:
  // the words beside it get nothing from it.
  for (let i = 0; i < n;) {
    if (boxes[i]) {
      i++;
      continue;
    }
    let e = i;
    while (e < n && !boxes[e]) e++;
    const lineOf = (k: number) => (lineDrawn[lines[k]!] ? -1 : lines[k]!);
    const before = i > 0 ? lineOf(i - 1) : -1,
      after = e < n ? lineOf(e) : -1;
    const near = before >= 0 && after >= 0 ? (Math.abs(after - before) <= 1 ? before : -1) : Math.max(before, after);
    if (e - i <= MAX_APPROXIMATE_RUN && near >= 0) {
      for (let k = i; k < e; k++) {
        boxes[k] = lineBoxes[near]!;
        lines[k] = near;
        approximate[k] = 1;
      }
    }
    i = e;
  }

  const out: LinkedWord[] = new Array(n);
  const stats: LinkStats = { words: n, placed: 0, approximate: 0, unplaced: 0 };
  for (let i = 0; i < n; i++) {
    const box = boxes[i];
    const line = lines[i]!;
    out[i] = {
      text: tw.texts[i]!,
      start: tw.starts[i]!,
      end: tw.ends[i]!,
      page: box ? linePages[line]! : -1,
      box: box ?? null,
      approximate: approximate[i] === 1,
      line: box ? line : -1,
    };
    if (!box) stats.unplaced++;
    else if (approximate[i]) stats.approximate++;
    else stats.placed++;
  }
  return { words: out, stats };
}

/**
 * Aligns words A[a0, a1) with tokens B[b0, b1) character by character (Levenshtein over the folded characters,
 * with one space between words on both sides) and places each A word on the B characters it matched.
 */
function alignGap(
  aChars: string[],
  a0: number,
  a1: number,
  tokens: LayoutToken[],
  b0: number,
  b1: number,
  boxes: (Box | null)[],
  lines: Int32Array,
): void {
  // The two strings, with owners: for A the word index, for B the token index and the character within it.
  const aWord: number[] = [],
    bTok: number[] = [],
    bPos: number[] = [];
  let sa = '',
    sb = '';
  for (let i = a0; i < a1; i++) {
    if (sa) {
      sa += ' ';
      aWord.push(-1);
    }
    sa += aChars[i]!;
    for (let k = 0; k < aChars[i]!.length; k++) aWord.push(i);
  }
  for (let j = b0; j < b1; j++) {
    if (sb) {
      sb += ' ';
      bTok.push(-1);
      bPos.push(-1);
    }
    const t = tokens[j]!;
    sb += t.chars;
    for (let k = 0; k < t.chars.length; k++) {
      bTok.push(j);
      bPos.push(k);
    }
  }
  const n = sa.length,
    m = sb.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CHAR_CELLS) return;
  const w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    const ca = sa.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = d[(i - 1) * w + j - 1]! + (ca === sb.charCodeAt(j - 1) ? 0 : 1);
      const del = d[(i - 1) * w + j]! + 1;
      const ins = d[i * w + j - 1]! + 1;
      d[i * w + j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
  }
  // Back from the end: for each A word, the B characters its characters were aligned with.
  const matched = new Map<number, number[]>();
  const matchedCount = new Map<number, number>();
  let i = n,
    j = m;
  while (i > 0 && j > 0) {
    const here = d[i * w + j]!;
    const same = sa.charCodeAt(i - 1) === sb.charCodeAt(j - 1);
    if (here === d[(i - 1) * w + j - 1]! + (same ? 0 : 1)) {
      const wi = aWord[i - 1]!;
      if (wi >= 0 && bTok[j - 1]! >= 0) {
        // Substituted characters (misread letters) count for the word's extent, only equal ones for its share.
        let l = matched.get(wi);
        if (!l) matched.set(wi, (l = []));
        l.push(j - 1);
        if (same) matchedCount.set(wi, (matchedCount.get(wi) ?? 0) + 1);
      }
      i--;
      j--;
    } else if (here === d[(i - 1) * w + j]! + 1) i--;
    else j--;
  }
  for (const [wi, positions] of matched) {
    if ((matchedCount.get(wi) ?? 0) < Math.max(1, aChars[wi]!.length * MIN_CHAR_SHARE)) continue;
    // The line holding most of the matched characters.
    const perLine = new Map<number, number>();
    for (const p of positions) {
      const line = tokens[bTok[p]!]!.line;
      perLine.set(line, (perLine.get(line) ?? 0) + 1);
    }
    let bestLine = -1,
      best = 0;
    for (const [line, c] of perLine) if (c > best) [bestLine, best] = [line, c];
    // Per token, the span of its characters matched; the union of those parts.
    const span = new Map<number, [number, number]>();
    for (const p of positions) {
      const t = bTok[p]!;
      if (tokens[t]!.line !== bestLine) continue;
      const s = span.get(t);
      const k = bPos[p]!;
      if (!s) span.set(t, [k, k + 1]);
      else span.set(t, [Math.min(s[0], k), Math.max(s[1], k + 1)]);
    }
    let box: Box | null = null;
    for (const [t, [from, to]] of span) {
      const b = tokenCharsBox(tokens[t]!, from, to);
      box = box ? union(box, b) : b;
    }
    if (box) {
      boxes[wi] = box;
      lines[wi] = bestLine;
    }
  }
}

/** The index of the linked word containing `offset` (or ending at it), or -1: a binary search (words are in order). */
export function linkedWordAt(words: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0,
    hi = words.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= words[found]!.end ? found : -1;
}
