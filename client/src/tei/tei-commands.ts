// Emend: Export as TEI… and Emend: Open TEI as Emend…. The server does the work (emend/exportTei,
// emend/importTei); this module only asks where to save or what to open, writes the file the server's XML goes
// to, and opens the imported markup as a new untitled document, so no existing transcription is ever replaced.
import { Uri, window, workspace, commands, type ExtensionContext, type OutputChannel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  encodeBase64,
  ExportTeiRequest,
  ImportTeiRequest,
  type ExportTeiParams,
  type ImportTeiParams,
} from '../../../server/src/protocol';
import { askServer } from '../server/server-requests';
import { baseName, stem } from '../uri-paths';

/** Larger files are not even sent to the server (it refuses TEI files beyond 32 M characters anyway). */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

let channel: OutputChannel | undefined;

function report(title: string, lines: string[]): void {
  channel ??= window.createOutputChannel('Emend TEI');
  channel.appendLine(`${title} (${new Date().toLocaleTimeString()})`);
  for (const l of lines) channel.appendLine(`  ${l}`);
  channel.appendLine('');
  channel.show(true);
}

async function showWarnings(what: string, warnings: string[]): Promise<void> {
  if (warnings.length === 0) return;
  const first = warnings[0]!;
  const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more)` : '';
  const choice = await window.showWarningMessage(`${what}: ${first}${more}`, 'Show All');
  if (choice === 'Show All') report(what, warnings);
}

/** The transcription to export: the one given (explorer), else the active editor's. */
async function transcription(arg: unknown): Promise<Uri | undefined> {
  if (arg instanceof Uri) return arg;
  const editor = window.activeTextEditor;
  if (editor && editor.document.languageId === 'emend') return editor.document.uri;
  void window.showInformationMessage('Emend: open a transcription (.emend) to export it as TEI.');
  return undefined;
}

async function exportTei(client: BaseLanguageClient, arg: unknown): Promise<void> {
  const source = await transcription(arg);
  if (!source) return;
  // The server knows open documents; open the file (without showing it) if it came from the explorer.
  const document = await workspace.openTextDocument(source).then(
    (d) => d,
    () => undefined,
  );
  if (!document) {
    void window.showErrorMessage(`Emend cannot open ${source.fsPath || source.toString()} to export it.`);
    return;
  }
  if (document.languageId !== 'emend') {
    void window.showErrorMessage(
      `${baseName(source)} is not an Emend transcription; only transcriptions export as TEI.`,
    );
    return;
  }
  const base = document.isUntitled ? 'transcription' : stem(document.uri, '.emend');
  const folder = document.isUntitled ? workspace.workspaceFolders?.[0]?.uri : Uri.joinPath(document.uri, '..');
  const target = await window.showSaveDialog({
    title: 'Export as TEI',
    saveLabel: 'Export',
    defaultUri: folder ? Uri.joinPath(folder, `${base}.xml`) : undefined,
    filters: { 'TEI XML': ['xml'] },
  });
  if (!target) return;
  // Asked after the target is known: the facsimile's image names are written relative to it.
  const params: ExportTeiParams = {
    uri: client.code2ProtocolConverter.asUri(document.uri),
    target: client.code2ProtocolConverter.asUri(target),
  };
  const result = await askServer(client, 'export as TEI', ExportTeiRequest, params);
  if (!result) return;
  try {
    await workspace.fs.writeFile(target, new TextEncoder().encode(result.xml));
  } catch (e) {
    void window.showErrorMessage(
      `Emend could not write ${target.fsPath || target.toString()}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return;
  }
  void showWarnings(`TEI export of ${base}`, result.warnings);
  const choice = await window.showInformationMessage(`Exported ${base} as TEI to ${baseName(target)}.`, 'Open');
  if (choice === 'Open') await window.showTextDocument(target);
}

async function importTei(client: BaseLanguageClient, arg: unknown): Promise<void> {
  let file = arg instanceof Uri ? arg : undefined;
  if (!file) {
    const picked = await window.showOpenDialog({
      title: 'Open TEI as Emend',
      openLabel: 'Open as Emend',
      canSelectMany: false,
      filters: { 'TEI XML': ['xml', 'tei'], 'All files': ['*'] },
    });
    file = picked?.[0];
  }
  if (!file) return;
  const name = baseName(file);
  let bytes: Uint8Array;
  try {
    const stat = await workspace.fs.stat(file);
    if (stat.size > MAX_IMPORT_BYTES) {
      void window.showErrorMessage(
        `${name} is ${(stat.size / 1048576).toFixed(0)} MB; Emend opens TEI files of up to ${MAX_IMPORT_BYTES / 1048576} MB.`,
      );
      return;
    }
    bytes = await workspace.fs.readFile(file);
  } catch (e) {
    void window.showErrorMessage(`Emend could not read ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const params: ImportTeiParams = { base64: encodeBase64(bytes) };
  const result = await askServer(client, `open ${name} as Emend`, ImportTeiRequest, params);
  if (!result) return;
  if ('error' in result) {
    void window.showErrorMessage(`Emend could not open ${name} as a transcription: ${result.error}`);
    return;
  }
  const document = await workspace.openTextDocument({ language: 'emend', content: result.markup });
  await window.showTextDocument(document);
  void showWarnings(`Opened ${name} as Emend`, result.warnings);
}

export function registerTeiCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('emend.exportTei', (arg?: unknown) => exportTei(client, arg)),
    commands.registerCommand('emend.importTei', (arg?: unknown) => importTei(client, arg)),
    { dispose: () => channel?.dispose() },
  );
}
