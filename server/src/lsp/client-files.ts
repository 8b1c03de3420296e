// The host's files for the server: file: URIs from the local implementation when there is one (Node, on the
// desktop), everything else from the client, which reads through VS Code's workspace.fs (virtual file systems on
// the desktop; every file in the browser, where the server has no file system of its own). protocol.ts has the
// two requests; the client answers them only when it said so in `initialize` (InitializationOptions.fileAccess).
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { FileError, type FileErrorKind, type Files } from '../host/files';
import { decodeBase64, FileStatRequest, ReadFileRequest, type FileErrorData } from '../protocol';

const KINDS: readonly FileErrorKind[] = ['not-found', 'permission-denied', 'is-a-directory', 'unavailable'];

function fileError(e: unknown): FileError {
  if (e instanceof ResponseError) {
    const kind = (e.data as Partial<FileErrorData> | undefined)?.kind;
    if (kind && KINDS.includes(kind)) return new FileError(kind, e.message);
    if (e.code === ErrorCodes.MethodNotFound)
      return new FileError('unavailable', 'the editor does not share its files');
  }
  return new FileError('unavailable', e instanceof Error ? e.message : String(e));
}

/** Files read by asking the client; `enabled` tells whether it said it answers (until then every call fails). */
export function clientFiles(connection: Connection, enabled: () => boolean): Files {
  const unavailable = () => new FileError('unavailable', 'the editor does not share its files');
  return {
    async stat(uri) {
      if (!enabled()) throw unavailable();
      try {
        return await connection.sendRequest(FileStatRequest, { uri });
      } catch (e) {
        throw fileError(e);
      }
    },
    async readFile(uri) {
      if (!enabled()) throw unavailable();
      let base64: string;
      try {
        base64 = (await connection.sendRequest(ReadFileRequest, { uri })).base64;
      } catch (e) {
        throw fileError(e);
      }
      return decodeBase64(base64);
    },
  };
}

/** file: URIs from `local` (when given), every other URI from `remote`. */
export function filesByScheme(local: Files | null, remote: Files): Files {
  const pick = (uri: string): Files => (local && uri.startsWith('file:') ? local : remote);
  return {
    stat: (uri) => pick(uri).stat(uri),
    readFile: (uri) => pick(uri).readFile(uri),
  };
}
