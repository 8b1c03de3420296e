// Leaves out of the client bundles the parts of vscode-languageclient that Emend's server never uses.
//
// The library is CommonJS, so esbuild cannot tree-shake it: its client.js requires every LSP feature (notebooks,
// semantic tokens, completion, rename, inlay hints, file operations with their glob library minimatch, …) and
// registers each one on every client, whether the server offers it or not. Minified, those features were about
// 105 KB of the 480 KB browser client. Each module below is replaced by an inert feature of the same name: it
// advertises no client capability and registers nothing, so a server capability it would have served is simply
// not used. The table names, for each module, the server capabilities it serves; test/unit/bundle-trim.test.ts
// checks that Emend's server declares none of them and registers none of their methods dynamically, so giving the
// server such a feature fails the tests until the module is taken off this list.
//
// The server bundles likewise leave out vscode-languageserver's feature mixins the server never uses
// (UNUSED_SERVER_FEATURES): each adds one property to the connection (`connection.languages.semanticTokens`, …),
// and without it the connection simply lacks that property; the same test checks the server's code uses none.

import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

/** vscode-languageclient/lib/common/<module>.js → the server capabilities (initialize result keys) it serves. */
export const UNUSED_CLIENT_FEATURES = {
  notebook: ['notebookDocumentSync'],
  semanticTokens: ['semanticTokensProvider'],
  fileOperations: ['workspace.fileOperations'],
  formatting: ['documentFormattingProvider', 'documentRangeFormattingProvider', 'documentOnTypeFormattingProvider'],
  rename: ['renameProvider'],
  completion: ['completionProvider'],
  callHierarchy: ['callHierarchyProvider'],
  typeHierarchy: ['typeHierarchyProvider'],
  inlayHint: ['inlayHintProvider'],
  inlineValue: ['inlineValueProvider'],
  inlineCompletion: ['inlineCompletionProvider'],
  linkedEditingRange: ['linkedEditingRangeProvider'],
  codeLens: ['codeLensProvider'],
  signatureHelp: ['signatureHelpProvider'],
  colorProvider: ['colorProvider'],
  workspaceSymbol: ['workspaceSymbolProvider'],
  documentLink: ['documentLinkProvider'],
  documentHighlight: ['documentHighlightProvider'],
  definition: ['definitionProvider'],
  declaration: ['declarationProvider'],
  typeDefinition: ['typeDefinitionProvider'],
  implementation: ['implementationProvider'],
  reference: ['referencesProvider'],
  selectionRange: ['selectionRangeProvider'],
  textDocumentContent: ['workspace.textDocumentContent'],
};

/**
 * vscode-languageserver/lib/common/<module>.js → the connection property its mixin adds (the modules' other
 * exports, NotebookDocuments and the semantic tokens builders, are not used either).
 */
export const UNUSED_SERVER_FEATURES = {
  notebook: 'notebooks.synchronization',
  semanticTokens: 'languages.semanticTokens',
  callHierarchy: 'languages.callHierarchy',
  typeHierarchy: 'languages.typeHierarchy',
  inlayHint: 'languages.inlayHint',
  inlineValue: 'languages.inlineValue',
  moniker: 'languages.moniker',
  linkedEditingRange: 'languages.onLinkedEditingRange',
  inlineCompletion: 'languages.inlineCompletion',
  textDocumentContent: 'workspace.textDocumentContent',
  fileOperations: 'workspace.onDidCreateFiles',
  showDocument: 'window.showDocument',
};

/**
 * utils/globPattern.js (with minimatch) is used only by the pull-diagnostics feature, to match a document filter
 * that has a `pattern` and no `language`. Emend's document selector is `[{ language: 'emend' }]`, and the library
 * rejects a filter with a language before it looks at a pattern, so the matcher is never reached: its stand-in
 * matches nothing, as the real one does for a pattern it cannot use.
 */
const GLOB_PATTERN_STANDIN = 'exports.matchGlobPattern = function matchGlobPattern() { return false; };';

/**
 * The stand-in for a feature module: an inert static feature under each name the module exports. The notebook
 * feature's is a dynamic feature that registers nothing, because two kept parts of the library look it up: client.js
 * (its cell scheme, and whether it handles a document: never) and the pull-diagnostics feature, which subscribes to
 * its "notebook opened" event (that never fires).
 */
export function inertModule(source) {
  const names = [...new Set([...source.matchAll(/^exports\.(\w+) = (?!void 0)/gm)].map((m) => m[1]))];
  const lines = [
    '"use strict";',
    'class InertFeature {',
    '  constructor() {}',
    "  getState() { return { kind: 'static' }; }",
    '  fillClientCapabilities() {}',
    '  initialize() {}',
    '  clear() {}',
    '}',
  ];
  for (const n of names) {
    if (n !== 'NotebookDocumentSyncFeature') {
      lines.push(`exports.${n} = class ${n} extends InertFeature {};`);
      continue;
    }
    const scheme = /static CellScheme = '([^']+)'/.exec(source);
    if (!scheme) throw new Error('lsp-client-trim: NotebookDocumentSyncFeature.CellScheme not found');
    lines.push(
      'const protocol = require("vscode-languageserver-protocol");',
      'const never = () => ({ dispose() {} });',
      'exports.NotebookDocumentSyncFeature = class NotebookDocumentSyncFeature extends InertFeature {',
      `  static CellScheme = '${scheme[1]}';`,
      '  registrationType = protocol.NotebookDocumentSyncRegistrationType.type;',
      '  register() {}',
      '  unregister() {}',
      '  handles() { return false; }',
      '  get onOpenNotificationSent() { return never; }',
      '  get onChangeNotificationSent() { return never; }',
      '  get onCloseNotificationSent() { return never; }',
      '  get onSaveNotificationSent() { return never; }',
      '};',
    );
  }
  return lines.join('\n');
}

/**
 * The stand-in for a server feature module: each mixin (`XFeature = (Base) => class extends Base {…}`) gives back
 * its base unchanged; any other export is a class that says it was left out, should anything construct it.
 */
export function identityMixinModule(source) {
  const names = [...new Set([...source.matchAll(/^exports\.(\w+) = (?!void 0)/gm)].map((m) => m[1]))];
  return [
    '"use strict";',
    ...names.map((n) =>
      n.endsWith('Feature')
        ? `exports.${n} = (Base) => Base;`
        : `exports.${n} = class ${n} { constructor() { throw new Error('vscode-languageserver ${n} is left out of Emend\\'s bundle (scripts/lsp-client-trim.mjs)'); } };`,
    ),
  ].join('\n');
}

/** The esbuild plugin. Fails the build if a listed module is missing or exports nothing (a library upgrade). */
export function trimLanguageClient() {
  return {
    name: 'lsp-client-trim',
    setup(build) {
      const modules = Object.keys(UNUSED_CLIENT_FEATURES).join('|');
      const filter = new RegExp(`^\\./(${modules}|utils/globPattern)$`);
      build.onResolve({ filter }, (args) => {
        if (!/[\\/]vscode-languageclient[\\/]lib[\\/]common$/.test(args.resolveDir)) return undefined;
        return { path: path.join(args.resolveDir, `${args.path}.js`), namespace: 'lsp-client-trim' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lsp-client-trim' }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (/[\\/]globPattern\.js$/.test(args.path)) {
          if (!source.includes('exports.matchGlobPattern = matchGlobPattern')) {
            throw new Error('lsp-client-trim: utils/globPattern.js no longer exports matchGlobPattern alone');
          }
          return { contents: GLOB_PATTERN_STANDIN, loader: 'js' };
        }
        const contents = inertModule(source);
        if (!contents.includes(' extends InertFeature'))
          throw new Error(`lsp-client-trim: ${args.path} exports nothing`);
        return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** The server bundles' plugin: the feature mixins of UNUSED_SERVER_FEATURES become identities. */
export function trimLanguageServer() {
  return {
    name: 'lsp-server-trim',
    setup(build) {
      const filter = new RegExp(`^\\./(${Object.keys(UNUSED_SERVER_FEATURES).join('|')})$`);
      build.onResolve({ filter }, (args) => {
        if (!/[\\/]vscode-languageserver[\\/]lib[\\/]common$/.test(args.resolveDir)) return undefined;
        return { path: path.join(args.resolveDir, `${args.path}.js`), namespace: 'lsp-server-trim' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lsp-server-trim' }, async (args) => {
        const contents = identityMixinModule(await readFile(args.path, 'utf8'));
        if (!contents.includes('(Base) => Base')) throw new Error(`lsp-server-trim: ${args.path} has no feature mixin`);
        return { contents, loader: 'js' };
      });
    },
  };
}
