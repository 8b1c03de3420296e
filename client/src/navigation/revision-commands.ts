// Emend: Go to Next Revision / Go to Previous Revision / List Revisions…
// The server knows the revisions (emend/revisions, emend/nextRevision); this module only moves the cursor.
import {
  commands,
  Selection,
  TextEditorRevealType,
  window,
  type ExtensionContext,
  type QuickPickItem,
  type TextEditor,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  NextRevisionRequest,
  RevisionsRequest,
  type NextRevisionParams,
  type RevisionItem,
} from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { activeEmendEditor, toRange } from '../active-editor';

const ICON: Record<RevisionItem['kind'], string> = {
  del: '$(diff-removed)',
  add: '$(diff-added)',
  subst: '$(diff-modified)',
  hand: '$(edit)',
};

function select(editor: TextEditor, item: RevisionItem, reveal: TextEditorRevealType): void {
  const r = toRange(item.range);
  editor.selection = new Selection(r.start, r.end);
  editor.revealRange(r, reveal);
}

async function step(client: BaseLanguageClient, direction: NextRevisionParams['direction']): Promise<void> {
  const editor = activeEmendEditor(`go to the ${direction} revision`);
  if (!editor) return;
  const params: NextRevisionParams = {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
    // From a selected revision (as Next and Previous leave it), Next goes on from its end and Previous back from its start.
    position:
      direction === 'next'
        ? { line: editor.selection.end.line, character: editor.selection.end.character }
        : { line: editor.selection.start.line, character: editor.selection.start.character },
    direction,
  };
  const r = await askServer(client, `go to the ${direction} revision`, NextRevisionRequest, params);
  if (r === undefined) return;
  if (r === null) {
    void window.showInformationMessage(
      'This transcription has no revisions (no deletions, insertions or other hands).',
    );
    return;
  }
  select(editor, r.revision, TextEditorRevealType.InCenterIfOutsideViewport);
  const wrapped = r.wrapped ? (direction === 'next' ? ' (from the start again)' : ' (from the end again)') : '';
  window.setStatusBarMessage(`Revision ${r.index + 1} of ${r.total}${wrapped}: ${r.revision.summary}`, 5000);
}

interface RevisionPick extends QuickPickItem {
  revision: RevisionItem;
}

async function list(client: BaseLanguageClient): Promise<void> {
  const editor = activeEmendEditor('list its revisions');
  if (!editor) return;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const r = await askServer(client, 'list the revisions', RevisionsRequest, { uri });
  if (!r) return;
  if (r.revisions.length === 0) {
    void window.showInformationMessage(
      'This transcription has no revisions (no deletions, insertions or other hands).',
    );
    return;
  }
  const items: RevisionPick[] = r.revisions.map((rev) => ({
    label: `${'\u2003'.repeat(rev.depth)}${ICON[rev.kind]} ${rev.summary}`,
    description: `line ${rev.range.start.line + 1}`,
    revision: rev,
  }));
  const originalSelections = editor.selections;
  const originalView = editor.visibleRanges[0];
  const quickPick = window.createQuickPick<RevisionPick>();
  quickPick.title = `Revisions (${items.length})`;
  quickPick.placeholder = 'Type to filter; moving through the list shows each revision in the editor';
  quickPick.matchOnDescription = true;
  quickPick.items = items;
  // Start at the revision at or after the cursor, as Go to Symbol does.
  const cursor = editor.selection.active;
  const here = items.find((it) => !toRange(it.revision.range).end.isBefore(cursor)) ?? items[0]!;
  quickPick.activeItems = [here];
  let accepted = false;
  quickPick.onDidChangeActive((active) => {
    const item = active[0];
    if (item) select(editor, item.revision, TextEditorRevealType.InCenterIfOutsideViewport);
  });
  quickPick.onDidAccept(() => {
    const item = quickPick.activeItems[0];
    if (!item) return;
    accepted = true;
    select(editor, item.revision, TextEditorRevealType.InCenterIfOutsideViewport);
    quickPick.hide();
    void window.showTextDocument(editor.document, {
      viewColumn: editor.viewColumn,
      selection: toRange(item.revision.range),
    });
  });
  quickPick.onDidHide(() => {
    if (!accepted) {
      // Escape puts the cursor and the view back where they were.
      editor.selections = originalSelections;
      if (originalView) editor.revealRange(originalView, TextEditorRevealType.AtTop);
    }
    quickPick.dispose();
  });
  quickPick.show();
}

export function registerRevisionCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.nextRevision', () => step(client, 'next')),
    commands.registerCommand('emend.previousRevision', () => step(client, 'previous')),
    commands.registerCommand('emend.listRevisions', () => list(client)),
  );
}
