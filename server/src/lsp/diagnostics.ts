// Pull diagnostics (`textDocument/diagnostic`): every problem `diagnose()` finds (the same entry `emend check`
// uses), with the severities of the document's settings and project file, plus problems from other sources
// (the witness comparison registers one with addProblemSource).
// A client that does not announce pull diagnostics (`textDocument.diagnostic`), such as Neovim 0.7–0.9, gets the
// same diagnostics pushed (`textDocument/publishDiagnostics`) shortly after each change, and cleared on close.
import { DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { diagnose, type Analysis, type Problem } from '../core/index';
import type { Feature, ServerContext } from './context';
import { toDiagnostic } from './convert';
import { onDiagnosticsRefresh, severitiesFor } from './settings';

/** How long a pushing server waits after a change before diagnosing (typing bursts diagnose once). */
export const PUSH_DELAY_MS = 150;

/** More problems for a document, found outside the core's checks (e.g. by comparing with a witness). */
export type ProblemSource = (ctx: ServerContext, uri: string, analysis: Analysis) => Problem[] | Promise<Problem[]>;

const sources: ProblemSource[] = [];

export function addProblemSource(source: ProblemSource): void {
  sources.push(source);
}

/** The document's problems as the user sees them, or undefined for a document the server does not have open. */
export async function problemsFor(
  ctx: ServerContext,
  uri: string,
): Promise<{ analysis: Analysis; problems: Problem[] } | undefined> {
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
  capabilities: {
    diagnosticProvider: { identifier: 'emend', interFileDependencies: false, workspaceDiagnostics: false },
  },
  register(ctx) {
    ctx.connection.languages.diagnostics.on(async (params) => {
      const uri = params?.textDocument?.uri;
      const found = typeof uri === 'string' ? await problemsFor(ctx, uri) : undefined;
      if (!found) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return {
        kind: DocumentDiagnosticReportKind.Full,
        items: found.problems.map((p) => toDiagnostic(found.analysis, p)),
      };
    });
    const timers = new Map<string, NodeJS.Timeout>();
    const pulls = () => ctx.clientCapabilities().textDocument?.diagnostic !== undefined;
    const push = (uri: string, delay: number) => {
      clearTimeout(timers.get(uri));
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          const version = ctx.documents.get(uri)?.version;
          void problemsFor(ctx, uri)
            .then((found) => {
              // Only the newest version's problems are sent; a later change schedules its own push.
              if (!found || ctx.documents.get(uri)?.version !== version) return;
              return ctx.connection.sendDiagnostics({
                uri,
                version,
                diagnostics: found.problems.map((p) => toDiagnostic(found.analysis, p)),
              });
            })
            .catch((e: unknown) => ctx.connection.console.error(`emend: diagnosing ${uri} failed: ${String(e)}`));
        }, delay),
      );
    };
    ctx.documents.onDidChangeContent((e) => {
      if (!pulls()) push(e.document.uri, PUSH_DELAY_MS);
    });
    ctx.documents.onDidClose((e) => {
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      if (!pulls()) void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    onDiagnosticsRefresh(() => {
      if (!pulls()) for (const doc of ctx.documents.all()) push(doc.uri, 0);
    });
  },
};
