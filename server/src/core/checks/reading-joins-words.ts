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
import { problem } from '../problem';
import type { Reading } from '../readings';
import { topLevelGroups, type Group } from './tree';
import { isWordAt, MAX_WORD, tokenBefore, tokenFrom } from './words';

/** Pieces shorter than this are taken for prefixes or suffixes (`un`, `ing`), not words. */
export const MIN_WORD = 4;

export function checkJoinedWords(analysis: Analysis): Problem[] {
  const src = analysis.source;
  const readings = [analysis.reading('draft'), analysis.reading('final')];
  const out: Problem[] = [];
  for (const g of topLevelGroups(analysis.doc)) {
    if (!closed(g)) continue;
    if (isWordAt(src, g.start - 1) && isWordAt(src, g.end)) {
      const p = spaceInside(src, g, readings);
      if (p) out.push(p);
      continue;
    }
    const right = isWordAt(src, g.end) && !isWordAt(src, g.start - 1);
    const left = isWordAt(src, g.start - 1) && !isWordAt(src, g.end);
    if (!right && !left) continue;
    const joins: string[] = [];
    let wholeWord = true;
    for (const r of readings) {
      const r0 = r.map.toReading(g.start), r1 = r.map.toReading(g.end);
      const piece = r.text.slice(r0, r1).trim();
      if (piece === '') continue;
      if (!/\s/.test(piece) && piece.length < MIN_WORD) wholeWord = false;
      const joined = right ? joinedAt(r, r1) : joinedAt(r, r0);
      if (joined) joins.push(`“${joined}” in the ${r.kind} reading`);
    }
    if (!wholeWord || joins.length === 0) continue;
    const at = right ? g.end : g.start;
    const word = right ? tokenFrom(src, g.end) : tokenBefore(src, g.start);
    const start = right ? g.start : (word ? word.start : g.start);
    const end = right ? (word ? word.end : g.end) : g.end;
    out.push(problem('reading-joins-words', start, end,
      `The mark's boundary runs two words together: ${joins.join(' and ')}. ` +
      `Add a space ${right ? 'after' : 'before'} the mark if these are two words.`,
      [{ title: `Insert a space ${right ? 'after' : 'before'} the mark`, edits: [{ start: at, end: at, newText: ' ' }], preferred: true }]));
  }
  return out;
}

/**
 * A revision written inside a word on both sides whose text begins or ends with a space: `the~~ big ~~dog`. The
 * page separates the words, but a reading that drops (or keeps) the mark runs them together ("thedog"). The fix
 * moves the spaces outside the mark: `the ~~big~~ dog`.
 */
function spaceInside(src: string, g: Group, readings: Reading[]): Problem | null {
  const innerStart = g.kind === 'subst' ? g.first.open.end : g.open.end;
  const innerEnd = g.kind === 'subst' ? g.second.close!.start : g.close!.start;
  if (innerEnd <= innerStart) return null;
  let a = innerStart, b = innerEnd;
  while (a < innerEnd && isBlankCode(src.charCodeAt(a))) a++;
  while (b > a && isBlankCode(src.charCodeAt(b - 1))) b--;
  if ((a === innerStart && b === innerEnd) || a === b) return null;
  const joins: string[] = [];
  for (const r of readings) {
    const r0 = r.map.toReading(g.start), r1 = r.map.toReading(g.end);
    const joined = (a > innerStart ? joinedAt(r, r0) : null) ?? (b < innerEnd ? joinedAt(r, r1) : null);
    if (joined) joins.push(`“${joined}” in the ${r.kind} reading`);
  }
  if (joins.length === 0) return null;
  const edits = [];
  if (a > innerStart) edits.push({ start: g.start, end: g.start, newText: ' ' }, { start: innerStart, end: a, newText: '' });
  if (b < innerEnd) edits.push({ start: b, end: innerEnd, newText: '' }, { start: g.end, end: g.end, newText: ' ' });
  return problem('reading-joins-words', g.start, g.end,
    `The space just inside this mark separates words on the page, but the mark is written against the words outside it, ` +
    `so a reading runs them together: ${joins.join(' and ')}. Move the space outside the mark.`,
    [{ title: 'Move the space outside the mark', edits, preferred: true }]);
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

function closed(g: Group): boolean {
  return g.kind === 'subst' ? true : g.close !== null;
}

/** The two words meeting at reading offset `at`, written together, or null when no two words meet there. */
function joinedAt(r: Reading, at: number): string | null {
  if (!isWordAt(r.text, at - 1) || !isWordAt(r.text, at)) return null;
  const a = tokenBefore(r.text, at), b = tokenFrom(r.text, at);
  if (!a || !b || b.end - a.start > 2 * MAX_WORD) return null;
  return r.text.slice(a.start, b.end);
}
