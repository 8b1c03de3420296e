// <delSpan>/<addSpan> ranges as marks (docs/tei.md, "Import"). Each piece of text knows the spans open where it
// stands (./walk.ts); here every stretch of sibling nodes lying wholly inside a span becomes a deletion or an
// insertion. A span that crosses an element's edge or a paragraph is marked piece by piece: a deletion of "a" and
// then of "b" reads as a deletion of "a b", so the readings are those of the span.
import type { ImportNode, Mark } from './tree';

/** Where a node lies at span depth d: wholly inside a span of one kind, outside, across an edge, or holds no text. */
type Cover = 'del' | 'add' | 'none' | 'mixed' | 'empty';

class SpanMarker {
  /** Covers already worked out, per depth (a node is asked once per depth, so the work stays linear). */
  private readonly memo: Map<ImportNode, Cover>[] = [];

  cover(n: ImportNode, d: number): Cover {
    const memo = (this.memo[d] ??= new Map());
    let c = memo.get(n);
    if (c !== undefined) return c;
    if (n.kind === 'text' || n.kind === 'lb') {
      c = n.kind === 'text' && n.text === '' ? 'empty' : (n.spans[d] ?? 'none');
    } else if (n.kind === 'shift') {
      c = 'empty';
    } else {
      c = 'empty';
      for (const k of n.kind === 'subst' ? n.parts : n.children) {
        const kc = this.cover(k, d);
        if (kc === 'empty' || kc === c) continue;
        if (c === 'empty') c = kc;
        else {
          c = 'mixed';
          break;
        }
      }
    }
    memo.set(n, c);
    return c;
  }

  /** The nodes with each run wholly inside a span at depth d wrapped in a mark (and the spans deeper inside it). */
  mark(nodes: ImportNode[], d: number): ImportNode[] {
    const out: ImportNode[] = [];
    let i = 0;
    while (i < nodes.length) {
      const n = nodes[i]!;
      const c = this.cover(n, d);
      if (c === 'del' || c === 'add') {
        // The run goes on over nodes in the same kind of span and over nodes holding no text, but ends at text.
        let end = i + 1;
        for (let j = i + 1; j < nodes.length; j++) {
          const cj = this.cover(nodes[j]!, d);
          if (cj === c) end = j + 1;
          else if (cj !== 'empty') break;
        }
        out.push({ kind: c, children: this.mark(nodes.slice(i, end), d + 1) });
        i = end;
        continue;
      }
      out.push(c === 'mixed' ? this.descend(n, d) : n);
      i++;
    }
    return out;
  }

  private descend(n: ImportNode, d: number): ImportNode {
    switch (n.kind) {
      case 'subst':
        // A part wrapped whole is still a mark (a deletion inside an insertion, say), so this stays a substitution.
        return { kind: 'subst', parts: this.mark(n.parts, d) as Mark[] };
      case 'del':
      case 'add':
      case 'supplied':
      case 'hand':
      case 'restored':
        return { ...n, children: this.mark(n.children, d) };
      default:
        return n;
    }
  }
}

function anySpan(nodes: ImportNode[]): boolean {
  for (const n of nodes) {
    if (
      n.kind === 'text' || n.kind === 'lb'
        ? n.spans.length > 0
        : anySpan(n.kind === 'subst' ? n.parts : n.kind === 'shift' ? [] : n.children)
    )
      return true;
  }
  return false;
}

/** A paragraph's nodes with the stretches inside <delSpan>/<addSpan> ranges marked. */
export function markSpans(nodes: ImportNode[]): ImportNode[] {
  return anySpan(nodes) ? new SpanMarker().mark(nodes, 0) : nodes;
}
