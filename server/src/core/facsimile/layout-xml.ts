// A lean XML reader for layout files. The project's XML reader (tei/xml.ts) builds a full tree, every attribute
// in a Map and every run of white space a text node: right for TEI's mixed content, but a 1,000-line PAGE file
// becomes some 100,000 objects, most of them never read. Layout files
// are element-only structure with text in a few leaves, so this reader keeps only the elements the layout readers
// ask for (`keep`: others are dropped, their kept descendants attached to the nearest kept ancestor), keeps the
// text only inside `textOf` elements, and parses an element's attributes only when asked. It still checks
// well-formedness the same way (tags nest and match, attribute values are quoted, references are the predefined
// five or characters), refuses a DOCTYPE outright, and reports line and column; one linear pass.
import { isForbiddenXmlChar } from '../tei/xml';

export interface LNode {
  /** Local name (without prefix). */
  local: string;
  /** Namespace of the root element only ('' elsewhere: layout readers recognise the file by its root). */
  ns: string;
  children: LNode[];
  /** Decoded text content, for elements named in `textOf`; '' otherwise. */
  text: string;
  /** Where the element's attributes are in the source: parsed on demand by `attr`. */
  attrStart: number;
  attrEnd: number;
  /** Where the element is in the source: its `<`, and just after its end tag's `>` (or its `/>`). */
  start: number;
  end: number;
  src: string;
}

export class LayoutXmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** A DOCTYPE (refused on principle, not malformed). */
    readonly doctype = false,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** The value of an attribute (by its local name: `xsi:schemaLocation` is `schemaLocation`), or undefined. */
export function attr(el: LNode, name: string): string | undefined {
  const s = el.src;
  let i = el.attrStart;
  const end = el.attrEnd;
  while (i < end) {
    while (i < end && s.charCodeAt(i) <= 32) i++;
    if (i >= end) break;
    const nameStart = i;
    while (i < end && s.charCodeAt(i) !== 61 && s.charCodeAt(i) > 32) i++;
    const full = s.slice(nameStart, i);
    while (i < end && s.charCodeAt(i) !== 34 && s.charCodeAt(i) !== 39) i++;
    const q = s.charCodeAt(i);
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    const colon = full.indexOf(':');
    const local = colon < 0 ? full : full.slice(colon + 1);
    if (local === name && !full.startsWith('xmlns')) return decode(s, i + 1, close, true);
    i = close + 1;
  }
  return undefined;
}

function decode(s: string, start: number, end: number, inAttr: boolean): string {
  let raw = '';
  let from = start;
  for (let a = start; a < end; a++) {
    if (s.charCodeAt(a) !== 38) continue;
    const semi = s.indexOf(';', a);
    const ref = s.slice(a + 1, semi);
    raw += s.slice(from, a) + (ref.charCodeAt(0) === 35 ? String.fromCodePoint(charRef(ref)) : PREDEFINED[ref]!);
    from = semi + 1;
    a = semi;
  }
  raw = from === start ? s.slice(start, end) : raw + s.slice(from, end);
  return inAttr ? raw.replace(/[\t\n\r]/g, ' ') : raw;
}

function charRef(ref: string): number {
  return ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
}

export function parseLayoutXml(src: string, keep: ReadonlySet<string>, textOf: ReadonlySet<string>): LNode {
  const fail = (message: string, at: number, doctype = false): never => {
    let line = 1,
      lineStart = 0;
    for (let k = src.indexOf('\n'); k >= 0 && k < at; k = src.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    throw new LayoutXmlError(message, line, at - lineStart + 1, doctype);
  };
  for (let k = 0; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c < 32 && isForbiddenXmlChar(c)) {
      fail(
        `the character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML${c === 0 ? ' (is this a binary file?)' : ''}`,
        k,
      );
    }
  }
  // The next '&' at or after a place, remembered: the text is checked in order, so no stretch is searched twice.
  let nextAmp = -2;
  const ampFrom = (from: number): number => {
    if (nextAmp === -1 || nextAmp >= from) return nextAmp;
    return (nextAmp = src.indexOf('&', from));
  };
  /** Checks the references in src[start, end). */
  const checkRefs = (start: number, end: number): void => {
    for (let a = ampFrom(start); a >= 0 && a < end; a = ampFrom(a + 1)) {
      const semi = src.indexOf(';', a + 1);
      if (semi < 0 || semi >= end || semi - a > 12) fail('a bare "&" (write &amp;)', a);
      const ref = src.slice(a + 1, semi);
      if (ref.charCodeAt(0) === 35) {
        const code = /^#x[0-9a-fA-F]{1,6}$|^#[0-9]{1,7}$/.test(ref) ? charRef(ref) : NaN;
        if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff) || isForbiddenXmlChar(code)) {
          fail(`&${ref}; is not a character XML allows`, a);
        }
      } else if (!Object.prototype.hasOwnProperty.call(PREDEFINED, ref)) {
        fail(`the entity &${ref}; is not defined (Emend reads no DTD; write the character itself)`, a);
      }
    }
  };
  // Open elements: their names as written (to match end tags) and the kept node they add to (or null).
  const names: string[] = [];
  const kept: (LNode | null)[] = [];
  const targets: LNode[] = []; // nearest kept ancestor at each depth
  let root: LNode | null = null;
  let rootClosed = false;
  let textStart = -1;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = src.length;
  while (i < n) {
    const lt = src.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (names.length === 0) {
        for (let k = i; k < end; k++)
          if (src.charCodeAt(k) > 32) fail(root ? 'text after the root element' : 'text before the root element', k);
      } else checkRefs(i, end);
      if (lt < 0) break;
    }
    i = lt;
    if (src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i + 4);
      if (close < 0) fail('a comment is never closed with -->', i);
      i = close + 3;
    } else if (src.startsWith('<?', i)) {
      const close = src.indexOf('?>', i + 2);
      if (close < 0) fail('a processing instruction is never closed with ?>', i);
      i = close + 2;
    } else if (src.startsWith('<![CDATA[', i)) {
      if (names.length === 0) fail('CDATA outside the root element', i);
      const close = src.indexOf(']]>', i + 9);
      if (close < 0) fail('a CDATA section is never closed with ]]>', i);
      i = close + 3;
    } else if (src.startsWith('<!DOCTYPE', i)) {
      fail('a DOCTYPE', i, true);
    } else if (src.charCodeAt(i + 1) === 47) {
      const start = i;
      let k = i + 2;
      while (k < n && src.charCodeAt(k) > 32 && src.charCodeAt(k) !== 62) k++;
      const name = src.slice(i + 2, k);
      while (k < n && src.charCodeAt(k) <= 32) k++;
      if (src.charCodeAt(k) !== 62) fail(`expected ">" to end </${name}`, k);
      const open = names.pop();
      if (open === undefined) fail(`</${name}> closes nothing`, start);
      if (open !== name) fail(`</${name}> does not match <${open}>`, start);
      const node = kept.pop()!;
      targets.pop();
      if (node) node.end = k + 1;
      if (node && textStart >= 0 && textOf.has(node.local)) node.text = decode(src, textStart, start, false);
      textStart = -1;
      if (names.length === 0) rootClosed = true;
      i = k + 1;
    } else {
      if (rootClosed) fail('a second root element (a document has exactly one)', i);
      const start = i;
      let k = i + 1;
      const c0 = src.charCodeAt(k);
      if (!(c0 >= 65 && c0 <= 90) && !(c0 >= 97 && c0 <= 122) && c0 !== 95 && c0 !== 58 && c0 < 0xc0)
        fail('expected a name', k);
      while (k < n) {
        const c = src.charCodeAt(k);
        if (c <= 32 || c === 62 || c === 47) break;
        k++;
      }
      const name = src.slice(i + 1, k);
      const attrStart = k;
      // To the end of the tag, over quoted values.
      for (;;) {
        while (k < n && src.charCodeAt(k) <= 32) k++;
        const c = src.charCodeAt(k);
        if (k >= n) fail(`<${name} is never closed with >`, start);
        if (c === 62 || (c === 47 && src.charCodeAt(k + 1) === 62)) break;
        const an = k;
        while (k < n && src.charCodeAt(k) !== 61 && src.charCodeAt(k) > 32 && src.charCodeAt(k) !== 62) k++;
        if (k === an) fail(`expected an attribute in <${name}`, k);
        while (k < n && src.charCodeAt(k) <= 32) k++;
        if (src.charCodeAt(k) !== 61) fail(`expected "=" after the attribute ${src.slice(an, k)}`, k);
        k++;
        while (k < n && src.charCodeAt(k) <= 32) k++;
        const q = src.charCodeAt(k);
        if (q !== 34 && q !== 39) fail(`the value of ${src.slice(an, k - 1).trim()} must be in quotes`, k);
        const close = src.indexOf(q === 34 ? '"' : "'", k + 1);
        if (close < 0) fail('an attribute value is never closed', k);
        const ltIn = src.indexOf('<', k + 1);
        if (ltIn >= 0 && ltIn < close) fail('"<" is not allowed in an attribute value', ltIn);
        checkRefs(k + 1, close);
        k = close + 1;
        const after = src.charCodeAt(k);
        if (after > 32 && after !== 62 && after !== 47) fail(`expected a space, ">" or "/>" in <${name}`, k);
      }
      const selfClosing = src.charCodeAt(k) === 47;
      const attrEnd = k;
      i = k + (selfClosing ? 2 : 1);
      const colon = name.indexOf(':');
      const local = colon < 0 ? name : name.slice(colon + 1);
      let node: LNode | null = null;
      if (!root || keep.has(local)) {
        node = { local, ns: '', children: [], text: '', attrStart, attrEnd, start, end: i, src };
        if (!root) {
          root = node;
          const prefix = colon < 0 ? '' : name.slice(0, colon);
          node.ns = nsOf(src, attrStart, attrEnd, prefix ? `xmlns:${prefix}` : 'xmlns');
        } else targets[targets.length - 1]!.children.push(node);
      }
      if (!selfClosing) {
        if (names.length >= 512) fail('elements are nested more than 512 deep', start);
        names.push(name);
        kept.push(node);
        targets.push(node ?? targets[targets.length - 1]!);
        textStart = node && textOf.has(local) ? i : -1;
      }
    }
  }
  if (names.length) fail(`<${names[names.length - 1]}> is never closed`, n);
  if (!root) fail('there is no root element: this is not an XML document', 0);
  return root!;
}

function nsOf(src: string, start: number, end: number, name: string): string {
  let at = src.indexOf(name, start);
  while (at >= 0 && at < end) {
    let k = at + name.length;
    while (src.charCodeAt(k) <= 32) k++;
    const before = src.charCodeAt(at - 1);
    if (src.charCodeAt(k) === 61 && before <= 32) {
      k++;
      while (src.charCodeAt(k) <= 32) k++;
      const q = src[k]!;
      return src.slice(k + 1, src.indexOf(q, k + 1));
    }
    at = src.indexOf(name, at + 1);
  }
  return '';
}

/** Children of a kept node with this local name. */
export function kids(el: LNode, local?: string): LNode[] {
  return local === undefined ? el.children : el.children.filter((c) => c.local === local);
}

export function kid(el: LNode, local: string): LNode | undefined {
  for (const c of el.children) if (c.local === local) return c;
  return undefined;
}
