// `Emend: Export as HTML…`: writes a self-contained page (inline CSS, no scripts) of the current view.
// The page comes from the server (`emend/render` with `page`), as the CLI's `emend render --format html` does.
import { commands, env, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RenderRequest } from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { activeEmendUri, type PreviewManager } from './preview-manager';
import { defaultView } from './settings';
import { baseName, stem } from '../uri-paths';

export function registerExportHtml(
  context: ExtensionContext,
  client: BaseLanguageClient,
  previews: PreviewManager,
): void {
  context.subscriptions.push(
    commands.registerCommand('emend.exportHtml', async (arg?: Uri) => {
      const preview = previews.activePreview;
      const resource = arg instanceof Uri ? arg : (preview?.resource ?? activeEmendUri());
      if (!resource) {
        void window.showErrorMessage(
          'Export as HTML: open an Emend transcription (a .emend file) or its preview first.',
        );
        return;
      }
      const view = previews.previewOf(resource)?.view ?? defaultView(resource);
      try {
        await workspace.openTextDocument(resource);
      } catch (e) {
        void window.showErrorMessage(
          `Export as HTML: cannot open ${resource.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      const result = await askServer(client, 'export as HTML', RenderRequest, {
        uri: resource.toString(),
        view,
        page: true,
      });
      if (!result?.page) return;
      const suggested = Uri.joinPath(resource, '..', `${stem(resource, '.emend')}.${view}.html`);
      const target = await window.showSaveDialog({
        defaultUri: resource.scheme === 'untitled' ? undefined : suggested,
        filters: { 'HTML page': ['html', 'htm'] },
        saveLabel: 'Export',
        title: `Export the ${view} view as HTML`,
      });
      if (!target) return;
      try {
        await workspace.fs.writeFile(target, new TextEncoder().encode(result.page));
      } catch (e) {
        void window.showErrorMessage(
          `Export as HTML could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      // A web browser opens files on a disk; a page on a virtual file system (github.dev) opens in the editor.
      const action = target.scheme === 'file' ? 'Open in Browser' : 'Open';
      const open = await window.showInformationMessage(`Exported the ${view} view to ${baseName(target)}.`, action);
      if (open === 'Open in Browser') await env.openExternal(target);
      else if (open) await window.showTextDocument(target);
    }),
  );
}
