// The collation as an apparatus for `emend collate`: one line per variant with both files' line numbers and
// readings, or the JSON shape scripts read: {"agreement", "variants": [{"kind", "transcription", "witness"}]}.
import type { Analysis } from '../analysis';
import type { Collation } from './collation';
import { aPhrase, bLine, bPhrase } from './describe';
import type { Variant, VariantKind } from './variants';

export interface ApparatusEntry {
  kind: VariantKind;
  transcription: { line: number; text: string };
  witness: { line: number; text: string };
}

export interface Apparatus {
  agreement: number;
  variants: ApparatusEntry[];
}

/** One-based line in the transcription's file of a variant's words (or of the word before an addition). */
function aLine(analysis: Analysis, c: Collation, v: Variant): number {
  const n = c.a.words.length;
  let offset: number;
  if (v.aTo > v.aFrom) offset = c.a.srcStarts[v.aFrom]!;
  else if (v.aFrom > 0) offset = c.a.srcEnds[v.aFrom - 1]!;
  else offset = n > 0 ? c.a.srcStarts[0]! : analysis.doc.bodyStart;
  return analysis.lines.positionAt(offset).line + 1;
}

/** Longest reading printed per side; longer ones are shortened in the middle. */
const MAX_TEXT = 200;

export function apparatus(analysis: Analysis, c: Collation): Apparatus {
  return {
    agreement: c.agreement,
    variants: c.variants.map((v) => ({
      kind: v.kind,
      transcription: { line: aLine(analysis, c, v), text: aPhrase(c, v.aFrom, v.aTo, MAX_TEXT) },
      witness: { line: bLine(c, v.bFrom), text: bPhrase(c, v.bFrom, v.bTo, MAX_TEXT) },
    })),
  };
}

/** The apparatus as text: a summary line, then `LINE  reading ] LINE  witness reading  (kind)` per variant. */
export function apparatusText(app: Apparatus, transcriptionName: string, witnessName: string): string {
  const pct = (app.agreement * 100).toFixed(1);
  const out = [
    `${transcriptionName} ~ ${witnessName}: ${pct}% of the transcription's words agree; ${app.variants.length} variant${app.variants.length === 1 ? '' : 's'}.`,
  ];
  const width = Math.max(1, ...app.variants.map((v) => String(v.transcription.line).length));
  const wWidth = Math.max(1, ...app.variants.map((v) => String(v.witness.line).length));
  for (const v of app.variants) {
    const ours = v.transcription.text || '(nothing)';
    const theirs = v.witness.text || '(nothing)';
    out.push(
      `${String(v.transcription.line).padStart(width)}  ${ours} ] ${String(v.witness.line).padStart(wWidth)}  ${theirs}  (${v.kind})`,
    );
  }
  return out.join('\n') + '\n';
}
