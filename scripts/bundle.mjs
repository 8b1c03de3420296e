// Bundles the entry points with esbuild. Type-checking is `tsc -b`'s job (run first by `npm run build`).
import * as esbuild from 'esbuild';
import { trimLanguageClient, trimLanguageServer } from './lsp-client-trim.mjs';

const watch = process.argv.includes('--watch');
// --release (npm run package): the two bundles the .vsix ships minified, without source maps. `npm run build`, F5
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
// The client bundle leaves out the language client's features the server does not use, and the server the
// language server library's features they do not use (lsp-client-trim.mjs).
const client = { external: ['vscode'], plugins: [trimLanguageClient()] };
const server = { plugins: [trimLanguageServer()] };
// The extension and its server are one bundle each for both hosts (client/src/main.ts, server/src/main.ts): the
// manifest's `main` and `browser` both name dist/extension.js, which starts dist/server.js as a Node process or as a
// web worker. The libraries' `browser` and `node` entries both resolve (conditions), and Node's modules stay
// outside the bundle (platform 'node'), required only on the Node path.
const bothHosts = { platform: 'node', conditions: ['browser'], target: 'es2022' };
const builds = [
  { entryPoints: ['client/src/main.ts'], outfile: 'dist/extension.js', ...bothHosts, ...client, ...shipped },
  // iife: a web worker runs it as a classic script, where `module` and `exports` do not exist.
  {
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    ...bothHosts,
    format: 'iife',
    ...server,
    ...shipped,
  },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The browser entries bundled for the browser and thrown away: platform 'browser' makes a Node import on the
  // browser path (a dependency's, too) fail the build.
  ...[
    { entryPoints: ['client/src/extension.browser.ts'], ...client },
    { entryPoints: ['server/src/server.browser.ts'], ...server },
  ].map((b) => ({ platform: 'browser', target: 'es2022', write: false, outdir: 'dist/check', sourcemap: false, ...b })),
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
