// Insert Page Break: `|page{n}` (or `|page{n | image}`) on a line of its own before the cursor's line, with the number
// the previous page break suggests. Pure: the command asks for the number and image and applies the edit.
import type { Analysis } from './analysis';
import type { BreakNode, TextEdit } from './model';
import { pageBreaks } from './pages';
import { parse } from './parser';
import type { ToggleResult } from './toggle-mark';

/**
 * The number to suggest for a page break at `offset`: the previous page break's plus one (`12` → `13`; a folio `12r`
 * → `12v`, `12v` → `13r`); with no page break before, `1` at the start of the text and `2` after some text (the text
 * before is the first page); '' when the previous number is not one Emend can count on from (`xii`).
 */
export function suggestedPageNumber(analysis: Analysis, offset: number): string {
  let previous: BreakNode | undefined;
  for (const p of analysis.doc.paragraphs) {
    if (p.start >= offset) break;
    for (const b of pageBreaks(p.children)) if (b.start < offset) previous = b;
  }
  if (!previous) {
    const textBefore = analysis.doc.paragraphs.some((p) => p.start < offset);
    return textBefore ? '2' : '1';
  }
  return nextNumber(previous.n);
}

/** The number after `n`: digits count up, a folio's recto is followed by its verso. */
export function nextNumber(n: string): string {
  const t = n.trim();
  let k = t.length;
  const side = t.endsWith('r') || t.endsWith('v') ? t[t.length - 1]! : '';
  if (side) k--;
  let d = k;
  while (d > 0 && t.charCodeAt(d - 1) >= 48 && t.charCodeAt(d - 1) <= 57) d--;
  if (d !== 0 || d === k || k - d > 9) return '';
  const num = Number(t.slice(0, k));
  if (side === 'r') return `${num}v`;
  if (side === 'v') return `${num + 1}r`;
  return String(num + 1);
}

/** Backslashes before what would end the break or its number early: `}`, `|`, `\`. */
function escapeBreakText(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '}' || ch === '|' || ch === '\\' ? '\\' + ch : ch;
  return out;
}

/**
 * The edit putting `|page{n}` (with ` | image` when one is given) on a line of its own at the start of the line
 * holding `offset`; on a blank line, the break is written on it. Refused in the header, and where the break would not
 * read as one (inside a note or another mark that holds text only).
 */
export function insertPageBreak(analysis: Analysis, offset: number, n: string, image: string): ToggleResult {
  const src = analysis.source;
  const doc = analysis.doc;
  const at = Math.max(0, Math.min(offset, src.length));
  if (doc.header && at < doc.bodyStart)
    return { ok: false, message: 'The header block holds metadata; put the page break in the text below it.' };
  const line = analysis.lines.positionAt(at).line;
  const lineStart = Math.max(analysis.lines.lineStart(line), doc.bodyStart);
  let k = lineStart;
  while (k < src.length && (src[k] === ' ' || src[k] === '\t')) k++;
  const blank = k >= src.length || src[k] === '\n' || src[k] === '\r';
  const inside = escapeBreakText(n.trim()) + (image.trim() ? ` | ${escapeBreakText(image.trim())}` : '');
  const mark = `|page{${inside}}`;
  const edit: TextEdit = blank
    ? { start: lineStart, end: k, newText: mark }
    : { start: lineStart, end: lineStart, newText: mark + lineBreakOf(src) };
  const edited = src.slice(0, edit.start) + edit.newText + src.slice(edit.end);
  const after = parse(edited);
  const made = after.paragraphs.some((p) => pageBreaks(p.children).some((b) => b.start === lineStart && b.close));
  if (!made || after.problems.length > doc.problems.length)
    return {
      ok: false,
      message:
        'A page break at the start of this line would not read as one (it would fall inside a mark that holds text only); move the cursor.',
    };
  const end = lineStart + mark.length;
  return { ok: true, action: 'wrap', edits: [edit], selection: { start: end, end } };
}

function lineBreakOf(src: string): string {
  const nl = src.indexOf('\n');
  return nl > 0 && src[nl - 1] === '\r' ? '\r\n' : '\n';
}
