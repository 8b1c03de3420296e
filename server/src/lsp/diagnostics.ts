// Pull diagnostics: the core's problems as LSP diagnostics, plus problems from other sources
// (the witness comparison registers one with addProblemSource).
import { DocumentDiagnosticReportKind, type Diagnostic } from 'vscode-languageserver/node';
import { diagnose, type Analysis, type Problem } from '../core/index';
import type { Feature, ServerContext } from './context';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** More problems for a document, found outside the core's checks (e.g. by comparing with a witness). */
export type ProblemSource = (ctx: ServerContext, uri: string, analysis: Analysis) => Problem[] | Promise<Problem[]>;

const sources: ProblemSource[] = [];

export function addProblemSource(source: ProblemSource): void {
  sources.push(source);
}

export const diagnostics: Feature = {
  capabilities: { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } },
  register(ctx) {
    ctx.connection.languages.diagnostics.on(async (params) => {
      const uri = params.textDocument.uri;
      const analysis = ctx.analysis(uri);
      if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const extra: Problem[] = [];
      for (const s of sources) {
        try {
          extra.push(...(await s(ctx, uri, analysis)));
        } catch (e) {
          ctx.connection.console.error(`emend: a problem source failed for ${uri}: ${String(e)}`);
        }
      }
      const items: Diagnostic[] = diagnose(analysis, {}, extra).map((p) => ({
        range: { start: analysis.lines.positionAt(p.start), end: analysis.lines.positionAt(p.end) },
        message: p.message,
        code: p.code,
        source: 'emend',
        severity: SEVERITY[p.severity],
      }));
      return { kind: DocumentDiagnosticReportKind.Full, items };
    });
  },
};
