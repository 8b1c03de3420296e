// Helpers for the collation tests: collate a transcription source with a witness text, and read variants back.
import { Analysis, Collator, witnessFromText, type Collation, type TextEdit } from '../../server/src/core/index';

export function collateTexts(
  source: string,
  witness: string,
  name = 'witness.txt',
): { analysis: Analysis; c: Collation } {
  const loaded = witnessFromText(name, witness);
  if ('error' in loaded) throw new Error(loaded.error);
  const analysis = new Analysis(source);
  return { analysis, c: new Collator(loaded.witness).collate(analysis) };
}

/** Variants as `kind: transcription words | witness words`, the way a reader checks them. */
export function variantList(c: Collation): string[] {
  const a = c.a.words.texts,
    b = c.b.words.texts;
  return c.variants.map(
    (v) => `${v.kind}: ${a.slice(v.aFrom, v.aTo).join(' ')} | ${b.slice(v.bFrom, v.bTo).join(' ')}`,
  );
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => y.start - x.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
