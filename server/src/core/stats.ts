// Counts of a transcription's revisions, for the status bar and the outline.
// Deletions and insertions count the marks on the page: a substitution is one deletion and one insertion
// (and is also counted among the substitutions).
import type { Revision, RevisionKind } from './revisions';
import { ADD, DEL, forEachRevision, HAND, SUBST, type SyntaxTree } from './syntax';

export interface RevisionCounts {
  deletions: number;
  insertions: number;
  substitutions: number;
  hands: number;
}

export function countRevisions(revs: readonly Pick<Revision, 'kind'>[]): RevisionCounts {
  const c: RevisionCounts = { deletions: 0, insertions: 0, substitutions: 0, hands: 0 };
  for (const r of revs) {
    switch (r.kind) {
      case 'del':
        c.deletions++;
        break;
      case 'add':
        c.insertions++;
        break;
      case 'hand':
        c.hands++;
        break;
      case 'subst':
        c.substitutions++;
        c.deletions++;
        c.insertions++;
        break;
    }
  }
  return c;
}

const KIND_NAMES: Record<number, RevisionKind> = { [DEL]: 'del', [ADD]: 'add', [HAND]: 'hand', [SUBST]: 'subst' };

/** The counts of a parsed document, read off the parser's flat tree (the status bar asks after every edit, and this
 *  needs no summary of each revision). */
export function countRevisionsIn(t: SyntaxTree): RevisionCounts {
  const kinds: { kind: RevisionKind }[] = [];
  forEachRevision(t, (n) => kinds.push({ kind: KIND_NAMES[t.kind(n)]! }));
  return countRevisions(kinds);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3 deletions, 2 insertions (1 substitution), 1 in another hand`, or `no revisions`. */
export function describeCounts(c: RevisionCounts): string {
  const parts: string[] = [];
  if (c.deletions) parts.push(plural(c.deletions, 'deletion', 'deletions'));
  if (c.insertions) parts.push(plural(c.insertions, 'insertion', 'insertions'));
  let text = parts.join(', ');
  if (c.substitutions) text += ` (${plural(c.substitutions, 'substitution', 'substitutions')})`;
  if (c.hands) text += `${text ? ', ' : ''}${c.hands} in another hand`;
  return text || 'no revisions';
}
