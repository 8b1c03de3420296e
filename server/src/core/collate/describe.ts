// Words and places of a collation as the user reads them: quoted phrases, line numbers, a little context.
import type { Collation, Side } from './collation';

/** Longest phrase quoted in a message before it is shortened with an ellipsis. */
const MAX_QUOTE = 60;

function collapse(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += ch;
  }
  return out;
}

function shorten(text: string, max = MAX_QUOTE): string {
  if (text.length <= max) return text;
  const half = (max - 1) >> 1;
  return text.slice(0, half).trimEnd() + ' … ' + text.slice(text.length - half).trimStart();
}

/** The compared text of words [from, to) of a side (reading text or witness text), on one line. */
export function phrase(text: string, side: Side, from: number, to: number, max = MAX_QUOTE): string {
  if (to <= from) return '';
  return shorten(collapse(text.slice(side.words.starts[from]!, side.words.ends[to - 1]!)), max);
}

export function aPhrase(c: Collation, from: number, to: number, max?: number): string {
  return phrase(c.reading.text, c.a, from, to, max);
}

export function bPhrase(c: Collation, from: number, to: number, max?: number): string {
  return phrase(c.witness.text, c.b, from, to, max);
}

/** One-based line in the witness file of witness word j (or of where the witness ends). */
export function bLine(c: Collation, j: number): number {
  const n = c.b.words.length;
  if (n === 0) return 1;
  const offset = j < n ? c.b.srcStarts[j]! : c.b.srcEnds[n - 1]!;
  return c.witness.lines.positionAt(offset).line + 1;
}

/** The witness's words around [from, to) with `context` words either side; the range itself between `mark`s. */
export function bContext(
  c: Collation,
  from: number,
  to: number,
  context = 4,
  mark: [string, string] = ['«', '»'],
): string {
  const n = c.b.words.length;
  const s = Math.max(0, from - context),
    e = Math.min(n, Math.max(to, from) + context);
  const before = phrase(c.witness.text, c.b, s, from, 80);
  const inner = phrase(c.witness.text, c.b, from, to, 80);
  const after = phrase(c.witness.text, c.b, Math.max(to, from), e, 80);
  const parts = [
    s > 0 ? '…' : '',
    before,
    inner ? mark[0] + inner + mark[1] : mark[0] + mark[1],
    after,
    e < n ? '…' : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

export function quote(text: string): string {
  return `“${text}”`;
}
