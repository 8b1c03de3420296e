// A small, non-validating XML 1.0 reader for TEI import: one left-to-right pass, linear in the input.
// It builds a plain element tree and refuses, with a message naming line and column, anything that is not
// well-formed. It never reads a DTD and never expands an entity other than the five predefined ones and
// character references: a DOCTYPE with an internal subset (where entities are declared) is refused, so neither
// external entities (XXE) nor entity expansion bombs can do anything.

export interface XmlElement {
  kind: 'element';
  /** The name as written, with its prefix (`tei:p`). */
  name: string;
  /** The local part of the name (`p`). */
  local: string;
  /** The namespace URI the prefix (or the default namespace) resolves to; '' for none. */
  ns: string;
  /** Attributes by name as written (`xml:id`, `hand`). */
  attrs: Map<string, string>;
  children: XmlNode[];
  /** Offset of the `<` that opens the element. */
  offset: number;
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** Set when the XML may be well-formed but nests elements deeper than this limit. */
    readonly tooDeep: number | null = null,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'XmlError';
  }

  /** Where the problem is, as "line L, column C". */
  get where(): string {
    return `line ${this.line}, column ${this.column}`;
  }
}

export interface XmlLimits {
  /** Elements nested deeper than this are refused (the tree walks stay shallow). */
  maxDepth: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxDepth: 512 };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Characters XML 1.0 forbids anywhere in a document (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF). */
export function isForbiddenXmlChar(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
}

interface OpenFrame {
  el: XmlElement;
  /** Namespace bindings in force inside this element. */
  scope: Map<string, string>;
}

export function parseXml(src: string, limits: XmlLimits = DEFAULT_LIMITS): XmlElement {
  return new Reader(src, limits).document();
}

class Reader {
  private i = 0;

  /** The next occurrence at or after a position, remembered: text is decoded in document order, so the reader
   * never searches the same stretch twice (keeps the pass linear when there is no `&` at all). */
  private readonly found = { amp: -2, cdataEnd: -2 };

  constructor(
    private readonly src: string,
    private readonly limits: XmlLimits,
  ) {}

  private next(key: 'amp' | 'cdataEnd', needle: string, from: number): number {
    const at = this.found[key];
    if (at === -1 || at >= from) return at;
    return (this.found[key] = this.src.indexOf(needle, from));
  }

  private fail(message: string, at = this.i, tooDeep: number | null = null): never {
    let line = 1,
      lineStart = 0;
    for (let k = this.src.indexOf('\n'); k >= 0 && k < at; k = this.src.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    throw new XmlError(message, line, at - lineStart + 1, tooDeep);
  }

  document(): XmlElement {
    const src = this.src;
    if (src.charCodeAt(0) === 0xfeff) this.i = 1;
    this.checkChars();
    let root: XmlElement | null = null;
    const stack: OpenFrame[] = [];
    let text = '';
    const baseScope = new Map<string, string>([['xml', XML_NS]]);
    const flushText = () => {
      if (text === '') return;
      const top = stack[stack.length - 1];
      if (top) {
        const last = top.el.children[top.el.children.length - 1];
        if (last && last.kind === 'text') last.text += text;
        else top.el.children.push({ kind: 'text', text });
      } else if (/\S/.test(text)) {
        this.fail(root ? 'text after the root element' : 'text before the root element');
      }
      text = '';
    };
    while (this.i < src.length) {
      const lt = src.indexOf('<', this.i);
      const end = lt < 0 ? src.length : lt;
      if (end > this.i) {
        text += this.decodeText(this.i, end);
        this.i = end;
        continue;
      }
      // At a '<'.
      if (src.startsWith('<!--', this.i)) {
        const close = src.indexOf('-->', this.i + 4);
        if (close < 0) this.fail('a comment is never closed with -->');
        if (src.indexOf('--', this.i + 4) < close) this.fail('"--" is not allowed inside a comment');
        this.i = close + 3;
      } else if (src.startsWith('<?', this.i)) {
        const close = src.indexOf('?>', this.i + 2);
        if (close < 0) this.fail('a processing instruction is never closed with ?>');
        const target = /^[^\s?]*/.exec(src.slice(this.i + 2, Math.min(close, this.i + 40)))![0];
        if (target.toLowerCase() === 'xml' && this.i !== (src.charCodeAt(0) === 0xfeff ? 1 : 0)) {
          this.fail('the XML declaration must come first in the file');
        }
        this.i = close + 2;
      } else if (src.startsWith('<![CDATA[', this.i)) {
        if (stack.length === 0) this.fail('CDATA outside the root element');
        const close = src.indexOf(']]>', this.i + 9);
        if (close < 0) this.fail('a CDATA section is never closed with ]]>');
        text += src.slice(this.i + 9, close);
        this.i = close + 3;
      } else if (src.startsWith('<!DOCTYPE', this.i)) {
        if (root || stack.length) this.fail('a DOCTYPE must come before the root element');
        this.doctype();
      } else if (src.startsWith('<!', this.i)) {
        this.fail('unexpected "<!" (only comments, CDATA and a DOCTYPE begin so)');
      } else if (src.charCodeAt(this.i + 1) === 47) {
        flushText();
        const start = this.i;
        this.i += 2;
        const name = this.name();
        this.skipSpace();
        if (src.charCodeAt(this.i) !== 62) this.fail(`expected ">" to end </${name}`);
        this.i++;
        const top = stack.pop();
        if (!top) this.fail(`</${name}> closes nothing`, start);
        if (top.el.name !== name) this.fail(`</${name}> does not match <${top.el.name}>`, start);
      } else {
        flushText();
        if (root && stack.length === 0) this.fail('a second root element (a document has exactly one)');
        const parentScope = stack.length ? stack[stack.length - 1]!.scope : baseScope;
        const { el, scope, selfClosing } = this.startTag(parentScope);
        if (stack.length) stack[stack.length - 1]!.el.children.push(el);
        else root = el;
        if (!selfClosing) {
          if (stack.length >= this.limits.maxDepth) {
            this.fail(`elements are nested more than ${this.limits.maxDepth} deep`, el.offset, this.limits.maxDepth);
          }
          stack.push({ el, scope });
        }
      }
    }
    flushText();
    if (stack.length) {
      const top = stack[stack.length - 1]!;
      this.fail(`<${top.el.name}> is never closed`, top.el.offset);
    }
    if (!root) this.fail('there is no root element: this is not an XML document', 0);
    return root;
  }

  /** Refuses characters XML forbids, so that binary input fails at once with a clear message. */
  private checkChars(): void {
    const src = this.src;
    for (let k = 0; k < src.length; k++) {
      const c = src.charCodeAt(k);
      if (isForbiddenXmlChar(c)) {
        this.fail(
          `the character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML` +
            (c === 0 ? ' (is this a binary file?)' : ''),
          k,
        );
      }
    }
  }

  private doctype(): void {
    const src = this.src;
    let k = this.i + 9;
    let quote = 0;
    for (; k < src.length; k++) {
      const c = src.charCodeAt(k);
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 34 || c === 39) quote = c;
      else if (c === 91) {
        this.fail(
          'this DOCTYPE declares an internal subset ([…]); Emend does not read DTDs or entity declarations, ' +
            'which can pull in other files or expand without bound. Remove the DOCTYPE and replace custom entities by the characters they stand for.',
        );
      } else if (c === 62) break;
    }
    if (k >= src.length) this.fail('the DOCTYPE is never closed with >');
    this.i = k + 1;
  }

  private name(): string {
    const src = this.src;
    const start = this.i;
    if (!isNameStart(src.charCodeAt(this.i))) this.fail('expected a name');
    this.i++;
    while (this.i < src.length && isNameChar(src.charCodeAt(this.i))) this.i++;
    return src.slice(start, this.i);
  }

  private skipSpace(): void {
    while (this.i < this.src.length && isSpace(this.src.charCodeAt(this.i))) this.i++;
  }

  private startTag(parentScope: Map<string, string>): {
    el: XmlElement;
    scope: Map<string, string>;
    selfClosing: boolean;
  } {
    const src = this.src;
    const offset = this.i;
    this.i++;
    const name = this.name();
    const attrs = new Map<string, string>();
    let selfClosing = false;
    for (;;) {
      const before = this.i;
      this.skipSpace();
      const c = src.charCodeAt(this.i);
      if (c === 62) {
        this.i++;
        break;
      }
      if (c === 47 && src.charCodeAt(this.i + 1) === 62) {
        this.i += 2;
        selfClosing = true;
        break;
      }
      if (this.i >= src.length) this.fail(`<${name} is never closed with >`, offset);
      if (this.i === before) this.fail(`expected a space, ">" or "/>" in <${name}`);
      const attrStart = this.i;
      const attr = this.name();
      this.skipSpace();
      if (src.charCodeAt(this.i) !== 61) this.fail(`expected "=" after the attribute ${attr}`);
      this.i++;
      this.skipSpace();
      const q = src.charCodeAt(this.i);
      if (q !== 34 && q !== 39) this.fail(`the value of ${attr} must be in quotes`);
      const close = src.indexOf(q === 34 ? '"' : "'", this.i + 1);
      if (close < 0) this.fail(`the value of ${attr} is never closed`);
      const lt = src.slice(this.i + 1, close).indexOf('<');
      if (lt >= 0) this.fail(`"<" is not allowed in the value of ${attr}`, this.i + 1 + lt);
      if (attrs.has(attr)) this.fail(`the attribute ${attr} is given twice`, attrStart);
      attrs.set(attr, this.decodeText(this.i + 1, close, false));
      this.i = close + 1;
    }
    let scope = parentScope;
    for (const [k, v] of attrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(k === 'xmlns' ? '' : k.slice(6), v);
      }
    }
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const ns = scope.get(prefix);
    if (prefix && ns === undefined) this.fail(`the prefix "${prefix}" of <${name}> is not declared`, offset);
    const el: XmlElement = {
      kind: 'element',
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      ns: ns ?? '',
      attrs,
      children: [],
      offset,
    };
    return { el, scope, selfClosing };
  }

  /** Text with entity and character references replaced; refuses undefined entities and a bare `&`. In an
   * attribute value each literal tab or line break becomes a space (XML's normalisation; references are kept). */
  private decodeText(start: number, end: number, inText = true): string {
    const src = this.src;
    const literal = inText
      ? (a: number, b: number) => src.slice(a, b)
      : (a: number, b: number) => src.slice(a, b).replace(/[\t\n\r]/g, ' ');
    if (inText) {
      const gt = this.next('cdataEnd', ']]>', start);
      if (gt >= 0 && gt < end) this.fail('"]]>" is not allowed in text', gt);
    }
    let amp = this.next('amp', '&', start);
    if (amp < 0 || amp >= end) return literal(start, end);
    let out = '';
    let from = start;
    while (amp >= 0 && amp < end) {
      const semi = src.indexOf(';', amp + 1);
      if (semi < 0 || semi >= end || semi - amp > 40) this.fail('a bare "&" (write &amp;)', amp);
      const ref = src.slice(amp + 1, semi);
      let value: string;
      if (ref.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]+$/.test(ref)
          ? parseInt(ref.slice(2), 16)
          : /^#[0-9]+$/.test(ref)
            ? parseInt(ref.slice(1), 10)
            : NaN;
        if (
          !Number.isFinite(code) ||
          code > 0x10ffff ||
          (code >= 0xd800 && code <= 0xdfff) ||
          code === 0 ||
          isForbiddenXmlChar(code)
        ) {
          this.fail(`&${ref}; is not a character XML allows`, amp);
        }
        value = String.fromCodePoint(code);
      } else if (Object.prototype.hasOwnProperty.call(PREDEFINED, ref)) {
        value = PREDEFINED[ref]!;
      } else {
        this.fail(
          `the entity &${ref}; is not defined (Emend reads no DTD; write the character itself or a character reference such as &#233;)`,
          amp,
        );
      }
      out += literal(from, amp) + value;
      from = semi + 1;
      amp = this.next('amp', '&', from);
    }
    return out + literal(from, end);
  }
}

/** The concatenated text of a node and its descendants. */
export function textOf(node: XmlNode): string {
  if (node.kind === 'text') return node.text;
  const stack: XmlNode[] = [node];
  // Iterative, so a deep tree cannot overflow the stack.
  const order: string[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'text') order.push(n.text);
    else for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]!);
  }
  return order.join('');
}
