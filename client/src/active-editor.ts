// The Emend editor a command applies to: the active one, or a clear message when there is none.
import { Position, Range, window, type TextEditor } from 'vscode';
import type { RangeParam } from '../../server/src/protocol';

export function activeEmendEditor(purpose: string): TextEditor | undefined {
  const editor = window.activeTextEditor;
  if (editor && editor.document.languageId === 'emend') return editor;
  void window.showInformationMessage(`Open an Emend transcription (*.emend) to ${purpose}.`);
  return undefined;
}

export function toRange(r: RangeParam): Range {
  return new Range(new Position(r.start.line, r.start.character), new Position(r.end.line, r.end.character));
}
