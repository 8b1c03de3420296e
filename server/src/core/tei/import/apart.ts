// Where a deletion and an insertion stand with only a space between them, the parser pairs them into a
// substitution and the space becomes notation, in neither reading. That is right where the space only separates
// words that a reading separates anyway; inside a word (`x<del>a</del> <add>b</add>y`) it is a reading's only space
// there, so it goes into both marks instead (`x~~a ~~^{ b}y`): each reading keeps it, and the pairing changes nothing.
import { childrenOf, type ImportNode, type Mark } from './tree';

type Reading = 'draft' | 'final';
/** The text each reading shows on one side of a place: its last (or first) character or so; '' at an edge. */
type Edges = Record<Reading, string>;
const NONE: Edges = { draft: '', final: '' };

/** The nodes with the spaces between paired marks moved into them where a reading needs them. `before`/`after`:
 * what the readings show beyond the nodes (at the paragraph's edges, nothing); `inDel`: the nodes are a deletion's. */
export function keepSpacesApart(nodes: ImportNode[], before = NONE, after = NONE, inDel = false): ImportNode[] {
  let out: ImportNode[] | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const inner = childrenOf(n);
    if (!inner.length) continue;
    const kept = keepSpacesApart(
      inner,
      edges(nodes.slice(0, i), 'end', before),
      edges(nodes.slice(i + 1), 'start', after),
      n.kind === 'del',
    );
    if (kept !== inner)
      (out ??= nodes.slice())[i] =
        n.kind === 'subst' ? { ...n, parts: kept as Mark[] } : { ...(n as Mark), children: kept };
  }
  const list = out ?? nodes;
  let result: ImportNode[] | null = null;
  for (let i = 0; i + 2 < list.length; i++) {
    const gap = list[i + 1]!;
    if (gap.kind !== 'text' || gap.text === '' || !/^[ \t]*$/.test(gap.text)) continue;
    // A substitution opening a deletion's content loses its own deletion to the enclosing one (MarkupWriter.mark),
    // and its insertion then stands alone.
    const opening = inDel && !list.slice(0, i).some(hasContent);
    const a = lone(list[i]!, opening),
      b = lone(list[i + 2]!, false);
    if (!a || !b || a.kind === b.kind) continue;
    // (What a substitution writes before its lone part, a merged deletion's text, stands before it too.)
    const first = list[i]!;
    const ahead = first.kind === 'subst' ? first.parts.slice(0, first.parts.indexOf(a)) : [];
    const left = edges([...list.slice(0, i), ...ahead], 'end', before),
      right = edges(list.slice(i + 3), 'start', after);
    const word = (r: Reading) => /[^ \t\n]$/.test(left[r]) || /^[^ \t\n]/.test(right[r]);
    if (!word('draft') && !word('final')) continue;
    result ??= list.slice();
    result[i] = withMark(list[i]!, a, { ...a, children: [...a.children, gap] });
    result[i + 1] = { ...gap, text: '' };
    result[i + 2] = withMark(list[i + 2]!, b, { ...b, children: [{ ...gap }, ...b.children] });
  }
  return result ?? list;
}

/** The mark a node is written as when it stands alone: a deletion or insertion with something to write, or a
 * substitution of which only one part has (the writer leaves an empty deletion out), or whose deletion is merged
 * into an enclosing one (`opening`: it is the first thing in that deletion). */
function lone(n: ImportNode, opening: boolean): Mark | null {
  if (n.kind === 'del' || n.kind === 'add') return hasContent(n) ? n : null;
  if (n.kind !== 'subst') return null;
  let parts = n.parts.filter(hasContent);
  if (opening && parts[0]?.kind === 'del') parts = parts.slice(1);
  return parts.length === 1 ? parts[0]! : null;
}

function withMark(n: ImportNode, old: Mark, changed: Mark): ImportNode {
  return n.kind === 'subst' ? { ...n, parts: n.parts.map((p) => (p === old ? changed : p)) } : changed;
}

/** Whether the writer writes something for a node: text, a line break, or an insertion (an empty one is `^{}`). */
function hasContent(n: ImportNode): boolean {
  if (n.kind === 'text') return n.text !== '';
  return n.kind === 'lb' || n.kind === 'add' || childrenOf(n).some(hasContent);
}

/** What each reading shows at one end of some nodes, or beyond them (`outside`) when it shows nothing there. */
function edges(nodes: ImportNode[], side: 'start' | 'end', outside: Edges): Edges {
  return {
    draft: edge(nodes, side, 'draft') || outside.draft,
    final: edge(nodes, side, 'final') || outside.final,
  };
}

function edge(nodes: ImportNode[], side: 'start' | 'end', reading: Reading): string {
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[side === 'start' ? k : nodes.length - 1 - k]!;
    if (n.kind === 'lb') return '\n';
    if ((n.kind === 'add' && reading === 'draft') || (n.kind === 'del' && reading === 'final')) continue;
    const t = n.kind === 'text' ? n.text : edge(childrenOf(n), side, reading);
    if (t !== '') return t;
  }
  return '';
}
