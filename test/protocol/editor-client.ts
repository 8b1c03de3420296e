// A small LSP client for the editor requests' protocol tests: starts dist/server.js over stdio and speaks
// JSON-RPC to it as VS Code would (vscode-jsonrpc, which comes with the server package).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface TestServer {
  connection: MessageConnection;
  request<R>(method: string, params: unknown): Promise<R>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: unknown[]): void;
  close(uri: string): void;
  stop(): Promise<void>;
}

const SERVER = path.join(__dirname, '..', '..', '..', 'dist', 'server.js');

export async function startServer(capabilities: Record<string, unknown> = defaultCapabilities()): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  // The server may ask for configuration; answer with nothing set, as a fresh VS Code would.
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    request: <R>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<R>,
    open(uri, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'emend', version, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch { /* already gone */ }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => { child.kill(); resolve(); }, 2000);
          child.once('exit', () => { clearTimeout(timer); resolve(); });
        });
      }
    },
  };
}

export function defaultCapabilities(): Record<string, unknown> {
  return {
    textDocument: {
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
      diagnostic: { dynamicRegistration: false },
    },
    workspace: { configuration: true },
  };
}
