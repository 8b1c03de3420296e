// Writing text and attribute values into XML so that the result is always well-formed.
import { isForbiddenXmlChar } from './xml';

export interface EscapeCounter {
  /** Characters XML cannot hold (C0 controls, U+FFFE/U+FFFF, lone surrogates), each written as U+FFFD. */
  replaced: number;
}

/** Escapes `&`, `<`, `>` (and `"` in attributes) and replaces characters XML 1.0 cannot hold at all. */
export function escapeXml(text: string, counter: EscapeCounter, attribute = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (attribute && c === 34) rep = '&quot;';
    else if (attribute && (c === 10 || c === 13 || c === 9)) rep = `&#${c};`;
    else if (c === 13) rep = '&#13;';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\ufffd';
      counter.replaced++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      rep = '\ufffd';
      counter.replaced++;
    } else if (isForbiddenXmlChar(c)) {
      rep = '\ufffd';
      counter.replaced++;
    }
    if (rep !== null) {
      out += text.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
