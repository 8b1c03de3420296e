// The facsimile's HTML shell: a strict Content-Security-Policy (our stylesheet, one script with a fresh nonce,
// images from the webview's resource roots, and for IIIF from https only), the toolbar, the stage the script draws
// on, and the state it starts from. Pure, so the policy is unit-tested.
import type { FacsimileState } from './messages';

export interface FacsimileShellInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  state: FacsimileState;
}

export function facsimilePolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    // Page images: the workspace's (through the webview's resource roots) and IIIF images over https.
    `img-src ${cspSource} https: blob:`,
    // TIFF files are fetched as bytes to be decoded; IIIF info.json and manifests over https.
    `connect-src ${cspSource} https:`,
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

export function facsimileShell(input: FacsimileShellInput): string {
  const data = esc(JSON.stringify({ state: input.state }));
  const button = (id: string, label: string, title: string) =>
    `<button id="${id}" type="button" title="${esc(title)}" aria-label="${esc(title)}">${label}</button>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(facsimilePolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta id="emend-facsimile-data" data-facsimile="${data}">
<link rel="stylesheet" href="${esc(input.styleUri)}">
<title>Emend Facsimile</title>
</head>
<body>
<nav id="emend-facsimile-toolbar" aria-label="Facsimile">
${button('emend-prev-page', '‹', 'Previous page (Page Up)')}
<span id="emend-page-label" aria-live="polite"></span>
${button('emend-next-page', '›', 'Next page (Page Down)')}
${button('emend-zoom-out', '−', 'Zoom out (-)')}
${button('emend-zoom-in', '+', 'Zoom in (+)')}
${button('emend-fit-width', 'Width', 'Fit width (W)')}
${button('emend-fit-page', 'Page', 'Fit page (0)')}
${button('emend-rotate', '⟳', 'Rotate 90° clockwise (R)')}
<button id="emend-facsimile-draw" type="button" aria-pressed="false" title="Draw a box for the words selected in the editor (D)">Draw</button>
<span id="emend-facsimile-status" role="status" aria-live="polite"></span>
<button id="emend-facsimile-lock" type="button" aria-pressed="${input.state.locked}">Locked</button>
</nav>
<div id="emend-facsimile-error" role="alert" hidden></div>
<div id="emend-facsimile-stage" tabindex="0" role="img" aria-label="Page image" aria-busy="true"><canvas id="emend-facsimile-canvas"></canvas></div>
<script nonce="${esc(input.nonce)}" src="${esc(input.scriptUri)}"></script>
</body>
</html>`;
}
