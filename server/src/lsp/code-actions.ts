// Quick fixes (`textDocument/codeAction`): each problem's fixes, the preferred one marked `isPreferred`, with the
// diagnostic they fix attached; "fix all of this kind in the document" where several problems share a mechanical
// fix; and `source.fixAll.emend` for codeActionsOnSave. Every fix comes from the core, which never deletes
// transcribed text (test/unit/fixes-keep-text.test.ts).
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  combineFixes,
  FIX_ALL_CODES,
  preferredFix,
  SAVE_FIX_CODES,
  type Analysis,
  type Fix,
  type Problem,
  type TextEdit,
} from '../core/index';
import type { Feature, ServerContext } from './context';
import { rangeOf, sameRange, toDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.emend`;

export const codeActions: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } },
  register(ctx) {
    ctx.connection.onCodeAction(async (params) => {
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string' || !params.range?.start || !params.range.end) return [];
      const found = await ctx.diagnostics.problems(uri);
      if (!found) return [];
      const { analysis, problems } = found;
      const start = offsetClamped(analysis, params.range.start),
        end = offsetClamped(analysis, params.range.end);
      const only = params.context?.only;
      const sent: Diagnostic[] = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const version = ctx.documents.get(uri)?.version ?? null;
      const edit = (edits: TextEdit[]) => workspaceEdit(ctx, uri, version, analysis, edits);
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const here = problems.filter((p) => p.fixes.length > 0 && p.start <= end && start <= p.end);
        for (const p of here) {
          const diagnostic = attached(ctx, analysis, p, sent);
          for (const fix of p.fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred === true,
              edit: edit(fix.edits),
            });
          }
        }
        const codes = new Set(here.map((p) => p.code));
        for (const code of codes) {
          if (!FIX_ALL_CODES.includes(code)) continue;
          const all = problems.filter((p) => p.code === code);
          // Worth offering only when it does more than the single fixes do.
          if (all.length < 2 || allSameFix(all)) continue;
          const fixes = all.map(preferredFix).filter((f): f is Fix => f !== undefined);
          // Its title says which readings the fixes change together (the core reads the edited document again).
          const fix = combineFixes(analysis, fixes, `Fix all “${code}” problems in this document`);
          if (!fix) continue;
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            edit: edit(fix.edits),
            diagnostics: all.map((p) => attached(ctx, analysis, p, sent)),
          });
        }
      }
      if (only && wants(FIX_ALL_KIND)) {
        const keeping = problems
          .filter((p) => SAVE_FIX_CODES.includes(p.code))
          .map(preferredFix)
          .filter((f): f is Fix => f !== undefined && f.changes.length === 0);
        // Saving never changes what a reading says: the fixes are applied only if together they keep both readings.
        const fix = combineFixes(analysis, keeping, 'Fix all mechanical Emend problems');
        if (fix && fix.changes.length === 0)
          actions.push({ title: fix.title, kind: FIX_ALL_KIND, edit: edit(fix.edits) });
      }
      return actions;
    });
  },
};

/** An LSP position as an offset, clamped into the document (a range may run past its end). */
function offsetClamped(analysis: Analysis, position: { line: number; character: number }): number {
  const line = Number.isFinite(position.line) ? Math.trunc(position.line) : 0;
  const character = Number.isFinite(position.character) ? Math.trunc(position.character) : 0;
  return analysis.lines.offsetAt({ line, character });
}

/** The client's own diagnostic for the problem when it sent one (so the editor links them), else a fresh one. */
function attached(ctx: ServerContext, analysis: Analysis, p: Problem, sent: Diagnostic[]): Diagnostic {
  const mine = toDiagnostic(analysis, p, ctx.documentation());
  return sent.find((d) => d.source === 'emend' && d.code === p.code && sameRange(d.range, mine.range)) ?? mine;
}

/** True when every problem offers the very same preferred fix (a document-wide fix already). */
function allSameFix(problems: Problem[]): boolean {
  const key = (p: Problem) => JSON.stringify(preferredFix(p)?.edits ?? null);
  const first = key(problems[0]!);
  return problems.every((p) => key(p) === first);
}

function workspaceEdit(
  ctx: ServerContext,
  uri: string,
  version: number | null,
  analysis: Analysis,
  edits: TextEdit[],
): WorkspaceEdit {
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: rangeOf(analysis, e.start, e.end), newText: e.newText }));
  if (ctx.clientCapabilities().workspace?.workspaceEdit?.documentChanges && version !== null) {
    // Versioned, so an edit computed for an older text is refused rather than applied in the wrong place.
    return { documentChanges: [{ textDocument: { uri, version }, edits: lsp }] };
  }
  return { changes: { [uri]: lsp } };
}
