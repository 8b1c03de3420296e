// `Emend: Compare with Witness…`: picks a file and asks the server for the edit that writes the header's
// `witness:` line (the server owns the header's meaning); then reports the agreement. Explains itself when no
// transcription is open or the server is not running.
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
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { CollationRequest, WitnessHeaderEditRequest, type WitnessHeaderEditParams } from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { baseName, relativePath } from '../uri-paths';

/**
 * The path to write in the header: relative to the transcription's folder, with `/`, when both are on one file
 * system (a local disk, or one repository in github.dev); else a file's absolute path (another drive, an unsaved
 * transcription); null when the witness cannot be named from the transcription (another file system).
 */
export function witnessPathFor(transcription: Uri, witness: Uri): string | null {
  const relative = transcription.scheme === 'untitled' ? null : relativePath(transcription, witness);
  return relative ?? (witness.scheme === 'file' ? witness.fsPath : null);
}

async function transcriptionFor(arg: unknown): Promise<TextDocument | undefined> {
  // From the Explorer: show the transcription, so the header line the command writes is seen being written.
  if (arg instanceof Uri) return (await window.showTextDocument(arg, { preview: false })).document;
  const doc = window.activeTextEditor?.document;
  return doc && doc.languageId === 'emend' ? doc : undefined;
}

export function compareWithWitness(context: ExtensionContext, client: BaseLanguageClient): void {
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
        title: `Compare ${baseName(doc.uri)} with another witness`,
        defaultUri: doc.isUntitled ? undefined : Uri.joinPath(doc.uri, '..'),
        filters: { 'Witnesses (text, Emend)': ['txt', 'emend', 'md'], 'All files': ['*'] },
      });
      if (!picked || picked.length === 0) return;
      const witnessPath = witnessPathFor(doc.uri, picked[0]!);
      if (witnessPath === null) {
        void window.showErrorMessage(
          `Emend: ${baseName(picked[0]!)} is on another file system than ${baseName(doc.uri)}, so the header cannot name it. Put the witness beside the transcription (in the same workspace) and pick it there.`,
        );
        return;
      }
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
