// White space in imported TEI, read as XML readers do (docs/tei.md, "Import").
import type { ImportNode, LineBreak, TextLeaf } from './tree';

const DRAFT = 1;
const FINAL = 2;

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
  /** The readings each leaf is in, by the leaf's index: DRAFT unless an insertion holds it, FINAL unless a deletion. */
  const readings: number[] = [];
  const collect = (ns: ImportNode[], inReadings: number) => {
    for (const n of ns) {
      if (n.kind === 'text' || n.kind === 'lb') {
        leaves.push(n);
        readings.push(inReadings);
      } else if (n.kind === 'subst') collect(n.parts, inReadings);
      else if (n.kind === 'del') collect(n.children, inReadings & ~FINAL);
      else if (n.kind === 'add') collect(n.children, inReadings & ~DRAFT);
      else if (n.kind !== 'shift') collect(n.children, inReadings);
    }
  };
  collect(nodes, DRAFT | FINAL);
  /** Whether leaf `a` is in every reading leaf `b` is in (then `b`'s space beside `a`'s is layout). */
  const covers = (a: number, b: number) => (readings[a]! & readings[b]!) === readings[b]!;
  /** The last leaf written with text (and its index), and whether the output so far ends at a line start. */
  let lastText: TextLeaf | null = null;
  let lastIndex = -1;
  /** Where the current line began: at the paragraph's start, or after the leaf with this index (a line break, or
   * preserved text ending with one); null in the middle of a line. */
  let lineStart: number | 'paragraph' | null = 'paragraph';
  for (let index = 0; index < leaves.length; index++) {
    const leaf = leaves[index]!;
    if (leaf.kind === 'lb') {
      if (lastText?.preserve && lastText.text.endsWith('\n')) lastText.text = lastText.text.slice(0, -1);
      // A space before a line break is layout, unless a reading that keeps the space leaves the break out.
      else if (lastText && !lastText.preserve && covers(index, lastIndex))
        lastText.text = lastText.text.replace(/ +$/, '');
      lineStart = index;
      continue;
    }
    // A word break `|-` stands right before the line break: the space around it is the text's.
    if (leaf.raw && leaf.text === '|-') continue;
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
        if (s.length) {
          if (!s.endsWith(' ')) s += ' ';
          continue;
        }
        // At a line's start a space is layout, as long as every reading with this text has that line's break.
        if (lineStart === 'paragraph' || (lineStart !== null && covers(lineStart, index))) continue;
        if (lastText !== null && lastText.text.endsWith(' ')) {
          // Two spaces meet across an element's edge: one is layout. Keep the one that is in every reading the
          // other is in; if each is in a reading the other is not (one deleted, one added), both stay.
          if (covers(lastIndex, index) || lastText.preserve) continue;
          if (covers(index, lastIndex)) lastText.text = lastText.text.slice(0, -1);
        }
        s += ' ';
      }
      leaf.text = s;
    }
    if (leaf.text.length) {
      lastText = leaf;
      lastIndex = index;
      lineStart = leaf.text.endsWith('\n') ? index : null;
    }
  }
  if (lastText && !lastText.preserve) lastText.text = lastText.text.replace(/ +$/, '');
}
