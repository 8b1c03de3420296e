// The review of a collation, as the Witness Findings list walks it: the findings to act on (misplaced insertions,
// missed deletions) and every variant no finding explains, in the document's order, each with its group, its level
// under the user's settings (`off`: hidden in the editor, still listed), a short label, its message, the witness's
// line and its fixes. The client groups and shows them; the core says what each one is.
import type { Analysis } from '../analysis';
import { severityOf, type Severities } from '../diagnose';
import type { Fix, Severity } from '../model';
import { explainedBy, witnessFindings } from './checks';
import type { Collation } from './collation';
import { aPhrase, bLine, bPhrase, quote } from './describe';
import { VARIANT_CODES, variantMessage, variantSpan } from './variant-problems';
import type { VariantKind } from './variants';

export type ReviewGroup = 'finding' | VariantKind;

/** The groups in the order the list shows them: what to act on first, what the editor hides last. */
export const REVIEW_GROUPS: readonly ReviewGroup[] = [
  'finding',
  'substitution',
  'omission',
  'addition',
  'repetition',
  'transposition',
  'misreading',
  'paratext',
];

export interface ReviewItem {
  code: string;
  group: ReviewGroup;
  /** The level the editor shows it at, or `off` (not in the editor; listed here all the same). */
  level: Severity | 'off';
  /** Source span in the transcription. */
  start: number;
  end: number;
  /** One line for the list: the fix for a finding, `ours ] theirs` for a variant. */
  label: string;
  message: string;
  /** One-based line in the witness file. */
  witnessLine: number;
  fixes: Fix[];
}

/** What a variant reads as in a list: `deal ] cope`, `the reality of ] —`, `— ] his`. */
function variantLabel(c: Collation, aFrom: number, aTo: number, bFrom: number, bTo: number): string {
  const ours = aPhrase(c, aFrom, aTo, 40) || '—';
  const theirs = bPhrase(c, bFrom, bTo, 40) || '—';
  return `${ours} ] ${theirs}`;
}

/** Every finding and every variant no finding explains, in the transcription's order. */
export function reviewItems(analysis: Analysis, c: Collation, severities: Severities = {}): ReviewItem[] {
  const findings = witnessFindings(analysis, c);
  const items: ReviewItem[] = findings.map(({ problem: p, b }) => {
    const fix = p.fixes.find((f) => f.preferred) ?? p.fixes[0];
    return {
      code: p.code,
      group: 'finding',
      level: severityOf(p.code, severities) ?? p.severity,
      start: p.start,
      end: p.end,
      label: fix ? fix.title : quote(analysis.source.slice(p.start, p.end)),
      message: p.message,
      witnessLine: bLine(c, b[0]),
      fixes: p.fixes,
    };
  });
  for (const v of c.variants) {
    if (explainedBy(v, findings)) continue;
    const code = VARIANT_CODES[v.kind];
    const [start, end] = variantSpan(analysis, c, v);
    items.push({
      code,
      group: v.kind,
      level: severityOf(code, severities) ?? 'information',
      start,
      end,
      label: variantLabel(c, v.aFrom, v.aTo, v.bFrom, v.bTo),
      message: variantMessage(c, v),
      witnessLine: bLine(c, v.bFrom),
      fixes: [],
    });
  }
  items.sort((x, y) => x.start - y.start || x.end - y.end);
  return items;
}
