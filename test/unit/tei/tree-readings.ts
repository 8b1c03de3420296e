// The draft and final readings of a TEI document, computed from its XML tree directly: the reference the import's
// fidelity tests compare against. It shares nothing with the importer but the XML reader and knows nothing of the
// markup; it is a plain walk in document order that says, for each piece of text, whether a reading has it.
//
// What TEI means, as these tests read it (docs/tei.md, "Import"):
// - draft = as first written: <del> kept, <add> left out; final = as revised: the reverse. <delSpan>/<addSpan>
//   reach from where they stand to the end of the element their @spanTo points at (usually an <anchor>).
// - Text inside a <restore> is never deleted: the restoration cancels the deletions around it or inside it.
// - Neither reading has what is not the writer's text: <metamark>s (marks about the text), editorial <note>s (every
//   note but one with type="authorial"), <figDesc>, nor the header, facsimile or stand-off parts.
// - An empty <gap> is a visible placeholder `[…]`; <supplied> text stands in square brackets (the readings'
//   defaults); <unclear> is its text, and a <choice> of <unclear>s its first.
// - <choice>: the text as the document has it (<sic>, <orig>, <abbr>), else the first alternative; <app>: the
//   lemma, else the first reading.
// - White space alone directly inside <subst>, <mod>, <choice> or <app> is layout between their parts.
// - <lb/> is a space; with break="no" the word goes on: the white space either side of it is layout; blocks (paragraphs, lines, zones…) are separated by spaces.
import type { XmlElement, XmlNode } from '../../../server/src/core/tei/xml';

export type ReadingKind = 'draft' | 'final';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** Elements that hold no text of either reading, with everything inside them. */
const SILENT = new Set([
  'teiHeader',
  'facsimile',
  'standOff',
  'metamark',
  'figDesc',
  'pb',
  'cb',
  'milestone',
  'anchor',
  'handShift',
  'graphic',
  'ptr',
  'alt',
  'join',
  'undo',
  'redo',
  'include',
]);

/** Elements that begin and end a run of text (a space either side, so neighbouring blocks never run together). */
const BLOCKS = new Set([
  'p',
  'head',
  'ab',
  'l',
  'lg',
  'line',
  'zone',
  'surface',
  'div',
  'div1',
  'div2',
  'div3',
  'body',
  'text',
  'opener',
  'closer',
  'salute',
  'signed',
  'dateline',
  'postscript',
  'address',
  'addrLine',
  'item',
  'list',
  'fw',
  'sp',
  'speaker',
  'stage',
  'note',
  'figure',
  'table',
  'row',
  'cell',
]);

/** Elements whose white-space-only text children are layout. */
const GROUPS = new Set(['subst', 'mod', 'choice', 'app']);

class Evaluation {
  private out = '';
  /** Open spans: the xml:id each one ends at, and whether it deletes or adds. */
  private readonly spans: { end: string; kind: 'del' | 'add' }[] = [];

  constructor(private readonly kind: ReadingKind) {}

  result(): string {
    return this.out;
  }

  /** Inside a <del> (for the final reading) or an <add> (for the draft): what this reading leaves out. */
  private leftOut = 0;
  /** Inside a <restore>. */
  private restored = 0;

  /** An <lb break="no"/> was read: white space up to the next text is layout. */
  private joining = false;
  /** Where the output stood after the last line break or block edge (a word break joins no further back). */
  private lineStart = 0;

  private emit(text: string, wordBreak = false, lineBreak = false): void {
    const span = this.spans.some((s) => (s.kind === 'del' ? this.kind === 'final' : this.kind === 'draft'));
    // A restoration cancels deletions only: in the draft, an addition stays out whatever it holds.
    const deletion = this.kind === 'final' && this.restored > 0 ? 0 : this.leftOut + (span ? 1 : 0);
    if (deletion !== 0) return;
    if (wordBreak) {
      this.out = this.out.slice(0, this.lineStart) + this.out.slice(this.lineStart).replace(/\s+$/, '');
      this.joining = true;
      return;
    }
    if (lineBreak) {
      this.out += text;
      this.lineStart = this.out.length;
      this.joining = false;
      return;
    }
    if (this.joining) text = text.replace(/^\s+/, '');
    if (text) this.joining = false;
    this.out += text;
  }

  node(n: XmlNode, parent: XmlElement | null): void {
    if (n.kind === 'text') {
      if (parent && GROUPS.has(parent.local) && !/\S/.test(n.text)) return;
      this.emit(n.text);
      return;
    }
    const el = n;
    const name = el.ns === TEI_NS ? el.local : `{${el.ns}}${el.local}`;
    this.element(el, name);
    // A span ends with the element its @spanTo names (its content included).
    const id = el.attrs.get('xml:id');
    if (id !== undefined) {
      for (let k = this.spans.length - 1; k >= 0; k--) if (this.spans[k]!.end === id) this.spans.splice(k, 1);
    }
  }

  private children(el: XmlElement): void {
    for (const c of el.children) this.node(c, el);
  }

  /** The children, with `counter` raised while they are read. */
  private within(el: XmlElement, counter: 'leftOut' | 'restored'): void {
    this[counter]++;
    this.children(el);
    this[counter]--;
  }

  private element(el: XmlElement, name: string): void {
    if (SILENT.has(name) || name.endsWith('}include')) return;
    switch (name) {
      case 'del':
        if (this.kind === 'final') this.within(el, 'leftOut');
        else this.children(el);
        return;
      case 'add':
        if (this.kind === 'draft') this.within(el, 'leftOut');
        else this.children(el);
        return;
      case 'restore':
        this.within(el, 'restored');
        return;
      case 'delSpan':
      case 'addSpan': {
        // A pointer to the element the span ends with: `#id` (some editions write the bare id).
        const target = (el.attrs.get('spanTo') ?? '').trim();
        const end = target.slice(target.lastIndexOf('#') + 1);
        if (end) this.spans.push({ end, kind: name === 'delSpan' ? 'del' : 'add' });
        return;
      }
      case 'note':
        if (el.attrs.get('type') !== 'authorial') return;
        break;
      case 'lb':
        this.emit(' ', el.attrs.get('break') === 'no', true);
        return;
      case 'gap':
        if (!el.children.some((c) => c.kind === 'element' || /\S/.test(c.text))) this.emit('[…]');
        return;
      case 'supplied':
        this.emit('[');
        this.children(el);
        this.emit(']');
        return;
      case 'space':
        this.emit(' ');
        return;
      case 'choice': {
        const alternatives = el.children.filter((c): c is XmlElement => c.kind === 'element');
        const pick =
          alternatives.find((c) => c.local === 'sic' || c.local === 'orig' || c.local === 'abbr') ?? alternatives[0];
        if (pick) this.node(pick, el);
        return;
      }
      case 'app': {
        const readings = el.children.filter(
          (c): c is XmlElement => c.kind === 'element' && (c.local === 'lem' || c.local === 'rdg'),
        );
        const pick = readings.find((c) => c.local === 'lem') ?? readings[0];
        if (pick) this.node(pick, el);
        return;
      }
    }
    const block = BLOCKS.has(name);
    if (block) this.emit(' ', false, true);
    this.children(el);
    if (block) this.emit(' ', false, true);
  }
}

/** The parts of a TEI document that hold its transcription: the <text>s, else the <sourceDoc>s, else the root
 * itself when it is some other TEI element (a page file whose root is a <surface>, say). */
function transcriptionParts(root: XmlElement): XmlElement[] {
  const found: Record<'text' | 'sourceDoc', XmlElement[]> = { text: [], sourceDoc: [] };
  const visit = (el: XmlElement) => {
    for (const c of el.children) {
      if (c.kind !== 'element') continue;
      if (c.local === 'text' || c.local === 'sourceDoc') found[c.local].push(c);
      else if (c.local === 'TEI') visit(c);
    }
  };
  if (root.local !== 'TEI' && root.local !== 'teiCorpus') return [root];
  visit(root);
  return found.text.length ? found.text : found.sourceDoc;
}

/** The reading of a TEI document's transcription, as plain text (compare with `words`). */
export function treeReading(root: XmlElement, kind: ReadingKind): string {
  const e = new Evaluation(kind);
  for (const part of transcriptionParts(root)) e.node(part, null);
  return e.result();
}

/** Compares text, not layout: white space runs are one space, none before closing punctuation. */
export function words(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .trim();
}
