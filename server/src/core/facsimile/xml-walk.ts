// Small helpers over the layout XML reader's tree (layout-xml.ts) for the layout readers: children by local name,
// numbers and point lists from attributes, all without recursion so a deep file cannot overflow the stack.
import { attr, type LNode } from './layout-xml';

export function childElements(el: LNode, local?: string): LNode[] {
  return local === undefined ? el.children : el.children.filter((c) => c.local === local);
}

export function firstChild(el: LNode, local: string): LNode | undefined {
  for (const c of el.children) if (c.local === local) return c;
  return undefined;
}

/** Every descendant element with one of these local names, in document order (not descending into matches when
 *  `stopAtMatch`). */
export function descendants(el: LNode, locals: ReadonlySet<string>, stopAtMatch = false): LNode[] {
  const out: LNode[] = [];
  const stack: LNode[] = [];
  for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!);
  while (stack.length) {
    const e = stack.pop()!;
    const hit = locals.has(e.local);
    if (hit) out.push(e);
    if (hit && stopAtMatch) continue;
    for (let k = e.children.length - 1; k >= 0; k--) stack.push(e.children[k]!);
  }
  return out;
}

/** A number attribute, or NaN when absent or not a number. */
export function numberAttr(el: LNode, name: string): number {
  const v = attr(el, name);
  if (v === undefined || v.trim() === '') return NaN;
  return Number(v);
}

/**
 * All numbers in a point list (`x,y x,y …` as PAGE writes it, or `x y x y …` / `x,y,x,y` as ALTO files do), flat.
 * Returns null when something else than numbers, commas and spaces is there, or the count is odd.
 */
export function parsePoints(text: string): number[] | null {
  const out: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 44 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (c === 45 || c === 43) i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69) i++;
      else if ((d === 45 || d === 43) && (text.charCodeAt(i - 1) === 101 || text.charCodeAt(i - 1) === 69)) i++;
      else break;
    }
    const v = Number(text.slice(start, i));
    if (i === start || !Number.isFinite(v)) return null;
    out.push(v);
  }
  return out.length % 2 === 0 ? out : null;
}
