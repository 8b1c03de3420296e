// A small LSP client for the protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC over stdio
// as VS Code would. It answers the server's requests (workspace/configuration from `settings`, capability
// registrations, diagnostic refreshes, messages) and records them so tests can assert on them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type RequestType,
} from 'vscode-jsonrpc/node';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  message: string;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  severity?: number;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Capabilities VS Code announces that matter here. */
export const VSCODE_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true },
    diagnostic: { dynamicRegistration: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
  },
  window: { showMessage: {} },
};

export interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

export class LspClient {
  readonly conn: MessageConnection;
  /** Every `workspace/configuration` item the server asked for, in order. */
  readonly configurationRequests: ConfigurationItem[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly messages: { type: number; message: string }[] = [];
  refreshes = 0;
  /** `emend/projectFileChanged` notifications received. */
  projectFileChanges = 0;
  /** `textDocument/publishDiagnostics` notifications, in order (for clients that do not pull). */
  readonly published: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
  /** What `workspace/configuration` answers for an item. */
  settings: (item: ConfigurationItem) => unknown = () => null;
  private readonly stderr: string[] = [];
  private exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcess) {
    this.conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    proc.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.exited = new Promise((res) => proc.on('exit', (code) => res(code)));
    this.conn.onRequest('workspace/configuration', (params: { items: ConfigurationItem[] }) => {
      this.configurationRequests.push(...params.items);
      return params.items.map((i) => this.settings(i));
    });
    this.conn.onRequest(
      'client/registerCapability',
      (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
        this.registrations.push(...params.registrations);
        return null;
      },
    );
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    this.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.messages.push(p);
      return null;
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('emend/projectFileChanged', () => {
      this.projectFileChanges++;
    });
    this.conn.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
        this.published.push(p);
      },
    );
    this.conn.listen();
  }

  /** Starts the server and (unless told otherwise) initializes it with VS Code's capabilities. */
  static async start(
    options: { capabilities?: object; initialize?: boolean; execArgv?: string[]; initializationOptions?: object } = {},
  ): Promise<LspClient> {
    const proc = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const client = new LspClient(proc);
    if (options.initialize !== false)
      await client.initialize(options.capabilities ?? VSCODE_CAPABILITIES, options.initializationOptions);
    return client;
  }

  async initialize(
    capabilities: object,
    initializationOptions?: object,
  ): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
      ...(initializationOptions ? { initializationOptions } : {}),
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Sends a request as a client would: typed by its RequestType, or (to test malformed ones) by method name. */
  request<P, R>(type: RequestType<P, R, unknown>, params: P): Promise<R>;
  request<R>(method: string, params: unknown): Promise<R>;
  request<R>(type: string | RequestType<unknown, R, unknown>, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(typeof type === 'string' ? type : type.method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'emend', version, text } });
  }

  async change(
    uri: string,
    version: number,
    changes: ({ range: Range; text: string } | { text: string })[],
  ): Promise<void> {
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    return report.items;
  }

  hover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string }; range: Range } | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return this.request('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  /** Waits until `test` is true of this client, polling; fails after `ms`. For server → client traffic. */
  async until(test: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end) throw new Error('timed out waiting for the server');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  get errorOutput(): string {
    return this.stderr.join('');
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Shuts the server down politely and waits for it to exit (killing it if it does not). */
  async stop(): Promise<number | null> {
    if (this.alive) {
      try {
        await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
        await this.notify('exit', null);
      } catch {
        /* already gone */
      }
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    const code = await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }
}

export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
  };
}

/** The text edits of a code action for one document, whichever form the server used. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  if (action.edit?.documentChanges)
    return action.edit.documentChanges.filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits);
  return action.edit?.changes?.[uri] ?? [];
}

/** Applies LSP text edits to a text as an editor would (all ranges refer to the original text). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits
    .map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

let counter = 0;
/** A folder of its own for this test process, so no `.emend.json` of the repository's applies by accident. */
export const TEST_DIR = mkdtempSync(join(tmpdir(), 'emend-protocol-'));
process.on('exit', () => rmSync(TEST_DIR, { recursive: true, force: true }));

/** A fresh `file:` URI for a test document (the file itself need not exist). */
export function docUri(name = 'doc', dir = TEST_DIR): string {
  counter++;
  return pathToFileURL(join(dir, `${name}-${process.pid}-${counter}.emend`)).href;
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
