// The editor's file system, for the server: answers the server's emend/fs/* requests through VS Code's
// workspace.fs, so the server can read a witness or a `.emend.json` on any file system VS Code has (virtual
// workspaces, and in the browser every file). The client announces it in `initializationOptions`.
import { FileSystemError, FileType, Uri, workspace, type ExtensionContext } from 'vscode';
import { ResponseError, type BaseLanguageClient } from 'vscode-languageclient';
import {
  encodeBase64,
  FileStatRequest,
  ReadFileRequest,
  type FileErrorData,
  type FileStatResult,
  type InitializationOptions,
} from '../../../server/src/protocol';

/**
 * What the client tells the server in `initialize`: it answers file requests, where the docs are, and, in an
 * untrusted workspace (Restricted Mode), the workspace's folders, outside which the server reads nothing. Asked at
 * every start, so a restart after the user trusts the workspace (server-commands.ts) lifts the limit.
 */
export function initializationOptions(context: ExtensionContext): InitializationOptions {
  const options: InitializationOptions = {
    fileAccess: true,
    documentation: Uri.joinPath(context.extensionUri, 'docs').toString(),
  };
  if (!workspace.isTrusted) options.restrictedTo = (workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  return options;
}

/** Error code of a failed file request (JSON-RPC leaves -32099..-32000 to servers; these are a client's answers). */
const FILE_ERROR = -32001;

function kindOf(e: unknown): FileErrorData['kind'] {
  if (e instanceof FileSystemError) {
    if (e.code === 'FileNotFound') return 'not-found';
    if (e.code === 'NoPermissions') return 'permission-denied';
    if (e.code === 'FileIsADirectory') return 'is-a-directory';
  }
  return 'unavailable';
}

function failure(e: unknown): ResponseError<FileErrorData> {
  const message = e instanceof Error ? e.message : String(e);
  return new ResponseError<FileErrorData>(FILE_ERROR, message, { kind: kindOf(e) });
}

function parse(uri: unknown): Uri | ResponseError<FileErrorData> {
  try {
    if (typeof uri === 'string') return Uri.parse(uri, true);
  } catch {
    /* answered below */
  }
  return new ResponseError<FileErrorData>(FILE_ERROR, `not a URI: ${String(uri)}`, { kind: 'unavailable' });
}

export function registerFileAccess(_context: ExtensionContext, client: BaseLanguageClient): void {
  client.onRequest(FileStatRequest, async (params): Promise<FileStatResult | ResponseError<FileErrorData>> => {
    const uri = parse(params?.uri);
    if (uri instanceof ResponseError) return uri;
    try {
      const s = await workspace.fs.stat(uri);
      const type = s.type & FileType.File ? 'file' : s.type & FileType.Directory ? 'directory' : 'other';
      return { type, size: s.size, mtime: s.mtime };
    } catch (e) {
      return kindOf(e) === 'not-found' ? null : failure(e);
    }
  });
  client.onRequest(ReadFileRequest, async (params) => {
    const uri = parse(params?.uri);
    if (uri instanceof ResponseError) return uri;
    try {
      return { base64: encodeBase64(await workspace.fs.readFile(uri)) };
    } catch (e) {
      return failure(e);
    }
  });
}
