// The object tree of model.ts, made from the parser's flat syntax tree: one object per node, as the renderers,
// hovers, outline, exports and editing commands read it. Made once per document version, on first use.
import type { Inline, MarkNode, Paragraph } from './model';
import { ADD, DEL, delimiterOf, ESCAPE, SUBST, type SyntaxTree, TEXT } from './syntax';

/** The paragraphs' objects, and the object made for each flat node (indexed by node; a substitution's marks too). */
export function paragraphObjects(t: SyntaxTree): { paragraphs: Paragraph[]; nodes: Inline[] } {
  const nodes: Inline[] = new Array<Inline>(t.count);
  const paragraphs = t.paragraphs.map((p) => ({
    start: t.start(p),
    end: t.end(p),
    children: inlineObjects(t, t.first(p), nodes),
  }));
  return { paragraphs, nodes };
}

/** The nodes of a sibling list, from `first` on; each object is also put in `nodes` at its node's index. */
function inlineObjects(t: SyntaxTree, first: number, nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = first; i >= 0; i = t.next(i)) out.push(inlineObject(t, i, nodes));
  return out;
}

function inlineObject(t: SyntaxTree, i: number, nodes: Inline[]): Inline {
  const kind = t.kind(i);
  const start = t.start(i),
    end = t.end(i);
  let node: Inline;
  if (kind === TEXT) node = { kind: 'text', start, end };
  else if (kind === ESCAPE) node = { kind: 'escape', start, end, char: t.source[start + 1]! };
  else if (kind === SUBST) {
    const a = t.first(i);
    node = { kind: 'subst', start, end, first: markObject(t, a, nodes), second: markObject(t, t.next(a), nodes) };
  } else return markObject(t, i, nodes);
  nodes[i] = node;
  return node;
}

/** Mark i's object (with its contents'); `nodes` collects them by index. */
export function markObject(t: SyntaxTree, i: number, nodes: Inline[] = []): MarkNode {
  const kind = t.kind(i);
  const start = t.start(i),
    end = t.end(i),
    closeStart = t.closeStart(i);
  const mark: MarkNode = {
    kind: kind === DEL ? 'del' : kind === ADD ? 'add' : 'hand',
    delimiter: delimiterOf(t, i),
    start,
    end,
    open: { start, end: t.openEnd(i) },
    close: closeStart < 0 ? null : { start: closeStart, end },
    children: inlineObjects(t, t.first(i), nodes),
  };
  nodes[i] = mark;
  return mark;
}
