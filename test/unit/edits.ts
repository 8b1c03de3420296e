// Applies a fix's edits to a source string (edits do not overlap; applied from the end so offsets hold).
import type { TextEdit } from '../../server/src/core/index';

export function applyEdits(source: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
