// Diagnostics: every problem `diagnose()` finds (the same entry `emend check` uses), with the severities of the
// document's settings and project file, plus the witness comparison's problems. Pulled (`textDocument/diagnostic`)
// by clients that announce it; a client that does not (such as Neovim 0.7–0.9) gets the same diagnostics pushed
// (`textDocument/publishDiagnostics`) shortly after each change, and cleared on close. `refresh()` (settings or a
// witness changed) asks pulling clients to pull again and re-pushes to the others.
import {
  DocumentDiagnosticReportKind,
  type ClientCapabilities,
  type Connection,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnose, type Analysis, type Problem } from '../core/index';
import type { Feature } from './context';
import { toDiagnostic } from './convert';
import type { Settings } from './settings';
import type { Typing } from './typing';
import type { Witnesses } from './witness';

/** How long a pushing server waits after a change before diagnosing (typing bursts diagnose once). */
export const PUSH_DELAY_MS = 150;

export class Diagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analysis: (uri: string) => Analysis | undefined,
    private readonly capabilities: () => ClientCapabilities,
    private readonly documentation: () => string | null,
    private readonly settings: Settings,
    private readonly witnesses: Witnesses,
    private readonly typing: Typing,
  ) {}

  /** The document's problems as the user sees them, or undefined for a document the server does not have open. */
  async problems(uri: string): Promise<{ analysis: Analysis; problems: Problem[] } | undefined> {
    const analysis = this.analysis(uri);
    if (!analysis) return undefined;
    const severities = await this.settings.severities(uri);
    // The levels go to the witness too: kinds turned off are not made at all (a poor witness has thousands).
    const extra = await this.witnesses.problems(uri, analysis, severities).catch((e: unknown) => {
      this.connection.console.error(`emend: comparing ${uri} with its witness failed: ${String(e)}`);
      return [];
    });
    // Less the problems of the mark being typed at a cursor, until the transcriber pauses or leaves it.
    return { analysis, problems: this.typing.report(uri, analysis, diagnose(analysis, severities, extra)) };
  }

  /** Whether the client pulls diagnostics (otherwise they are pushed). */
  get pulled(): boolean {
    return this.capabilities().textDocument?.diagnostic !== undefined;
  }

  /** Diagnostics may have changed for every document: pulling clients pull again, the others get them pushed. */
  refresh(): void {
    if (this.pulled) {
      if (this.capabilities().workspace?.diagnostics?.refreshSupport)
        void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const doc of this.documents.all()) this.push(doc.uri, 0);
    }
  }

  /** Pushes the document's diagnostics after `delay` ms, unless it changes again first. */
  push(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const version = this.documents.get(uri)?.version;
        void this.problems(uri)
          .then((found) => {
            // Only the newest version's problems are sent; a later change schedules its own push.
            if (!found || this.documents.get(uri)?.version !== version) return;
            return this.connection.sendDiagnostics({
              uri,
              version,
              diagnostics: found.problems.map((p) => toDiagnostic(found.analysis, p, this.documentation())),
            });
          })
          .catch((e: unknown) => this.connection.console.error(`emend: diagnosing ${uri} failed: ${String(e)}`));
      }, delay),
    );
  }

  /** The document closed: nothing more is pushed for it, and what was pushed is cleared. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (!this.pulled) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

export const diagnostics: Feature = {
  capabilities: {
    diagnosticProvider: { identifier: 'emend', interFileDependencies: false, workspaceDiagnostics: false },
  },
  register(ctx) {
    ctx.connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument?.uri;
      const found = typeof uri === 'string' ? await ctx.diagnostics.problems(uri) : undefined;
      return {
        kind: DocumentDiagnosticReportKind.Full,
        items: found ? found.problems.map((p) => toDiagnostic(found.analysis, p, ctx.documentation())) : [],
      };
    });
    ctx.documents.onDidChangeContent((e) => {
      if (!ctx.diagnostics.pulled) ctx.diagnostics.push(e.document.uri, PUSH_DELAY_MS);
    });
    ctx.documents.onDidClose((e) => ctx.diagnostics.closed(e.document.uri));
  },
};
