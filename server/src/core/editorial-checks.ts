// The problems of the editorial marks that need more than the mark itself: a hand the `hands:` header does not
// list, a gap extent that does not parse, a note inside a word, an empty unclear reading or note. Run once per parse,
// after the header and every paragraph are read (parser.ts).
import type { FixChanges, Header, Problem, TextEdit } from './model';
import { KEEPS, makeFix } from './fixes';
import { problem } from './problem';
import { alternatives, listedHands, parseExtent, UNIT_WORDS } from './editorial';
import { GAP, NOTE, type SyntaxTree, UNCLEAR } from './syntax';

/** Which readings edits inside one paragraph change (the parser reads the paragraph again to tell). */
export type ChangesOf = (edits: TextEdit[]) => FixChanges;

export function checkEditorialMarks(
  t: SyntaxTree,
  header: Header | null,
  handRefs: readonly number[],
  editorial: readonly number[],
  problems: Problem[],
  changes: ChangesOf,
): void {
  if (handRefs.length > 0) checkHands(t, header, handRefs, problems);
  const src = t.source;
  for (const node of editorial) {
    const kind = t.kind(node);
    const inner0 = t.openEnd(node),
      inner1 = t.innerEnd(node);
    if (kind === GAP) {
      const text = src.slice(inner0, inner1);
      if (parseExtent(text) === null)
        problems.push(
          problem(
            'gap-extent',
            inner0,
            inner1,
            `Emend cannot read “${text.trim()}” as the size of a gap. Write a number and a unit (${UNIT_WORDS.filter((u, k) => k % 2 === 1 || u === 'cm' || u === 'mm').join(', ')}), ` +
              'perhaps `ca.` before it or a range: `_{3 words}`, `_{ca. 5 letters}`, `_{2-3 lines}`, `_{?}`. ' +
              'Anything else goes in a note: `_{} %{…}`.',
          ),
        );
    } else if ((kind === UNCLEAR || kind === NOTE) && t.closed(node)) {
      const empty =
        kind === UNCLEAR
          ? alternatives(src, inner0, inner1).some((a) => a.text.trim() === '')
          : src.slice(inner0, inner1).trim() === '';
      if (empty)
        problems.push(
          problem(
            'empty-mark',
            t.start(node),
            t.end(node),
            kind === UNCLEAR
              ? 'This unclear reading has an empty alternative: write what you can make out, or use a gap `_{…}`.'
              : 'This note holds no text.',
          ),
        );
      if (kind === NOTE) checkNoteInWord(t, node, problems, changes);
    }
  }
}

function isWordCode(c: number): boolean {
  // Letters and digits of any script: what is neither space, punctuation nor markup.
  if (Number.isNaN(c)) return false;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase() || (c >= 48 && c <= 57) || c > 0x2e7f;
}

/** `note-inside-word`: `wo%{…}rd`. The fix moves the note to the end of the word; notes are in no reading. */
function checkNoteInWord(t: SyntaxTree, node: number, problems: Problem[], changes: ChangesOf): void {
  const src = t.source;
  const start = t.start(node),
    end = t.end(node);
  if (!isWordCode(src.charCodeAt(start - 1)) || !isWordCode(src.charCodeAt(end))) return;
  let k = end;
  while (k < src.length && isWordCode(src.charCodeAt(k))) k++;
  const edits = [
    { start, end, newText: '' },
    { start: k, end: k, newText: src.slice(start, end) },
  ];
  problems.push(
    problem(
      'note-inside-word',
      start,
      end,
      'This note stands inside a word. The readings leave notes out, so the word reads whole, but a note inside a ' +
        'word splits it in the preview and in TEI; put it after the word.',
      [makeFix('Move the note after the word', edits, changes(edits), true)],
    ),
  );
}

/** `unknown-hand`: a hand reference whose id the `hands:` header does not list, with a fix that lists it. */
function checkHands(t: SyntaxTree, header: Header | null, refs: readonly number[], problems: Problem[]): void {
  const src = t.source;
  const listed = new Set(listedHands(header).map((h) => h.id));
  const field = header?.fields.find((f) => f.key === 'hands');
  for (const ref of refs) {
    const id = src.slice(t.start(ref) + 1, t.end(ref) - 1);
    if (listed.has(id)) continue;
    let edit: TextEdit;
    if (field) {
      const value = src.slice(field.valueSpan.start, field.valueSpan.end).trim();
      edit = { start: field.valueSpan.end, end: field.valueSpan.end, newText: value ? `; ${id}:` : `${id}:` };
    } else if (header) {
      // A new line before the closing `---`.
      let lineStart = header.end;
      while (lineStart > header.start && src[lineStart - 1] !== '\n' && src[lineStart - 1] !== '\r') lineStart--;
      const nl = src.slice(header.start, header.end).includes('\r\n') ? '\r\n' : '\n';
      edit = { start: lineStart, end: lineStart, newText: `hands: ${id}:${nl}` };
    } else {
      const bom = src.charCodeAt(0) === 0xfeff ? 1 : 0;
      edit = { start: bom, end: bom, newText: `---\nhands: ${id}:\n---\n\n` };
    }
    const known = [...listed];
    problems.push(
      problem(
        'unknown-hand',
        t.start(ref),
        t.end(ref) - 1,
        `The hand \`${id}\` is not listed in the header's \`hands:\` line` +
          (known.length ? ` (it lists ${known.map((k) => `\`${k}\``).join(', ')}).` : '.') +
          ' List it there with a description: `hands: ' +
          id +
          ': the secretary`.',
        [makeFix(`List \`${id}\` in the header's \`hands:\` line`, [edit], KEEPS, true)],
      ),
    );
  }
}
