// Writing the import tree as markup the parser reads back as the same tree: tilde counts for nested deletions, the
// order of a substitution's halves, where `*` goes for text in another hand.
import { escapeText } from '../../escape';
import { MAX_NESTING } from '../../parser';
import { keepSpacesApart } from './apart';
import type { ImportNode, Mark, Subst } from './tree';

interface Facts {
  text: boolean;
  allOther: boolean;
  /** Something to write: text, or an insertion (an empty one is written `^{}`; an empty deletion cannot be). */
  content: boolean;
  /** Holds a stretch in another hand that the TEI bounds itself (then `*` goes exactly there, not around). */
  explicit: boolean;
}

/** Marks nested deeper than the markup reads (the parser's MAX_NESTING): the import is refused, not mangled. */
export class TooDeep extends Error {}

export class MarkupWriter {
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

  private facts = new Map<ImportNode, Facts>();

  paragraph(nodes: ImportNode[]): string {
    this.out = [];
    this.depth = 0;
    this.afterDelOpen = false;
    this.loneMark = null;
    this.facts.clear();
    this.sequence(keepSpacesApart(nodes), false);
    return this.out.join('');
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep();
  }

  private fact(n: ImportNode): Facts {
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
      f = {
        text: false,
        allOther: true,
        content: n.kind === 'add' || n.kind === 'supplied',
        explicit: n.kind === 'hand',
      };
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
  private sequence(nodes: ImportNode[], inHand: boolean): void {
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
  private insertionFollows(siblings: ImportNode[], at: number): boolean {
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
  private wouldPair(n: Mark | Subst, nodes: ImportNode[], i: number): boolean {
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
  private node(n: ImportNode, inHand: boolean, siblings: ImportNode[], at: number): void {
    switch (n.kind) {
      case 'shift':
        break;
      case 'hand':
        // (An empty one is written too: `**` keeps marks on either side apart, as the TEI had them.)
        if (inHand) {
          this.sequence(n.children, inHand);
          break;
        }
        this.enclosed(n.id ? `*@${n.id} ` : '*', '*', () => this.sequence(n.children, true));
        break;
      case 'text':
        this.write(n.raw ? n.text : escapeText(n.text));
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
        // A deletion opening where its enclosing one opens is merged into it (see mark): then it is no mark, and
        // a space after it would be text, so the two halves are written without one.
        const merged = this.afterDelOpen && parts[0]?.kind === 'del';
        parts.forEach((p, k) => {
          if (k > 0 && pair && !merged) this.write(' ');
          this.mark(p, inHand);
        });
        this.loneMark = null;
        break;
      }
      case 'restored':
        // (Lifted out by ./restore.ts before writing; its text would be written plainly.)
        this.sequence(n.children, inHand);
        break;
      default:
        this.mark(n, inHand);
        if (this.fact(n).content && n.kind !== 'supplied') this.loneMark = n.kind;
    }
  }

  private mark(n: Mark, inHand: boolean): void {
    if (!this.fact(n).content) {
      this.droppedEmpty++;
      return;
    }
    const hand = n.hand ? `@${n.hand} ` : '';
    if (n.kind !== 'del') {
      const open = `${n.kind === 'add' ? '^' : '+'}${n.keyword ?? ''}{${hand}`;
      this.enclosed(open, '}', () => this.sequence(n.children, inHand));
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
    this.write(hand);
    this.sequence(n.children, inHand);
    this.write(tildes);
    this.depth--;
  }
}

/** How many deletions are nested directly (not through an insertion) in this one, itself included. */
function delDepth(n: Mark): number {
  let deepest = 0;
  const visit = (nodes: ImportNode[]) => {
    for (const c of nodes) {
      if (c.kind === 'del') deepest = Math.max(deepest, delDepth(c));
      else if (c.kind === 'subst') visit(c.parts.filter((p) => p.kind === 'del'));
    }
  };
  visit(n.children);
  return 1 + deepest;
}

/** Drops lines that hold only white space (they would end the paragraph) and blank edges. */
export function tidyParagraph(s: string): string {
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
