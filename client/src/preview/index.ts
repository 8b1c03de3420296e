// The preview part of the extension: preview panels, their commands, and HTML export.
import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerExportHtml } from './export-html';
import { registerPreviewCommands } from './preview-manager';

export function registerPreview(context: ExtensionContext, client: BaseLanguageClient): void {
  const previews = registerPreviewCommands(context, client);
  registerExportHtml(context, client, previews);
}
