// LSP glue: looks documents up and delegates to the pure core. No markup logic lives here.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, LineIndex } from './core/index';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
  },
}));

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const text = doc.getText();
  const parsed = parse(text);
  const lines = new LineIndex(text);
  return {
    kind: DocumentDiagnosticReportKind.Full,
    items: parsed.problems.map((p) => ({
      range: { start: lines.positionAt(p.start), end: lines.positionAt(p.end) },
      message: p.message,
      code: p.code,
      source: 'emend',
      severity: ({ error: 1, warning: 2, information: 3, hint: 4 } as const)[p.severity],
    })),
  };
});

documents.listen(connection);
connection.listen();
