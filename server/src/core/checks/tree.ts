// Walking the parser's flat tree (../syntax.ts) for the checks: the checks run on every keystroke, over the whole
// document, so they read the table directly instead of the object tree.
import { ADD, DEL, ESCAPE, HAND, SUBST, type SyntaxTree, TEXT } from '../syntax';

/** The revisions written in running text (marks and substitutions not inside another mark), in document order. */
export function topLevelGroups(t: SyntaxTree): number[] {
  const out: number[] = [];
  for (const p of t.paragraphs) {
    for (let i = t.first(p); i >= 0; i = t.next(i)) {
      const k = t.kind(i);
      if (k !== TEXT && k !== ESCAPE) out.push(i);
    }
  }
  return out;
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

/** Calls `fn` for every insertion that stands on its own (not half of a substitution) and survives into the final reading. */
export function forEachFinalInsertion(t: SyntaxTree, fn: (node: number) => void): void {
  const visit = (first: number): void => {
    for (let n = first; n >= 0; n = t.next(n)) {
      switch (t.kind(n)) {
        case ADD: fn(n); visit(t.first(n)); break;
        case HAND: visit(t.first(n)); break;
        case SUBST: {
          const a = t.first(n);
          visit(t.first(t.kind(a) === ADD ? a : t.next(a)));
          break;
        }
        default: break; // text, escapes, and deletions (gone from the final reading)
      }
    }
  };
  for (const p of t.paragraphs) visit(t.first(p));
}

/** Every substitution at any depth, with its deletion and its insertion. */
export function forEachSubstitution(t: SyntaxTree, fn: (node: number, del: number, add: number) => void): void {
  const visit = (first: number): void => {
    for (let n = first; n >= 0; n = t.next(n)) {
      const k = t.kind(n);
      if (k === SUBST) {
        const a = t.first(n), b = t.next(a);
        if (t.kind(a) === DEL) fn(n, a, b); else fn(n, b, a);
        visit(t.first(a));
        visit(t.first(b));
      } else if (k === DEL || k === ADD || k === HAND) {
        visit(t.first(n));
      }
    }
  };
  for (const p of t.paragraphs) visit(t.first(p));
}
