// `insertion-repeats-text`: an insertion whose words are, word for word (ignoring case and punctuation), the words
// right beside it in the final reading, which therefore says them twice: `^{we do believe} We do believe`.
// Usually the words beside it were struck on the page and the deletion was missed; the fix marks them as struck
// (a delimiter change only: both readings keep every word, the draft keeps them, the final drops the repeat).
import type { Analysis } from '../analysis';
import type { Fix, Problem } from '../model';
import { BOTH, FINAL, makeFix } from '../fixes';
import { isBlankLineCode, isLineBreakCode } from '../line-breaks';
import { problem } from '../problem';
import {
  firstWordFrom,
  isWordCode,
  lastWordBefore,
  mayMatch,
  oneLine,
  TOKEN_REACH,
  tokensBackward,
  tokensForward,
  tokenText,
  type Token,
} from './words';

/** Insertions longer than this many words are not compared (no one repeats a paragraph by accident). */
const MAX_WORDS = 12;
/** The most characters MAX_WORDS words can take in the final reading, with punctuation and spaces between them. */
const MAX_LENGTH = (MAX_WORDS + 1) * TOKEN_REACH;

export function checkInsertionRepeats(analysis: Analysis, finalInsertions: number[]): Problem[] {
  const t = analysis.doc.syntax;
  const final = analysis.reading('final');
  const out: Problem[] = [];
  for (const node of finalInsertions) {
    if (!t.closed(node)) continue;
    // The insertion's text in the final reading: [r0, r1).
    const r0 = final.map.toReading(t.openEnd(node));
    const r1 = final.map.toReading(t.closeStart(node));
    // Twelve words fit in far fewer characters; an insertion longer than that is not read (so insertions nested a
    // hundred deep, each as long as the document, cost nothing).
    if (r1 <= r0 || r1 - r0 > MAX_LENGTH) continue;
    const text = final.text;
    const inner = tokensForward(text, r0, MAX_WORDS + 1, r1 - r0).filter((t) => t.end <= r1);
    if (inner.length === 0 || inner.length > MAX_WORDS) continue;
    // Most insertions stop here: the words beside them do not even begin (after) or end (before) with the same letter.
    const limit = inner.length * TOKEN_REACH;
    const afterPossible = mayMatch(text, inner[0]!.start, firstWordFrom(text, r1, limit));
    const beforePossible = mayMatch(text, inner[inner.length - 1]!.end - 1, lastWordBefore(text, r0, limit));
    if (!afterPossible && !beforePossible) continue;
    const words = inner.map((t) => tokenText(text, t));
    const after = afterPossible ? tokensForward(text, r1, words.length) : [];
    const before = beforePossible ? tokensBackward(text, r0, words.length) : [];
    const side = same(text, after, words) ? 'after' : same(text, before, words) ? 'before' : null;
    if (!side) continue;
    const beside = side === 'after' ? after : before;
    // Only whitespace may stand between the insertion and the repeat for it to be "right beside" it.
    const gap = side === 'after' ? text.slice(r1, beside[0]!.start) : text.slice(beside[beside.length - 1]!.end, r0);
    if (gap.trim() !== '') continue;
    const shown = oneLine(text.slice(inner[0]!.start, inner[inner.length - 1]!.end));
    out.push(
      problem(
        'insertion-repeats-text',
        t.start(node),
        t.end(node),
        `This insertion repeats “${shown}”, the words right ${side} it, so the final reading says them twice. ` +
          'If those words are struck on the page, mark them as deleted.',
        strikeFix(analysis, t.start(node), t.end(node), beside),
      ),
    );
  }
  return out;
}

function same(text: string, tokens: Token[], words: string[]): boolean {
  return tokens.length === words.length && tokens.every((t, i) => tokenText(text, t) === words[i]);
}

/** Wraps the repeated words in `~~…~~` when they are plain text in the source (no marks among them). `beside`
 *  holds offsets in the final reading. */
function strikeFix(analysis: Analysis, nodeStart: number, nodeEnd: number, beside: Token[]): Fix[] {
  const final = analysis.reading('final');
  const a = beside[0]!.start,
    b = beside[beside.length - 1]!.end;
  const s = final.map.toSource(a),
    e = final.map.toSource(b - 1) + 1;
  const words = final.text.slice(a, b);
  if (e - s !== b - a || analysis.source.slice(s, e) !== words) return [];
  if (s < nodeStart && e > nodeStart) return [];
  return [
    makeFix(
      `Mark “${oneLine(words)}” beside it as deleted (a missed deletion)`,
      [
        { start: s, end: s, newText: '~~' },
        { start: e, end: e, newText: '~~' },
      ],
      draftKept(analysis.source, s, e, nodeStart, nodeEnd) ? FINAL : BOTH,
    ),
  ];
}

/**
 * Whether striking src[s, e), the words beside the insertion at [nodeStart, nodeEnd), keeps the draft reading. With
 * only spaces between them the two marks become a substitution, whose spaces between are notation in neither
 * reading: the draft keeps them only where a space is still there, `we do ^{we do} the` (the draft `we do the`
 * either way); with two spaces, or a word against the insertion, the draft's spacing would change, and the fix says so.
 */
function draftKept(src: string, s: number, e: number, nodeStart: number, nodeEnd: number): boolean {
  const before = e <= nodeStart;
  // The new deletion pairs with an insertion beside it across spaces (the one after it, when there are two).
  let k = e;
  while (isBlankLineCode(src.charCodeAt(k))) k++;
  const insertionAfter = src[k] === '^' && (src[k + 1] === '{' || src[k + 1] === '<');
  k = s;
  while (k > 0 && isBlankLineCode(src.charCodeAt(k - 1))) k--;
  const insertionBefore = src[k - 1] === '}' || src[k - 1] === '>';
  const gap = before ? src.slice(e, nodeStart) : src.slice(nodeEnd, s);
  let lineBreak = false;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (isLineBreakCode(c)) lineBreak = true;
    else if (!isBlankLineCode(c)) return false; // delimiters between: the words are inside another mark
  }
  if (lineBreak) return !insertionBefore && !insertionAfter; // no substitution with this insertion forms
  if (before) {
    const next = src.charCodeAt(nodeEnd);
    return (
      gap.length === 1 &&
      (nodeEnd === src.length ||
        isLineBreakCode(next) ||
        (isBlankLineCode(next) && isWordCode(src.charCodeAt(nodeEnd + 1))))
    );
  }
  if (insertionAfter) return false;
  const previous = src.charCodeAt(nodeStart - 1);
  return gap === '' || nodeStart === 0 || isBlankLineCode(previous) || isLineBreakCode(previous);
}
