import { CODES, type ProblemCode } from './codes';
import type { Fix, Problem } from './model';

/**
 * A problem with the code's default severity. Severity overrides are applied later, by configuration; a code that is
 * off by default is made as `information`, the level it shows at when a setting turns it on without one.
 */
export function problem(code: ProblemCode, start: number, end: number, message: string, fixes: Fix[] = []): Problem {
  const s = CODES[code].severity;
  return { code, severity: s === 'off' ? 'information' : s, message, start, end, fixes };
}
