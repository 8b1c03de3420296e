// The object tree of model.ts, made from the parser's flat syntax tree: one object per node, as the renderers,
// hovers, outline, exports and editing commands read it. Made once per document version, on first use.
import type { Inline, MarkNode, Paragraph } from './model';
import { ADD, DEL, delimiterOf, ESCAPE, SUBST, type SyntaxTree, TEXT } from './syntax';

export function paragraphObjects(t: SyntaxTree): Paragraph[] {
  return t.paragraphs.map((p) => ({ start: t.start(p), end: t.end(p), children: inlineObjects(t, t.first(p)) }));
}

/** The nodes of a sibling list, from `first` on. */
export function inlineObjects(t: SyntaxTree, first: number): Inline[] {
  const out: Inline[] = [];
  for (let i = first; i >= 0; i = t.next(i)) out.push(inlineObject(t, i));
  return out;
}

export function inlineObject(t: SyntaxTree, i: number): Inline {
  const kind = t.kind(i);
  const start = t.start(i),
    end = t.end(i);
  if (kind === TEXT) return { kind: 'text', start, end };
  if (kind === ESCAPE) return { kind: 'escape', start, end, char: t.source[start + 1]! };
  if (kind === SUBST) {
    const a = t.first(i);
    return { kind: 'subst', start, end, first: markObject(t, a), second: markObject(t, t.next(a)) };
  }
  return markObject(t, i);
}

export function markObject(t: SyntaxTree, i: number): MarkNode {
  const kind = t.kind(i);
  const start = t.start(i),
    end = t.end(i),
    closeStart = t.closeStart(i);
  return {
    kind: kind === DEL ? 'del' : kind === ADD ? 'add' : 'hand',
    delimiter: delimiterOf(t, i),
    start,
    end,
    open: { start, end: t.openEnd(i) },
    close: closeStart < 0 ? null : { start: closeStart, end },
    children: inlineObjects(t, t.first(i)),
  };
}
