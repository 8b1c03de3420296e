// `Emend: Export as HTML…`: writes a self-contained page (inline CSS, no scripts) of the current view.
// The page comes from the server (`emend/render` with `page`), as the CLI's `emend render --format html` does.
import * as path from 'node:path';
import { commands, env, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest } from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { activeEmendUri, type PreviewManager } from './preview-manager';
import { defaultView } from './settings';

export function registerExportHtml(context: ExtensionContext, client: LanguageClient, previews: PreviewManager): void {
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
      const base = path.posix.basename(resource.path).replace(/\.emend$/i, '');
      const suggested = Uri.joinPath(
        resource.with({ path: path.posix.dirname(resource.path) }),
        `${base}.${view}.html`,
      );
      const target = await window.showSaveDialog({
        defaultUri: resource.scheme === 'untitled' ? undefined : suggested,
        filters: { 'HTML page': ['html', 'htm'] },
        saveLabel: 'Export',
        title: `Export the ${view} view as HTML`,
      });
      if (!target) return;
      try {
        await workspace.fs.writeFile(target, Buffer.from(result.page, 'utf8'));
      } catch (e) {
        void window.showErrorMessage(
          `Export as HTML could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      const open = await window.showInformationMessage(
        `Exported the ${view} view to ${path.posix.basename(target.path)}.`,
        'Open in Browser',
      );
      if (open) await env.openExternal(target);
    }),
  );
}
