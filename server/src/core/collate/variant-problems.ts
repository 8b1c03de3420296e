// One problem per variant, with a code per kind (`witness-substitution`, `witness-misreading`, …) so that each kind
// can be shown, hidden or raised on its own; the message names the witness's reading and its line.
import type { Analysis } from '../analysis';
import type { ProblemCode } from '../codes';
import type { Problem } from '../model';
import { problem } from '../problem';
import type { Collation } from './collation';
import { aPhrase, bContext, bLine, bPhrase, quote } from './describe';
import type { Variant, VariantKind } from './variants';

/** The problem code of each kind of variant. */
export const VARIANT_CODES = {
  misreading: 'witness-misreading',
  substitution: 'witness-substitution',
  omission: 'witness-omission',
  addition: 'witness-addition',
  repetition: 'witness-repetition',
  transposition: 'witness-transposition',
  paratext: 'witness-paratext',
} as const satisfies Record<VariantKind, ProblemCode>;

/** The source span a variant is reported on: its words, or for an addition the word before it (or after it). */
export function variantSpan(analysis: Analysis, c: Collation, v: Variant): [number, number] {
  const a = c.a;
  if (v.aTo > v.aFrom) return [a.srcStarts[v.aFrom]!, a.srcEnds[v.aTo - 1]!];
  if (v.aFrom > 0) return [a.srcStarts[v.aFrom - 1]!, a.srcEnds[v.aFrom - 1]!];
  if (a.words.length > 0) return [a.srcStarts[0]!, a.srcEnds[0]!];
  const body = analysis.doc.bodyStart;
  return [body, body];
}

export function variantMessage(c: Collation, v: Variant): string {
  const ours = quote(aPhrase(c, v.aFrom, v.aTo));
  const theirs = quote(bPhrase(c, v.bFrom, v.bTo));
  const line = `line ${bLine(c, v.bFrom)}`;
  const before = v.aFrom > 0 ? ` after ${quote(aPhrase(c, v.aFrom - 1, v.aFrom))}` : ' at the start';
  switch (v.kind) {
    case 'misreading':
      return `The witness reads ${theirs} (${line}): probably ${ours} misread.`;
    case 'substitution':
      return `The witness reads ${theirs} (${line}) for ${ours}.`;
    case 'omission':
      return `The witness lacks ${ours} (${line}: ${bContext(c, v.bFrom, v.bTo, 3)}).`;
    case 'addition':
      return `The witness adds ${theirs}${before} (${line}).`;
    case 'repetition':
      return `The witness repeats ${theirs}${before} (${line}).`;
    case 'transposition':
      return `The witness has ${ours} at another place (${line}: ${bContext(c, v.bFrom, v.bTo, 3)}).`;
    case 'paratext':
      return `The witness has the running head or page number ${theirs}${before} (${line}), set apart from the text.`;
  }
}

export function variantProblem(analysis: Analysis, c: Collation, v: Variant): Problem {
  const [start, end] = variantSpan(analysis, c, v);
  return problem(VARIANT_CODES[v.kind], start, end, variantMessage(c, v));
}
