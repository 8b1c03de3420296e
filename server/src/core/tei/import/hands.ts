// Hands in imported TEI: which one is the main hand, and stretches between <handShift/>s.
import type { ImportNode } from './tree';

/**
 * The main hand: the first <handNote> the header declares, else the hand a <handShift/> names before any text;
 * `unnamed` once text began before any hand was named (that text is in the main hand, which has no id); `unknown`
 * until one of these happens.
 */
export type MainHand = { kind: 'named'; id: string } | { kind: 'unnamed' } | { kind: 'unknown' };

export function isMainHand(hand: string, main: MainHand): boolean {
  return main.kind === 'named' && main.id === hand;
}

/** The id a pointer such as `#pbs` (or `doc.xml#pbs`, or a list of them: the first) names; null for none. */
export function pointerId(v: string | undefined): string | null {
  if (!v) return null;
  const first = v.trim().split(/\s+/)[0] ?? '';
  const hash = first.lastIndexOf('#');
  const id = hash >= 0 ? first.slice(hash + 1) : first;
  return id || null;
}

/**
 * Turns each <handShift/> to another hand followed, among the same siblings, by one back to the main hand into a
 * stretch in another hand, so that `*` goes back exactly where the TEI has it. Unpaired shifts only leave their
 * mark on the text (each piece of text knows its hand), and the writer groups such text as best it can.
 */
export function pairShifts(nodes: ImportNode[]): ImportNode[] {
  if (!nodes.some((n) => n.kind === 'shift')) return nodes;
  const out: ImportNode[] = [];
  let open = -1;
  let id: string | undefined;
  for (const n of nodes) {
    if (n.kind !== 'shift') {
      out.push(n);
      continue;
    }
    if (n.other && open < 0) {
      open = out.length;
      id = n.id;
    } else if (!n.other && open >= 0) {
      const children = out.splice(open);
      out.push(id ? { kind: 'hand', children, id } : { kind: 'hand', children });
      open = -1;
    }
  }
  return out;
}
