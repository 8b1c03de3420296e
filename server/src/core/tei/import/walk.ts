// Walking a TEI document's text into paragraphs of the import tree (./tree.ts). What the markup cannot express is
// reduced to its text and counted in `warnings`.
import type { XmlElement } from '../xml';
import { TEI_NS } from '../export';
import { BLOCK, FRAME, LINE, MILESTONE, NOT_TEXT, PARAGRAPH } from './elements';
import { isMainHand, pairShifts, pointerId, type MainHand } from './hands';
import { append, type ImportNode, type LineBreak, type Mark, type TextLeaf } from './tree';
import { Warnings } from './warnings';

export class Walker {
  readonly warnings = new Warnings();
  /** The hand in force from the last <handShift> (document order), null before any. */
  private milestoneHand: string | null = null;
  readonly otherHands = new Set<string>();
  private sawText = false;
  readonly paragraphs: ImportNode[][] = [];
  /** Whether the last paragraph came from verse lines (<l>), so that the next line joins it. */
  private lastWasLine = false;

  constructor(
    private mainHand: MainHand,
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
    let pending: ImportNode[] | null = null;
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
      if (NOT_TEXT.has(name)) continue;
      if (name === 'handShift') {
        this.handShift(child);
        continue;
      }
      if (name === 'lb') continue;
      if (MILESTONE.has(name) && !this.hasText(child)) {
        this.warnings.add({ element: name });
        continue;
      }
      if (PARAGRAPH.has(name) || LINE.has(name)) {
        const isLine = LINE.has(name);
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
        if (!FRAME.has(name)) this.warnings.add({ element: this.kindName(child) });
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

  private leaf(text: string, containerHand: string | null, preserve: boolean): TextLeaf {
    if (/\S/.test(text)) this.sawText = true;
    const hand = containerHand ?? this.milestoneHand;
    // No hand declared and none named before the text began: the text began in an unnamed main hand.
    if (hand !== null && this.mainHand.kind === 'unknown') this.mainHand = { kind: 'unnamed' };
    const other = this.isOther(hand);
    if (other && /\S/.test(text)) this.otherHands.add(hand!);
    return { kind: 'text', text, other, preserve };
  }

  /** A line break, in the hand in force (so that a line break inside a stretch in another hand stays inside it). */
  private lb(containerHand: string | null): LineBreak {
    return { kind: 'lb', other: this.isOther(containerHand ?? this.milestoneHand) };
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

  private inlineElement(el: XmlElement, hand: string | null, preserve: boolean, unwrapDel: boolean): ImportNode[] {
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
        return this.milestoneHand === null
          ? []
          : [{ kind: 'shift', other: !isMainHand(this.milestoneHand, this.mainHand) }];
      case 'del': {
        if (unwrapDel) return this.inline(el, hand, preserve, unwrapDel);
        const h = pointerId(el.attrs.get('hand'));
        if (h !== null && !isMainHand(h, this.mainHand)) this.warnings.add({ element: 'del', attribute: 'hand' });
        return [{ kind: 'del', children: this.inline(el, hand, preserve, unwrapDel) }];
      }
      case 'add':
        return [
          { kind: 'add', children: this.inline(el, pointerId(el.attrs.get('hand')) ?? hand, preserve, unwrapDel) },
        ];
      case 'subst': {
        // Each child is walked once; what it gave is the substitution's part, or (when the <subst> holds anything
        // besides deletions and additions) its place in the content, which then loses the grouping.
        const parts: Mark[] = [];
        const content: ImportNode[] = [];
        let plain = unwrapDel;
        for (const c of el.children) {
          if (c.kind === 'text') {
            if (/\S/.test(c.text)) plain = true;
            content.push(this.leaf(c.text, hand, preserve));
            continue;
          }
          const n = this.inlineElement(c, hand, spaceOf(c, preserve), unwrapDel);
          append(content, n);
          if (n.length === 1 && (n[0]!.kind === 'del' || n[0]!.kind === 'add')) parts.push(n[0] as Mark);
          else plain = true;
        }
        if (!plain) return [{ kind: 'subst', parts }];
        this.warnings.add({ situation: 'mixed-subst' });
        return pairShifts(content);
      }
      case 'hi':
      case 'seg': {
        const h = pointerId(el.attrs.get('hand'));
        if (h === null) this.warnings.add({ element: name });
        const content = this.inline(el, h ?? hand, preserve, unwrapDel);
        const inMain = hand === null || isMainHand(hand, this.mainHand);
        return h !== null && !isMainHand(h, this.mainHand) && inMain ? [{ kind: 'hand', children: content }] : content;
      }
      case 'choice': {
        this.warnings.add({ element: 'choice' });
        const kids = el.children.filter((c): c is XmlElement => c.kind === 'element');
        const pick =
          kids.find((c) => this.isTei(c) && (c.local === 'corr' || c.local === 'reg' || c.local === 'expan')) ??
          kids[0];
        return pick ? this.inline(pick, hand, spaceOf(pick, preserve), unwrapDel) : [];
      }
      case 'app': {
        this.warnings.add({ element: 'app' });
        const kids = el.children.filter(
          (c): c is XmlElement => c.kind === 'element' && (c.local === 'lem' || c.local === 'rdg'),
        );
        const pick = kids.find((c) => c.local === 'lem') ?? kids[0];
        return pick ? this.inline(pick, hand, spaceOf(pick, preserve), unwrapDel) : [];
      }
      case 'restore':
        this.warnings.add({ element: 'restore' });
        return this.inline(el, hand, preserve, true);
      default:
        this.warnings.add({ element: this.kindName(el) });
        return this.inline(el, hand, preserve, unwrapDel);
    }
  }
}

/** Whether an element's text is read under xml:space="preserve", given its parent's. */
export function spaceOf(el: XmlElement, inherited: boolean): boolean {
  const v = el.attrs.get('xml:space');
  return v === 'preserve' ? true : v === 'default' ? false : inherited;
}
