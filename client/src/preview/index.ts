// The preview part of the extension: preview panels, their commands, and HTML export.
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExportHtml } from './export-html';
import { registerPreviewCommands } from './preview-manager';

export function registerPreview(context: ExtensionContext, client: LanguageClient): void {
  const previews = registerPreviewCommands(context, client);
  registerExportHtml(context, client, previews);
}
