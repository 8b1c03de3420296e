// The collation's problems for the editor and `emend check`: first the findings a transcriber acts on (insertion
// checks, insertion-checks.ts), then one problem per variant with a code per kind (variant-problems.ts), leaving out
// the variants a finding already explains and the kinds the user's levels turn off.
import type { Analysis } from '../analysis';
import { severityOf, type Severities } from '../diagnose';
import type { HeaderField, Problem } from '../model';
import { problem } from '../problem';
import type { Collation } from './collation';
import { misplacedInsertions, missedDeletions, type Finding } from './insertion-checks';
import { VARIANT_CODES, variantProblem, variantSpan } from './variant-problems';
import type { Variant } from './variants';

/** The one problem of a witness that cannot be compared, on the header's `witness:` line. */
export function witnessUnavailable(field: HeaderField, reason: string): Problem {
  return problem('witness-unavailable', field.line.start, field.line.end, reason);
}

/**
 * Most variant problems reported for one document: a long transcription against a poor witness can have tens of
 * thousands, more than an editor's Problems panel can usefully hold. The rest are summed up in one more.
 */
export const MAX_VARIANT_PROBLEMS = 2000;

/** The findings on insertions (misplaced insertions, missed deletions), in the document's order. */
export function witnessFindings(analysis: Analysis, c: Collation): Finding[] {
  const out: Finding[] = [];
  misplacedInsertions(analysis, c, out);
  missedDeletions(analysis, c, out);
  out.sort((x, y) => x.problem.start - y.problem.start);
  return out;
}

/** Whether a finding accounts for the variant: its words on one side lie within the finding's words there. */
export function explainedBy(v: Variant, findings: readonly Finding[]): boolean {
  for (const f of findings) {
    if (
      v.aTo > v.aFrom &&
      v.aFrom >= f.a[0] &&
      v.aTo <= f.a[1] &&
      (v.kind === 'omission' || v.kind === 'transposition')
    )
      return true;
    if (
      v.bTo > v.bFrom &&
      v.bFrom >= f.b[0] &&
      v.bTo <= f.b[1] &&
      (v.kind === 'addition' || v.kind === 'transposition')
    )
      return true;
  }
  return false;
}

export interface WitnessProblemOptions {
  /** The user's levels: kinds that are off are not made at all (and do not count towards the limit). */
  severities?: Severities;
}

export function witnessProblems(analysis: Analysis, c: Collation, options: WitnessProblemOptions = {}): Problem[] {
  const findings = witnessFindings(analysis, c);
  const out: Problem[] = findings.map((f) => f.problem);
  const shown = (v: Variant) =>
    severityOf(VARIANT_CODES[v.kind], options.severities) !== 'off' && !explainedBy(v, findings);
  let listed = 0,
    more = 0,
    firstUnlisted: Variant | undefined;
  for (const v of c.variants) {
    if (!shown(v)) continue;
    if (listed < MAX_VARIANT_PROBLEMS) {
      out.push(variantProblem(analysis, c, v));
      listed++;
    } else {
      firstUnlisted ??= v;
      more++;
    }
  }
  if (more > 0) {
    const field = analysis.doc.header?.fields.find((f) => f.key === 'witness');
    const [start, end] = field ? [field.line.start, field.line.end] : variantSpan(analysis, c, firstUnlisted!);
    out.push(
      problem(
        'witness-too-many-variants',
        start,
        end,
        `${more.toLocaleString('en')} more variant${more === 1 ? '' : 's'} after the first ${listed.toLocaleString('en')} are not listed; ` +
          'the collation view and the command emend collate show them all.',
      ),
    );
  }
  return out;
}
