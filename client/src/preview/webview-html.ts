// The preview's HTML shell: a strict Content-Security-Policy (nothing but our own stylesheet and one script with a
// fresh nonce), the toolbar, an empty main element the script fills, and the state the script starts from.
// Pure: the panel passes in what it got from VS Code, so the policy is unit-tested.
import type { PreviewSettings, PreviewState } from './messages';

export interface ShellInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  state: PreviewState;
  settings: PreviewSettings;
}

/** A fresh nonce for each page the panel loads. */
export function newNonce(): string {
  // The Web Crypto API: in Node (20+), in browsers and in the web worker that runs the extension there.
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function previewShell(input: ShellInput): string {
  const data = esc(JSON.stringify({ state: input.state, settings: input.settings }));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta id="emend-preview-data" data-preview="${data}">
<link rel="stylesheet" href="${esc(input.styleUri)}">
<title>Emend Preview</title>
</head>
<body>
<nav id="emend-toolbar" aria-label="Emend preview">
<div id="emend-views" role="tablist" aria-label="Views"></div>
<span id="emend-status" role="status" aria-live="polite"></span>
<button id="emend-lock" type="button" aria-pressed="${input.state.locked}" title="Lock the preview to this document">Locked</button>
</nav>
<div id="emend-error" role="alert" hidden></div>
<main id="emend-preview" data-view="${esc(input.state.view)}" aria-label="Preview" aria-busy="true"></main>
<script nonce="${esc(input.nonce)}" src="${esc(input.scriptUri)}"></script>
</body>
</html>`;
}
