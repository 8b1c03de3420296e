// Walking the parser's flat tree (../syntax.ts) for the checks: the checks run on every keystroke, over the whole
// document, so they read the table directly instead of the object tree.
import { ADD, DEL, forEachRevision, SUBST, type SyntaxTree } from '../syntax';

/** The revisions of a document, as the checks look for them, found in one walk of the tree. */
export interface RevisionIndex {
  /** Marks and substitutions written in running text (not inside another mark), in document order. */
  groups: number[];
  /** Every substitution at any depth, as triples: the substitution, its deletion, its insertion. */
  substitutions: number[];
  /** Insertions standing on their own (not half of a substitution) that survive into the final reading. */
  finalInsertions: number[];
}

export function indexRevisions(t: SyntaxTree): RevisionIndex {
  const index: RevisionIndex = { groups: [], substitutions: [], finalInsertions: [] };
  forEachRevision(t, (n, { depth, final }) => {
    if (depth === 0) index.groups.push(n);
    const k = t.kind(n);
    if (k === SUBST) {
      const a = t.first(n),
        b = t.next(a);
      if (t.kind(a) === DEL) index.substitutions.push(n, a, b);
      else index.substitutions.push(n, b, a);
    } else if (k === ADD && final) {
      index.finalInsertions.push(n);
    }
  });
  return index;
}

/** A substitution is closed by construction; a mark when its closer was found. */
export function groupClosed(t: SyntaxTree, g: number): boolean {
  return t.kind(g) === SUBST || t.closed(g);
}

/** Where a group's own text begins: after its (first mark's) opening delimiter. */
export function innerStart(t: SyntaxTree, g: number): number {
  return t.openEnd(t.kind(g) === SUBST ? t.first(g) : g);
}

/** Where a closed group's own text ends: before its (second mark's) closing delimiter. */
export function innerEnd(t: SyntaxTree, g: number): number {
  return t.closeStart(t.kind(g) === SUBST ? t.next(t.first(g)) : g);
}
