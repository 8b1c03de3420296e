// The export's <facsimile> (TEI P5 ch. 11.1, "Digital Facsimiles"): one <surface> per page image, with its
// <graphic>, and one <zone> per word the facsimile links to a box of its own; the words of the text point at their
// zones with `facs` on a <w> wrapped around them. Pure: the host reads the images and the layout (the core's
// buildFacsimile) and passes the result in; without it, the header's `facsimile:` still gives the surfaces.
//
// Why <w facs>: a zone is an area of the page that corresponds to the content of the element whose `facs` points
// at it, so the pointer belongs on an element holding the word. TEI's <w> may hold everything the export writes
// inside a word (<del>, <add>, <subst>, <handShift/>, <seg>), and may stand in <p>, <del>, <add> and <seg>, so
// wrapping changes no reading. A word whose ends lie at different depths (`a~~b c~~d`: "ab" begins outside the
// deletion and ends inside it) cannot be wrapped without splitting the deletion; it gets no <w> and no zone, and the
// export says how many (an <anchor facs> would mark only a point, not the word).
import type { Box } from '../facsimile/layout';
import { roundBox } from '../facsimile/geometry';
import { type Inline, isEditorial, type MarkNode, type Paragraph, type SubstNode } from '../model';

/** What the export needs of a facsimile: the core's `Facsimile` (buildFacsimile) fits. */
export interface TeiFacsimileInput {
  pages: readonly { image: string; width: number; height: number }[];
  words: readonly { start: number; end: number; page: number; box: Box | null; approximate: boolean }[];
}

export interface TeiZone {
  id: string;
  page: number;
  box: Box;
}

/** Where the export opens and closes each word's <w facs>: inside text (at a source offset) or around a mark. */
export interface WordPlan {
  /** A <w> opening at this source offset, inside a text node (or just before an escape starting there). */
  openAt: Map<number, string>;
  /** A </w> closing at this source offset, inside a text node (or just after an escape ending there). */
  closeAt: Set<number>;
  /** A <w> opening just before this mark's or substitution's element. */
  openBefore: Map<Inline, string>;
  /** A </w> closing just after this mark's or substitution's element. */
  closeAfter: Set<Inline>;
  zones: TeiZone[];
  /** Linked words that could not be wrapped in one <w> (a mark's edge divides them). */
  unwrapped: number;
}

interface Leaf {
  start: number;
  end: number;
  escape: boolean;
  /** The XML elements the leaf stands in, outermost first (the paragraph's index 0 is the paragraph itself). */
  chain: Container[];
}

interface Container {
  node: Paragraph | Inline;
  first: number;
  last: number;
}

/** The leaves (text and escape nodes) of the paragraphs, with the elements each is written inside. */
function leaves(paragraphs: readonly Paragraph[], segHands: boolean): Leaf[] {
  const out: Leaf[] = [];
  const visit = (nodes: Inline[], chain: Container[]) => {
    for (const n of nodes) {
      if (n.kind === 'text' || n.kind === 'escape') {
        if (n.end > n.start) {
          const k = out.length;
          for (const c of chain) {
            if (c.first < 0) c.first = k;
            c.last = k;
          }
          out.push({ start: n.start, end: n.end, escape: n.kind === 'escape', chain });
        }
      } else if (n.kind === 'subst') {
        const c = container(n);
        const inner = [...chain, c];
        markChildren(n.first, inner);
        markChildren(n.second, inner);
      } else if (isEditorial(n)) {
        continue; // no text of the page to put in a <w>: unclear text, gaps, notes and breaks stay whole
      } else if (n.kind === 'hand' && !segHands) {
        visit(n.children, chain);
      } else {
        markChildren(n, chain);
      }
    }
  };
  const markChildren = (m: MarkNode, chain: Container[]) => visit(m.children, [...chain, container(m)]);
  for (const p of paragraphs) visit(p.children, [container(p)]);
  return out;
}

function container(node: Paragraph | MarkNode | SubstNode): Container {
  return { node, first: -1, last: -1 };
}

/** The index of the leaf holding source offset `at` (start ≤ at < end), or -1. */
function leafAt(ls: readonly Leaf[], at: number): number {
  let lo = 0,
    hi = ls.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = ls[mid]!;
    if (at < l.start) hi = mid - 1;
    else if (at >= l.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Zones for the words placed on a box of their own (words placed only by their line are left out: their box is
 * not theirs), and where each one's <w facs> goes in the paragraphs. `idPrefix` makes the zones' xml:ids.
 */
export function planWords(
  paragraphs: readonly Paragraph[],
  facsimile: TeiFacsimileInput,
  segHands: boolean,
  idPrefix: string,
): WordPlan {
  const plan: WordPlan = {
    openAt: new Map(),
    closeAt: new Set(),
    openBefore: new Map(),
    closeAfter: new Set(),
    zones: [],
    unwrapped: 0,
  };
  const ls = leaves(paragraphs, segHands);
  let lastEnd = 0;
  for (const w of facsimile.words) {
    if (!w.box || w.approximate || w.page < 0 || w.page >= facsimile.pages.length || w.end <= w.start) continue;
    // Linked words are apart and in order; any other word would overlap a <w> already placed.
    if (w.start < lastEnd) {
      plan.unwrapped++;
      continue;
    }
    const a = leafAt(ls, w.start),
      b = leafAt(ls, w.end - 1);
    if (a < 0 || b < 0 || ls[a]!.chain[0] !== ls[b]!.chain[0]) {
      plan.unwrapped++;
      continue;
    }
    const la = ls[a]!,
      lb = ls[b]!;
    // An escape is one character of the reading: a word begins before it and ends after it.
    const s = la.escape ? la.start : w.start;
    const e = lb.escape ? lb.end : w.end;
    let c = 0;
    while (c < la.chain.length && c < lb.chain.length && la.chain[c] === lb.chain[c]) c++;
    // The <w> stands in the innermost element holding both ends: each element below it on either side must begin
    // (end) with the word, so that the <w> can open before (close after) it.
    let ok = true;
    for (let k = c; k < la.chain.length; k++) if (la.chain[k]!.first !== a || s !== la.start) ok = false;
    for (let k = c; k < lb.chain.length; k++) if (lb.chain[k]!.last !== b || e !== lb.end) ok = false;
    if (!ok) {
      plan.unwrapped++;
      continue;
    }
    lastEnd = e;
    const id = `${idPrefix}z${plan.zones.length + 1}`;
    plan.zones.push({ id, page: w.page, box: roundBox(w.box) });
    if (c < la.chain.length) plan.openBefore.set(la.chain[c]!.node as Inline, id);
    else plan.openAt.set(s, id);
    if (c < lb.chain.length) plan.closeAfter.add(lb.chain[c]!.node as Inline);
    else plan.closeAt.add(e);
  }
  return plan;
}

/** A name as a URI reference for `<graphic url>`: characters a URI cannot hold are percent-encoded (UTF-8); a `%`
 * already followed by two hex digits is kept, so an address that is already encoded stays as it is. */
export function uriReference(name: string): string {
  // A path (no scheme) is all path: its `#` and `?` are characters of a file name, not a fragment or a query.
  // (A single letter before the colon is a Windows drive, not a scheme.)
  const path = !/^[A-Za-z][A-Za-z0-9+.-]+:/.test(name);
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/.test(ch) && !(path && (ch === '#' || ch === '?'))) out += ch;
    else if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(name.slice(i + 1, i + 3))) out += ch;
    else {
      const cp = name.codePointAt(i)!;
      if (cp > 0xffff) i++;
      // encodeURIComponent gives the UTF-8 bytes; a lone surrogate has none, so U+FFFD stands for it.
      out += encodeURIComponent(cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp));
    }
  }
  return out;
}

/** The <facsimile> element, indented for the export (two spaces per level, starting at one). */
export function writeFacsimile(
  pages: readonly { image: string; width: number; height: number }[],
  zones: readonly TeiZone[],
  idPrefix: string,
  attr: (s: string) => string,
): string {
  let out = '  <facsimile>\n';
  pages.forEach((p, k) => {
    const sized = p.width > 0 && p.height > 0;
    const box = sized ? ` ulx="0" uly="0" lrx="${p.width}" lry="${p.height}"` : '';
    out += `    <surface xml:id="${idPrefix}s${k + 1}"${box}>\n`;
    if (p.image) {
      const size = sized ? ` width="${p.width}px" height="${p.height}px"` : '';
      out += `      <graphic url="${attr(uriReference(p.image))}"${size}/>\n`;
    }
    for (const z of zones) {
      if (z.page !== k) continue;
      const b = z.box;
      out += `      <zone xml:id="${z.id}" ulx="${b.x}" uly="${b.y}" lrx="${b.x + b.w}" lry="${b.y + b.h}"/>\n`;
    }
    out += '    </surface>\n';
  });
  return out + '  </facsimile>\n';
}
