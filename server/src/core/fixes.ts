// Quick fixes as the core offers them: every fix says which readings it changes, and its title says so too, so a
// transcriber never applies a fix that silently changes what a reading says. A fix that changes neither the draft
// nor the final reading is the only kind applied in bulk (on save); test/unit/fix-readings.test.ts checks on
// generated documents that each fix keeps every reading it does not name, exactly.
import type { Fix, FixChanges, TextEdit } from './model';

const SUFFIX: Record<string, string> = {
  '': '',
  draft: ' (changes the draft reading)',
  final: ' (changes the final reading)',
  'draft,final': ' (changes the draft and final readings)',
};

/** What the title of a fix changing `changes` ends with. */
export function changesSuffix(changes: FixChanges): string {
  return SUFFIX[changes.join(',')]!;
}

/** A fix whose title ends by saying which readings it changes (nothing, when it changes none). */
export function makeFix(title: string, edits: TextEdit[], changes: FixChanges, preferred = false): Fix {
  const fix: Fix = { title: title + changesSuffix(changes), edits, changes };
  if (preferred) fix.preferred = true;
  return fix;
}

/** The readings a fix changes: none, either, or both, always in this order. */
export const KEEPS: FixChanges = [];
export const DRAFT: FixChanges = ['draft'];
export const FINAL: FixChanges = ['final'];
export const BOTH: FixChanges = ['draft', 'final'];

/** Codes whose preferred fix is mechanical enough to offer for the whole document at once ("Fix all … in this
 *  document"). */
export const FIX_ALL_CODES: readonly string[] = [
  'space-inside-mark',
  'insertion-spellings-mixed',
  'stray-closer',
  'empty-mark',
];

/**
 * Codes whose fixes the editor applies on save (`source.fixAll.emend`, when the user asks for it), and of those only
 * fixes that change no reading: saving never rewrites what a transcription says (and an empty `^{}` being typed, or
 * a `}` typed before its `^{`, survives a save).
 */
export const SAVE_FIX_CODES: readonly string[] = ['space-inside-mark', 'insertion-spellings-mixed'];

/** The fix to apply when the user asks for "the" fix of a problem: its preferred one, or its only one. */
export function preferredFix(p: { fixes: Fix[] }): Fix | undefined {
  return p.fixes.find((f) => f.preferred) ?? (p.fixes.length === 1 ? p.fixes[0] : undefined);
}

/** The edits of several fixes as one list, for a fix-all: duplicates dropped, and a fix that would overlap an
 *  earlier one left out whole. Fixes that each keep the readings keep them together (the test checks it). */
export function mergeEdits(fixes: Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  const overlaps = (e: TextEdit) =>
    taken.some(
      (t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start && t.start === t.end),
    );
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !seen.has(`${e.start}:${e.end}:${e.newText}`));
    if (fresh.some(overlaps)) continue;
    for (const e of fresh) {
      seen.add(`${e.start}:${e.end}:${e.newText}`);
      taken.push(e);
    }
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}
