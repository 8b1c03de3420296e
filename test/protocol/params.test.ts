// Every request the server handles, standard or Emend's own, answers parameters that are not an object (null, a
// list, a number, a string, none at all) with InvalidParams, and an object with wrong fields with a result or
// InvalidParams: never an internal error. The frames are written by hand, since a well-behaved JSON-RPC library
// cannot send `"params": null`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { RequestType } from 'vscode-languageserver-protocol';
import * as protocol from '../../server/src/protocol';
import { docUri, SERVER } from './client';

const INVALID_PARAMS = -32602;

/** The standard request each capability of the `initialize` result answers. */
const CAPABILITY_REQUESTS: Record<string, string> = {
  hoverProvider: 'textDocument/hover',
  codeActionProvider: 'textDocument/codeAction',
  documentSymbolProvider: 'textDocument/documentSymbol',
  foldingRangeProvider: 'textDocument/foldingRange',
  diagnosticProvider: 'textDocument/diagnostic',
};
/** Capabilities that answer no request of their own. */
const NO_REQUEST = ['textDocumentSync'];

interface Response {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The server over stdio, spoken to in raw frames. */
class RawServer {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number, (r: Response) => void>();

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdout!.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as Response;
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (typeof message.id === 'number' && ('result' in message || 'error' in message)) {
          this.waiting.get(message.id)?.(message);
          this.waiting.delete(message.id);
        } else if (typeof message.id === 'number') {
          // A request from the server (registrations, configuration): answer it plainly.
          this.write({ jsonrpc: '2.0', id: message.id, result: null });
        }
      }
    });
  }

  private write(message: object): void {
    const text = JSON.stringify(message);
    this.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }

  /** Sends a request; `params` is written as given, or left out when it is `absent`. */
  request(method: string, params: unknown): Promise<Response> {
    const id = this.nextId++;
    const answered = new Promise<Response>((resolve) => this.waiting.set(id, resolve));
    this.write({ jsonrpc: '2.0', id, method, ...(params === absent ? {} : { params }) });
    return answered;
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  async stop(): Promise<void> {
    await this.request('shutdown', absent);
    this.notify('exit', null);
    await new Promise((resolve) => this.proc.once('exit', resolve));
  }
}

const absent = Symbol('absent');
const NOT_AN_OBJECT: unknown[] = [null, [null], [], 5, 'text', true, absent];

let server: RawServer;
let capabilities: Record<string, unknown>;
before(async () => {
  server = new RawServer();
  for (const params of NOT_AN_OBJECT) {
    const r = await server.request('initialize', params);
    assert.equal(r.error?.code, INVALID_PARAMS, `initialize with ${String(params)}: ${JSON.stringify(r)}`);
  }
  const init = await server.request('initialize', { processId: null, rootUri: null, capabilities: {} });
  capabilities = (init.result as { capabilities: Record<string, unknown> }).capabilities;
  server.notify('initialized', {});
});
after(async () => {
  await server.stop();
});

/** Every request the server answers: the standard ones its capabilities announce, and every Emend request. */
function handledRequests(): string[] {
  const standard = Object.keys(capabilities).filter((k) => !NO_REQUEST.includes(k));
  for (const k of standard) assert.ok(k in CAPABILITY_REQUESTS, `a request for the capability ${k} is not tested`);
  const requests = Object.values(protocol).filter((v) => v instanceof RequestType) as RequestType<
    unknown,
    unknown,
    void
  >[];
  const custom = requests.filter((t) => !protocol.SERVER_TO_CLIENT_REQUESTS.includes(t)).map((t) => t.method);
  assert.ok(custom.length >= 10, 'the Emend requests are found in protocol.ts');
  return [...standard.map((k) => CAPABILITY_REQUESTS[k]!), ...custom];
}

test('a request whose params are not an object is answered with InvalidParams, whichever request it is', async () => {
  for (const method of handledRequests()) {
    for (const params of NOT_AN_OBJECT) {
      const r = await server.request(method, params);
      assert.equal(r.error?.code, INVALID_PARAMS, `${method} with ${String(params)}: ${JSON.stringify(r)}`);
    }
  }
});

test('a request whose params have wrong fields gets a result or InvalidParams, never an internal error', async () => {
  const uri = docUri();
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'emend', version: 1, text: 'a ~~b~~ c' } });
  const garbage = [{}, { uri: 42, textDocument: 42, position: 'x', range: [], kind: 7, view: {}, path: null }];
  for (const method of handledRequests()) {
    for (const params of [...garbage, { uri, textDocument: { uri } }]) {
      const r = await server.request(method, params);
      assert.ok(
        !r.error || r.error.code === INVALID_PARAMS,
        `${method} with ${JSON.stringify(params)}: ${r.error?.message}`,
      );
    }
  }
  // And the server still answers.
  const hover = await server.request('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 4 },
  });
  assert.match(JSON.stringify(hover.result), /Deletion/);
});

test('a notification whose params are not an object is dropped, and the server carries on', async () => {
  for (const params of NOT_AN_OBJECT) {
    server.notify('textDocument/didOpen', params === absent ? undefined : params);
    server.notify('workspace/didChangeWatchedFiles', params === absent ? undefined : params);
    server.notify('emend/witnessText', params === absent ? undefined : params);
  }
  const r = await server.request('textDocument/diagnostic', { textDocument: { uri: docUri() } });
  assert.deepEqual(r.result, { kind: 'full', items: [] });
});
