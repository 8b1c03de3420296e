import { CODES, type ProblemCode } from './codes';
import type { Fix, Problem } from './model';

/** A problem with the code's default severity. Severity overrides are applied later, by configuration. */
export function problem(code: ProblemCode, start: number, end: number, message: string, fixes: Fix[] = []): Problem {
  return { code, severity: CODES[code].severity, message, start, end, fixes };
}
