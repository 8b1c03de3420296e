// All the problems of a document, as the editor and `emend check` show them: the parser's problems plus the
// checks on what the marks mean and on the readings, with the user's severities applied ('off' removes a code).
import type { Analysis } from './analysis';
import type { Problem, Severity } from './model';
import { runChecks } from './checks/index';

/** Severity per problem code; codes not named keep their default. */
export type Severities = Record<string, Severity | 'off'>;

export function applySeverities(problems: Problem[], severities: Severities = {}): Problem[] {
  const out: Problem[] = [];
  for (const p of problems) {
    const s = severities[p.code];
    if (s === 'off') continue;
    out.push(s ? { ...p, severity: s } : p);
  }
  return out;
}

/** Every problem of the document (syntax, meaning, readings) plus `extra` (e.g. witness problems), sorted by place. */
export function diagnose(analysis: Analysis, severities: Severities = {}, extra: Problem[] = []): Problem[] {
  const all = [...analysis.doc.problems, ...runChecks(analysis), ...extra];
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  return applySeverities(all, severities);
}
