// Walking the inline tree for the checks, with what encloses each node.
import type { EmendDocument, Inline, MarkNode, SubstNode } from '../model';

export type Group = MarkNode | SubstNode;

/** The revisions written in running text (not inside another mark), in document order. */
export function topLevelGroups(doc: EmendDocument): Group[] {
  const out: Group[] = [];
  for (const p of doc.paragraphs) {
    for (const n of p.children) if (n.kind !== 'text' && n.kind !== 'escape') out.push(n);
  }
  return out;
}

/** Calls `fn` for every insertion that stands on its own (not half of a substitution) and survives into the final reading. */
export function forEachFinalInsertion(doc: EmendDocument, fn: (node: MarkNode) => void): void {
  const visit = (nodes: Inline[]): void => {
    for (const n of nodes) {
      switch (n.kind) {
        case 'add': fn(n); visit(n.children); break;
        case 'hand': visit(n.children); break;
        case 'subst': visit((n.first.kind === 'add' ? n.first : n.second).children); break;
        default: break; // text, escapes, and deletions (gone from the final reading)
      }
    }
  };
  for (const p of doc.paragraphs) visit(p.children);
}

/** Every substitution at any depth. */
export function forEachSubstitution(doc: EmendDocument, fn: (node: SubstNode) => void): void {
  const visit = (nodes: Inline[]): void => {
    for (const n of nodes) {
      if (n.kind === 'subst') { fn(n); visit(n.first.children); visit(n.second.children); }
      else if (n.kind === 'del' || n.kind === 'add' || n.kind === 'hand') visit(n.children);
    }
  };
  for (const p of doc.paragraphs) visit(p.children);
}
