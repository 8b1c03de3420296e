// An edit that sets one `key: value` line of the header block: replacing the value there, adding the line (after
// another key's line when asked, else before the closing `---`), or creating a header block when the document has
// none. Nothing else in the document is touched. Used for `witness:` (Compare with Witness…) and `layout:` (a box
// drawn on the facsimile when no layout file was named).
import type { Analysis } from './analysis';
import { headerValue } from './header';
import type { TextEdit } from './model';

export function headerLineEdit(
  analysis: Analysis,
  key: string,
  value: string,
  after?: string,
): { edits: TextEdit[] } | { error: string } {
  const v = value.trim();
  if (!v) return { error: `The ${key} is empty.` };
  if (/[\r\n]/.test(v)) return { error: `A header line cannot hold a line break (${key}).` };
  const src = analysis.source;
  const eol = src.includes('\r\n') ? '\r\n' : '\n';
  const header = analysis.doc.header;
  const field = headerValue(header, key);
  if (field) {
    if (field.value === v) return { edits: [] };
    return { edits: [{ start: field.valueSpan.start, end: field.valueSpan.end, newText: v }] };
  }
  if (header) {
    const before = after === undefined ? undefined : headerValue(header, after);
    if (before) return { edits: [{ start: before.line.end, end: before.line.end, newText: `${eol}${key}: ${v}` }] };
    // Before the closing `---` line.
    const fenceStart = src.lastIndexOf('\n', header.end - 1) + 1;
    return { edits: [{ start: fenceStart, end: fenceStart, newText: `${key}: ${v}${eol}` }] };
  }
  const at = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { edits: [{ start: at, end: at, newText: `---${eol}${key}: ${v}${eol}---${eol}` }] };
}
