// Lint: ESLint's and typescript-eslint's recommended rules, plus the layering rules the architecture depends on
// (docs/architecture.md): what each layer may import, and custom messages named by their typed objects.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'util',
  'url',
  'stream',
  'events',
  'net',
  'http',
  'https',
  'worker_threads',
];

function LSP_AND_VSCODE(message) {
  return { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message };
}

function NODE(message) {
  return { group: NODE_BUILTINS, message };
}

const CLIENT_ASKS_SERVER = {
  regex: '^(\\.\\./)+server/src/(?!protocol$|core/render/markdown-it$)',
  message:
    'The client asks the server (protocol.ts) for anything that needs the markup; of the core it bundles only the Markdown preview plugin.',
};

/** no-restricted-imports for the files of one layer. */
function layer(files, patterns, ignores = []) {
  return { files: [files], ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.cache/',
      'test-results/',
      'media/preview.js',
      'media/facsimile.js',
      'scripts/start-helper/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // The layers (docs/architecture.md). Each tsconfig already limits what a layer sees (no DOM or Node types in the
  // pure layers); these rules name what it may import, with the reason.
  layer('server/src/core/**/*.ts', [
    LSP_AND_VSCODE('The core imports neither vscode nor the LSP libraries: put the glue in server/src/lsp/.'),
    { group: ['vscode-uri'], message: 'The core works on text, not locations: resolve URIs in server/src/host/.' },
    NODE('The core imports no Node built-ins: ask the host (files) or take the data as an argument.'),
    {
      group: ['**/lsp/**', '**/cli/**', '**/host/**', '**/client/**', '**/protocol'],
      message: 'The core depends on nothing outside it.',
    },
  ]),
  layer(
    'server/src/host/**/*.ts',
    [
      LSP_AND_VSCODE('The host is the file interface, for the server and the CLI alike: no LSP, no vscode.'),
      NODE('Only host/node.ts uses Node: the host runs in a web worker too.'),
      { group: ['**/lsp/**', '**/cli/**', '**/client/**'], message: 'The host builds on the core only.' },
    ],
    ['server/src/host/node.ts'],
  ),
  layer('server/src/protocol.ts', [
    {
      group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient*', 'vscode-uri'],
      message: 'protocol.ts is shared by both sides: it imports vscode-languageserver-protocol only.',
    },
    NODE('protocol.ts runs in the client, the server and the browser: no Node built-ins.'),
    { group: ['./*', '../*'], message: 'protocol.ts imports nothing of ours.' },
  ]),
  layer('server/src/lsp/**/*.ts', [
    NODE('The LSP glue runs in a web worker too: read files through ctx.host; Node belongs in server.ts.'),
    {
      group: ['vscode-languageserver/node', 'vscode-languageserver/browser'],
      message: "Import 'vscode-languageserver' (the runtime-neutral API); the entry file picks node or browser.",
    },
    {
      group: ['vscode', 'vscode-languageclient*', '**/cli/**', '**/client/**'],
      message: 'The server is not the client.',
    },
    {
      group: ['**/host/node'],
      message: 'The LSP glue gets its files from ctx.host; only the Node entry (server.ts) chooses nodeFiles.',
    },
  ]),
  layer('client/src/**/*.ts', [
    CLIENT_ASKS_SERVER,
    NODE('The client runs in a web worker too: use workspace.fs, uri-paths.ts, TextEncoder/TextDecoder, crypto.'),
    {
      group: ['vscode-languageclient/*'],
      message: "Import 'vscode-languageclient' (BaseLanguageClient); only the entries pick /node or /browser.",
    },
  ]),
  // The two entries pick their language client; only the Node entry may use Node.
  layer('client/src/extension.ts', [CLIENT_ASKS_SERVER]),
  layer('client/src/extension.browser.ts', [
    CLIENT_ASKS_SERVER,
    NODE('The browser entry runs in a web worker: no Node.'),
    { group: ['vscode-languageclient/node'], message: 'The browser entry starts the server in a web worker.' },
  ]),
  layer('client/src/preview/webview/**/*.ts', [
    LSP_AND_VSCODE('The webview script runs in the page: it talks to the extension by messages only.'),
    NODE('The webview script runs in the page: no Node.'),
    {
      regex: '^(\\.\\./)+(server/|(?!(messages|reconcile|scroll-map|update)$))',
      message:
        'The webview imports only the modules it shares with the extension (messages, reconcile, scroll-map, update).',
    },
  ]),
  layer('client/src/facsimile/webview/**/*.ts', [
    LSP_AND_VSCODE('The facsimile viewer runs in the page: it talks to the extension by messages only.'),
    NODE('The facsimile viewer runs in the page (in vscode.dev too): no Node.'),
    {
      regex: '^(\\.\\./)+(server/|(?!(messages|view-transform)$))',
      message: 'The facsimile viewer imports only the modules it shares with the extension (messages, view-transform).',
    },
  ]),
  {
    files: [
      'server/src/lsp/**/*.ts',
      'server/src/host/**/*.ts',
      'server/src/protocol.ts',
      'server/src/server.browser.ts',
      'client/src/**/*.ts',
    ],
    ignores: ['server/src/host/node.ts', 'client/src/extension.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: `${name} is Node's: this code runs in a web worker too.`,
        })),
      ],
    },
  },
  {
    // Custom messages are named by their typed objects in server/src/protocol.ts, never by a string, so that both
    // sides agree on the parameters and the result (a mismatch does not compile).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(sendRequest|onRequest|sendNotification|onNotification)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]',
          message:
            'Name the message by its RequestType or NotificationType (server/src/protocol.ts, or the LSP library), not by a string.',
        },
      ],
    },
  },
  {
    // End-to-end tests hand functions to page.evaluate, which run in the browser on untyped DOM nodes.
    files: ['test/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
