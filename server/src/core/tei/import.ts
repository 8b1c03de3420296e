// Import of a TEI transcription into the markup (docs/tei.md, "Import"). Pure: text in, markup or an error out.
//   1. parse the XML (./xml.ts: well-formedness, no DTD, no entities beyond the predefined ones);
//   2. check it is TEI and find its <text>; read the header's metadata into the `---` block;
//   3. walk the text into paragraphs of a small tree (text, line breaks, deletions, insertions, substitutions),
//      recording for each piece of text whether it is in the main hand or another one;
//   4. normalise white space as XML readers do (unless xml:space="preserve"), then write the markup, escaping
//      literal mark characters and grouping text in another hand into `*…*`.
// What the markup cannot express is reduced to its text, with one warning per kind of element and its count.
import { escapeText } from '../escape';
import { MAX_NESTING } from '../parser';
import { parseXml, XmlError, type XmlElement, type XmlNode } from './xml';
import { HEADER_DEFAULTS, TEI_NS } from './export';

export type TeiImportResult = { ok: true; markup: string; warnings: string[] } | { ok: false; error: string };

/** Larger files are refused (in UTF-16 code units: 32 Mi characters is 64 MB of memory for the text alone). */
export const MAX_TEI_CHARS = 32 * 1024 * 1024;

// ---------------------------------------------------------------- the intermediate tree

interface TextLeaf {
  kind: 'text';
  text: string;
  other: boolean;
  preserve: boolean;
}
interface LbLeaf {
  kind: 'lb';
  other: boolean;
}
interface MarkI {
  kind: 'del' | 'add';
  children: INode[];
}
interface SubstI {
  kind: 'subst';
  parts: MarkI[];
}
/** Text in another hand, bounded within one element: `<seg hand>`, or a <handShift/> pair among siblings. */
interface HandI {
  kind: 'hand';
  children: INode[];
}
/** Where a <handShift/> stood, until pairShifts turns pairs of them into HandI (never reaches the writer). */
interface ShiftI {
  kind: 'shift';
  other: boolean;
}
type INode = TextLeaf | LbLeaf | MarkI | SubstI | HandI | ShiftI;

/** Containers whose structure is the document's frame: walked without a warning. */
const FRAME = new Set(['TEI', 'teiCorpus', 'text', 'body', 'group']);
/** Elements that make a paragraph of the markup. */
const PARAGRAPH = new Set(['p', 'head', 'ab']);
/** Elements that stand at block level in TEI (a container holding one of these is walked as a container). */
const BLOCK = new Set([
  'p',
  'head',
  'ab',
  'div',
  'div1',
  'div2',
  'div3',
  'div4',
  'div5',
  'div6',
  'div7',
  'lg',
  'l',
  'list',
  'item',
  'opener',
  'closer',
  'postscript',
  'salute',
  'signed',
  'dateline',
  'fw',
  'figure',
  'table',
  'row',
  'cell',
  'floatingText',
  'body',
  'front',
  'back',
  'group',
  'text',
  'titlePage',
  'docTitle',
  'titlePart',
  'byline',
  'docImprint',
  'docDate',
  'docAuthor',
  'argument',
  'epigraph',
  'trailer',
  'sp',
  'speaker',
  'stage',
  'castList',
  'listBibl',
  'label',
  'address',
  'addrLine',
  'u',
  'listPerson',
  'listPlace',
  'line',
  'zone',
  'surface',
]);
/** Empty or pointing elements that carry no text of the page. */
const MILESTONE = new Set([
  'pb',
  'cb',
  'milestone',
  'anchor',
  'gap',
  'space',
  'ptr',
  'graphic',
  'addSpan',
  'delSpan',
  'damageSpan',
  'handSpan',
  'metamark',
]);

const REASONS: Record<string, string> = {
  hi: 'highlighting has no equivalent in the markup; the text is kept',
  choice: 'the corrected, regularised or expanded alternative is kept (<corr>, <reg>, <expan>), or else the first',
  app: 'the lemma (or else the first reading) is kept',
  restore: 'a restored deletion is kept as plain text (the markup has no restoration)',
  pb: 'page breaks are not kept',
  cb: 'column breaks are not kept',
  gap: 'nothing was transcribed there; the gap is not marked',
  delSpan: 'a deletion spanning structures cannot be marked; its text is kept unmarked',
  addSpan: 'an addition spanning structures cannot be marked; its text is kept unmarked',
  div: 'divisions are flattened into their paragraphs',
  lg: 'verse lines are kept as lines of one paragraph',
  note: "the note's text is kept where the note stands",
  'del@hand': 'who made the deletion is not recorded by the markup',
};

class Warnings {
  private readonly counts = new Map<string, number>();
  add(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }
  list(extra: string[]): string[] {
    const out: string[] = [];
    for (const [kind, n] of [...this.counts].sort((a, b) => a[0].localeCompare(b[0]))) {
      const what = kind.startsWith('!')
        ? kind.slice(1)
        : `<${kind.replace('@', '> with @')}${kind.includes('@') ? '' : '>'}`;
      const reason = REASONS[kind] ?? (kind.startsWith('!') ? '' : 'the markup cannot express it; its text is kept');
      out.push(`${what} ×${n}${reason ? `: ${reason}` : ''}.`);
    }
    return [...out, ...extra];
  }
}

/** Appends without spreading (a spread of a very long array overflows the call stack). */
function append<T>(to: T[], items: T[]): void {
  for (const item of items) to.push(item);
}

function stripPointer(v: string | undefined): string | null {
  if (!v) return null;
  const first = v.trim().split(/\s+/)[0] ?? '';
  const hash = first.lastIndexOf('#');
  const id = hash >= 0 ? first.slice(hash + 1) : first;
  return id || null;
}

// ---------------------------------------------------------------- walking the TEI

class Walker {
  readonly warnings = new Warnings();
  /** The hand in force from the last <handShift> (document order), null before any. */
  private milestoneHand: string | null = null;
  readonly otherHands = new Set<string>();
  private sawText = false;
  readonly paragraphs: INode[][] = [];
  /** Whether the last paragraph came from verse lines (<l>), so that the next line joins it. */
  private lastWasLine = false;

  constructor(
    private mainHand: string | null,
    private readonly teiNs: string,
  ) {}

  private isTei(el: XmlElement): boolean {
    return el.ns === this.teiNs || el.ns === TEI_NS;
  }

  private kindName(el: XmlElement): string {
    return this.isTei(el) ? el.local : el.name;
  }

  /** A container: block children become paragraphs; stray inline content forms paragraphs of its own. */
  blocks(el: XmlElement, preserve: boolean): void {
    let pending: INode[] | null = null;
    const flush = () => {
      if (pending) {
        this.paragraphs.push(pairShifts(pending));
        this.lastWasLine = false;
      }
      pending = null;
    };
    for (const child of el.children) {
      if (child.kind === 'text') {
        if (/\S/.test(child.text)) {
          (pending ??= []).push(this.leaf(child.text, null, preserve));
          this.lastWasLine = false;
        }
        continue;
      }
      const name = this.isTei(child) ? child.local : '';
      const childPreserve = spaceOf(child, preserve);
      if (name === 'teiHeader' || name === 'facsimile' || name === 'standOff' || name === 'sourceDoc') continue;
      if (name === 'handShift') {
        this.handShift(child);
        continue;
      }
      if (name === 'lb') continue;
      if (MILESTONE.has(name) && !this.hasText(child)) {
        this.warnings.add(name);
        continue;
      }
      if (PARAGRAPH.has(name) || name === 'l' || name === 'line') {
        const isLine = name === 'l' || name === 'line';
        const content = this.inline(child, null, childPreserve, false);
        if (isLine && pending === null && this.lastWasLine && this.paragraphs.length) {
          const last = this.paragraphs[this.paragraphs.length - 1]!;
          last.push(this.lb(null));
          append(last, content);
        } else {
          flush();
          this.paragraphs.push(content);
        }
        this.lastWasLine = isLine;
        continue;
      }
      if ((name && BLOCK.has(name)) || this.hasBlockChild(child)) {
        flush();
        if (!FRAME.has(name)) this.warnings.add(this.kindName(child));
        this.lastWasLine = false;
        this.blocks(child, childPreserve);
        this.lastWasLine = false;
        continue;
      }
      // An inline element straight inside a container: part of a paragraph of its own.
      append((pending ??= []), this.inlineElement(child, null, childPreserve, false));
      this.lastWasLine = false;
    }
    flush();
  }

  private hasText(el: XmlElement): boolean {
    for (const c of el.children) {
      if (c.kind === 'text' ? /\S/.test(c.text) : this.hasText(c)) return true;
    }
    return false;
  }

  private hasBlockChild(el: XmlElement): boolean {
    return el.children.some((c) => c.kind === 'element' && this.isTei(c) && BLOCK.has(c.local));
  }

  private handShift(el: XmlElement): void {
    const hand = stripPointer(el.attrs.get('new'));
    if (!hand) {
      this.warnings.add('!<handShift> without @new (a change of ink or script, not of hand)');
      return;
    }
    if (this.mainHand === null && !this.sawText) this.mainHand = hand;
    this.milestoneHand = hand;
  }

  private leaf(text: string, containerHand: string | null, preserve: boolean): TextLeaf {
    if (/\S/.test(text)) this.sawText = true;
    const hand = containerHand ?? this.milestoneHand;
    let other = false;
    if (hand !== null) {
      // No hand declared and none named before the text began: the text began in an unnamed main hand.
      if (this.mainHand === null) this.mainHand = '\u0000initial';
      other = hand !== this.mainHand;
      if (other && /\S/.test(text)) this.otherHands.add(hand);
    }
    return { kind: 'text', text, other, preserve };
  }

  /** A line break, in the hand in force (so that a line break inside a stretch in another hand stays inside it). */
  private lb(containerHand: string | null): LbLeaf {
    const hand = containerHand ?? this.milestoneHand;
    return { kind: 'lb', other: hand !== null && this.mainHand !== null && hand !== this.mainHand };
  }

  /** The children of an element as inline content. */
  inline(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): INode[] {
    const out: INode[] = [];
    for (const child of el.children) {
      if (child.kind === 'text') out.push(this.leaf(child.text, hand, preserve));
      else append(out, this.inlineElement(child, hand, spaceOf(child, preserve), unwrapDel));
    }
    return pairShifts(out);
  }

  private inlineElement(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): INode[] {
    const name = this.isTei(el) ? el.local : '';
    switch (name) {
      case 'lb':
        return [this.lb(hand)];
      case 'l':
      case 'line': {
        // A line inside a paragraph: its text, then a line break (dropped again at the paragraph's end).
        const content = this.inline(el, hand, preserve, unwrapDel);
        content.push(this.lb(hand));
        return content;
      }
      case 'handShift':
        this.handShift(el);
        return this.milestoneHand === null ? [] : [{ kind: 'shift', other: this.milestoneHand !== this.mainHand }];
      case 'del': {
        if (unwrapDel) return this.inline(el, hand, preserve, unwrapDel);
        const h = stripPointer(el.attrs.get('hand'));
        if (h !== null && h !== this.mainHand) this.warnings.add('del@hand');
        return [{ kind: 'del', children: this.inline(el, hand, preserve, unwrapDel) }];
      }
      case 'add':
        return [
          { kind: 'add', children: this.inline(el, stripPointer(el.attrs.get('hand')) ?? hand, preserve, unwrapDel) },
        ];
      case 'subst': {
        const parts: MarkI[] = [];
        let plain = unwrapDel;
        for (const c of el.children) {
          if (c.kind === 'text') {
            if (/\S/.test(c.text)) plain = true;
            continue;
          }
          const n = this.inlineElement(c, hand, spaceOf(c, preserve), unwrapDel);
          if (n.length === 1 && (n[0]!.kind === 'del' || n[0]!.kind === 'add')) parts.push(n[0] as MarkI);
          else plain = true;
        }
        if (plain) {
          // Something other than deletions and additions: keep the content, drop the grouping.
          this.warnings.add('!<subst> holding more than <del> and <add>');
          return this.inline(el, hand, preserve, unwrapDel);
        }
        return [{ kind: 'subst', parts }];
      }
      case 'hi':
      case 'seg': {
        const h = stripPointer(el.attrs.get('hand'));
        if (h === null) this.warnings.add(name);
        const content = this.inline(el, h ?? hand, preserve, unwrapDel);
        return h !== null && h !== this.mainHand && (hand === null || hand === this.mainHand)
          ? [{ kind: 'hand', children: content }]
          : content;
      }
      case 'choice': {
        this.warnings.add('choice');
        const kids = el.children.filter((c): c is XmlElement => c.kind === 'element');
        const pick =
          kids.find((c) => this.isTei(c) && (c.local === 'corr' || c.local === 'reg' || c.local === 'expan')) ??
          kids[0];
        return pick ? this.inline(pick, hand, spaceOf(pick, preserve), unwrapDel) : [];
      }
      case 'app': {
        this.warnings.add('app');
        const kids = el.children.filter(
          (c): c is XmlElement => c.kind === 'element' && (c.local === 'lem' || c.local === 'rdg'),
        );
        const pick = kids.find((c) => c.local === 'lem') ?? kids[0];
        return pick ? this.inline(pick, hand, spaceOf(pick, preserve), unwrapDel) : [];
      }
      case 'restore':
        this.warnings.add('restore');
        return this.inline(el, hand, preserve, true);
      case 'note':
      case 'figDesc':
      default:
        this.warnings.add(this.kindName(el));
        return this.inline(el, hand, preserve, unwrapDel);
    }
  }
}

/**
 * Turns each <handShift/> to another hand followed, among the same siblings, by one back to the main hand into a
 * stretch in another hand, so that `*` goes back exactly where the TEI has it. Unpaired shifts only leave their
 * mark on the text (each piece of text knows its hand), and the writer groups such text as best it can.
 */
function pairShifts(nodes: INode[]): INode[] {
  if (!nodes.some((n) => n.kind === 'shift')) return nodes;
  const out: INode[] = [];
  let open = -1;
  for (const n of nodes) {
    if (n.kind !== 'shift') {
      out.push(n);
      continue;
    }
    if (n.other && open < 0) open = out.length;
    else if (!n.other && open >= 0) {
      const children = out.splice(open);
      out.push({ kind: 'hand', children });
      open = -1;
    }
  }
  return out;
}

function spaceOf(el: XmlElement, inherited: boolean): boolean {
  const v = el.attrs.get('xml:space');
  return v === 'preserve' ? true : v === 'default' ? false : inherited;
}

// ---------------------------------------------------------------- white space

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Normalises a paragraph's white space in place: in ordinary TEI, runs of white space are one space and the white
 * space around a <lb/> and at the paragraph's edges is layout; under xml:space="preserve" text is kept as written,
 * except the one line break written just before an <lb/> (Emend writes `\n<lb/>`).
 */
function normaliseSpace(nodes: INode[]): void {
  const leaves: (TextLeaf | LbLeaf)[] = [];
  const collect = (ns: INode[]) => {
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

// ---------------------------------------------------------------- writing the markup

interface Facts {
  text: boolean;
  allOther: boolean;
  /** Something to write: text, or an insertion (an empty one is written `^{}`; an empty deletion cannot be). */
  content: boolean;
  /** Holds a stretch in another hand that the TEI bounds itself (then `*` goes exactly there, not around). */
  explicit: boolean;
}

/** Marks nested deeper than the markup reads (the parser's MAX_NESTING): the import is refused, not mangled. */
class TooDeep extends Error {}

class MarkupWriter {
  private out: string[] = [];
  /** Marks open around what is being written. */
  private depth = 0;
  /** The last thing written was a deletion's opening tildes (a second one there would merge with it). */
  private afterDelOpen = false;
  /** A deletion or insertion outside a substitution was just written (then only spaces): the parser pairs
   * such a mark with a following one of the other kind, so a substitution written next must not begin with one. */
  private loneMark: 'del' | 'add' | null = null;
  mergedDeletions = 0;
  droppedEmpty = 0;

  private facts = new Map<INode, Facts>();

  paragraph(nodes: INode[]): string {
    this.out = [];
    this.depth = 0;
    this.afterDelOpen = false;
    this.loneMark = null;
    this.facts.clear();
    this.sequence(nodes, false);
    return this.out.join('');
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep();
  }

  private fact(n: INode): Facts {
    let f = this.facts.get(n);
    if (f) return f;
    if (n.kind === 'text')
      f = {
        text: n.text.length > 0,
        allOther: n.other || n.text.length === 0,
        content: n.text.length > 0,
        explicit: false,
      };
    else if (n.kind === 'lb') f = { text: false, allOther: n.other, content: true, explicit: false };
    else {
      const kids = n.kind === 'subst' ? n.parts : n.kind === 'shift' ? [] : n.children;
      f = { text: false, allOther: true, content: n.kind === 'add', explicit: n.kind === 'hand' };
      for (const k of kids) {
        const kf = this.fact(k);
        f.text ||= kf.text;
        f.allOther &&= kf.allOther;
        f.content ||= kf.content;
        f.explicit ||= kf.explicit;
      }
    }
    this.facts.set(n, f);
    return f;
  }

  /** Writes `open`, what `body` writes one level deeper, then `close`. */
  private enclosed(open: string, close: string, body: () => void): void {
    this.enter();
    this.write(open);
    body();
    this.write(close);
    this.depth--;
  }

  private write(s: string): void {
    if (s === '') return;
    this.out.push(s);
    this.afterDelOpen = false;
    if (/[^ \t]/.test(s)) this.loneMark = null;
  }

  /** Writes nodes; outside another hand, maximal runs wholly in another hand become `*…*`. */
  private sequence(nodes: INode[], inHand: boolean): void {
    let i = 0;
    while (i < nodes.length) {
      const n = nodes[i]!;
      const f = this.fact(n);
      if (!inHand && !f.explicit && f.allOther && (f.text || n.kind === 'lb')) {
        let j = i + 1;
        let end = i + 1;
        while (j < nodes.length && this.fact(nodes[j]!).allOther && !this.fact(nodes[j]!).explicit) {
          if (this.fact(nodes[j]!).text || nodes[j]!.kind === 'lb') end = j + 1;
          j++;
        }
        const only = end === i + 1 && (n.kind === 'del' || n.kind === 'add' || n.kind === 'subst') ? n : null;
        const opensWithDel =
          only !== null && (only.kind === 'del' || (only.kind === 'subst' && only.parts[0]?.kind === 'del'));
        if (only && !(this.afterDelOpen && opensWithDel) && !this.wouldPair(only, nodes, i)) {
          // A single mark wholly in another hand: the hand goes inside it (`~~*a*~~`), which keeps the marks'
          // delimiters apart; both spellings mean the same.
          this.node(n, false, nodes, i);
          i++;
          continue;
        }
        this.enclosed('*', '*', () => {
          for (let k = i; k < end; k++) this.node(nodes[k]!, true, nodes, k);
        });
        i = end;
        continue;
      }
      this.node(n, inHand, nodes, i);
      i++;
    }
  }

  /** Whether the next sibling, across spaces only, is an insertion or a substitution that begins with one. */
  private insertionFollows(siblings: INode[], at: number): boolean {
    for (let j = at + 1; j < siblings.length; j++) {
      const m = siblings[j]!;
      if (m.kind === 'text' && /^[ \t]*$/.test(m.text)) continue;
      if (m.kind === 'shift') continue;
      return (m.kind === 'add' || (m.kind === 'subst' && m.parts[0]?.kind === 'add')) && this.fact(m).content;
    }
    return false;
  }

  /** Whether a deletion or insertion written bare here would be paired by the parser with a neighbour into a
   * substitution (a `*` around it keeps them apart, as in the TEI, where a <handShift/> stands between them). */
  private wouldPair(n: MarkI | SubstI, nodes: INode[], i: number): boolean {
    if (n.kind === 'subst') return false;
    if (this.loneMark !== null && this.loneMark !== n.kind) return true;
    for (let j = i + 1; j < nodes.length; j++) {
      const m = nodes[j]!;
      if (m.kind === 'text' && /^[ \t]*$/.test(m.text)) continue;
      return (m.kind === 'del' || m.kind === 'add') && m.kind !== n.kind && this.fact(m).content;
    }
    return false;
  }

  /** Writes `n`, which is `siblings[at]` (the siblings tell a substitution which order the parser will pair). */
  private node(n: INode, inHand: boolean, siblings: INode[], at: number): void {
    switch (n.kind) {
      case 'shift':
        break;
      case 'hand':
        // (An empty one is written too: `**` keeps marks on either side apart, as the TEI had them.)
        if (inHand) {
          this.sequence(n.children, inHand);
          break;
        }
        this.enclosed('*', '*', () => this.sequence(n.children, true));
        break;
      case 'text':
        this.write(escapeText(n.text));
        break;
      case 'lb':
        this.write('\n');
        break;
      case 'subst': {
        let parts = n.parts.filter((p) => this.fact(p).content);
        const pair = parts.length === 2 && parts[0]!.kind !== parts[1]!.kind;
        // The order inside <subst> is not significant (Guidelines). The parser pairs a deletion with the insertion
        // after it whatever stands around them; the other order only when no deletion just before would take the
        // insertion, and no insertion just after would take the deletion. Keep the TEI's order when it is safe.
        // (Right after a deletion's opening tildes a deletion cannot begin, so there the TEI's order stays.)
        if (
          pair &&
          parts[0]!.kind === 'add' &&
          !this.afterDelOpen &&
          (this.loneMark === 'del' || this.insertionFollows(siblings, at))
        ) {
          parts = [parts[1]!, parts[0]!];
        }
        parts.forEach((p, k) => {
          if (k > 0 && pair) this.write(' ');
          this.mark(p, inHand);
        });
        this.loneMark = null;
        break;
      }
      default:
        this.mark(n, inHand);
        if (this.fact(n).content) this.loneMark = n.kind;
    }
  }

  private mark(n: MarkI, inHand: boolean): void {
    if (!this.fact(n).content) {
      this.droppedEmpty++;
      return;
    }
    if (n.kind === 'add') {
      this.enclosed('^{', '}', () => this.sequence(n.children, inHand));
      return;
    }
    if (this.afterDelOpen) {
      // A deletion that opens right where its enclosing deletion opens cannot be written (the tildes would run
      // together): its text stays inside the outer deletion, which both readings treat the same way.
      this.mergedDeletions++;
      this.sequence(n.children, inHand);
      return;
    }
    const tildes = '~'.repeat(1 + delDepth(n));
    this.enter();
    this.out.push(tildes);
    this.afterDelOpen = true;
    this.loneMark = null;
    this.sequence(n.children, inHand);
    this.write(tildes);
    this.depth--;
  }
}

/** How many deletions are nested directly (not through an insertion) in this one, itself included. */
function delDepth(n: MarkI): number {
  let deepest = 0;
  const visit = (nodes: INode[]) => {
    for (const c of nodes) {
      if (c.kind === 'del') deepest = Math.max(deepest, delDepth(c));
      else if (c.kind === 'subst') visit(c.parts.filter((p) => p.kind === 'del'));
    }
  };
  visit(n.children);
  return 1 + deepest;
}

/** Drops lines that hold only white space (they would end the paragraph) and blank edges. */
function tidyParagraph(s: string): string {
  // One pass: keep each line that holds something besides spaces and tabs.
  let out = '';
  let start = 0;
  while (start <= s.length) {
    let end = s.indexOf('\n', start);
    if (end < 0) end = s.length;
    let blank = true;
    for (let k = start; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c !== 32 && c !== 9) {
        blank = false;
        break;
      }
    }
    if (!blank) out += (out ? '\n' : '') + s.slice(start, end);
    start = end + 1;
  }
  return out;
}

// ---------------------------------------------------------------- the header

function firstElement(el: XmlElement, path: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const name of path) {
    cur = cur?.children.find((c): c is XmlElement => c.kind === 'element' && c.local === name);
    if (!cur) return undefined;
  }
  return cur;
}

function allElements(el: XmlElement, name: string, out: XmlElement[] = [], depth = 0): XmlElement[] {
  if (depth > 64) return out;
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (c.local === name) out.push(c);
    else allElements(c, name, out, depth + 1);
  }
  return out;
}

function plain(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const parts: string[] = [];
  const walk = (n: XmlNode, depth: number) => {
    if (n.kind === 'text') parts.push(n.text);
    else if (depth < 64) for (const c of n.children) walk(c, depth + 1);
  };
  walk(el, 0);
  const s = parts.join('').replace(/\s+/g, ' ').trim();
  return s || undefined;
}

function headerFields(header: XmlElement | undefined): [string, string][] {
  if (!header) return [];
  const fields: [string, string][] = [];
  const defaults = new Set<string>(Object.values(HEADER_DEFAULTS));
  const put = (key: string, value: string | undefined) => {
    if (value && !defaults.has(value) && !fields.some(([k]) => k === key)) fields.push([key, value]);
  };
  const fileDesc = firstElement(header, ['fileDesc']);
  const titleStmt = fileDesc && firstElement(fileDesc, ['titleStmt']);
  put('title', plain(titleStmt && firstElement(titleStmt, ['title'])));
  put('author', plain(titleStmt && firstElement(titleStmt, ['author'])));
  const actions = allElements(header, 'correspAction');
  const sent = actions.find((a) => a.attrs.get('type') === 'sent');
  const received = actions.find((a) => a.attrs.get('type') === 'received');
  put('author', plain(sent && firstElement(sent, ['persName'])));
  put('recipient', plain(received && firstElement(received, ['persName'])));
  put('date', plain(sent && firstElement(sent, ['date'])));
  put('place', plain(sent && firstElement(sent, ['placeName'])));
  const msIdentifier = allElements(header, 'msIdentifier')[0];
  put('repository', plain(msIdentifier && firstElement(msIdentifier, ['repository'])));
  put('idno', plain(msIdentifier && firstElement(msIdentifier, ['idno'])));
  const sourceDesc = fileDesc && firstElement(fileDesc, ['sourceDesc']);
  if (sourceDesc) {
    const p = allElements(sourceDesc, 'p')[0] ?? allElements(sourceDesc, 'bibl')[0];
    put('source', plain(p));
  }
  for (const resp of allElements(header, 'respStmt')) {
    if (/transcri/i.test(plain(firstElement(resp, ['resp'])) ?? ''))
      put('transcriber', plain(firstElement(resp, ['name']) ?? firstElement(resp, ['persName'])));
  }
  put('licence', plain(allElements(header, 'licence')[0]) ?? plain(allElements(header, 'availability')[0]));
  const notes = fileDesc ? allElements(firstElement(fileDesc, ['notesStmt']) ?? fileDesc, 'note') : [];
  if (fileDesc && firstElement(fileDesc, ['notesStmt'])) {
    put('note', plain(notes.find((n) => !n.attrs.has('type'))));
    put('witness', plain(notes.find((n) => n.attrs.get('type') === 'witness')));
  }
  const language = allElements(header, 'language')[0];
  put('language', plain(language) ?? language?.attrs.get('ident'));
  const handNotes = allElements(header, 'handNote');
  const described = handNotes.map((h) => plain(h) ?? '').map((d) => (defaults.has(d) ? '' : d));
  while (described.length && !described[described.length - 1]) described.pop();
  put('hands', described.join('; '));
  return fields;
}

// ---------------------------------------------------------------- entry point

export function importTei(source: string): TeiImportResult {
  if (source.length > MAX_TEI_CHARS) {
    return {
      ok: false,
      error: `This file is ${(source.length / 1048576).toFixed(1)} M characters long; Emend imports TEI files of up to ${MAX_TEI_CHARS / 1048576} M characters.`,
    };
  }
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (e) {
    if (e instanceof XmlError) return { ok: false, error: `This is not well-formed XML (${e.message}).` };
    throw e;
  }
  if (
    !(root.local === 'TEI' || root.local === 'teiCorpus' || root.local === 'TEI.2') ||
    !(root.ns === TEI_NS || root.ns === '')
  ) {
    return {
      ok: false,
      error:
        `This XML is not TEI: its root element is <${root.name}>${root.ns ? ` in the namespace ${root.ns}` : ''}; ` +
        `a TEI file's root is <TEI xmlns="${TEI_NS}">.`,
    };
  }
  const teiNs = root.ns;
  const texts: XmlElement[] = [];
  const headers: XmlElement[] = [];
  const findTexts = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.kind !== 'element' || c.ns !== teiNs) continue;
      if (c.local === 'text') texts.push(c);
      else if (c.local === 'teiHeader') headers.push(c);
      else if (c.local === 'TEI') findTexts(c);
    }
  };
  findTexts(root);
  if (texts.length === 0)
    return { ok: false, error: 'This TEI file has no <text> element: there is no transcription to import.' };

  const handIds = allElements(headers[0] ?? root, 'handNote')
    .map((h) => h.attrs.get('xml:id'))
    .filter((v): v is string => !!v);
  // The main hand: the first <handNote> the header declares; without one, a <handShift> before any text names it.
  const walker = new Walker(handIds[0] ?? null, teiNs);
  for (const text of texts) walker.blocks(text, spaceOf(text, false));

  const writer = new MarkupWriter();
  const paragraphs: string[] = [];
  for (const p of walker.paragraphs) {
    normaliseSpace(p);
    let s: string;
    try {
      s = tidyParagraph(writer.paragraph(p));
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      return {
        ok: false,
        error: `This TEI nests deletions, additions and hands more than ${MAX_NESTING} deep, deeper than the markup reads.`,
      };
    }
    if (s) paragraphs.push(s);
  }
  const extra: string[] = [];
  if (walker.otherHands.size > 1) {
    extra.push(
      `${walker.otherHands.size} hands besides the main one (${[...walker.otherHands].map((h) => `#${h}`).join(', ')}) ` +
        'all become *…*: the markup records only "another hand".',
    );
  }
  if (writer.mergedDeletions) {
    extra.push(
      `${writer.mergedDeletions} deletion${writer.mergedDeletions === 1 ? '' : 's'} opening right at the start of an ` +
        'enclosing deletion cannot be written apart and are part of the enclosing one (the readings are the same).',
    );
  }
  if (writer.droppedEmpty) {
    extra.push(
      `${writer.droppedEmpty} empty <del> element${writer.droppedEmpty === 1 ? '' : 's'} left out (the markup cannot write a deletion of nothing).`,
    );
  }

  const fields = headerFields(headers[0]);
  // Without a <language> in the header, the language the text declares (xml:lang on <text> or <TEI>).
  const lang = texts[0]!.attrs.get('xml:lang') ?? root.attrs.get('xml:lang');
  if (lang && !fields.some(([k]) => k === 'language') && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(lang))
    fields.push(['language', lang]);
  let markup = '';
  const body = paragraphs.join('\n\n');
  if (fields.length || /^---[ \t]*(\n|$)/.test(body)) {
    markup += '---\n' + fields.map(([k, v]) => `${k}: ${v}`).join('\n') + (fields.length ? '\n' : '') + '---\n';
    if (body) markup += '\n';
  }
  markup += body + (body ? '\n' : '');
  return { ok: true, markup, warnings: walker.warnings.list(extra) };
}
