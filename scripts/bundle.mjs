// Bundles the three entry points with esbuild. Type-checking is `tsc -b`'s job (run first by `npm run build`).
import * as esbuild from 'esbuild';
import { trimLanguageClient, trimLanguageServer } from './lsp-client-trim.mjs';

const watch = process.argv.includes('--watch');
// --release (npm run package): the four bundles the .vsix ships minified, without source maps. `npm run build`, F5
// and the tests keep readable bundles with source maps.
const release = process.argv.includes('--release');
const shipped = release ? { minify: true, sourcemap: false } : {};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};
// Both client bundles leave out the language client's features the server does not use, and both servers the
// language server library's features they do not use (lsp-client-trim.mjs).
const client = { external: ['vscode'], plugins: [trimLanguageClient()] };
const server = { plugins: [trimLanguageServer()] };
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', ...client, ...shipped },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', ...server, ...shipped },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The browser entries (the manifest's `browser`; vscode.dev, github.dev): the extension in VS Code's web worker
  // extension host, the server in a web worker of its own. platform 'browser' makes a Node import fail the build.
  ...[
    { entryPoints: ['client/src/extension.browser.ts'], outfile: 'dist/web/extension.js', ...client },
    { entryPoints: ['server/src/server.browser.ts'], outfile: 'dist/web/server.js', format: 'iife', ...server },
  ].map((b) => ({ platform: 'browser', target: 'es2022', format: 'cjs', ...b, ...shipped })),
  // The preview webview's script: runs in the webview, so it lives under media/ (the webview's only resource root).
  // The facsimile viewer's script, likewise (with the TIFF decoder it bundles). The decoder calls only pako's
  // inflateRaw (Deflate-compressed TIFFs), so it gets pako's inflate half: pako's deflate is never used.
  {
    entryPoints: ['client/src/facsimile/webview/main.ts'],
    alias: { pako: 'pako/lib/inflate.js' },
    outfile: 'media/facsimile.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
    minify: true,
  },
  {
    entryPoints: ['client/src/preview/webview/main.ts'],
    outfile: 'media/preview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
  },
];
for (const b of builds) {
  const options = { ...common, ...b };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
  }
}
if (watch) console.log('esbuild: watching client, server and cli');
