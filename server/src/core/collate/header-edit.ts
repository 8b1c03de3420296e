// The edit behind `Emend: Compare with Witness…`: writes the header's `witness:` line, replacing the one there,
// adding one to the header, or creating a header block when the document has none. Nothing else is touched.
import type { Analysis } from '../analysis';
import { headerValue } from '../header';
import type { TextEdit } from '../model';

/** The edit that makes the header name `path` as the witness, or an error for a path a header line cannot hold. */
export function witnessHeaderEdit(analysis: Analysis, path: string): { edits: TextEdit[] } | { error: string } {
  const value = path.trim();
  if (!value) return { error: 'The witness path is empty.' };
  if (/[\r\n]/.test(value)) return { error: 'A witness path cannot contain a line break.' };
  const src = analysis.source;
  const eol = src.includes('\r\n') ? '\r\n' : '\n';
  const header = analysis.doc.header;
  const field = headerValue(header, 'witness');
  if (field) {
    if (field.value === value) return { edits: [] };
    return { edits: [{ start: field.valueSpan.start, end: field.valueSpan.end, newText: value }] };
  }
  if (header) {
    // Before the closing `---` line.
    const fenceStart = src.lastIndexOf('\n', header.end - 1) + 1;
    return { edits: [{ start: fenceStart, end: fenceStart, newText: `witness: ${value}${eol}` }] };
  }
  const at = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { edits: [{ start: at, end: at, newText: `---${eol}witness: ${value}${eol}---${eol}` }] };
}
