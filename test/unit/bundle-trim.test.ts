// The client bundles leave out the language client's features Emend's server does not use
// (scripts/lsp-client-trim.mjs). These tests keep that list honest: the server declares no capability that a left-out
// feature serves and registers none dynamically, the list still names the library's modules, and the bundle really
// goes without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { FEATURES } from '../../server/src/lsp/start-server';

const ROOT = path.resolve(__dirname, '../../..');
const LIBRARY = path.join(ROOT, 'node_modules/vscode-languageclient/lib/common');
const SERVER_LIBRARY = path.join(ROOT, 'node_modules/vscode-languageserver/lib/common');

interface Trim {
  UNUSED_CLIENT_FEATURES: Record<string, string[]>;
  trimLanguageClient(): esbuild.Plugin;
  inertModule(source: string): string;
  UNUSED_SERVER_FEATURES: Record<string, string>;
  identityMixinModule(source: string): string;
}
/** What the notebook feature's stand-in offers the library. */
interface InertNotebook {
  new (): {
    registrationType: { method: string };
    fillClientCapabilities(capabilities: object): void;
    initialize(): void;
    getState(): unknown;
    clear(): void;
    register(): void;
    unregister(): void;
    handles(document: unknown): boolean;
    onOpenNotificationSent(listener: () => void): { dispose(): void };
  };
  CellScheme: string;
}
const trim = (): Promise<Trim> =>
  import(pathToFileURL(path.join(ROOT, 'scripts/lsp-client-trim.mjs')).href) as Promise<Trim>;

/** The server's capabilities as key paths: `hoverProvider`, and `workspace.x` for what sits under `workspace`. */
function serverCapabilityPaths(): string[] {
  const paths = ['textDocumentSync'];
  for (const f of FEATURES) {
    for (const [key, value] of Object.entries(f.capabilities ?? {})) {
      if (key === 'workspace' && value && typeof value === 'object') {
        for (const sub of Object.keys(value)) paths.push(`workspace.${sub}`);
      } else paths.push(key);
    }
  }
  return paths.sort();
}

test('the server declares no capability that a left-out client feature serves', async () => {
  const { UNUSED_CLIENT_FEATURES } = await trim();
  const served = serverCapabilityPaths();
  assert.deepEqual(served, [
    'codeActionProvider',
    'diagnosticProvider',
    'documentSymbolProvider',
    'foldingRangeProvider',
    'hoverProvider',
    'textDocumentSync',
  ]);
  const leftOut = new Map(
    Object.entries(UNUSED_CLIENT_FEATURES).flatMap(([module, caps]) => caps.map((c) => [c, module] as const)),
  );
  assert.deepEqual(
    served.filter((c) => leftOut.has(c)).map((c) => `${c} needs ${leftOut.get(c)}`),
    [],
  );
});

test('the server registers nothing dynamically but file watchers (kept in the client)', () => {
  const registrations: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/\.client\.register\(\s*([\w.]+)/g)) registrations.push(m[1]!);
      }
    }
  };
  walk(path.join(ROOT, 'server/src'));
  assert.deepEqual(registrations, ['DidChangeWatchedFilesNotification.type']);
});

test('each left-out module exists and only client.js requires it', async () => {
  const { UNUSED_CLIENT_FEATURES } = await trim();
  const sources = readdirSync(LIBRARY)
    .filter((f) => f.endsWith('.js'))
    .map((f) => [f, readFileSync(path.join(LIBRARY, f), 'utf8')] as const);
  for (const module of Object.keys(UNUSED_CLIENT_FEATURES)) {
    const requirers = sources.filter(([, s]) => s.includes(`require("./${module}")`)).map(([f]) => f);
    assert.deepEqual(requirers, ['client.js'], module);
  }
});

test('the kept parts look up no left-out feature but the notebook one, whose stand-in is a dynamic feature that never fires', async () => {
  const { UNUSED_CLIENT_FEATURES, inertModule } = await trim();
  const kept = readdirSync(LIBRARY).filter((f) => f.endsWith('.js') && !(f.slice(0, -3) in UNUSED_CLIENT_FEATURES));
  const lookedUp = new Set<string>();
  for (const f of kept) {
    const source = readFileSync(path.join(LIBRARY, f), 'utf8');
    for (const m of source.matchAll(/getFeature\((?:vscode_languageserver_protocol_1\.)?(\w+)\.method\)/g))
      lookedUp.add(m[1]!);
  }
  // The text synchronisation features are kept; the notebook one is the stand-in below.
  assert.deepEqual([...lookedUp].sort(), [
    'DidChangeTextDocumentNotification',
    'DidCloseTextDocumentNotification',
    'DidOpenTextDocumentNotification',
    'DidSaveTextDocumentNotification',
    'NotebookDocumentSyncRegistrationType',
  ]);
  const source = inertModule(readFileSync(path.join(LIBRARY, 'notebook.js'), 'utf8'));
  const exports: { NotebookDocumentSyncFeature?: InertNotebook } = {};
  const load = createRequire(path.join(LIBRARY, 'notebook.js'));
  (new Function('exports', 'require', source) as (e: object, r: NodeRequire) => void)(exports, load);
  const Feature = exports.NotebookDocumentSyncFeature!;
  assert.equal(Feature.CellScheme, 'vscode-notebook-cell');
  const feature = new Feature();
  assert.equal(feature.registrationType.method, 'notebookDocument/sync');
  for (const m of ['fillClientCapabilities', 'initialize', 'getState', 'clear', 'register', 'unregister'] as const)
    assert.equal(typeof feature[m], 'function', m);
  const subscription = feature.onOpenNotificationSent(() => assert.fail('never fires'));
  assert.equal(typeof subscription.dispose, 'function');
  assert.equal(feature.handles({ uri: 'file:///a.emend' }), false);
  const capabilities = {};
  feature.fillClientCapabilities(capabilities);
  assert.deepEqual(capabilities, {});
});

test('the browser client bundle goes without them, minimatch included', async () => {
  const { UNUSED_CLIENT_FEATURES, trimLanguageClient } = await trim();
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'client/src/extension.browser.ts')],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    outfile: 'extension.js',
    logLevel: 'silent',
    plugins: [trimLanguageClient()],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const real = inputs.filter((i) => !i.startsWith('lsp-client-trim:'));
  assert.deepEqual(
    real.filter((i) => /node_modules\/(minimatch|brace-expansion)\//.test(i)),
    [],
  );
  const libraryModules = new Set(
    real.filter((i) => i.includes('vscode-languageclient/lib/common/')).map((i) => path.basename(i, '.js')),
  );
  assert.deepEqual(
    Object.keys(UNUSED_CLIENT_FEATURES).filter((m) => libraryModules.has(m)),
    [],
  );
  // The kept features are still there.
  for (const kept of ['hover', 'diagnostic', 'codeAction', 'documentSymbol', 'foldingRange', 'textSynchronization']) {
    assert.ok(libraryModules.has(kept), kept);
  }
  const standIns = inputs.filter((i) => i.startsWith('lsp-client-trim:')).map((i) => path.basename(i, '.js'));
  assert.deepEqual(standIns.sort(), [...Object.keys(UNUSED_CLIENT_FEATURES), 'globPattern'].sort());
});

/** Every .ts file below server/src, with its text. */
function serverSources(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) out.push([path.relative(ROOT, p), readFileSync(p, 'utf8')]);
    }
  };
  walk(path.join(ROOT, 'server/src'));
  return out;
}

test("the server's code uses none of the language server library's left-out features", async () => {
  const { UNUSED_SERVER_FEATURES } = await trim();
  const properties = Object.values(UNUSED_SERVER_FEATURES).map((p) => p.split('.')[1]!);
  assert.ok(properties.includes('semanticTokens'));
  const uses: string[] = [];
  for (const [file, source] of serverSources()) {
    for (const p of properties) if (new RegExp(`\\.${p}\\b`).test(source)) uses.push(`${file}: .${p}`);
    for (const m of source.matchAll(/\b(NotebookDocuments|SemanticTokensBuilder|SemanticTokensDiff)\b/g))
      uses.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(uses, []);
  // Only the library's connection (server.js) and its re-exports (api.js) require them.
  const sources = readdirSync(SERVER_LIBRARY)
    .filter((f) => f.endsWith('.js'))
    .map((f) => [f, readFileSync(path.join(SERVER_LIBRARY, f), 'utf8')] as const);
  for (const module of Object.keys(UNUSED_SERVER_FEATURES)) {
    const requirers = sources.filter(([, src]) => src.includes(`require("./${module}")`)).map(([f]) => f);
    assert.ok(
      requirers.length > 0 && requirers.every((f) => f === 'server.js' || f === 'api.js'),
      `${module}: ${requirers.join(', ')}`,
    );
  }
});

test('a left-out server mixin gives its base back, and its other exports say they were left out', async () => {
  const { identityMixinModule } = await trim();
  const exports: { SemanticTokensFeature?: (base: unknown) => unknown; SemanticTokensBuilder?: new () => unknown } = {};
  const source = identityMixinModule(readFileSync(path.join(SERVER_LIBRARY, 'semanticTokens.js'), 'utf8'));
  (new Function('exports', source) as (e: object) => void)(exports);
  class Base {}
  assert.equal(exports.SemanticTokensFeature!(Base), Base);
  assert.throws(() => new exports.SemanticTokensBuilder!(), {
    message: "vscode-languageserver SemanticTokensBuilder is left out of Emend's bundle (scripts/lsp-client-trim.mjs)",
  });
});
