// Tells the server where the cursors are in Emend editors (`emend/cursors`), so it can hold back the problems of
// the mark being typed until the transcriber pauses or leaves it (server/src/lsp/typing.ts). An editor that stops
// being the active one sends no cursors: leaving it reports everything. The client itself decides nothing.
import { window, type ExtensionContext, type TextEditor } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { CursorsNotification, type CursorsParams } from '../../../server/src/protocol';

export function syncCursors(context: ExtensionContext, client: BaseLanguageClient): void {
  let active: TextEditor | undefined;

  const send = (editor: TextEditor, none = false): void => {
    if (client.state !== State.Running) return;
    const params: CursorsParams = {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      version: editor.document.version,
      cursors: none ? [] : editor.selections.map((s) => ({ line: s.active.line, character: s.active.character })),
    };
    void client.sendNotification(CursorsNotification, params);
  };

  const activate = (editor: TextEditor | undefined): void => {
    if (active && active !== editor && !active.document.isClosed) send(active, true);
    active = editor && editor.document.languageId === 'emend' ? editor : undefined;
    if (active) send(active);
  };

  context.subscriptions.push(
    window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor.document.languageId === 'emend') {
        active = e.textEditor;
        send(e.textEditor);
      }
    }),
    window.onDidChangeActiveTextEditor(activate),
    // A (re)started server knows no cursors yet.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) activate(window.activeTextEditor);
    }),
  );
}
