// The object tree of model.ts, made from the parser's flat syntax tree: one object per node, as the renderers,
// hovers, outline, exports and editing commands read it. Made once per document version, on first use.
import type { EditorialNode, HandRef, Inline, MarkNode, MarkKind, Paragraph } from './model';
import {
  ADD,
  COLUMN,
  DEL,
  delimiterOf,
  ESCAPE,
  GAP,
  HAND,
  HAND_REF,
  NOTE,
  PAGE,
  SUBST,
  SUPPLIED,
  type SyntaxTree,
  TEXT,
  UNCLEAR,
  WORD_BREAK,
} from './syntax';
import { alternatives, breakParts, parseExtent, unescaped } from './editorial';

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
  for (let i = first; i >= 0; i = t.next(i)) if (t.kind(i) !== HAND_REF) out.push(inlineObject(t, i, nodes));
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
  } else if (kind === DEL || kind === ADD || kind === HAND || kind === SUPPLIED) return markObject(t, i, nodes);
  else node = editorialObject(t, i);
  nodes[i] = node;
  return node;
}

function editorialObject(t: SyntaxTree, i: number): EditorialNode {
  const kind = t.kind(i);
  const start = t.start(i),
    end = t.end(i);
  if (kind === WORD_BREAK) return { kind: 'word-break', start, end };
  const src = t.source;
  const inner0 = t.openEnd(i),
    inner1 = t.innerEnd(i);
  const base = {
    start,
    end,
    open: { start, end: inner0 },
    close: t.closed(i) ? { start: inner1, end } : null,
    keyword: t.keyword(i),
  };
  switch (kind) {
    case UNCLEAR:
      return { ...base, kind: 'unclear', alternatives: alternatives(src, inner0, inner1) };
    case GAP: {
      const extentText = unescaped(src, inner0, inner1);
      return { ...base, kind: 'gap', extentText, extent: parseExtent(extentText) };
    }
    case NOTE:
      return { ...base, kind: 'note', text: unescaped(src, inner0, inner1) };
    case PAGE:
    case COLUMN:
      return { ...base, kind: kind === PAGE ? 'page' : 'column', ...breakParts(src, inner0, inner1) };
    default:
      throw new Error(`node ${i} of kind ${kind} is not an editorial mark`);
  }
}

const MARK_KINDS: Record<number, MarkKind> = { [DEL]: 'del', [ADD]: 'add', [HAND]: 'hand', [SUPPLIED]: 'supplied' };

/** Mark i's object (with its contents'); `nodes` collects them by index. */
export function markObject(t: SyntaxTree, i: number, nodes: Inline[] = []): MarkNode {
  const kind = t.kind(i);
  const start = t.start(i),
    end = t.end(i),
    closeStart = t.closeStart(i);
  const first = t.first(i);
  let hand: HandRef | null = null;
  if (first >= 0 && t.kind(first) === HAND_REF)
    hand = { start: t.start(first), end: t.end(first) - 1, id: t.source.slice(t.start(first) + 1, t.end(first) - 1) };
  const mark: MarkNode = {
    kind: MARK_KINDS[kind]!,
    delimiter: delimiterOf(t, i),
    keyword: t.keyword(i),
    hand,
    start,
    end,
    open: { start, end: t.openEnd(i) },
    close: closeStart < 0 ? null : { start: closeStart, end },
    children: inlineObjects(t, t.first(i), nodes),
  };
  nodes[i] = mark;
  return mark;
}
