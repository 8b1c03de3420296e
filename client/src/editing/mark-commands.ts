// Emend: Mark as Deleted / Inserted / In Another Hand / Supplied / Unclear, Add Editorial Note, Insert Gap. Each
// toggles its mark on every selection (the server decides the edits: wrap, unwrap, or refuse with a reason), and
// leaves the marked text selected (the cursor between the braces of an inserted empty mark).
import { commands, Position, Selection, window, type ExtensionContext, type TextEditor } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ToggleMarkRequest, type RangeParam, type ToggleMarkParams } from '../../../server/src/protocol';
import { toRange } from '../active-editor';
import { askServer } from '../server/server-requests';

type Kind = ToggleMarkParams['kind'];

const COMMANDS: [string, Kind, string][] = [
  ['emend.markDeleted', 'del', 'mark the selection as deleted'],
  ['emend.markInserted', 'add', 'mark the selection as inserted'],
  ['emend.markHand', 'hand', 'mark the selection as in another hand'],
  ['emend.markSupplied', 'supplied', 'mark the selection as supplied'],
  ['emend.markUnclear', 'unclear', 'mark the selection as unclear'],
  ['emend.addNote', 'note', 'add an editorial note'],
  ['emend.insertGap', 'gap', 'insert a gap'],
];

async function toggle(client: BaseLanguageClient, editor: TextEditor, kind: Kind, what: string): Promise<void> {
  if (editor.document.languageId !== 'emend') {
    void window.showInformationMessage('Emend marks apply to Emend transcriptions (*.emend files).');
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  // Bottom-up, so the edits for one selection do not move the selections still to do.
  const order = editor.selections.map((s, i) => ({ s, i })).sort((a, b) => b.s.start.compareTo(a.s.start));
  const result: Selection[] = editor.selections.slice();
  const refusals: string[] = [];
  const done: number[] = [];
  for (const [k, { s, i }] of order.entries()) {
    const params: ToggleMarkParams = {
      uri,
      version: editor.document.version,
      kind,
      range: {
        start: { line: s.start.line, character: s.start.character },
        end: { line: s.end.line, character: s.end.character },
      },
    };
    const r = await askServer(client, what, ToggleMarkRequest, params);
    if (!r) return;
    if ('message' in r) {
      refusals.push(r.message);
      done.push(i);
      continue;
    }
    const ok = await editor.edit(
      (b) => {
        for (const e of r.edits) b.replace(toRange(e.range), e.newText);
      },
      { undoStopBefore: k === 0, undoStopAfter: k === order.length - 1 },
    );
    if (!ok) {
      refusals.push('VS Code did not apply the edit (the document may be read-only).');
      done.push(i);
      continue;
    }
    // Selections already visited lie after these edits; delimiters hold no line breaks, so only those on the
    // same line move, by what the edits inserted or removed before them.
    for (const j of done) {
      const sel = result[j]!;
      result[j] = new Selection(shifted(sel.anchor, r.edits), shifted(sel.active, r.edits));
    }
    const sel = toRange(r.selection);
    result[i] = new Selection(sel.start, sel.end);
    done.push(i);
  }
  editor.selections = result;
  if (refusals.length > 0) void window.showWarningMessage(refusals[0]!);
}

/** Where `p` ends up after `edits` (single-line edits, all before or at `p` in document order). */
function shifted(p: Position, edits: { range: RangeParam; newText: string }[]): Position {
  let character = p.character;
  for (const e of edits) {
    if (e.range.start.line !== p.line || e.range.end.line !== p.line || e.range.end.character > p.character) continue;
    character += e.newText.length - (e.range.end.character - e.range.start.character);
  }
  return new Position(p.line, character);
}

export function registerMarkCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  for (const [id, kind, what] of COMMANDS) {
    context.subscriptions.push(
      commands.registerCommand(id, () => {
        const editor = window.activeTextEditor;
        if (!editor) {
          void window.showInformationMessage('Open an Emend transcription (*.emend) and select the text to mark.');
          return;
        }
        return toggle(client, editor, kind, what);
      }),
    );
  }
}
