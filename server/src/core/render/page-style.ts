// The stylesheet of an exported page: self-contained (no VS Code variables to lean on), light and dark by the
// reader's colour scheme, and printable. The preview's own stylesheet (media/preview.css) styles the same classes
// with the editor theme's colours; test/unit/render.styles.test.ts keeps the two covering the same classes.

import { COLLATION_CSS } from '../collate/view';

export const PAGE_CSS =
  `
:root { color-scheme: light dark; --fg: #1f1f1f; --bg: #fdfcf8; --muted: #6b6b6b; --del: #a1260d; --add: #116329;
  --hand: #5a3e9e; --changed-del: rgba(207, 34, 46, 0.16); --changed-add: rgba(26, 127, 55, 0.18); --rule: #d8d4c8; --hover: rgba(0, 0, 0, 0.06); }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --bg: #1e1e1e; --muted: #a0a0a0; --del: #f48771; --add: #89d185; --hand: #c5a5f5;
    --changed-del: rgba(244, 135, 113, 0.22); --changed-add: rgba(137, 209, 133, 0.22); --rule: #444; --hover: rgba(255, 255, 255, 0.08); }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 17px/1.6 Georgia, "Times New Roman", serif; }
#emend-preview { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
#emend-preview[data-view="side-by-side"] { max-width: 80rem; }
.emend-p { white-space: pre-line; margin: 0 0 1em; }
.emend-header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5em; padding-bottom: 0.5em; }
.emend-title { font-size: 1.5em; margin: 0 0 0.4em; }
.emend-fields { margin: 0; font-size: 0.9em; color: var(--muted); }
.emend-fields > div { display: flex; gap: 0.6em; }
.emend-fields dt { font-weight: bold; min-width: 7em; }
.emend-fields dd { margin: 0; }
.emend-del { text-decoration: line-through; text-decoration-color: var(--del); color: var(--del); }
.emend-add { text-decoration: none; color: var(--add); position: relative; top: -0.45em; font-size: 0.85em; background: var(--changed-add); border-radius: 2px; padding: 0 0.15em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.emend-add::before { content: "\\2038"; position: relative; top: 0.45em; margin-right: 0.05em; }
.emend-hand { font-family: "Segoe Script", "Bradley Hand", "Comic Sans MS", cursive; color: var(--hand); }
.emend-subst { border-radius: 2px; }
.emend-subst:hover, .emend-del:hover, .emend-add:hover, .emend-hand:hover { background: var(--hover); }
.emend-unclosed { outline: 1px dashed var(--del); }
.emend-row { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin: 0 0 1em; }
.emend-col { white-space: pre-line; }
.emend-row-heading { position: sticky; top: 0; z-index: 1; background: var(--bg); font-weight: bold; border-bottom: 1px solid var(--rule); margin-bottom: 1em; }
.emend-col-empty, .emend-absent { color: var(--muted); font-style: italic; }
.emend-changed { color: inherit; border-radius: 2px; }
.emend-changed-del { background: var(--changed-del); }
.emend-changed-add { background: var(--changed-add); }
.emend-empty-document { color: var(--muted); font-style: italic; }
@media (max-width: 28rem) {
  .emend-row { grid-template-columns: 1fr; gap: 0.25rem; }
  .emend-row-heading { display: none; }
  .emend-col-draft::before, .emend-col-final::before { display: block; font-size: 0.8em; color: var(--muted); }
  .emend-col-draft::before { content: "Draft"; }
  .emend-col-final::before { content: "Final"; }
}
.emend-supplied.emend-editorial { font-style: italic; }
.emend-supplied.emend-editorial::before, .emend-supplied-lost.emend-leiden::before { content: "["; font-style: normal; }
.emend-supplied.emend-editorial::after, .emend-supplied-lost.emend-leiden::after { content: "]"; font-style: normal; }
.emend-supplied-omitted.emend-leiden::before { content: "\\27E8"; }
.emend-supplied-omitted.emend-leiden::after { content: "\\27E9"; }
.emend-unclear.emend-editorial { text-decoration: underline dotted; text-underline-offset: 0.2em; cursor: help; }
.emend-unclear.emend-leiden { cursor: help; }
.emend-gap.emend-editorial { color: var(--muted); background: var(--hover); border: 1px solid var(--rule); border-radius: 3px; padding: 0 0.25em; font-size: 0.9em; }
.emend-gap.emend-leiden { color: var(--muted); }
.emend-note { position: relative; cursor: help; color: var(--hand); }
.emend-note.emend-editorial, .emend-note.emend-leiden { vertical-align: super; font-size: 0.7em; line-height: 0; }
.emend-note:focus::after { content: attr(data-note); position: absolute; left: 0; top: 1.6em; z-index: 3; min-width: 12em; max-width: 24em; padding: 0.3em 0.5em; line-height: 1.4; font-size: 14px; white-space: normal; color: var(--fg); background: var(--bg); border: 1px solid var(--rule); }
.emend-page.emend-editorial, .emend-column.emend-editorial { display: block; margin: 0.6em 0; border-top: 1px solid var(--rule); font: 0.8em sans-serif; color: var(--muted); }
.emend-column.emend-editorial { border-top-style: dashed; }
.emend-page.emend-leiden, .emend-column.emend-leiden, .emend-word-break { color: var(--muted); }
.emend-place-above { top: -0.45em; }
.emend-place-below { top: 0.45em; }
.emend-place-below::before { top: -0.45em; }
.emend-place-margin { float: right; clear: right; top: 0; max-width: 35%; margin: 0 0 0.3em 1em; border-left: 2px solid currentColor; }
.emend-place-margin::before, .emend-place-inline::before, .emend-place-over::before { content: none; }
.emend-place-inline { top: 0; font-size: 1em; }
.emend-place-over { top: 0; font-size: 1em; border-bottom: 3px double currentColor; }
@media print { body { background: #fff; color: #000; } #emend-preview { max-width: none; padding: 0; } }
` + COLLATION_CSS;
