// `Emend: Compare with Witness…`: picks a file and asks the server for the edit that writes the header's
// `witness:` line (the server owns the header's meaning); then reports the agreement. Explains itself when no
// transcription is open or the server is not running.
import * as path from 'node:path';
import {
  commands,
  Range,
  Uri,
  window,
  workspace,
  WorkspaceEdit,
  type ExtensionContext,
  type TextDocument,
} from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CollationRequest, WitnessHeaderEditRequest, type WitnessHeaderEditParams } from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';

/** The path to write in the header: relative to the transcription's folder when both are files, with `/`. */
export function witnessPathFor(transcription: Uri, witness: Uri): string {
  if (transcription.scheme !== 'file' || witness.scheme !== 'file')
    return witness.scheme === 'file' ? witness.fsPath : witness.toString();
  const rel = path.relative(path.dirname(transcription.fsPath), witness.fsPath);
  // On another drive (Windows) there is no relative path.
  return path.isAbsolute(rel) ? witness.fsPath : rel.split(path.sep).join('/');
}

async function transcriptionFor(arg: unknown): Promise<TextDocument | undefined> {
  // From the Explorer: show the transcription, so the header line the command writes is seen being written.
  if (arg instanceof Uri) return (await window.showTextDocument(arg, { preview: false })).document;
  const doc = window.activeTextEditor?.document;
  return doc && doc.languageId === 'emend' ? doc : undefined;
}

export function compareWithWitness(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.compareWithWitness', async (arg?: unknown) => {
      const doc = await transcriptionFor(arg);
      if (!doc || doc.languageId !== 'emend') {
        void window.showInformationMessage(
          'Emend: open a transcription (an .emend file) first, then compare it with another witness.',
        );
        return;
      }
      if (client.state !== State.Running) {
        void window.showErrorMessage(
          'Emend: the language server is not running, so the witness cannot be set. Run “Developer: Reload Window” or check the Emend output channel.',
        );
        return;
      }
      const picked = await window.showOpenDialog({
        canSelectMany: false,
        canSelectFolders: false,
        openLabel: 'Compare with This Witness',
        title: `Compare ${path.basename(doc.uri.path)} with another witness`,
        defaultUri: doc.uri.scheme === 'file' ? Uri.file(path.dirname(doc.uri.fsPath)) : undefined,
        filters: { 'Witnesses (text, Emend)': ['txt', 'emend', 'md'], 'All files': ['*'] },
      });
      if (!picked || picked.length === 0) return;
      const witnessPath = witnessPathFor(doc.uri, picked[0]!);
      const params: WitnessHeaderEditParams = { uri: doc.uri.toString(), path: witnessPath };
      const result = await askServer(client, 'set the witness', WitnessHeaderEditRequest, params);
      if (!result) return;
      if (result.error) {
        void window.showErrorMessage(`Emend: ${result.error}`);
        return;
      }
      if (result.edits.length > 0) {
        const edit = new WorkspaceEdit();
        for (const e of result.edits) {
          edit.replace(
            doc.uri,
            new Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
            e.newText,
          );
        }
        if (!(await workspace.applyEdit(edit))) {
          void window.showErrorMessage('Emend: the header could not be changed (is the file read-only?).');
          return;
        }
      }
      const collation = await askServer(client, 'compare with the witness', CollationRequest, {
        uri: doc.uri.toString(),
      });
      if (!collation) return;
      if (collation.agreement === null)
        void window.showWarningMessage(`Emend: ${collation.message ?? 'the witness cannot be compared.'}`);
      else
        void window.showInformationMessage(
          `Emend: compared with ${witnessPath}: ${(collation.agreement * 100).toFixed(1)}% of the words agree. Variants are in the Problems panel.`,
        );
    }),
  );
}
