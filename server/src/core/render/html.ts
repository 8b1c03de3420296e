// Escaping for HTML: every string that comes from a document goes through here before it reaches markup.
// One function serves text and attribute values (double- or single-quoted), so no caller has to choose.

const AMP = 38,
  LT = 60,
  GT = 62,
  QUOT = 34,
  APOS = 39,
  NUL = 0;

/** Escapes `& < > " '` (and replaces NUL, which HTML parsers drop or mangle). Linear, no regular expressions. */
export function escapeHtml(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    let rep: string;
    switch (text.charCodeAt(i)) {
      case AMP:
        rep = '&amp;';
        break;
      case LT:
        rep = '&lt;';
        break;
      case GT:
        rep = '&gt;';
        break;
      case QUOT:
        rep = '&quot;';
        break;
      case APOS:
        rep = '&#39;';
        break;
      case NUL:
        rep = '\uFFFD';
        break;
      default:
        continue;
    }
    out += text.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** ` name="value"` with the value escaped, or '' when the value is undefined. */
export function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}
