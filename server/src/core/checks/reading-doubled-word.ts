// `reading-doubled-word`: where a revision meets the text around it, a reading says the same word twice:
// `the ~~old~~ the house` gives "the the house" in the final reading. Looked for only at the readings' junctions
// (where dropped text joined two kept pieces) and at the edges of revisions, so ordinary prose is not judged.
// No fix: which of the two words is wrong is for the page to say.
import type { Analysis } from '../analysis';
import type { Problem } from '../model';
import { problem } from '../problem';
import { endsLineBreak } from '../line-breaks';
import { isSpaceCode, isWordAt, mayMatch, oneLine, tokenEndFrom, tokenStartBefore } from './words';

export function checkDoubledWords(analysis: Analysis, groups: number[], skip: Problem[] = []): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const t = analysis.doc.syntax;
  // The revisions' edges in the source, in order (each group ends before the next begins).
  const sourceEdges = new Int32Array(2 * groups.length);
  for (let k = 0; k < groups.length; k++) {
    sourceEdges[2 * k] = t.start(groups[k]!);
    sourceEdges[2 * k + 1] = t.end(groups[k]!);
  }
  for (const r of [analysis.reading('draft'), analysis.reading('final')]) {
    const text = r.text;
    // Looked at: every junction and every revision edge, in order, each place once (a dropped mark's edges and
    // its junction coincide).
    const edges = r.map.toReadingAll(sourceEdges);
    const junctions = r.junctions;
    let i = 0,
      j = 0,
      last = -1;
    while (i < junctions.length || j < edges.length) {
      const p =
        j >= edges.length || (i < junctions.length && junctions[i]! <= edges[j]!) ? junctions[i++]! : edges[j++]!;
      if (p === last) continue;
      last = p;
      const pair = doubledAround(text, p);
      if (!pair) continue;
      const start = r.map.toSource(pair[0]);
      const end = r.map.toSource(pair[1] - 1) + 1;
      const key = `${start}:${end}`;
      if (seen.has(key) || skip.some((s) => s.start < end && start < s.end)) continue;
      seen.add(key);
      const shown = oneLine(text.slice(pair[0], pair[1]));
      out.push(
        problem(
          'reading-doubled-word',
          start,
          end,
          `The ${r.kind} reading says “${shown}” here: a word doubled where a revision meets the text beside it. ` +
            'Check the page: one of them may belong inside the mark, or be struck.',
        ),
      );
    }
  }
  return out;
}

/** The reading span of two equal words separated only by whitespace with `p` between (or at) them. Runs at every
 *  junction and revision edge of the document, so it allocates nothing until it has found two words of one length. */
function doubledAround(t: string, p: number): [number, number] | null {
  // The gap: the whitespace run containing p (p may sit at either edge of it).
  let g0 = p,
    g1 = p;
  while (g0 > 0 && isSpaceCode(t.charCodeAt(g0 - 1)) && p - g0 < 8) g0--;
  while (g1 < t.length && isSpaceCode(t.charCodeAt(g1)) && g1 - p < 8) g1++;
  if (g0 === g1 || !isWordAt(t, g0 - 1) || !isWordAt(t, g1)) return null;
  // Words on either side of a paragraph break are not "doubled".
  let breaks = 0;
  for (let k = g0; k < g1; k++) if (endsLineBreak(t, k)) breaks++;
  if (breaks > 1) return null;
  const b1 = tokenEndFrom(t, g1);
  if (b1 < 0) return null;
  // The two words' last letters differ: the usual case, decided before the word before is even measured.
  if (!mayMatch(t, g0 - 1, b1 - 1)) return null;
  const a0 = tokenStartBefore(t, g0);
  if (a0 < 0) return null;
  // Cheap tests first: most revisions stand between words of different lengths.
  if (g0 - a0 !== b1 - g1 || isWordAt(t, b1)) return null;
  const word = t.slice(a0, g0).toLowerCase();
  if (word !== t.slice(g1, b1).toLowerCase()) return null;
  // A doubled number ("1 1") is usually a table or a list, not a slip.
  if (/^[0-9]+$/.test(word)) return null;
  return [a0, b1];
}
