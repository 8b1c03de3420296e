// Lint: ESLint's and typescript-eslint's recommended rules, plus the layering rules the architecture depends on
// (docs/architecture.md): the core is pure, the webview script is browser code, and nothing ships test code.
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

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.cache/',
      'test-results/',
      'media/preview.js',
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
  {
    // The core: the markup's one meaning, shared by the server, the CLI, the tests and (later) a web worker.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*'],
              message: 'The core imports neither vscode nor the LSP libraries: put the glue in server/src/lsp/.',
            },
            {
              group: NODE_BUILTINS,
              message: 'The core imports no Node built-ins: ask the host (files) or take the data as an argument.',
            },
            {
              group: ['**/lsp/*', '**/cli/*', '**/client/*', '../lsp', '../cli'],
              message: 'The core depends on nothing outside it.',
            },
          ],
        },
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
    // The client runs on Node (desktop, remote) and in a web worker (vscode.dev, github.dev) from one source: only
    // the Node entry may use Node, and only each entry picks its flavour of the language client.
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/extension.ts', 'client/src/extension.browser.ts', 'client/src/preview/webview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: NODE_BUILTINS,
              message:
                'The client runs in a web worker too: use workspace.fs, uri-paths.ts, TextEncoder/TextDecoder, crypto.',
            },
            {
              group: ['vscode-languageclient/*'],
              message: "Import 'vscode-languageclient' (BaseLanguageClient); only the entries pick /node or /browser.",
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: `${name} is Node's: the client runs in a web worker too.`,
        })),
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
