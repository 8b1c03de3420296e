// Forwards the unsaved text of open witnesses to the server. The language client syncs only `.emend` documents;
// a plain-text witness open in an editor is sent here, for exactly the files the server says it compares with.
import { Uri, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  WatchWitnessesNotification,
  WitnessTextNotification,
  type WatchWitnessesParams,
  type WitnessTextParams,
} from '../../../server/src/protocol';

/** Typing in a witness is sent after this pause. */
const DEBOUNCE_MS = 200;

export function syncWitnesses(context: ExtensionContext, client: BaseLanguageClient): void {
  /** fsPath → the URI string the server uses for it. */
  let watched = new Map<string, string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const serverUri = (doc: TextDocument): string | undefined =>
    doc.uri.scheme === 'file' && doc.languageId !== 'emend' ? watched.get(doc.uri.fsPath) : undefined;

  const send = (doc: TextDocument, closed: boolean): void => {
    const uri = serverUri(doc);
    if (!uri) return;
    const params: WitnessTextParams = { uri, version: doc.version, text: closed ? null : doc.getText() };
    void client.sendNotification(WitnessTextNotification, params);
  };

  const later = (doc: TextDocument): void => {
    const key = doc.uri.toString();
    const t = timers.get(key);
    if (t) clearTimeout(t);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        send(doc, false);
      }, DEBOUNCE_MS),
    );
  };

  client.onNotification(WatchWitnessesNotification, (p: WatchWitnessesParams) => {
    watched = new Map(p.uris.map((u) => [Uri.parse(u).fsPath, u]));
    for (const doc of workspace.textDocuments) if (doc.isDirty) send(doc, false);
  });

  context.subscriptions.push(
    workspace.onDidChangeTextDocument((e) => later(e.document)),
    // Closing (or saving) hands the witness back to the disk copy, which the server watches.
    workspace.onDidCloseTextDocument((doc) => send(doc, true)),
    workspace.onDidSaveTextDocument((doc) => send(doc, true)),
    {
      dispose: () => {
        for (const t of timers.values()) clearTimeout(t);
      },
    },
  );
}
