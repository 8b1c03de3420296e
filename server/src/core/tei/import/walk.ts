// Walking a TEI document's text into paragraphs of the import tree (./tree.ts). What the markup cannot express is
// reduced to its text (or, for what is not the writer's text, left out) and counted in `warnings`.
import type { XmlElement, XmlNode } from '../xml';
import { TEI_NS } from '../export';
import { BLOCK, FRAME, LINE, MILESTONE, NOT_TEXT, PARAGRAPH, XINCLUDE_NS, isAuthorialNote } from './elements';
import { escapeText } from '../../escape';
import { isMainHand, pairShifts, pointerId, type MainHand } from './hands';
import { NO_SPANS, append, type ImportNode, type LineBreak, type Mark, type SpanKinds, type TextLeaf } from './tree';
import { Warnings } from './warnings';
import { allText, breakMarkup, gapMarkup, placeKeyword, suppliedKeyword, textOnly, unclearMarkup } from './editorial';

/** What the walker needs to know of the rest of the file for the editorial marks. */
export interface WalkContext {
  /** The hands the header names (besides the main one): they are written `@id` in the marks. */
  named: ReadonlySet<string>;
  /** The image a page break's @facs names (a pointer at a <surface>: its <graphic>'s), as the markup names it. */
  pageImage: (facs: string) => string;
}

interface OpenSpan {
  /** The xml:id of the element the span ends with. */
  end: string;
  kind: 'del' | 'add';
  /** The hand that wrote an added span (its text is in that hand). */
  hand: string | null;
}

export class Walker {
  readonly warnings = new Warnings();
  /** The hand in force from the last <handShift> (document order), null before any. */
  private milestoneHand: string | null = null;
  readonly otherHands = new Set<string>();
  private sawText = false;
  readonly paragraphs: ImportNode[][] = [];
  /** Whether the last paragraph came from verse lines (<l>), so that the next line joins it. */
  private lastWasLine = false;
  /** The <delSpan>s and <addSpan>s open, in document order. */
  private readonly openSpans: OpenSpan[] = [];
  /** Their kinds, one array shared by every piece of text until they change. */
  private spanKinds: SpanKinds = NO_SPANS;
  /** The spans open where the last line ended. */
  private lineEndSpans: SpanKinds = NO_SPANS;
  /** What <xi:include>s name: import reads one file, not the files it includes. */
  readonly includes: string[] = [];

  /** Page and column breaks standing between paragraphs: they begin the next one. */
  private carried: ImportNode[] = [];

  constructor(
    private mainHand: MainHand,
    private readonly teiNs: string,
    private readonly ctx: WalkContext = { named: new Set(), pageImage: (f) => f },
  ) {}

  /** A named hand's id (one the header names besides the main hand), or undefined. */
  private named(hand: string | null): string | undefined {
    return hand !== null && this.ctx.named.has(hand) ? hand : undefined;
  }

  /** An editorial mark, written as it stands, in the hand in force. */
  private atom(markup: string, hand: string | null): TextLeaf {
    return { ...this.leaf(markup, hand, true), raw: true };
  }

  /** The paragraphs, with breaks left after the last one as a paragraph of their own. */
  finish(): void {
    if (this.carried.length) this.paragraphs.push(this.carried);
    this.carried = [];
  }

  private pushParagraph(nodes: ImportNode[]): void {
    if (this.carried.length) {
      const first = this.carried;
      this.carried = [];
      append(first, nodes);
      nodes = first;
    }
    this.paragraphs.push(nodes);
  }

  private isTei(el: XmlElement): boolean {
    return el.ns === this.teiNs || el.ns === TEI_NS;
  }

  private kindName(el: XmlElement): string {
    return this.isTei(el) ? el.local : el.name;
  }

  /** The spans still open at the end of the text: their ends are not in the file. */
  unendedSpans(): string[] {
    return this.openSpans.map((s) => s.end);
  }

  /** A container: block children become paragraphs; stray inline content forms paragraphs of its own. */
  blocks(el: XmlElement, preserve: boolean): void {
    let pending: ImportNode[] | null = null;
    const flush = () => {
      if (pending) {
        this.pushParagraph(pairShifts(pending));
        this.lastWasLine = false;
      }
      pending = null;
    };
    const visit = (child: XmlElement) => {
      const name = this.isTei(child) ? child.local : '';
      const childPreserve = spaceOf(child, preserve);
      if (NOT_TEXT.has(name) || name === 'lb') return;
      if (this.milestone(child, name)) return;
      if (this.notText(child, name)) return;
      if (name === 'note' && !isAuthorialNote(child)) {
        append((pending ??= []), this.inlineNodes(child, null, childPreserve, false));
        return;
      }
      if ((name === 'pb' || name === 'cb') && pending === null) {
        // A break between paragraphs begins the next one.
        append(this.carried, this.inlineNodes(child, null, childPreserve, false));
        return;
      }
      if (MILESTONE.has(name) && !hasText(child) && name !== 'pb' && name !== 'cb' && name !== 'gap') {
        if (!this.endsSpan(child)) this.warnings.add({ element: name, empty: true });
        return;
      }
      if (PARAGRAPH.has(name) || LINE.has(name)) {
        const isLine = LINE.has(name);
        // A line joining the one before: the break between them lies in the spans open both where that line
        // ended and where this one begins (so a span of whole lines holds the breaks between them, not those around).
        const join = isLine && pending === null && this.lastWasLine && this.paragraphs.length > 0;
        const br = join ? this.lb(null, commonStart(this.lineEndSpans, this.spanKinds)) : null;
        const content = this.inline(child, null, childPreserve, false);
        this.lineEndSpans = this.spanKinds;
        if (br) {
          const last = this.paragraphs[this.paragraphs.length - 1]!;
          last.push(br);
          append(last, content);
        } else {
          flush();
          this.pushParagraph(content);
        }
        this.lastWasLine = isLine;
        return;
      }
      if ((name && BLOCK.has(name)) || this.hasBlockChild(child)) {
        flush();
        if (!FRAME.has(name)) this.warnings.add({ element: this.kindName(child) });
        this.lastWasLine = false;
        this.blocks(child, childPreserve);
        this.lastWasLine = false;
        return;
      }
      // An inline element straight inside a container: part of a paragraph of its own.
      append((pending ??= []), this.inlineElement(child, null, childPreserve, false));
      this.lastWasLine = false;
    };
    for (const child of el.children) {
      if (child.kind === 'text') {
        if (/\S/.test(child.text)) {
          (pending ??= []).push(this.leaf(child.text, null, preserve));
          this.lastWasLine = false;
        }
        continue;
      }
      visit(child);
      this.close(child);
    }
    flush();
  }

  private hasBlockChild(el: XmlElement): boolean {
    return el.children.some((c) => c.kind === 'element' && this.isTei(c) && BLOCK.has(c.local));
  }

  /** Milestones that change what follows (a hand, a span, an inclusion); true when `el` is one, now handled. */
  private milestone(el: XmlElement, name: string): boolean {
    if (name === 'handShift') this.handShift(el);
    else if (name === 'delSpan' || name === 'addSpan') this.openSpan(el, name === 'delSpan' ? 'del' : 'add');
    else if (el.ns === XINCLUDE_NS && el.local === 'include') {
      this.includes.push(el.attrs.get('href') ?? '');
      this.warnings.add({ situation: 'xinclude' });
    } else return false;
    return true;
  }

  /** What is not the writer's text: left out of both readings, with a warning; true when `el` is such. */
  private notText(el: XmlElement, name: string): boolean {
    if (name === 'metamark' || name === 'figDesc') {
      this.warnings.add({ element: name });
      return true;
    }
    return false;
  }

  private openSpan(el: XmlElement, kind: 'del' | 'add'): void {
    const end = pointerId(el.attrs.get('spanTo'));
    if (end === null) {
      this.warnings.add({ element: el.local, attribute: 'spanTo', missing: true });
      return;
    }
    this.openSpans.push({ end, kind, hand: pointerId(el.attrs.get('hand')) });
    this.spanKinds = this.openSpans.map((s) => s.kind);
  }

  /** Closes the spans that end with `el`; whether there were any. */
  private close(el: XmlElement): boolean {
    const id = el.attrs.get('xml:id');
    if (id === undefined || !this.openSpans.some((s) => s.end === id)) return false;
    for (let k = this.openSpans.length - 1; k >= 0; k--) if (this.openSpans[k]!.end === id) this.openSpans.splice(k, 1);
    this.spanKinds = this.openSpans.length ? this.openSpans.map((s) => s.kind) : NO_SPANS;
    return true;
  }

  /** Whether `el` is where an open span ends (an <anchor> that is no more than that needs no warning). */
  private endsSpan(el: XmlElement): boolean {
    const id = el.attrs.get('xml:id');
    return id !== undefined && this.openSpans.some((s) => s.end === id);
  }

  private handShift(el: XmlElement): void {
    const hand = pointerId(el.attrs.get('new'));
    if (!hand) {
      this.warnings.add({ situation: 'handShift-without-new' });
      return;
    }
    if (this.mainHand.kind === 'unknown' && !this.sawText) this.mainHand = { kind: 'named', id: hand };
    this.milestoneHand = hand;
  }

  private isOther(hand: string | null): boolean {
    return hand !== null && this.mainHand.kind !== 'unknown' && !isMainHand(hand, this.mainHand);
  }

  /** The hand of text outside any element naming one: an added span's, else the last <handShift>'s. */
  private handInForce(): string | null {
    for (let k = this.openSpans.length - 1; k >= 0; k--) if (this.openSpans[k]!.hand) return this.openSpans[k]!.hand;
    return this.milestoneHand;
  }

  private leaf(text: string, containerHand: string | null, preserve: boolean): TextLeaf {
    if (/\S/.test(text)) this.sawText = true;
    const hand = containerHand ?? this.handInForce();
    // No hand declared and none named before the text began: the text began in an unnamed main hand.
    if (hand !== null && this.mainHand.kind === 'unknown') this.mainHand = { kind: 'unnamed' };
    const other = this.isOther(hand);
    if (other && /\S/.test(text)) this.otherHands.add(hand!);
    return { kind: 'text', text, other, preserve, spans: this.spanKinds };
  }

  /** A line break, in the hand in force (so that a line break inside a stretch in another hand stays inside it). */
  private lb(containerHand: string | null, spans: SpanKinds = this.spanKinds): LineBreak {
    return { kind: 'lb', other: this.isOther(containerHand ?? this.handInForce()), spans };
  }

  /** The children of an element as inline content. */
  inline(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): ImportNode[] {
    const out: ImportNode[] = [];
    for (const child of el.children) {
      if (child.kind === 'text') out.push(this.leaf(child.text, hand, preserve));
      else append(out, this.inlineElement(child, hand, spaceOf(child, preserve), unwrapDel));
    }
    return pairShifts(out);
  }

  /** An element inside a paragraph, as the nodes it gives (then any span ending with it is closed). */
  private inlineElement(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): ImportNode[] {
    const nodes = this.inlineNodes(el, hand, preserve, unwrapDel);
    this.close(el);
    return nodes;
  }

  private inlineNodes(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): ImportNode[] {
    const name = this.isTei(el) ? el.local : '';
    if (name !== 'handShift' && this.milestone(el, name)) return [];
    if (this.notText(el, name)) return [];
    // An <anchor> (or other milestone) where a span ends has done its work: nothing to warn about.
    if (MILESTONE.has(name) && this.endsSpan(el) && !hasText(el)) return [];
    switch (name) {
      case 'lb':
        // A word broken across the line end: `|-` before the break keeps it one word.
        if (el.attrs.get('break') === 'no') return [this.atom('|-', hand), this.lb(hand)];
        return [this.lb(hand)];
      case 'pb':
      case 'cb': {
        const facs = name === 'pb' ? el.attrs.get('facs') : undefined;
        const image = facs ? this.ctx.pageImage(facs) : '';
        return [this.atom(breakMarkup(name === 'pb' ? 'page' : 'column', el.attrs.get('n'), image), hand)];
      }
      case 'gap': {
        if (hasText(el)) return this.reduced(el, hand, preserve, unwrapDel);
        const g = gapMarkup(el);
        if (g.lostUnit) this.warnings.add({ element: 'gap', attribute: 'unit' });
        if (g.assumedUnit) this.warnings.add({ element: 'gap', attribute: 'unit', missing: true });
        if (g.lostExtent) this.warnings.add({ element: 'gap', attribute: 'extent' });
        return [this.atom(g.markup, hand)];
      }
      case 'unclear': {
        const t = textOnly(el);
        if (t === null) return this.reduced(el, hand, preserve, unwrapDel);
        return [this.atom(unclearMarkup([t], el.attrs.get('cert')), hand)];
      }
      case 'supplied':
        return [this.suppliedMark(el, this.inline(el, hand, preserve, unwrapDel))];
      case 'l':
      case 'line': {
        // A line inside a paragraph: its text, then a line break (dropped again at the paragraph's end).
        const content = this.inline(el, hand, preserve, unwrapDel);
        content.push(this.lb(hand));
        return content;
      }
      case 'handShift':
        this.handShift(el);
        if (this.milestoneHand === null) return [];
        return [
          {
            kind: 'shift',
            other: !isMainHand(this.milestoneHand, this.mainHand),
            ...(this.named(this.milestoneHand) ? { id: this.milestoneHand } : {}),
          },
        ];
      case 'del': {
        if (unwrapDel) return this.inline(el, hand, preserve, unwrapDel);
        const h = pointerId(el.attrs.get('hand'));
        const id = this.named(h);
        if (h !== null && !id && !isMainHand(h, this.mainHand))
          this.warnings.add({ element: 'del', attribute: 'hand' });
        return this.mark('del', el, this.inline(el, hand, preserve, unwrapDel), '', id);
      }
      case 'add': {
        const h = pointerId(el.attrs.get('hand'));
        const id = this.named(h);
        // A named hand is said on the mark; its text is then in the hand of what surrounds it.
        const content = this.inline(el, id ? hand : (h ?? hand), preserve, unwrapDel);
        return this.mark('add', el, content, placeKeyword(el.attrs.get('place')), id);
      }
      case 'subst':
      case 'mod':
        return this.group(el, name, hand, preserve, unwrapDel);
      case 'hi':
      case 'seg': {
        const h = pointerId(el.attrs.get('hand'));
        if (h === null) this.warnings.add({ element: name });
        const content = this.inline(el, h ?? hand, preserve, unwrapDel);
        const inMain = hand === null || isMainHand(hand, this.mainHand);
        if (!(h !== null && !isMainHand(h, this.mainHand) && inMain)) return content;
        const id = this.named(h);
        return [id ? { kind: 'hand', children: content, id } : { kind: 'hand', children: content }];
      }
      case 'w':
        // A word (Emend's export wraps a word linked to the facsimile in <w facs>): its text, as it stands.
        return this.inline(el, hand, preserve, unwrapDel);
      case 'choice': {
        const kids = el.children.filter((c): c is XmlElement => c.kind === 'element');
        // Alternative readings of an unclear passage, each an <unclear> of text: `?{a|b}`.
        const readings = kids.map((c) => (this.isTei(c) && c.local === 'unclear' ? textOnly(c) : null));
        if (kids.length && readings.every((r) => r !== null))
          return [this.atom(unclearMarkup(readings as string[], kids[0]!.attrs.get('cert')), hand)];
        this.warnings.add({ element: 'choice' });
        const pick =
          kids.find((c) => this.isTei(c) && (c.local === 'sic' || c.local === 'orig' || c.local === 'abbr')) ?? kids[0];
        return pick ? this.inlineElement(pick, hand, spaceOf(pick, preserve), unwrapDel) : [];
      }
      case 'app': {
        this.warnings.add({ element: 'app' });
        const kids = el.children.filter(
          (c): c is XmlElement => c.kind === 'element' && (c.local === 'lem' || c.local === 'rdg'),
        );
        const pick = kids.find((c) => c.local === 'lem') ?? kids[0];
        return pick ? this.inlineElement(pick, hand, spaceOf(pick, preserve), unwrapDel) : [];
      }
      case 'restore':
        this.warnings.add({ element: 'restore' });
        return [{ kind: 'restored', children: this.inline(el, hand, preserve, true) }];
      case 'note':
        // An editor's note is one of the markup's: `%{…}`, its text alone (in no reading either way).
        if (!isAuthorialNote(el)) return [this.atom(`%{${escapeText(allText(el))}}`, hand)];
        // The writer's own note: its words stand apart from their neighbours'.
        this.warnings.add({ element: 'note', attribute: 'type' });
        return [
          this.leaf(' ', hand, false),
          ...this.inline(el, hand, preserve, unwrapDel),
          this.leaf(' ', hand, false),
        ];
      case 'space':
        this.warnings.add({ element: 'space' });
        return [this.leaf(' ', hand, false)];
      default:
        return this.reduced(el, hand, preserve, unwrapDel);
    }
  }

  /** An element the markup cannot express: its text, with a warning. */
  private reduced(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): ImportNode[] {
    this.warnings.add({ element: this.kindName(el), empty: el.children.length === 0 });
    return this.inline(el, hand, preserve, unwrapDel);
  }

  /** A deletion or insertion; one whose content import left out (a caret <metamark>, an editor's note) is no
   * mark at all, while one that is empty in the TEI stays (an empty <add/> is `^{}`). */
  private mark(
    kind: 'del' | 'add',
    el: XmlElement,
    children: ImportNode[],
    keyword: string,
    hand: string | undefined,
  ): ImportNode[] {
    if (children.length === 0 && el.children.length > 0) return [];
    return [{ kind, children, ...(keyword ? { keyword } : {}), ...(hand ? { hand } : {}) }];
  }

  private suppliedMark(el: XmlElement, children: ImportNode[]): Mark {
    const keyword = suppliedKeyword(el.attrs.get('reason'));
    return { kind: 'supplied', children, ...(keyword ? { keyword } : {}) };
  }

  /**
   * <subst> (and <mod>, which editions such as the Shelley-Godwin Archive use the same way): white space alone
   * between the parts is layout (TEI's <subst> holds no text of its own). Deletions and additions alone make a
   * substitution; anything else keeps the content in a row, without the grouping. Each child is walked once.
   */
  private group(
    el: XmlElement,
    name: 'subst' | 'mod',
    hand: string | null,
    preserve: boolean,
    unwrapDel: boolean,
  ): ImportNode[] {
    const parts: Mark[] = [];
    const content: ImportNode[] = [];
    let plain = unwrapDel;
    for (const c of el.children) {
      if (c.kind === 'text') {
        if (/\S/.test(c.text)) {
          plain = true;
          content.push(this.leaf(c.text, hand, preserve));
        }
        continue;
      }
      const n = this.inlineElement(c, hand, spaceOf(c, preserve), unwrapDel);
      append(content, n);
      if (n.length === 1 && (n[0]!.kind === 'del' || n[0]!.kind === 'add')) parts.push(n[0] as Mark);
      else if (n.some((k) => k.kind !== 'shift')) plain = true;
    }
    if (!plain) return [{ kind: 'subst', parts }];
    this.warnings.add(name === 'subst' ? { situation: 'mixed-subst' } : { element: 'mod' });
    return pairShifts(content);
  }
}

/** The spans two lists begin with alike. */
function commonStart(a: SpanKinds, b: SpanKinds): SpanKinds {
  if (a === b) return a;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k === b.length ? b : b.slice(0, k);
}

function hasText(el: XmlElement): boolean {
  const has = (n: XmlNode): boolean => (n.kind === 'text' ? /\S/.test(n.text) : n.children.some(has));
  return el.children.some(has);
}

/** Whether an element's text is read under xml:space="preserve", given its parent's. */
export function spaceOf(el: XmlElement, inherited: boolean): boolean {
  const v = el.attrs.get('xml:space');
  return v === 'preserve' ? true : v === 'default' ? false : inherited;
}
