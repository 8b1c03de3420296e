// Pull diagnostics: the core's problems as LSP diagnostics.
import { DocumentDiagnosticReportKind, type Diagnostic } from 'vscode-languageserver/node';
import type { Feature } from './context';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export const diagnostics: Feature = {
  capabilities: { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } },
  register(ctx) {
    ctx.connection.languages.diagnostics.on((params) => {
      const analysis = ctx.analysis(params.textDocument.uri);
      if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const items: Diagnostic[] = analysis.doc.problems.map((p) => ({
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
