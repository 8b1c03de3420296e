// Development only (see README.md): once the file named by EMEND_START_PREVIEW is the active editor, run Emend's
// own "Open Preview to the Side" command, once per window. If Emend has no such command (yet), do nothing.
const vscode = require('vscode');

const COMMAND = 'emend.openPreviewToSide';

function isTarget(editor, target) {
  return !!editor && editor.document.uri.fsPath === target;
}

async function commandAvailable(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await vscode.commands.getCommands(true)).includes(COMMAND)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

exports.activate = function activate(context) {
  const target = process.env.EMEND_START_PREVIEW;
  if (!target) return;
  let done = false;
  const open = async (editor) => {
    if (done || !isTarget(editor, target)) return;
    done = true;
    // Emend activates when its language's first document opens; its commands exist once it has.
    if (await commandAvailable(15000)) await vscode.commands.executeCommand(COMMAND);
    // Keep the transcription focused, as after Markdown's "Open Preview to the Side".
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(open));
  void open(vscode.window.activeTextEditor);
};

exports.deactivate = function deactivate() {};
