// The two sharper checks on insertions, the findings a transcriber acts on:
//   witness-misplaced-insertion  the witness lacks an insertion's words where it stands but has them a few words
//                                away; the fix moves the mark there;
//   witness-missed-deletion      the witness lacks the unstruck words right after an insertion it follows; the fix
//                                strikes them.
// Fixes only move or add marks: they never remove a word of the transcription. Each finding also names the variants
// it explains (the insertion's words lacking here, the same words added there), which are then not reported again.
import type { Analysis } from '../analysis';
import type { Fix, MarkNode, Problem, TextEdit } from '../model';
import { FINAL, makeFix } from '../fixes';
import { editChanges } from '../parser';
import { problem } from '../problem';
import { endsLineBreak, isBlankLineCode, isLineBreakCode } from '../line-breaks';
import type { Collation } from './collation';
import { aPhrase, bContext, bLine, bPhrase, quote } from './describe';
import { inOrder, witnessGap } from './gap';
import { markAround, revisionParts, touchesMark, wordsIn } from './marks';
import { revisions } from '../revisions';
import { similarity } from './similarity';

/** How many witness words either side of an insertion's place are searched for its words. */
export const MISPLACED_REACH = 12;
/** Longest run of unstruck words after an insertion reported as a probably missed deletion. */
export const MISSED_DELETION_WORDS = 4;

/** A finding, and the words it accounts for on each side ([from, to) into the transcription's and the witness's words). */
export interface Finding {
  problem: Problem;
  a: [number, number];
  b: [number, number];
}

function alike(x: string, y: string): boolean {
  return x === y || similarity(x, y) > 0;
}

/**
 * Where in the witness, near `[g0, g1)` but outside it, the words A[from, to) stand: [f, t), or null. The words
 * must be free there (not matched in order to other words); one extra word may stand between two of them.
 */
function findNearby(c: Collation, from: number, to: number, g0: number, g1: number): [number, number] | null {
  const keysA = c.a.words.keys,
    keysB = c.b.words.keys,
    nb = keysB.length;
  const free = (j: number) => {
    if (c.paratextWords[j] || c.suggestedWords[j]) return false;
    const i = c.alignment.bToA[j]!;
    return i === -1 || c.alignment.moved[i] === 1;
  };
  const need = Math.ceil((to - from) / 2);
  let best: [number, number] | null = null,
    bestScore = 0,
    bestDistance = Infinity;
  const lo = Math.max(0, g0 - MISPLACED_REACH),
    hi = Math.min(nb, g1 + MISPLACED_REACH);
  for (let j = lo; j < hi; j++) {
    if (j >= g0 && j < g1) continue;
    if (!free(j)) continue;
    let score = 0,
      k = j,
      last = -1;
    for (let i = from; i < to && k < nb; i++) {
      if (free(k) && alike(keysA[i]!, keysB[k]!)) {
        score++;
        last = k;
        k++;
      } else if (k + 1 < nb && free(k + 1) && alike(keysA[i]!, keysB[k + 1]!)) {
        score++;
        last = k + 1;
        k += 2;
      } else k++;
    }
    if (score < need || last < 0 || !(last < g0 || j >= g1)) continue;
    const distance = j < g0 ? g0 - j : j - g1;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = [j, last + 1];
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** The edits that take a mark out of its place (with one space beside it) and put it after `target`. */
function moveEdits(src: string, mark: MarkNode, target: number): TextEdit[] | null {
  let start = mark.start,
    end = mark.end;
  const before = src.charCodeAt(start - 1),
    after = src.charCodeAt(end);
  if (
    before === 32 &&
    (after === 32 || after === 10 || after === 13 || Number.isNaN(after) || ',.;:!?)'.includes(src[end] ?? 'x'))
  )
    start--;
  else if (after === 32) end++;
  if (target >= start && target <= end) return null;
  return [
    { start, end, newText: '' },
    { start: target, end: target, newText: ' ' + src.slice(mark.start, mark.end) },
  ];
}

export function misplacedInsertions(analysis: Analysis, c: Collation, out: Finding[]): void {
  const doc = analysis.doc;
  for (const r of revisions(doc)) {
    // A lone insertion or a substitution's: moving the insertion leaves the struck words struck where they stand.
    const mark = revisionParts(r.node).insertion;
    if (!mark) continue;
    const [from, to] = wordsIn(c.a, mark.start, mark.end);
    if (to <= from) continue;
    let inOrderWords = 0;
    for (let i = from; i < to; i++) if (inOrder(c, i)) inOrderWords++;
    if (inOrderWords === to - from) {
      // The aligner may have kept the insertion in place and taken the words beside it as moved instead.
      const placed = misplacedInContext(analysis, c, mark, from, to);
      if (placed) out.push(placed);
      continue;
    }
    if (inOrderWords > 0) continue;
    const [g0, g1] = witnessGap(c, from, to);
    const place = findNearby(c, from, to, g0, g1);
    if (!place) continue;
    const [f, t] = place;
    const words = f < g0 ? g0 - t : f - g1;
    const where =
      f < g0 ? `${words} word${words === 1 ? '' : 's'} earlier` : `${words} word${words === 1 ? '' : 's'} later`;
    const ours = quote(aPhrase(c, from, to));
    let message =
      `The witness lacks the insertion ${ours} here but reads ${quote(bPhrase(c, f, t))} ${where} ` +
      `(line ${bLine(c, f)}: ${bContext(c, f, t, 3)}): probably misplaced.`;
    const fixes: Fix[] = [];
    // Move it after the transcription's word matched to the witness's word just before its place.
    let jb = f - 1;
    while (jb >= 0 && (c.alignment.bToA[jb] === -1 || c.alignment.moved[c.alignment.bToA[jb]!])) jb--;
    if (jb >= 0) {
      const ib = c.alignment.bToA[jb]!;
      let target = c.a.srcEnds[ib]!;
      const around = markAround(doc, target);
      if (around) target = around.end;
      const edits = moveEdits(doc.source, mark, target);
      if (edits)
        fixes.push(
          makeFix(
            `Move the insertion ${ours} after ${quote(aPhrase(c, ib, ib + 1))}`,
            edits,
            editChanges(doc, edits),
            true,
          ),
        );
    } else {
      message = message.replace(
        /: probably misplaced\.$/,
        ': probably misplaced (no fix: the witness has it before any word they share).',
      );
    }
    out.push({
      problem: problem('witness-misplaced-insertion', mark.start, mark.end, message, fixes),
      a: [from, to],
      b: [f, t],
    });
  }
}

/** Words compared on each side of an insertion's place with the words around it in the witness. */
const CONTEXT = 2;

/**
 * An insertion the aligner kept in place, whose place the witness contradicts: the witness's words around the
 * insertion's words are not the words around the mark, but are, exactly (or misread), around another place at most
 * MISPLACED_REACH words away. The aligner then reported the words in between as moved or lacking; it is the insertion
 * that stands in the wrong place, and the fix moves the mark there.
 */
function misplacedInContext(
  analysis: Analysis,
  c: Collation,
  mark: MarkNode,
  from: number,
  to: number,
): Finding | null {
  const al = c.alignment,
    keysA = c.a.words.keys,
    keysB = c.b.words.keys,
    n = keysA.length,
    nb = keysB.length;
  const j0 = al.aToB[from]!,
    j1 = al.aToB[to - 1]! + 1;
  if (j0 < CONTEXT || j1 + CONTEXT > nb || j1 <= j0) return null;
  for (let j = j0 - CONTEXT; j < j1 + CONTEXT; j++) if (c.paratextWords[j]) return null;
  // The transcription's words without the insertion's; the insertion "stands before" word q of that sequence.
  const word = (k: number) => (k < from ? k : k + (to - from));
  const m = n - (to - from);
  const fits = (q: number): number => {
    if (q - CONTEXT < 0 || q + CONTEXT > m) return 0;
    let score = 0;
    for (let t = 0; t < CONTEXT; t++) {
      if (alike(keysA[word(q - CONTEXT + t)]!, keysB[j0 - CONTEXT + t]!)) score++;
      if (alike(keysA[word(q + t)]!, keysB[j1 + t]!)) score++;
    }
    return score;
  };
  if (fits(from) > CONTEXT) return null; // the witness agrees with the place, more or less
  let best = -1;
  for (let d = 1; d <= MISPLACED_REACH && best < 0; d++) {
    for (const q of [from - d, from + d]) {
      if (best < 0 && q >= 0 && q <= m && fits(q) === 2 * CONTEXT) best = q;
    }
  }
  if (best < 0) return null;
  const doc = analysis.doc;
  // The words the mark would cross, in the transcription's numbering.
  const a: [number, number] = best < from ? [best, to] : [from, word(best)];
  const crossFrom = best < from ? best : to,
    crossTo = best < from ? from : word(best);
  if (crossTo > crossFrom && touchesMark(doc, c.a.srcStarts[crossFrom]!, c.a.srcEnds[crossTo - 1]!)) return null;
  const words = crossTo - crossFrom;
  const ours = quote(aPhrase(c, from, to));
  const after = best < from ? best - 1 : word(best) - 1;
  let lo = j0 - CONTEXT,
    hi = j1 + CONTEXT;
  for (let i = a[0]; i < a[1]; i++) {
    const j = al.aToB[i]!;
    if (j < 0) continue;
    lo = Math.min(lo, j);
    hi = Math.max(hi, j + 1);
  }
  let message =
    `The witness has the insertion ${ours} ${words} word${words === 1 ? '' : 's'} ${best < from ? 'earlier' : 'later'} ` +
    `(line ${bLine(c, j0)}: ${bContext(c, j0, j1, CONTEXT + 1)}): probably misplaced.`;
  const fixes: Fix[] = [];
  if (after >= 0) {
    const target = c.a.srcEnds[after]!;
    const around = markAround(doc, target);
    const edits = moveEdits(doc.source, mark, around ? around.end : target);
    if (edits)
      fixes.push(
        makeFix(
          `Move the insertion ${ours} after ${quote(aPhrase(c, after, after + 1))}`,
          edits,
          editChanges(doc, edits),
          true,
        ),
      );
  } else {
    message = message.replace(
      /: probably misplaced\.$/,
      ': probably misplaced (no fix: it belongs before the first word).',
    );
  }
  return { problem: problem('witness-misplaced-insertion', mark.start, mark.end, message, fixes), a, b: [lo, hi] };
}

export function missedDeletions(analysis: Analysis, c: Collation, out: Finding[]): void {
  const doc = analysis.doc;
  const al = c.alignment,
    n = c.a.words.length;
  for (const r of revisions(doc)) {
    const mark = revisionParts(r.node).insertion;
    if (!mark) continue;
    const [from, to] = wordsIn(c.a, mark.start, mark.end);
    if (to <= from) continue;
    let matched = 0,
      lastMatched = -1;
    for (let i = from; i < to; i++)
      if (inOrder(c, i)) {
        matched++;
        lastMatched = i;
      }
    if (matched * 2 < to - from) continue;
    // Words after the revision (a substitution's deletion may come after its insertion).
    let s = to;
    while (s < n && c.a.srcStarts[s]! < r.node.end) s++;
    let e = s;
    while (e < n && al.aToB[e] === -1 && e - s <= MISSED_DELETION_WORDS) e++;
    if (e === s || e - s > MISSED_DELETION_WORDS || e >= n || !inOrder(c, e)) continue;
    // The witness goes straight on from the insertion to the next shared word: it lacks exactly these words.
    if (al.aToB[e] !== al.aToB[lastMatched]! + 1) continue;
    const start = c.a.srcStarts[s]!,
      end = c.a.srcEnds[e - 1]!;
    if (touchesMark(doc, start, end) || crossesParagraph(analysis, start, end)) continue;
    const words = quote(aPhrase(c, s, e));
    out.push({
      a: [s, e],
      b: [al.aToB[e]!, al.aToB[e]!],
      problem: problem(
        'witness-missed-deletion',
        start,
        end,
        `The witness lacks ${words} after the insertion ${quote(aPhrase(c, from, to))} (line ${bLine(c, al.aToB[e]!)}: ` +
          `${bContext(c, al.aToB[lastMatched]!, al.aToB[e]! + 1, 3)}): probably a deletion not marked.`,
        [
          makeFix(
            `Strike ${words}`,
            [{ start, end, newText: '~~' + doc.source.slice(start, end) + '~~' }],
            FINAL,
            true,
          ),
        ],
      ),
    });
  }
}

/** Whether source [start, end) holds a blank line (a paragraph break). Scans the few characters between. */
function crossesParagraph(analysis: Analysis, start: number, end: number): boolean {
  const src = analysis.source;
  let breaks = 0;
  for (let k = start; k < end; k++) {
    const ch = src.charCodeAt(k);
    if (isLineBreakCode(ch)) {
      if (endsLineBreak(src, k) && ++breaks === 2) return true;
    } else if (!isBlankLineCode(ch)) breaks = 0;
  }
  return false;
}
