// Emend: Insert Page Break (asks for the page number, suggesting the previous page's plus one, and for the page's
// image, which may be left empty) and Emend: Set Placement of Insertion (a quick pick of the five placements for the
// insertion under the cursor). The server computes every edit (core/page-break-edit.ts, core/placement-edit.ts).
import { commands, Selection, window, type ExtensionContext, type QuickPickItem, type TextEditor } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  InsertPageBreakRequest,
  PageNumberRequest,
  PlacementRequest,
  SetPlacementRequest,
  type PlacementParam,
  type ToggleMarkResult,
} from '../../../server/src/protocol';
import { activeEmendEditor, toRange } from '../active-editor';
import { askServer } from '../server/server-requests';

const PLACEMENTS: { placement: PlacementParam; detail: string }[] = [
  { placement: 'above', detail: 'above the line (the default: written ^{…})' },
  { placement: 'below', detail: 'below the line' },
  { placement: 'margin', detail: 'in the margin' },
  { placement: 'over', detail: 'written over the deleted text' },
  { placement: 'inline', detail: 'in the line' },
];

async function applyResult(editor: TextEditor, r: ToggleMarkResult | undefined): Promise<void> {
  if (!r) return;
  if ('message' in r) {
    void window.showWarningMessage(r.message);
    return;
  }
  if (r.edits.length > 0) {
    const ok = await editor.edit((b) => {
      for (const e of r.edits) b.replace(toRange(e.range), e.newText);
    });
    if (!ok) {
      void window.showWarningMessage('VS Code did not apply the edit (the document may be read-only).');
      return;
    }
  }
  const sel = toRange(r.selection);
  editor.selection = new Selection(sel.start, sel.end);
}

async function insertPageBreak(client: BaseLanguageClient): Promise<void> {
  const editor = activeEmendEditor('insert a page break');
  if (!editor) return;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const at = editor.selection.active;
  const position = { line: at.line, character: at.character };
  const suggested = await askServer(client, 'insert a page break', PageNumberRequest, { uri, position });
  if (!suggested) return;
  const n = await window.showInputBox({
    title: 'Insert Page Break',
    prompt: 'The number written on the page that begins here (may be empty)',
    value: suggested.n,
  });
  if (n === undefined) return;
  const image = await window.showInputBox({
    title: 'Insert Page Break',
    prompt: "The page's image, relative to the transcription (optional: leave empty for none)",
    placeHolder: 'p12.jpg',
  });
  if (image === undefined) return;
  const r = await askServer(client, 'insert a page break', InsertPageBreakRequest, {
    uri,
    version: editor.document.version,
    position,
    n,
    image,
  });
  await applyResult(editor, r);
}

async function setPlacement(client: BaseLanguageClient): Promise<void> {
  const editor = activeEmendEditor('set the placement of an insertion');
  if (!editor) return;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const at = editor.selection.active;
  const position = { line: at.line, character: at.character };
  const what = 'set the placement of an insertion';
  const current = await askServer(client, what, PlacementRequest, { uri, position });
  if (!current) return;
  if ('message' in current) {
    void window.showInformationMessage(current.message);
    return;
  }
  const items: (QuickPickItem & { placement: PlacementParam })[] = PLACEMENTS.map((p) => ({
    label: p.placement,
    description: p.placement === current.placement ? '(current)' : '',
    detail: p.detail,
    placement: p.placement,
  }));
  // The next placement after the current one comes first: pressing Enter cycles.
  const k = items.findIndex((i) => i.placement === current.placement);
  const ordered = [...items.slice(k + 1), ...items.slice(0, k + 1)];
  const pick = await window.showQuickPick(ordered, {
    title: 'Placement of the insertion',
    placeHolder: 'Where it stands on the page',
  });
  if (!pick) return;
  const r = await askServer(client, what, SetPlacementRequest, {
    uri,
    version: editor.document.version,
    position,
    placement: pick.placement,
  });
  await applyResult(editor, r);
}

export function registerPageAndPlacementCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.insertPageBreak', () => insertPageBreak(client)),
    commands.registerCommand('emend.setPlacement', () => setPlacement(client)),
  );
}
