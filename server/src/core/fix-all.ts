// Fixes applied to a whole document at once ("fix all … in this document", and on save): their edits merged, and
// which readings the result changes found by reading the edited document again. Each fix says what it changes
// alone; together they may do more (two empty marks removed side by side join what each kept apart), so the
// combined fix is checked as a whole. Computed when the user asks for it, not on every keystroke.
import { Analysis } from './analysis';
import { makeFix, mergeEdits } from './fixes';
import type { Fix, TextEdit } from './model';

/** One fix made of `fixes` (edits merged as mergeEdits does), titled `title`, or null when there is nothing to do. */
export function combineFixes(analysis: Analysis, fixes: Fix[], title: string): Fix | null {
  const edits = mergeEdits(fixes);
  if (edits.length === 0) return null;
  const after = new Analysis(applyEdits(analysis.source, edits));
  const changes = (['draft', 'final'] as const).filter((k) => after.reading(k).text !== analysis.reading(k).text);
  return makeFix(title, edits, changes);
}

/** The text with non-overlapping edits applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let k = 0;
  for (const e of sorted) {
    out += text.slice(k, e.start) + e.newText;
    k = e.end;
  }
  return out + text.slice(k);
}
