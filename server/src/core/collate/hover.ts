// Hover text from the collation: what the witness reads at a word (with a little context), and for a revision,
// whether the witness follows its final or its draft reading. Markdown, escaped; the LSP hover module only places it.
import type { Analysis } from '../analysis';
import type { Collation } from './collation';
import { aPhrase, bContext, bLine, bPhrase, quote } from './describe';
import { revisionParts, wordsIn } from './marks';
import { revisionAt } from '../revisions';
import { escapeMarkdown } from '../hover';
import type { MarkNode, SubstNode } from '../model';
import { similarity } from './similarity';
import { words } from './tokens';
import { witnessGap } from './gap';
import { suggestionAt, suggestionLine, suggestionWords } from './suggestion-text';
import type { Suggestion } from './uncertain';

/** What the witness reads at a word: one line, or null when `i` is no word. Plain text (not escaped). */
export function witnessAtWord(c: Collation, i: number): string {
  const al = c.alignment;
  const j = al.aToB[i]!;
  const name = c.witness.name;
  if (j >= 0) {
    const ctx = bContext(c, j, j + 1, 4);
    if (al.moved[i]) return `${name} has ${quote(aPhrase(c, i, i + 1))} at another place, line ${bLine(c, j)}: ${ctx}`;
    const how = al.quality[i] === 2 ? ` (reads ${quote(bPhrase(c, j, j + 1))}: probably a misreading)` : '';
    return `${name}, line ${bLine(c, j)}${how}: ${ctx}`;
  }
  const [g0, g1] = witnessGap(c, i, i + 1);
  if (g1 > g0)
    return `${name} reads ${quote(bPhrase(c, g0, g1))} instead, line ${bLine(c, g0)}: ${bContext(c, g0, g1, 3)}`;
  return `${name} lacks ${quote(aPhrase(c, i, i + 1))}, line ${bLine(c, g0)}: ${bContext(c, g0, g1, 4)}`;
}

export type Follows = 'final' | 'draft' | 'neither';

/** Whether the witness follows a revision's final reading, its draft reading, or neither; with the witness's words there. */
export function revisionFollows(
  source: string,
  c: Collation,
  node: MarkNode | SubstNode,
): { follows: Follows; witness: [number, number] } {
  const { insertion, deletion: del } = revisionParts(node);
  const ins = insertion ? wordsIn(c.a, insertion.start, insertion.end) : null;
  // The draft's words of the deletion: its inner text, scanned into words (marks nested inside are separators).
  const draftKeys = del && del.close ? words(source.slice(del.open.end, del.close.start)).keys : [];
  let from: number, to: number;
  if (ins && ins[1] > ins[0]) [from, to] = ins;
  else {
    const [f] = wordsIn(c.a, node.end, node.end);
    from = f;
    to = f;
  }
  const [g0, g1] = witnessGap(c, from, to);
  let inOrder = 0;
  for (let i = from; i < to; i++) if (c.alignment.aToB[i] !== -1 && !c.alignment.moved[i]) inOrder++;
  const finalWords = to - from;
  // The witness's words at the place: the partners of the final words plus the gap's unmatched words.
  const lo = Math.min(g0, finalWords ? firstPartner(c, from, to, g0) : g0);
  const hi = Math.max(g1, finalWords ? lastPartner(c, from, to, g1) : g1);
  const keysB = c.b.words.keys;
  let draftFound = 0;
  for (const k of draftKeys) {
    for (let j = g0; j < g1; j++)
      if (keysB[j] === k || similarity(keysB[j]!, k) > 0) {
        draftFound++;
        break;
      }
  }
  const finalHere = finalWords > 0 ? inOrder * 2 > finalWords : draftKeys.length > 0 && draftFound === 0;
  const draftHere =
    draftKeys.length > 0
      ? draftFound * 2 > draftKeys.length && inOrder * 2 <= finalWords
      : finalWords > 0 && inOrder === 0 && g1 === g0;
  return { follows: finalHere ? 'final' : draftHere ? 'draft' : 'neither', witness: [lo, hi] };
}

function firstPartner(c: Collation, from: number, to: number, fallback: number): number {
  for (let i = from; i < to; i++) if (c.alignment.aToB[i] !== -1 && !c.alignment.moved[i]) return c.alignment.aToB[i]!;
  return fallback;
}

function lastPartner(c: Collation, from: number, to: number, fallback: number): number {
  for (let i = to - 1; i >= from; i--)
    if (c.alignment.aToB[i] !== -1 && !c.alignment.moved[i]) return c.alignment.aToB[i]! + 1;
  return fallback;
}

/** The hover's Markdown at a source offset of the transcription and the span it is about, or null on no word or revision. */
export function collationHover(
  analysis: Analysis,
  c: Collation,
  offset: number,
): { markdown: string; start: number; end: number } | null {
  const lines: string[] = [];
  let span: [number, number] | null = null;
  const rev = revisionAt(analysis.doc, offset);
  if (rev && rev.node.kind !== 'hand') {
    span = [rev.start, rev.end];
    const { follows, witness } = revisionFollows(analysis.source, c, rev.node);
    const reads = witness[1] > witness[0] ? quote(bPhrase(c, witness[0], witness[1])) : 'nothing';
    const what =
      follows === 'neither'
        ? `follows neither reading of this revision: it reads ${reads}`
        : `follows the **${follows}** reading of this revision`;
    lines.push(
      `${escapeMarkdown(c.witness.name)} ${what.replace(reads, escapeMarkdown(reads))} (line ${bLine(c, witness[0])}).`,
    );
  }
  // At a gap or an unclear reading, what the witness reads there is its suggestion (not a variant): said instead of
  // the word's line.
  const at = suggestionAt(c, offset);
  if (at) {
    lines.push(suggestionHover(c, at));
    span ??= [at.node.start, at.node.end];
    return { markdown: lines.join('\n\n'), start: span[0], end: span[1] };
  }
  const i = wordAtSource(c, offset);
  if (i >= 0) {
    lines.push(escapeMarkdown(witnessAtWord(c, i)));
    span ??= [c.a.srcStarts[i]!, c.a.srcEnds[i]!];
  }
  return span ? { markdown: lines.join('\n\n'), start: span[0], end: span[1] } : null;
}

/** `sent.txt reads *in the city* here (line 4): its suggestion, not a variant.` The mark itself (Gap: about 3 words,
 *  illegible) is the editor hover's first line, above this one, so it is not said again. */
export function suggestionHover(c: Collation, s: Suggestion): string {
  const name = escapeMarkdown(c.witness.name);
  const line = suggestionLine(c, s);
  const reads = suggestionWords(c, s);
  return reads
    ? `${name} reads *${escapeMarkdown(reads)}* ${escapeMarkdown(`here (line ${line}): its suggestion, not a variant.`)}`
    : escapeMarkdown(`${c.witness.name} has nothing here (line ${line}).`);
}

/** The transcription word whose source range holds `offset`, or -1. */
export function wordAtSource(c: Collation, offset: number): number {
  const s = c.a.srcStarts;
  let lo = 0,
    hi = s.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= c.a.srcEnds[found]! ? found : -1;
}
