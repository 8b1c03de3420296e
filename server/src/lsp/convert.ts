// Conversions between the core's offsets and problems and LSP's positions and diagnostics.
import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { Analysis, Problem } from '../core/index';

export const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export function rangeOf(analysis: Analysis, start: number, end: number): Range {
  return { start: analysis.lines.positionAt(start), end: analysis.lines.positionAt(end) };
}

/**
 * The problem as an LSP diagnostic. With `documentation` (the URI of the folder holding diagnostics.md), its code
 * links to the code's entry there (every entry has an anchor named after its code; a unit test checks them).
 */
export function toDiagnostic(analysis: Analysis, p: Problem, documentation: string | null): Diagnostic {
  return {
    range: rangeOf(analysis, p.start, p.end),
    message: p.message,
    code: p.code,
    ...(documentation ? { codeDescription: { href: diagnosticHref(documentation, p.code) } } : {}),
    source: 'emend',
    severity: SEVERITY[p.severity],
  };
}

/** Where a problem code is documented. */
export function diagnosticHref(documentation: string, code: string): string {
  return `${documentation.replace(/\/+$/, '')}/${DIAGNOSTICS_DOC}#${code}`;
}

export const DIAGNOSTICS_DOC = 'diagnostics.md';

/**
 * The offset of an LSP position, or null when the position is not in the document (a line past the last one,
 * negative numbers, a character past the end of its line, or not a position at all).
 */
export function offsetOf(analysis: Analysis, position: Position | undefined): number | null {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return null;
  const lines = analysis.lines;
  if (position.line < 0 || position.character < 0 || position.line >= lines.lineCount) return null;
  const start = lines.lineStart(position.line);
  const next = position.line + 1 < lines.lineCount ? lines.lineStart(position.line + 1) - 1 : analysis.source.length;
  // A `\r` before the line break belongs to the break, not to the line.
  const end =
    next > start && analysis.source.charCodeAt(next - 1) === 13 && next < analysis.source.length ? next - 1 : next;
  if (start + position.character > end) return null;
  return start + position.character;
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
