import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, newNonce, previewShell } from '../../client/src/preview/webview-html';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
  state: { uri: 'file:///x/"><script>alert(1)</script>.emend', view: 'final', locked: false },
  settings: {
    scrollPreviewWithEditor: true,
    scrollEditorWithPreview: false,
    doubleClickToSwitchToEditor: true,
    markEditorSelection: true,
  },
};

test('the CSP allows nothing by default, our stylesheet, and only the script with the nonce', () => {
  const csp = contentSecurityPolicy(input.cspSource, 'N');
  assert.equal(
    csp,
    "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; " +
      'img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; ' +
      "script-src 'nonce-N'; base-uri 'none'; form-action 'none'",
  );
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|http:/);
});

test('every shell gets a fresh, unguessable nonce', () => {
  const seen = new Set(Array.from({ length: 50 }, () => newNonce()));
  assert.equal(seen.size, 50);
  for (const n of seen) assert.match(n, /^[A-Za-z0-9+/]{24}$/);
});

test('the shell carries the CSP, one nonced script, the stylesheet and the labelled elements', () => {
  const html = previewShell(input);
  assert.ok(html.includes('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; '));
  assert.ok(html.includes('script-src &#39;nonce-abc123&#39;'));
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scripts, [`<script nonce="abc123" src="${input.scriptUri}">`]);
  assert.ok(html.includes(`<link rel="stylesheet" href="${input.styleUri}">`));
  assert.match(html, /<main id="emend-preview" data-view="final" aria-label="Preview" aria-busy="true"><\/main>/);
  assert.match(html, /<nav id="emend-toolbar"/);
  assert.match(html, /<div id="emend-views" role="tablist"/);
  assert.match(html, /<button id="emend-lock" type="button" aria-pressed="false"/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test('the state embedded in the shell is escaped data, and reads back as it was', () => {
  const html = previewShell(input);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  const m = /data-preview="([^"]*)"/.exec(html)!;
  const json = m[1]!
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  assert.deepEqual(JSON.parse(json), { state: input.state, settings: input.settings });
});
