// `reading-doubled-word`: where a revision meets the text around it, a reading says the same word twice:
// `the ~~old~~ the house` gives "the the house" in the final reading. Looked for only at the readings' junctions
// (where dropped text joined two kept pieces) and at the edges of revisions, so ordinary prose is not judged.
// No fix: which of the two words is wrong is for the page to say.
import type { Analysis } from '../analysis';
import type { Problem } from '../model';
import { problem } from '../problem';
import type { Reading } from '../readings';
import { topLevelGroups } from './tree';
import { isSpaceCode, isWordAt, tokenBefore, tokenFrom, tokenText } from './words';

export function checkDoubledWords(analysis: Analysis, skip: Problem[] = []): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const groups = topLevelGroups(analysis.doc);
  for (const r of [analysis.reading('draft'), analysis.reading('final')]) {
    const points = [...r.junctions];
    for (const g of groups) points.push(r.map.toReading(g.start), r.map.toReading(g.end));
    for (const p of points) {
      const pair = doubledAround(r, p);
      if (!pair) continue;
      const start = r.map.toSource(pair[0]);
      const end = r.map.toSource(pair[1] - 1) + 1;
      const key = `${start}:${end}`;
      if (seen.has(key) || skip.some((s) => s.start < end && start < s.end)) continue;
      seen.add(key);
      const shown = r.text.slice(pair[0], pair[1]);
      out.push(problem('reading-doubled-word', start, end,
        `The ${r.kind} reading says “${shown}” here: a word doubled where a revision meets the text beside it. ` +
        'Check the page: one of them may belong inside the mark, or be struck.'));
    }
  }
  return out;
}

/** The reading span of two equal words separated only by whitespace with `p` between (or at) them. */
function doubledAround(r: Reading, p: number): [number, number] | null {
  const t = r.text;
  // The gap: the whitespace run containing p (p may sit at either edge of it).
  let g0 = p, g1 = p;
  while (g0 > 0 && isSpaceCode(t.charCodeAt(g0 - 1)) && p - g0 < 8) g0--;
  while (g1 < t.length && isSpaceCode(t.charCodeAt(g1)) && g1 - p < 8) g1++;
  if (g0 === g1 || !isWordAt(t, g0 - 1) || !isWordAt(t, g1)) return null;
  // Words on either side of a paragraph break are not "doubled".
  let breaks = 0;
  for (let k = g0; k < g1; k++) if (t.charCodeAt(k) === 10) breaks++;
  if (breaks > 1) return null;
  const a = tokenBefore(t, g0), b = tokenFrom(t, g1);
  if (!a || !b || a.end !== g0 || b.start !== g1) return null;
  // Cheap tests first: most revisions stand between words of different lengths.
  if (a.end - a.start !== b.end - b.start || isWordAt(t, b.end) || tokenText(t, a) !== tokenText(t, b)) return null;
  // A doubled number ("1 1") is usually a table or a list, not a slip.
  if (/^[0-9]+$/.test(tokenText(t, a))) return null;
  return [a.start, b.end];
}
