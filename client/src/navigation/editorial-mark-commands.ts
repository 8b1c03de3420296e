// Emend: Go to Next / Previous Editorial Mark: from the cursor to the next (or previous) unclear reading, gap,
// supplied text, note or page or column break, going round the document as Go to Next Revision does. The server
// lists the marks (emend/nextEditorialMark); this module only moves the cursor.
import { commands, Selection, TextEditorRevealType, window, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NextEditorialMarkRequest, type NextRevisionParams } from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { activeEmendEditor, toRange } from '../active-editor';

async function step(client: BaseLanguageClient, direction: NextRevisionParams['direction']): Promise<void> {
  const what = `go to the ${direction} editorial mark`;
  const editor = activeEmendEditor(what);
  if (!editor) return;
  const from = direction === 'next' ? editor.selection.end : editor.selection.start;
  const r = await askServer(client, what, NextEditorialMarkRequest, {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    position: { line: from.line, character: from.character },
    direction,
  });
  if (r === undefined) return;
  if (r === null) {
    void window.showInformationMessage(
      'This transcription has no editorial marks (no unclear readings, gaps, supplied text, notes or page breaks).',
    );
    return;
  }
  const range = toRange(r.mark.range);
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  const wrapped = r.wrapped ? (direction === 'next' ? ' (from the start again)' : ' (from the end again)') : '';
  window.setStatusBarMessage(`Editorial mark ${r.index + 1} of ${r.total}${wrapped}: ${r.mark.summary}`, 5000);
}

export function registerEditorialMarkNavigation(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.nextEditorialMark', () => step(client, 'next')),
    commands.registerCommand('emend.previousEditorialMark', () => step(client, 'previous')),
  );
}
