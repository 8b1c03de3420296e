// The preview's script, bundled by esbuild into media/preview.js and loaded with the page's nonce.
// It builds nothing from the document itself: the server's blocks arrive already escaped, and the page's CSP
// forbids inline handlers and every other script. It patches the DOM block by block, keeps the scroll position,
// syncs scrolling both ways with guards against feedback loops, marks the active line and reveals on double-click.
import {
  isFromWebview,
  toPreviewState,
  type FromWebview,
  type PreviewSettings,
  type PreviewState,
  type ToWebview,
} from '../messages';
import { planBlocks } from '../reconcile';
import { anchorForLine, lineAtOffset, offsetOfLine, type Anchor } from '../scroll-map';
import { stateAfterUpdate, updateAction, type Shown } from '../update';

const vscode = acquireVsCodeApi<unknown>();
const root = document.getElementById('emend-preview')!;
const viewsBar = document.getElementById('emend-views')!;
const lockButton = document.getElementById('emend-lock') as HTMLButtonElement;
const status = document.getElementById('emend-status')!;
const errorBox = document.getElementById('emend-error')!;

// The side-by-side view's Draft / Final headings stick just under the toolbar, whose height changes as it wraps.
const toolbar = document.getElementById('emend-toolbar');
if (toolbar && typeof ResizeObserver === 'function')
  new ResizeObserver(() =>
    document.documentElement.style.setProperty('--emend-toolbar-height', `${toolbar.getBoundingClientRect().height}px`),
  ).observe(toolbar);

const initial = JSON.parse(document.getElementById('emend-preview-data')!.getAttribute('data-preview') ?? '{}') as {
  state?: unknown;
  settings?: PreviewSettings;
};
let state: PreviewState | undefined = toPreviewState(vscode.getState()) ?? toPreviewState(initial.state);
let settings: PreviewSettings = initial.settings ?? {
  scrollPreviewWithEditor: true,
  scrollEditorWithPreview: true,
  doubleClickToSwitchToEditor: true,
  markEditorSelection: true,
};
let shown: Shown | undefined;
let anchors: Anchor[] | undefined;
let activeLine: number | undefined;
/**
 * Until when scroll events are ours (scrolling to follow the editor) and must not be reported back to it: the loop
 * guard. A time window rather than a count, since one scrollTo can fire several events or none.
 */
let ownScrollUntil = 0;

function post(msg: FromWebview): void {
  if (isFromWebview(msg)) vscode.postMessage(msg);
}

function save(): void {
  if (state) vscode.setState(state);
}

// --- Blocks -------------------------------------------------------------------------------------------------

function blockElements(): HTMLElement[] {
  return Array.from(root.children) as HTMLElement[];
}

function elementFrom(html: string): HTMLElement {
  const t = document.createElement('template');
  t.innerHTML = html;
  return (t.content.firstElementChild as HTMLElement | null) ?? document.createElement('div');
}

function setLines(el: HTMLElement, line: number | null, endLine: number | null): void {
  if (line === null || endLine === null) return;
  el.setAttribute('data-line', String(line));
  el.setAttribute('data-line-end', String(endLine));
}

function applyBlocks(blocks: Extract<ToWebview, { type: 'update' }>['blocks'], replace: boolean): void {
  const old = replace ? [] : blockElements();
  const plan = planBlocks(
    old.map((e) => e.getAttribute('data-key') ?? ''),
    blocks.map((b) => b.key),
  );
  const next = blocks.map((b, i) => {
    const reuse = plan[i]!;
    if (reuse < 0) return elementFrom(b.html);
    const el = old[reuse]!;
    setLines(el, b.line, b.endLine);
    return el;
  });
  // Move or insert only where the order differs, so unchanged blocks stay put (no flicker, no lost selection).
  let cursor: ChildNode | null = root.firstChild;
  for (const el of next) {
    if (el === cursor) {
      cursor = cursor.nextSibling;
      continue;
    }
    root.insertBefore(el, cursor);
  }
  while (cursor) {
    const after: ChildNode | null = cursor.nextSibling;
    cursor.remove();
    cursor = after;
  }
  anchors = undefined;
  markActiveLine();
}

// --- Scroll sync --------------------------------------------------------------------------------------------

function getAnchors(): Anchor[] {
  if (anchors) return anchors;
  const list: Anchor[] = [];
  const scrollY = window.scrollY;
  for (const el of root.querySelectorAll<HTMLElement>('[data-line]')) {
    const line = Number(el.getAttribute('data-line'));
    const endLine = Number(el.getAttribute('data-line-end') ?? line);
    const rect = el.getBoundingClientRect();
    if (!Number.isFinite(line) || rect.height === 0) continue;
    list.push({ line, endLine, top: rect.top + scrollY, height: rect.height });
  }
  return (anchors = list);
}

function scrollToLine(line: number): void {
  const y = Math.max(0, offsetOfLine(getAnchors(), line) - toolbarHeight());
  if (Math.abs(window.scrollY - y) < 1) return;
  ownScrollUntil = performance.now() + 120;
  window.scrollTo(window.scrollX, y);
}

/** What covers the top of the page: the toolbar, and in side by side the headings stuck under it. */
function toolbarHeight(): number {
  const heading = root.querySelector('.emend-row-heading');
  return (
    (document.getElementById('emend-toolbar')?.getBoundingClientRect().height ?? 0) +
    (heading ? heading.getBoundingClientRect().height : 0)
  );
}

function topLine(): number {
  return lineAtOffset(getAnchors(), window.scrollY + toolbarHeight());
}

let scrollTimer: number | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (performance.now() < ownScrollUntil) return;
    if (scrollTimer !== undefined) return;
    scrollTimer = window.setTimeout(() => {
      scrollTimer = undefined;
      if (!state || !shown) return;
      const line = topLine();
      state.line = line;
      save();
      if (settings.scrollEditorWithPreview) post({ type: 'revealLine', uri: shown.uri, line });
    }, 50);
  },
  { passive: true },
);

window.addEventListener('resize', () => {
  anchors = undefined;
});

// --- Active line ----------------------------------------------------------------------------------------------

function markActiveLine(): void {
  for (const el of root.querySelectorAll('.emend-active-line')) el.classList.remove('emend-active-line');
  if (activeLine === undefined || !settings.markEditorSelection) return;
  const a = getAnchors();
  const i = anchorForLine(a, activeLine);
  if (i < 0 || activeLine > a[i]!.endLine) return;
  const el = root.querySelector(`[data-line="${a[i]!.line}"]`);
  el?.classList.add('emend-active-line');
}

// --- Toolbar --------------------------------------------------------------------------------------------------

function renderToolbar(msg: Extract<ToWebview, { type: 'update' }>): void {
  const ids = msg.views.map((v) => v.id).join(' ');
  if (viewsBar.getAttribute('data-views') !== ids) {
    viewsBar.replaceChildren(
      ...msg.views.map((v) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('role', 'tab');
        b.setAttribute('data-view', v.id);
        b.textContent = v.label;
        b.title = v.description;
        return b;
      }),
    );
    viewsBar.setAttribute('data-views', ids);
  }
  for (const b of viewsBar.querySelectorAll('button')) {
    const selected = b.getAttribute('data-view') === msg.view;
    b.setAttribute('aria-selected', String(selected));
    b.classList.toggle('emend-selected', selected);
  }
  lockButton.setAttribute('aria-pressed', String(msg.locked));
  lockButton.textContent = msg.locked ? 'Locked' : 'Follows editor';
  lockButton.title = msg.locked
    ? 'This preview stays on its document. Click to follow the active editor.'
    : 'This preview follows the active Emend editor. Click to lock it to this document.';
  status.textContent = msg.name;
}

viewsBar.addEventListener('click', (e) => {
  const button = (e.target as Element).closest('button[data-view]');
  const view = button?.getAttribute('data-view');
  if (view && view !== shown?.view) post({ type: 'selectView', view });
});
lockButton.addEventListener('click', () => post({ type: 'toggleLock' }));

// --- Double-click reveal --------------------------------------------------------------------------------------

document.addEventListener('dblclick', (e) => {
  if (!settings.doubleClickToSwitchToEditor || !shown) return;
  const block = (e.target as Element).closest<HTMLElement>('[data-line]');
  if (!block) return;
  const line = Number(block.getAttribute('data-line'));
  const endLine = Number(block.getAttribute('data-line-end') ?? line);
  const rect = block.getBoundingClientRect();
  // Within a block of several lines, the line under the pointer, proportionally.
  const within = rect.height > 0 ? Math.floor(((endLine - line + 1) * (e.clientY - rect.top)) / rect.height) : 0;
  const place = placeOf(block, line, e.clientX, e.clientY);
  post({
    type: 'openLine',
    uri: shown.uri,
    line: Math.min(endLine, line + Math.max(0, within)),
    ...(place ? { place } : {}),
  });
});

/**
 * The word under the pointer as a character offset into the text its paragraph shows (a side-by-side row: the
 * column's), for the server to map back to the source. None in the collation view, whose blocks add the witness's
 * readings to the text, nor outside text.
 */
function placeOf(
  block: HTMLElement,
  line: number,
  x: number,
  y: number,
): { view: 'diplomatic' | 'draft' | 'final'; line: number; textOffset: number } | undefined {
  const view = shown?.view;
  const column = block.querySelector('.emend-col-draft')?.contains(document.elementFromPoint(x, y))
    ? 'draft'
    : block.querySelector('.emend-col-final')?.contains(document.elementFromPoint(x, y))
      ? 'final'
      : undefined;
  const which =
    view === 'side-by-side' ? column : view === 'diplomatic' || view === 'draft' || view === 'final' ? view : undefined;
  if (!which) return undefined;
  const container = view === 'side-by-side' ? block.querySelector<HTMLElement>(`.emend-col-${which}`) : block;
  const caret = document.caretRangeFromPoint?.(x, y);
  if (!container || !caret || !container.contains(caret.startContainer)) return undefined;
  let textOffset = 0;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === caret.startContainer) return { view: which, line, textOffset: textOffset + caret.startOffset };
    textOffset += n.textContent?.length ?? 0;
  }
  return undefined;
}

// --- Messages -------------------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as ToWebview;
  switch (msg?.type) {
    case 'update': {
      // Where to be after a rebuild: the place being read now (another view of the same document), or the place
      // saved before a reload.
      const keep = shown && shown.uri === msg.uri ? topLine() : state?.uri === msg.uri ? state.line : undefined;
      const action = updateAction(shown, msg, keep);
      if (action.kind === 'ignore') return;
      settings = msg.settings;
      errorBox.hidden = true;
      renderToolbar(msg);
      root.setAttribute('data-view', msg.view);
      root.className = `emend-view-${msg.view}`;
      root.setAttribute(
        'aria-label',
        `${msg.views.find((v) => v.id === msg.view)?.label ?? msg.view} view of ${msg.name}`,
      );
      applyBlocks(msg.blocks, action.kind === 'replace');
      root.setAttribute('aria-busy', 'false');
      shown = { uri: msg.uri, view: msg.view, version: msg.version };
      state = stateAfterUpdate(state, msg);
      if (action.kind === 'replace') {
        state.line = action.line;
        requestAnimationFrame(() => scrollToLine(action.line));
      }
      save();
      return;
    }
    case 'scrollToLine':
      if (shown && msg.uri === shown.uri && settings.scrollPreviewWithEditor) {
        scrollToLine(msg.line);
        if (state) {
          state.line = msg.line;
          save();
        }
      }
      return;
    case 'activeLine':
      if (shown && msg.uri === shown.uri) {
        activeLine = msg.line;
        markActiveLine();
      }
      return;
    case 'error':
      errorBox.textContent = msg.message;
      errorBox.hidden = false;
      root.setAttribute('aria-busy', 'false');
      return;
  }
});

post({ type: 'ready' });
