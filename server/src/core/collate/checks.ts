// The collation's problems for the editor and `emend check`: one `witness-variant` per variant, and two sharper
// checks on insertions — `witness-misplaced-insertion` (the witness has the inserted words a few words away; the fix
// moves the mark) and `witness-missed-deletion` (the witness lacks the words right after an insertion; the fix
// strikes them). Fixes only move or add marks: they never remove a word of the transcription.
import type { Analysis } from '../analysis';
import type { Fix, HeaderField, MarkNode, Problem, TextEdit } from '../model';
import { FINAL, makeFix } from '../fixes';
import { editChanges } from '../parser';
import { problem } from '../problem';
import { endsLineBreak, isBlankLineCode, isLineBreakCode } from '../line-breaks';
import type { Collation } from './collation';
import { aPhrase, bContext, bLine, bPhrase, quote } from './describe';
import { markAround, revisionParts, touchesMark, wordsIn } from './marks';
import { revisions } from '../revisions';
import { similarity } from './similarity';
import type { Variant } from './variants';

/** How many witness words either side of an insertion's place are searched for its words. */
export const MISPLACED_REACH = 12;
/** Longest run of unstruck words after an insertion reported as a probably missed deletion. */
export const MISSED_DELETION_WORDS = 4;

/** The one problem of a witness that cannot be compared, on the header's `witness:` line. */
export function witnessUnavailable(field: HeaderField, reason: string): Problem {
  return problem('witness-unavailable', field.line.start, field.line.end, reason);
}

/**
 * Most `witness-variant` problems reported for one document: a long transcription against a poor witness can have
 * tens of thousands, more than an editor's Problems panel can usefully hold. The rest are summed up in one more.
 */
export const MAX_VARIANT_PROBLEMS = 2000;

export function witnessProblems(analysis: Analysis, c: Collation): Problem[] {
  const out: Problem[] = [];
  const shown = Math.min(c.variants.length, MAX_VARIANT_PROBLEMS);
  for (let k = 0; k < shown; k++) out.push(variantProblem(analysis, c, c.variants[k]!));
  if (c.variants.length > shown) {
    const field = analysis.doc.header?.fields.find((f) => f.key === 'witness');
    const [start, end] = field ? [field.line.start, field.line.end] : variantSpan(analysis, c, c.variants[shown]!);
    const more = c.variants.length - shown;
    out.push(
      problem(
        'witness-variant',
        start,
        end,
        `${more.toLocaleString('en')} more variant${more === 1 ? '' : 's'} after the first ${shown.toLocaleString('en')} are not listed; ` +
          "the preview's collation view and `emend collate` show them all.",
      ),
    );
  }
  misplacedInsertions(analysis, c, out);
  missedDeletions(analysis, c, out);
  return out;
}

/** The source span a variant is reported on: its words, or for an addition the word before it (or after it). */
export function variantSpan(analysis: Analysis, c: Collation, v: Variant): [number, number] {
  const a = c.a;
  if (v.aTo > v.aFrom) return [a.srcStarts[v.aFrom]!, a.srcEnds[v.aTo - 1]!];
  if (v.aFrom > 0) return [a.srcStarts[v.aFrom - 1]!, a.srcEnds[v.aFrom - 1]!];
  if (a.words.length > 0) return [a.srcStarts[0]!, a.srcEnds[0]!];
  const body = analysis.doc.bodyStart;
  return [body, body];
}

export function variantMessage(c: Collation, v: Variant): string {
  const ours = quote(aPhrase(c, v.aFrom, v.aTo));
  const theirs = quote(bPhrase(c, v.bFrom, v.bTo));
  const line = `line ${bLine(c, v.bFrom)}`;
  const before = v.aFrom > 0 ? ` after ${quote(aPhrase(c, v.aFrom - 1, v.aFrom))}` : ' at the start';
  switch (v.kind) {
    case 'misreading':
      return `The witness reads ${theirs} (${line}): probably ${ours} misread.`;
    case 'substitution':
      return `The witness reads ${theirs} (${line}) for ${ours}.`;
    case 'omission':
      return `The witness lacks ${ours} (${line}: ${bContext(c, v.bFrom, v.bTo, 3)}).`;
    case 'addition':
      return `The witness adds ${theirs}${before} (${line}).`;
    case 'repetition':
      return `The witness repeats ${theirs}${before} (${line}).`;
    case 'transposition':
      return `The witness has ${ours} at another place (${line}: ${bContext(c, v.bFrom, v.bTo, 3)}).`;
  }
}

function variantProblem(analysis: Analysis, c: Collation, v: Variant): Problem {
  const [start, end] = variantSpan(analysis, c, v);
  return problem('witness-variant', start, end, variantMessage(c, v));
}

/** The last word of A before `i` matched in order, or -1. */
function matchedBefore(c: Collation, i: number): number {
  const al = c.alignment;
  for (let k = i - 1; k >= 0; k--) if (al.aToB[k] !== -1 && !al.moved[k]) return k;
  return -1;
}

/** The first word of A from `i` on matched in order, or A's length. */
function matchedFrom(c: Collation, i: number): number {
  const al = c.alignment;
  for (let k = i; k < al.aToB.length; k++) if (al.aToB[k] !== -1 && !al.moved[k]) return k;
  return al.aToB.length;
}

/** The witness words [g0, g1) standing where A's words [from, to) stand: between the in-order matches around them. */
export function witnessGap(c: Collation, from: number, to: number): [number, number] {
  const before = matchedBefore(c, from),
    after = matchedFrom(c, to);
  const g0 = before < 0 ? 0 : c.alignment.aToB[before]! + 1;
  const g1 = after >= c.alignment.aToB.length ? c.b.words.length : c.alignment.aToB[after]!;
  return [g0, Math.max(g0, g1)];
}

function inOrder(c: Collation, i: number): boolean {
  return c.alignment.aToB[i] !== -1 && !c.alignment.moved[i];
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

function misplacedInsertions(analysis: Analysis, c: Collation, out: Problem[]): void {
  const doc = analysis.doc;
  for (const r of revisions(doc)) {
    // A lone insertion or a substitution's: moving the insertion leaves the struck words struck where they stand.
    const mark = revisionParts(r.node).insertion;
    if (!mark) continue;
    const [from, to] = wordsIn(c.a, mark.start, mark.end);
    if (to <= from) continue;
    let anyInOrder = false;
    for (let i = from; i < to; i++) if (inOrder(c, i)) anyInOrder = true;
    if (anyInOrder) continue;
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
    out.push(problem('witness-misplaced-insertion', mark.start, mark.end, message, fixes));
  }
}

function missedDeletions(analysis: Analysis, c: Collation, out: Problem[]): void {
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
    out.push(
      problem(
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
    );
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
