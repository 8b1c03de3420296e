// The collation as `emend collate` prints it: the findings a transcriber acts on first (misplaced insertions, missed
// deletions, with their fixes), then the apparatus, one line per variant with both files' line numbers and readings,
// then the witness's suggestions at the transcription's gaps and unclear readings (no variants: uncertain.ts);
// or the JSON shape scripts read: {"agreement", "findings": [...], "variants": [{"kind", "transcription", "witness"}],
// "suggestions": [{"mark", "description", "transcription", "witness"}]}.
import type { Analysis } from '../analysis';
import { witnessFindings } from './checks';
import type { Collation } from './collation';
import { aPhrase, bLine, bPhrase } from './describe';
import { VARIANT_KINDS, type Variant, type VariantKind } from './variants';
import { suggestionMark, suggestionPlace, suggestionWords } from './suggestion-text';

export interface ApparatusEntry {
  kind: VariantKind;
  transcription: { line: number; text: string };
  witness: { line: number; text: string };
}

export interface ApparatusFinding {
  code: 'witness-misplaced-insertion' | 'witness-missed-deletion';
  /** One-based line and column (in UTF-16 units) of the finding in the transcription. */
  line: number;
  column: number;
  /** The transcription's source there (the mark, or the words). */
  text: string;
  message: string;
  /** The title of its preferred fix, or null when there is none. */
  fix: string | null;
}

/** What the witness reads at a gap or an unclear reading of the transcription: a suggestion, not a variant. */
export interface ApparatusSuggestion {
  mark: 'gap' | 'unclear';
  /** The mark as the hover says it: "Gap: about 3 words, illegible", "Unclear: word or ward". */
  description: string;
  /** The unclear reading's words, or `[…]` for a gap. */
  transcription: { line: number; text: string };
  witness: { line: number; text: string };
}

export interface Apparatus {
  agreement: number;
  findings: ApparatusFinding[];
  variants: ApparatusEntry[];
  /** Only where the witness has words opposite the mark. */
  suggestions: ApparatusSuggestion[];
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
    findings: witnessFindings(analysis, c).map(({ problem: p }) => {
      const at = analysis.lines.positionAt(p.start);
      const fix = p.fixes.find((f) => f.preferred) ?? p.fixes[0];
      return {
        code: p.code as ApparatusFinding['code'],
        line: at.line + 1,
        column: at.character + 1,
        text: analysis.source.slice(p.start, p.end),
        message: p.message,
        fix: fix ? fix.title : null,
      };
    }),
    variants: c.variants.map((v) => ({
      kind: v.kind,
      transcription: { line: aLine(analysis, c, v), text: aPhrase(c, v.aFrom, v.aTo, MAX_TEXT) },
      witness: { line: bLine(c, v.bFrom), text: bPhrase(c, v.bFrom, v.bTo, MAX_TEXT) },
    })),
    suggestions: c.suggestions
      .filter((s) => s.bTo > s.bFrom)
      .map((s) => ({
        mark: s.node.kind,
        description: suggestionMark(s),
        transcription: {
          line: analysis.lines.positionAt(s.node.start).line + 1,
          text: suggestionPlace(c, s, MAX_TEXT),
        },
        witness: { line: bLine(c, s.bFrom), text: suggestionWords(c, s, MAX_TEXT) },
      })),
  };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** How many variants of each kind, in the kinds' order: `41 substitutions, 11 omissions, …`. */
export function kindCounts(kinds: readonly VariantKind[]): string {
  const counts = new Map<VariantKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return VARIANT_KINDS.filter((k) => counts.has(k))
    .map((k) => (k === 'paratext' ? `${counts.get(k)!.toLocaleString('en')} paratext` : plural(counts.get(k)!, k)))
    .join(', ');
}

/**
 * The apparatus as text: a summary line; the findings, each with its place, message and fix; then
 * `LINE  reading ] LINE  witness reading  (kind)` per variant.
 */
export function apparatusText(app: Apparatus, transcriptionName: string, witnessName: string): string {
  const pct = (app.agreement * 100).toFixed(1);
  const kinds = kindCounts(app.variants.map((v) => v.kind));
  const out = [
    `${transcriptionName} ~ ${witnessName}: ${pct}% of the transcription's words agree; ` +
      `${plural(app.findings.length, 'finding')} to act on, ${plural(app.variants.length, 'variant')}${kinds ? ` (${kinds})` : ''}` +
      (app.suggestions.length ? `; ${plural(app.suggestions.length, 'suggestion')} at gaps and unclear words.` : '.'),
  ];
  if (app.findings.length > 0) {
    out.push('', 'Findings:');
    for (const f of app.findings) {
      out.push(`${transcriptionName}:${f.line}:${f.column}: ${f.code} ${f.message}`);
      if (f.fix) out.push(`  fix: ${f.fix}`);
    }
  }
  if (app.variants.length > 0) {
    if (app.findings.length > 0) out.push('', 'Variants:');
    const width = Math.max(1, ...app.variants.map((v) => String(v.transcription.line).length));
    const wWidth = Math.max(1, ...app.variants.map((v) => String(v.witness.line).length));
    for (const v of app.variants) {
      const ours = v.transcription.text || '(nothing)';
      const theirs = v.witness.text || '(nothing)';
      out.push(
        `${String(v.transcription.line).padStart(width)}  ${ours} ] ${String(v.witness.line).padStart(wWidth)}  ${theirs}  (${v.kind})`,
      );
    }
  }
  if (app.suggestions.length > 0) {
    // Not variants: what the witness reads where the transcription could not read for certain.
    out.push('', 'Suggestions (the witness at gaps and unclear words; not variants):');
    const width = Math.max(1, ...app.suggestions.map((s) => String(s.transcription.line).length));
    const wWidth = Math.max(1, ...app.suggestions.map((s) => String(s.witness.line).length));
    for (const s of app.suggestions)
      out.push(
        `${String(s.transcription.line).padStart(width)}  ${s.transcription.text} ] ${String(s.witness.line).padStart(wWidth)}  ${s.witness.text}  (${s.description})`,
      );
  }
  return out.join('\n') + '\n';
}
