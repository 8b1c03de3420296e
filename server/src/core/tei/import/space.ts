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
  const collect = (ns: ImportNode[]) => {
    for (const n of ns) {
      if (n.kind === 'text' || n.kind === 'lb') leaves.push(n);
      else if (n.kind === 'subst') collect(n.parts);
      else if (n.kind !== 'shift') collect(n.children);
    }
  };
  collect(nodes);
  /** The last leaf written with text, and whether the output so far ends at a line start or a space. */
  let lastText: TextLeaf | null = null;
  let atLineStart = true;
  const trimTrailing = () => {
    if (lastText && !lastText.preserve) lastText.text = lastText.text.replace(/ +$/, '');
  };
  for (const leaf of leaves) {
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
        if (isXmlSpace(c)) {
          const prevSpace = s.length
            ? s.endsWith(' ')
            : atLineStart || (lastText !== null && lastText.text.endsWith(' '));
          if (!prevSpace) s += ' ';
        } else {
          s += leaf.text[i];
        }
      }
      leaf.text = s;
    }
    if (leaf.text.length) {
      lastText = leaf;
      atLineStart = leaf.text.endsWith('\n');
    }
  }
  trimTrailing();
}
