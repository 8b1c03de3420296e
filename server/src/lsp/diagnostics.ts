// Pull diagnostics (`textDocument/diagnostic`): every problem `diagnose()` finds (the same entry `emend check`
// uses), with the severities of the document's settings and project file, plus problems from other sources
// (the witness comparison registers one with addProblemSource).
import { DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { diagnose, type Analysis, type Problem } from '../core/index';
import type { Feature, ServerContext } from './context';
import { toDiagnostic } from './convert';
import { severitiesFor } from './settings';

/** More problems for a document, found outside the core's checks (e.g. by comparing with a witness). */
export type ProblemSource = (ctx: ServerContext, uri: string, analysis: Analysis) => Problem[] | Promise<Problem[]>;

const sources: ProblemSource[] = [];

export function addProblemSource(source: ProblemSource): void {
  sources.push(source);
}

/** The document's problems as the user sees them, or undefined for a document the server does not have open. */
export async function problemsFor(ctx: ServerContext, uri: string): Promise<{ analysis: Analysis; problems: Problem[] } | undefined> {
  const analysis = ctx.analysis(uri);
  if (!analysis) return undefined;
  const severities = await severitiesFor(ctx, uri);
  const extra: Problem[] = [];
  for (const s of sources) {
    try {
      extra.push(...(await s(ctx, uri, analysis)));
    } catch (e) {
      ctx.connection.console.error(`emend: a problem source failed for ${uri}: ${String(e)}`);
    }
  }
  return { analysis, problems: diagnose(analysis, severities, extra) };
}

export const diagnostics: Feature = {
  capabilities: { diagnosticProvider: { identifier: 'emend', interFileDependencies: false, workspaceDiagnostics: false } },
  register(ctx) {
    ctx.connection.languages.diagnostics.on(async (params) => {
      const found = await problemsFor(ctx, params.textDocument.uri);
      if (!found) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: found.problems.map((p) => toDiagnostic(found.analysis, p)) };
    });
  },
};
