// White space in imported TEI, read as XML readers do (docs/tei.md, "Import").
import type { ImportNode, LineBreak, TextLeaf } from './tree';

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Normalises a paragraph's white space in place: in ordinary TEI, runs of white space are one space and the white
 * space around a <lb/> and at the paragraph's edges is layout; under xml:space="preserve" text is kept as written,
 * except the one line break written just before an <lb/> (Emend writes `\n<lb/>`).
 */
export function normaliseSpace(nodes: ImportNode[]): void {
  const leaves: (TextLeaf | LineBreak)[] = [];
  /** The deletions and insertions around each leaf (outermost first), by the leaf's index. */
  const marksAround: (readonly ImportNode[])[] = [];
  const collect = (ns: ImportNode[], marks: readonly ImportNode[]) => {
    for (const n of ns) {
      if (n.kind === 'text' || n.kind === 'lb') {
        leaves.push(n);
        marksAround.push(marks);
      } else if (n.kind === 'subst') collect(n.parts, marks);
      else if (n.kind === 'del' || n.kind === 'add') collect(n.children, [...marks, n]);
      else if (n.kind !== 'shift') collect(n.children, marks);
    }
  };
  collect(nodes, []);
  /** Whether leaf `a`'s marks are all around leaf `b` too (then a space of `b`'s is in every reading that has `a`'s). */
  const within = (a: number, b: number) => {
    const outer = marksAround[a]!,
      inner = marksAround[b]!;
    return outer === inner || (outer.length <= inner.length && outer.every((m, k) => inner[k] === m));
  };
  /** The last leaf written with text (and its index), and whether the output so far ends at a line start. */
  let lastText: TextLeaf | null = null;
  let lastIndex = -1;
  let atLineStart = true;
  const trimTrailing = () => {
    if (lastText && !lastText.preserve) lastText.text = lastText.text.replace(/ +$/, '');
  };
  for (let index = 0; index < leaves.length; index++) {
    const leaf = leaves[index]!;
    if (leaf.kind === 'lb') {
      if (lastText?.preserve && lastText.text.endsWith('\n')) lastText.text = lastText.text.slice(0, -1);
      else trimTrailing();
      atLineStart = true;
      continue;
    }
    if (leaf.preserve) {
      leaf.text = leaf.text.replace(/\r\n?/g, '\n');
    } else {
      let s = '';
      for (let i = 0; i < leaf.text.length; i++) {
        const c = leaf.text.charCodeAt(i);
        if (!isXmlSpace(c)) {
          s += leaf.text[i];
          continue;
        }
        if (s.length ? s.endsWith(' ') : atLineStart) continue;
        if (s.length === 0 && lastText !== null && lastText.text.endsWith(' ')) {
          // Two spaces meet across an element's edge: one is layout. Keep the one outside a deletion or insertion
          // that the other is inside, so that the reading leaving that mark out keeps its space.
          if (within(lastIndex, index) || lastText.preserve) continue;
          lastText.text = lastText.text.slice(0, -1);
        }
        s += ' ';
      }
      leaf.text = s;
    }
    if (leaf.text.length) {
      lastText = leaf;
      lastIndex = index;
      atLineStart = leaf.text.endsWith('\n');
    }
  }
  trimTrailing();
}
