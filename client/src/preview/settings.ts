// The `emend.preview.*` settings, read per resource.
import { workspace, type Uri } from 'vscode';
import type { PreviewSettings } from './messages';

export function previewSettings(uri: Uri | undefined): PreviewSettings {
  const c = workspace.getConfiguration('emend.preview', uri);
  return {
    scrollPreviewWithEditor: c.get<boolean>('scrollPreviewWithEditor', true),
    scrollEditorWithPreview: c.get<boolean>('scrollEditorWithPreview', true),
    doubleClickToSwitchToEditor: c.get<boolean>('doubleClickToSwitchToEditor', true),
    markEditorSelection: c.get<boolean>('markEditorSelection', true),
  };
}

export function defaultView(uri: Uri | undefined): string {
  return workspace.getConfiguration('emend.preview', uri).get<string>('defaultView', 'diplomatic');
}
