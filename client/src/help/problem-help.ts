// `Emend: Explain a Problem Code…` (emend.showProblemHelp): the documentation of a diagnostic code, the target of
// the links in the severity setting's descriptions (core/severity-setting.ts) and of the codes in the Problems panel.
// It opens the extension's docs/diagnostics.md at the code's row, rendered by VS Code's Markdown preview. The codes
// and their one-line summaries come from the extension's own manifest, so this needs no server.
import { commands, Selection, TextEditorRevealType, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { codesFromManifest, rowOf } from './help-rows';

export function registerProblemHelp(context: ExtensionContext): void {
  const doc = Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md');
  context.subscriptions.push(
    commands.registerCommand('emend.showProblemHelp', async (arg?: unknown) => {
      const codes = codesFromManifest(context.extension.packageJSON);
      let code = typeof arg === 'string' ? arg : undefined;
      if (!code) {
        const picked = await window.showQuickPick(
          codes.map((c) => ({ label: c.code, detail: c.summary })),
          { title: 'Emend: Explain a Problem Code', placeHolder: 'A diagnostic code', matchOnDetail: true },
        );
        if (!picked) return;
        code = picked.label;
      }
      if (!codes.some((c) => c.code === code)) {
        void window.showWarningMessage(`Emend has no problem code “${code}”.`);
        return;
      }
      let text: string;
      try {
        text = new TextDecoder().decode(await workspace.fs.readFile(doc));
      } catch {
        void window.showErrorMessage(`Emend: the documentation of “${code}” is missing from this installation.`);
        return;
      }
      // The source at the code's row (read-only in practice: it is the extension's own copy), then its rendering,
      // which opens scrolled to the line the editor shows.
      const line = Math.max(0, rowOf(text, code));
      const editor = await window.showTextDocument(doc, { preview: true, selection: new Selection(line, 0, line, 0) });
      editor.revealRange(new Selection(line, 0, line, 0), TextEditorRevealType.AtTop);
      await commands.executeCommand('markdown.showPreview', doc);
    }),
  );
}
