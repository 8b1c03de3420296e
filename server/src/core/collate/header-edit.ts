// The edit behind `Emend: Compare with Witness…`: writes the header's `witness:` line, replacing the one there,
// adding one to the header, or creating a header block when the document has none. Nothing else is touched.
import type { Analysis } from '../analysis';
import { headerLineEdit } from '../header-line-edit';
import type { TextEdit } from '../model';

/** The edit that makes the header name `path` as the witness, or an error for a path a header line cannot hold. */
export function witnessHeaderEdit(analysis: Analysis, path: string): { edits: TextEdit[] } | { error: string } {
  if (!path.trim()) return { error: 'The witness path is empty.' };
  if (/[\r\n]/.test(path.trim())) return { error: 'A witness path cannot contain a line break.' };
  return headerLineEdit(analysis, 'witness', path);
}
