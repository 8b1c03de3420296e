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
import type { Analysis, Fix, Problem, TextEdit } from '../core/index';
import type { Feature, ServerContext } from './context';
import { rangeOf, sameRange, toDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.emend`;

/** Codes whose preferred fix is mechanical enough to offer for the whole document at once. */
export const FIX_ALL_CODES: readonly string[] = [
  'space-inside-mark',
  'insertion-spellings-mixed',
  'stray-closer',
  'empty-mark',
];

/**
 * Codes `source.fixAll.emend` fixes (run by codeActionsOnSave when the user asks): only fixes that change nothing
 * a reading says, so saving never rewrites a transcription's meaning (an empty `^{}` being typed survives a save).
 */
export const SAVE_FIX_CODES: readonly string[] = ['space-inside-mark', 'insertion-spellings-mixed'];

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
          const edits = mergeEdits(all.map(preferredFix).filter((f): f is Fix => f !== undefined));
          // Worth offering only when it does more than the single fixes do.
          if (all.length < 2 || edits.length === 0 || allSameFix(all)) continue;
          actions.push({
            title: `Fix all “${code}” problems in this document`,
            kind: CodeActionKind.QuickFix,
            edit: edit(edits),
            diagnostics: all.map((p) => attached(ctx, analysis, p, sent)),
          });
        }
      }
      if (only && wants(FIX_ALL_KIND)) {
        const edits = mergeEdits(
          problems
            .filter((p) => SAVE_FIX_CODES.includes(p.code))
            .map(preferredFix)
            .filter((f): f is Fix => f !== undefined),
        );
        if (edits.length > 0)
          actions.push({ title: 'Fix all mechanical Emend problems', kind: FIX_ALL_KIND, edit: edit(edits) });
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

function preferredFix(p: Problem): Fix | undefined {
  return p.fixes.find((f) => f.preferred) ?? (p.fixes.length === 1 ? p.fixes[0] : undefined);
}

/** True when every problem offers the very same preferred fix (a document-wide fix already). */
function allSameFix(problems: Problem[]): boolean {
  const key = (p: Problem) => JSON.stringify(preferredFix(p)?.edits ?? null);
  const first = key(problems[0]!);
  return problems.every((p) => key(p) === first);
}

/** The edits of several fixes as one list: duplicates dropped, and a fix that would overlap an earlier one left out whole. */
export function mergeEdits(fixes: Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  const overlaps = (e: TextEdit) =>
    taken.some(
      (t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start && t.start === t.end),
    );
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !seen.has(`${e.start}:${e.end}:${e.newText}`));
    if (fresh.some(overlaps)) continue;
    for (const e of fresh) {
      seen.add(`${e.start}:${e.end}:${e.newText}`);
      taken.push(e);
    }
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
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
