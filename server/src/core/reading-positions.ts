// Positions between a transcription and one of its readings, through the reading's source map: where a place in the
// transcription stands in the reading (to open a reading at the cursor), and where a place in a reading comes from
// (to go from a reading, or the draft/final diff, back to the transcription).
import type { Analysis } from './analysis';
import { LineIndex, type Position } from './lines';
import type { Reading, ReadingKind } from './readings';

const lineIndexes = new WeakMap<Reading, LineIndex>();

function readingLines(r: Reading): LineIndex {
  let idx = lineIndexes.get(r);
  if (!idx) {
    idx = new LineIndex(r.text);
    lineIndexes.set(r, idx);
  }
  return idx;
}

/** The position in the transcription of a position in its `kind` reading (clamped to the reading). */
export function sourcePosition(analysis: Analysis, kind: ReadingKind, position: Position): Position {
  const r = analysis.reading(kind);
  const offset = readingLines(r).offsetAt(position);
  return analysis.lines.positionAt(r.map.toSource(offset));
}

/**
 * The position in the `kind` reading of a position in the transcription. Text the reading leaves out (a deletion in
 * the final reading, say) maps to where it would have stood.
 */
export function readingPosition(analysis: Analysis, kind: ReadingKind, position: Position): Position {
  const r = analysis.reading(kind);
  const offset = analysis.lines.offsetAt(position);
  return readingLines(r).positionAt(r.map.toReading(offset));
}
