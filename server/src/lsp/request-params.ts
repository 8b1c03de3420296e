// Checking the parameters of the editor's custom requests: a malformed request or an unknown document gets a
// clear error response (InvalidParams), never an exception inside the server.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Analysis, Position } from '../core/index';
import type { ServerContext } from './context';

export function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The analysis of `params.uri`, or an error response saying what is wrong with the request. */
export function analysisFor(ctx: ServerContext, params: unknown): Analysis | ResponseError<void> {
  if (!isRecord(params) || typeof params['uri'] !== 'string') return invalid('Expected params with a string `uri`.');
  const analysis = ctx.analysis(params['uri']);
  if (!analysis) return invalid(`The document ${params['uri']} is not open in the Emend server.`);
  return analysis;
}

/** Like `analysisFor`, but the analysis's readings are made with the document's reading settings (`emend.readings.*`
 *  and `.emend.json`): for every request that shows or maps a reading. */
export async function readingAnalysisFor(ctx: ServerContext, params: unknown): Promise<Analysis | ResponseError<void>> {
  const analysis = analysisFor(ctx, params);
  if (!('doc' in analysis)) return analysis;
  return analysis.withOptions(await ctx.settings.readings((params as { uri: string }).uri));
}

export function isPosition(v: unknown): v is Position {
  return isRecord(v) && Number.isInteger(v['line']) && Number.isInteger(v['character']);
}

export function isRange(v: unknown): v is { start: Position; end: Position } {
  return isRecord(v) && isPosition(v['start']) && isPosition(v['end']);
}

export function field(params: unknown, name: string): unknown {
  return isRecord(params) ? params[name] : undefined;
}

/** A "next / previous" request's offset and direction (`position`, `direction`), or the InvalidParams error. */
export function stepParams(
  analysis: Analysis,
  params: unknown,
): { offset: number; direction: 'next' | 'previous' } | ResponseError<void> {
  const position = field(params, 'position');
  const direction = field(params, 'direction');
  if (!isPosition(position)) return invalid('Expected `position` with integer `line` and `character`.');
  if (direction !== 'next' && direction !== 'previous')
    return invalid('Expected `direction` to be `next` or `previous`.');
  return { offset: analysis.lines.offsetAt(position), direction };
}
