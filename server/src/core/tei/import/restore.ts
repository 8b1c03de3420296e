// <restore>: a deletion cancelled ("stet"). What a restoration holds is in both readings, so it is lifted out of
// every deletion around it, which is split there; an insertion around it stays around it (a restoration cancels
// deletions only). Whether <restore> stands around the <del> (as the Guidelines write it) or inside (as the
// Faustedition does), the text comes out unmarked.
import type { ImportNode, Restored } from './tree';

function hasRestored(nodes: ImportNode[]): boolean {
  return nodes.some(
    (n) =>
      n.kind === 'restored' ||
      (n.kind !== 'text' &&
        n.kind !== 'lb' &&
        n.kind !== 'shift' &&
        hasRestored(n.kind === 'subst' ? n.parts : n.children)),
  );
}

/** A node as pieces: itself, or (where it held restored text) the pieces around and the restored stretches, which
 * stay marked so that each enclosing deletion splits there too. */
function lift(n: ImportNode): ImportNode[] {
  switch (n.kind) {
    case 'text':
    case 'lb':
    case 'shift':
      return [n];
    case 'restored':
      return [{ kind: 'restored', children: undelete(unwrap(n.children.flatMap(lift))) }];
    case 'subst': {
      const pieces = n.parts.flatMap(lift);
      // A part split by a restoration: the substitution becomes its pieces in a row.
      return pieces.every((p) => p.kind === 'del' || p.kind === 'add') && pieces.length === n.parts.length
        ? [{ kind: 'subst', parts: pieces as typeof n.parts }]
        : pieces;
    }
    default: {
      const kids = n.children.flatMap(lift);
      if (!kids.some((k) => k.kind === 'restored')) return [{ ...n, children: kids }];
      const out: ImportNode[] = [];
      let run: ImportNode[] = [];
      const flush = () => {
        if (run.length) out.push({ ...n, children: run });
        run = [];
      };
      for (const k of kids) {
        if (k.kind !== 'restored') {
          run.push(k);
          continue;
        }
        flush();
        // Out of a deletion it comes bare; out of an insertion or a hand, still inside one of its own.
        const inner: Restored = n.kind === 'del' ? k : { kind: 'restored', children: [{ ...n, children: k.children }] };
        out.push(inner);
      }
      flush();
      return out;
    }
  }
}

/** The nodes with no deletion left in them (a span's, marked after the walk, included); insertions stay. */
function undelete(nodes: ImportNode[]): ImportNode[] {
  return nodes.flatMap((n): ImportNode[] => {
    switch (n.kind) {
      case 'del':
        return undelete(n.children);
      case 'subst':
        return undelete(n.parts);
      case 'add':
      case 'hand':
      case 'restored':
        return [{ ...n, children: undelete(n.children) }];
      default:
        return [n];
    }
  });
}

function unwrap(nodes: ImportNode[]): ImportNode[] {
  return nodes.flatMap((n) => (n.kind === 'restored' ? n.children : [n]));
}

/** A paragraph's nodes with restored text out of the deletions around it and no Restored left. */
export function liftRestored(nodes: ImportNode[]): ImportNode[] {
  return hasRestored(nodes) ? unwrap(nodes.flatMap(lift)) : nodes;
}
