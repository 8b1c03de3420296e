// `reading-joins-words`: a revision written against the next (or previous) word with no space, so that a reading
// runs two words together: `~~eliminate~~^{relieve}the` gives "eliminatethe" and "relievethe".
//
// A revision inside a word (`Se~~h~~^{e}le`, `~~un~~^{re}done`) is written the same way and is right, so the
// check fires only when the revision stands at a word's edge on its other side (space or punctuation there), and
// the revised text is itself a whole word by the readings' evidence: it holds a space, or each reading's piece
// is at least MIN_WORD letters long. The fix inserts one space, outside the marks.
// A revision inside a word on both sides is reported only when its own text begins or ends with a space that the
// readings lose (`the~~ big ~~dog` gives "thedog"); the fix moves that space outside the mark.
import type { Analysis } from '../analysis';
import type { Problem } from '../model';
import { BOTH, makeFix } from '../fixes';
import { problem } from '../problem';
import type { Reading } from '../readings';
import type { SyntaxTree } from '../syntax';
import { groupClosed, innerEnd, innerStart } from './tree';
import { isWordAt, MAX_WORD, tokenBefore, tokenFrom } from './words';

/** Pieces shorter than this are taken for prefixes or suffixes (`un`, `ing`), not words. */
export const MIN_WORD = 4;

export function checkJoinedWords(analysis: Analysis, groups: number[]): Problem[] {
  const src = analysis.source;
  const readings = [analysis.reading('draft'), analysis.reading('final')];
  const out: Problem[] = [];
  const t = analysis.doc.syntax;
  for (const g of groups) {
    if (!groupClosed(t, g)) continue;
    const gStart = t.start(g),
      gEnd = t.end(g);
    if (isWordAt(src, gStart - 1) && isWordAt(src, gEnd)) {
      const p = spaceInside(t, g, readings);
      if (p) out.push(p);
      continue;
    }
    const right = isWordAt(src, gEnd) && !isWordAt(src, gStart - 1);
    const left = isWordAt(src, gStart - 1) && !isWordAt(src, gEnd);
    if (!right && !left) continue;
    const joins: string[] = [];
    let wholeWord = true;
    for (const r of readings) {
      const r0 = r.map.toReading(gStart),
        r1 = r.map.toReading(gEnd);
      const piece = r.text.slice(r0, r1).trim();
      if (piece === '') continue;
      if (!/\s/.test(piece) && piece.length < MIN_WORD) wholeWord = false;
      const joined = right ? joinedAt(r, r1) : joinedAt(r, r0);
      if (joined) joins.push(`“${joined}” in the ${r.kind} reading`);
    }
    if (!wholeWord || joins.length === 0) continue;
    const at = right ? gEnd : gStart;
    const word = right ? tokenFrom(src, gEnd) : tokenBefore(src, gStart);
    const start = right ? gStart : word ? word.start : gStart;
    const end = right ? (word ? word.end : gEnd) : gEnd;
    out.push(
      problem(
        'reading-joins-words',
        start,
        end,
        `The mark's boundary runs two words together: ${joins.join(' and ')}. ` +
          `Add a space ${right ? 'after' : 'before'} the mark if these are two words.`,
        [
          makeFix(
            `Insert a space ${right ? 'after' : 'before'} the mark`,
            [{ start: at, end: at, newText: ' ' }],
            BOTH,
            true,
          ),
        ],
      ),
    );
  }
  return out;
}

/**
 * A revision written inside a word on both sides whose text begins or ends with a space: `the~~ big ~~dog`. The
 * page separates the words, but a reading that drops (or keeps) the mark runs them together ("thedog"). The fix
 * moves the spaces outside the mark: `the ~~big~~ dog`.
 */
function spaceInside(t: SyntaxTree, g: number, readings: Reading[]): Problem | null {
  const src = t.source;
  const i0 = innerStart(t, g),
    i1 = innerEnd(t, g);
  const gStart = t.start(g),
    gEnd = t.end(g);
  if (i1 <= i0) return null;
  let a = i0,
    b = i1;
  while (a < i1 && isBlankCode(src.charCodeAt(a))) a++;
  while (b > a && isBlankCode(src.charCodeAt(b - 1))) b--;
  if ((a === i0 && b === i1) || a === b) return null;
  const joins: string[] = [];
  for (const r of readings) {
    const r0 = r.map.toReading(gStart),
      r1 = r.map.toReading(gEnd);
    const joined = (a > i0 ? joinedAt(r, r0) : null) ?? (b < i1 ? joinedAt(r, r1) : null);
    if (joined) joins.push(`“${joined}” in the ${r.kind} reading`);
  }
  if (joins.length === 0) return null;
  const edits = [];
  if (a > i0) edits.push({ start: gStart, end: gStart, newText: ' ' }, { start: i0, end: a, newText: '' });
  if (b < i1) edits.push({ start: b, end: i1, newText: '' }, { start: gEnd, end: gEnd, newText: ' ' });
  return problem(
    'reading-joins-words',
    gStart,
    gEnd,
    `The space just inside this mark separates words on the page, but the mark is written against the words outside it, ` +
      `so a reading runs them together: ${joins.join(' and ')}. Move the space outside the mark.`,
    [makeFix('Move the space outside the mark', edits, BOTH, true)],
  );
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/** The two words meeting at reading offset `at`, written together, or null when no two words meet there. */
function joinedAt(r: Reading, at: number): string | null {
  const text = r.text;
  if (!isWordAt(text, at - 1) || !isWordAt(text, at)) return null;
  const a = tokenBefore(text, at),
    b = tokenFrom(text, at);
  if (!a || !b || b.end - a.start > 2 * MAX_WORD) return null;
  return text.slice(a.start, b.end);
}
