// All the problems of a document, as the editor and `emend check` show them: the parser's problems plus the
// checks on what the marks mean and on the readings, with the user's severities applied ('off' removes a code).
import type { Analysis } from './analysis';
import type { Problem, Severity } from './model';
import { runChecks } from './checks/index';
import { CODES, groupOf, isProblemCode } from './codes';

/** Severity per problem code; codes not named keep their default. */
export type Severities = Record<string, Severity | 'off'>;

/** The level a code is shown at: its own setting, else its group's (`witness-variant`), else its default. */
export function severityOf(code: string, severities: Severities = {}): Severity | 'off' | undefined {
  const own = severities[code];
  if (own) return own;
  const group = groupOf(code);
  if (group && severities[group]) return severities[group];
  return isProblemCode(code) ? CODES[code].severity : undefined;
}

export function applySeverities(problems: Problem[], severities: Severities = {}): Problem[] {
  const out: Problem[] = [];
  for (const p of problems) {
    const s = severityOf(p.code, severities) ?? p.severity;
    if (s === 'off') continue;
    out.push(s !== p.severity ? { ...p, severity: s } : p);
  }
  return out;
}

/** Every problem of the document (syntax, meaning, readings) plus `extra` (e.g. witness problems), sorted by place. */
export function diagnose(analysis: Analysis, severities: Severities = {}, extra: Problem[] = []): Problem[] {
  const all = [...analysis.doc.problems, ...runChecks(analysis), ...extra];
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  return applySeverities(all, severities);
}
