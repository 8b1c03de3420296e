/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The facsimile viewer, bundled by esbuild into media/facsimile.js and loaded with the page's nonce. It draws the
// page on a canvas (zoom with the wheel, a pinch or the keys; pan by dragging or with the arrows; fit width or
// page; rotate by quarter turns), outlines the word the editor's cursor is in and brings it into view, and on a
// click sends the word under the pointer to the extension, which moves the cursor there.
import {
  type FacsimileWordInfo,
  isFromFacsimile,
  toFacsimileState,
  wordAtOffset,
  type FacsimileState,
  type FromFacsimile,
  type ToFacsimile,
} from '../messages';
import {
  fitPage,
  fitWidth,
  reveal,
  rotate,
  toImage,
  wordAtPoint,
  zoomAt,
  boxOnStage,
  type View,
} from '../view-transform';
import { loadIiif, loadLocal, type PageSource } from './sources';

declare function acquireVsCodeApi(): {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(s: unknown): void;
};

const vscode = acquireVsCodeApi();
const stage = document.getElementById('emend-facsimile-stage')!;
const canvas = document.getElementById('emend-facsimile-canvas') as HTMLCanvasElement;
const ctx = canvas.getContext('2d')!;
const errorBox = document.getElementById('emend-facsimile-error')!;
const status = document.getElementById('emend-facsimile-status')!;
const pageLabel = document.getElementById('emend-page-label')!;
const lockButton = document.getElementById('emend-facsimile-lock') as HTMLButtonElement;
const drawButton = document.getElementById('emend-facsimile-draw') as HTMLButtonElement;
const $ = (id: string) => document.getElementById(id) as HTMLButtonElement;

const initial = JSON.parse(document.getElementById('emend-facsimile-data')!.getAttribute('data-facsimile') ?? '{}') as {
  state?: unknown;
};
let state: FacsimileState = toFacsimileState(vscode.getState()) ??
  toFacsimileState(initial.state) ?? { uri: '', locked: false, page: 0, rotation: 0 };

let shown: Extract<ToFacsimile, { type: 'show' }> | undefined;
let source: PageSource | undefined;
let sourceKey = '';
let view: View = { scale: 1, turns: state.rotation / 90, tx: 0, ty: 0 };
/** 'page' or 'width' while the view follows the stage's size; null once the user zoomed or panned. */
let fit: 'page' | 'width' | null = 'page';
let highlight = -1;
let hover = -1;
let lastOffset: number | undefined;

function post(msg: FromFacsimile): void {
  if (isFromFacsimile(msg)) vscode.postMessage(msg);
}
function save(): void {
  state.rotation = (view.turns & 3) * 90;
  vscode.setState(state);
}
function stageSize(): { width: number; height: number } {
  return { width: stage.clientWidth, height: stage.clientHeight };
}

// --- Drawing ------------------------------------------------------------------------------------------------

let frame = 0;
function redraw(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    draw();
  });
}

function draw(): void {
  const { width, height } = stageSize();
  const dpr = devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!source) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.save();
  ctx.translate(view.tx, view.ty);
  ctx.rotate(((view.turns & 3) * Math.PI) / 2);
  ctx.scale(view.scale, view.scale);
  ctx.imageSmoothingQuality = 'high';
  source.draw(ctx, view, { width, height }, redraw);
  ctx.restore();
  const words = shown?.words ?? [];
  const outline = (i: number, strong: boolean) => {
    const w = words[i];
    if (!w?.box || w.page !== state.page) return;
    const [x, y, bw, bh] = boxOnStage(view, w.box);
    ctx.save();
    ctx.lineWidth = strong ? 2.5 : 1.5;
    ctx.strokeStyle = strong
      ? cssColor('--emend-facsimile-outline', '#e5a00d')
      : cssColor('--emend-facsimile-hover', '#3794ff');
    if (w.approximate) ctx.setLineDash([6, 4]);
    if (strong) {
      ctx.fillStyle = cssColor('--emend-facsimile-fill', 'rgba(229,160,13,0.15)');
      ctx.fillRect(x - 3, y - 3, bw + 6, bh + 6);
    }
    ctx.strokeRect(x - 3, y - 3, bw + 6, bh + 6);
    ctx.restore();
  };
  if (hover >= 0 && hover !== highlight) outline(hover, false);
  if (highlight >= 0) outline(highlight, true);
  if (rubber) {
    const r = normalised(rubber);
    ctx.save();
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 3]);
    ctx.strokeStyle = cssColor('--emend-facsimile-draw', '#3794ff');
    ctx.fillStyle = cssColor('--emend-facsimile-draw-fill', 'rgba(55,148,255,0.12)');
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.strokeRect(r.x, r.y, r.w, r.h);
    ctx.restore();
  }
  stage.setAttribute('data-view', [view.scale, view.turns, view.tx, view.ty].join(','));
}

const colors = new Map<string, string>();
function cssColor(name: string, fallback: string): string {
  let c = colors.get(name);
  if (c === undefined) {
    c = getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
    colors.set(name, c);
  }
  return c;
}

// --- Pages --------------------------------------------------------------------------------------------------

async function showPage(page: number): Promise<void> {
  if (!shown) return;
  const p = shown.pages[page];
  state.page = Math.max(0, Math.min(page, shown.pages.length - 1));
  save();
  pageLabel.textContent = shown.pages.length > 1 ? `Page ${state.page + 1} of ${shown.pages.length}` : '';
  $('emend-prev-page').hidden = $('emend-next-page').hidden = shown.pages.length < 2;
  stage.setAttribute('data-page', String(state.page));
  if (!p?.src) {
    source?.dispose();
    source = undefined;
    sourceKey = '';
    stage.setAttribute('aria-busy', 'false');
    redraw();
    return;
  }
  const key = `${p.src}#${state.page}`;
  if (key === sourceKey) return;
  sourceKey = key;
  stage.setAttribute('aria-busy', 'true');
  const started = performance.now();
  let next: PageSource;
  try {
    next = p.format === 'iiif' ? await loadIiif(p.src, state.page) : await loadLocal({ ...p, src: p.src }, stageSize());
  } catch (e) {
    if (sourceKey !== key) return;
    showError(e instanceof Error ? e.message : String(e));
    stage.setAttribute('aria-busy', 'false');
    return;
  }
  if (sourceKey !== key) {
    next.dispose();
    return;
  }
  source?.dispose();
  source = next;
  stage.setAttribute('aria-label', `Page image ${p.image}, ${source.width} × ${source.height} pixels`);
  applyFit(fit ?? 'page');
  draw();
  const ms = performance.now() - started;
  stage.setAttribute('data-first-view-ms', ms.toFixed(0));
  stage.setAttribute('data-held-bytes', String(source.heldBytes()));
  stage.setAttribute('aria-busy', 'false');
  post({ type: 'shown', page: state.page, ms });
  if (lastOffset !== undefined) outlineOffset(lastOffset);
}

function applyFit(kind: 'page' | 'width'): void {
  if (!source) return;
  fit = kind;
  const size = { width: source.width, height: source.height };
  view = kind === 'page' ? fitPage(size, stageSize(), view.turns) : fitWidth(size, stageSize(), view.turns);
  save();
  redraw();
}

function showError(message: string): void {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

// --- The cursor's word ----------------------------------------------------------------------------------------

function outlineOffset(offset: number): void {
  lastOffset = offset;
  const words = shown?.words ?? [];
  const i = wordAtOffset(words, offset);
  highlight = i;
  const w: FacsimileWordInfo | undefined = words[i];
  stage.setAttribute(
    'data-highlight',
    w?.box ? `${w.start},${w.end},${w.box.join(' ')}${w.approximate ? ',approximate' : ''}` : '',
  );
  if (!w?.box) {
    // In draw mode the status line is draw mode's (its instructions and what became of a box).
    if (!drawing) status.textContent = i >= 0 && shown?.hasLayout ? 'This word is not placed on the page.' : '';
    // Without a box, a word is still on the page its page break gives: show that page (to draw on it, say).
    if (w && w.page >= 0 && w.page !== state.page) {
      void showPage(w.page);
      return;
    }
    redraw();
    return;
  }
  if (!drawing) status.textContent = w.approximate ? 'Approximate: the line only' : '';
  if (w.page !== state.page) {
    void showPage(w.page);
    return;
  }
  if (source) {
    const next = reveal(view, w.box, stageSize());
    if (next !== view) {
      view = next;
      fit = null;
    }
  }
  redraw();
}

// --- Draw mode: a box for the words selected in the editor -----------------------------------------------------

/** Draw mode is on: a drag draws a box (on the stage, in CSS pixels) instead of panning. */
let drawing = false;
/** The box being drawn or placed with the keyboard, corner to corner on the stage; null when there is none. */
let rubber: { x0: number; y0: number; x1: number; y1: number } | null = null;
/** A box was sent and its answer is awaited. */
let drawPending = false;

function normalised(r: { x0: number; y0: number; x1: number; y1: number }): {
  x: number;
  y: number;
  w: number;
  h: number;
} {
  return { x: Math.min(r.x0, r.x1), y: Math.min(r.y0, r.y1), w: Math.abs(r.x1 - r.x0), h: Math.abs(r.y1 - r.y0) };
}

function setDrawing(on: boolean): void {
  drawing = on;
  rubber = null;
  drawButton.setAttribute('aria-pressed', String(on));
  stage.setAttribute('data-mode', on ? 'draw' : 'view');
  stage.style.cursor = on ? 'crosshair' : 'grab';
  announce(
    on
      ? 'Draw mode: drag a box around the words selected in the editor. Keyboard: Enter places a box, the arrow keys move it, Shift with the arrow keys resizes it, Enter records it; Escape leaves draw mode.'
      : 'Draw mode off.',
  );
  redraw();
}

function announce(text: string): void {
  status.textContent = text;
}

/** Sends the box (stage corners to image pixels) to the extension, which links the selected words to it. */
function sendBox(): void {
  if (!rubber || !shown || !source || drawPending) return;
  const r = normalised(rubber);
  if (r.w < 4 || r.h < 4) {
    rubber = null;
    announce('The box is too small: drag a box around the words.');
    redraw();
    return;
  }
  const [ax, ay] = toImage(view, r.x, r.y);
  const [bx, by] = toImage(view, r.x + r.w, r.y + r.h);
  const x = Math.min(ax, bx),
    y = Math.min(ay, by);
  const box: [number, number, number, number] = [
    Math.round(x),
    Math.round(y),
    Math.round(Math.max(ax, bx) - x),
    Math.round(Math.max(ay, by) - y),
  ];
  drawPending = true;
  stage.setAttribute('data-draw', 'pending');
  announce('Recording the box…');
  post({ type: 'draw', uri: shown.uri, page: state.page, box });
}

/** A box in the middle of the view, to move with the arrow keys and record with Enter. */
function placeBox(): void {
  const w = stage.clientWidth,
    h = stage.clientHeight;
  rubber = { x0: w * 0.4, y0: h * 0.45, x1: w * 0.6, y1: h * 0.55 };
  announce(
    'A box is placed in the middle of the view for the words selected in the editor: the arrow keys move it, Shift with the arrow keys resizes it, Enter records it, Escape takes it away.',
  );
  redraw();
}

function drawKey(e: KeyboardEvent): boolean {
  const step = e.altKey ? 2 : 10;
  const move = (dx: number, dy: number) => {
    if (!rubber) return;
    if (e.shiftKey) rubber = { ...rubber, x1: rubber.x1 + dx, y1: rubber.y1 + dy };
    else rubber = { x0: rubber.x0 + dx, y0: rubber.y0 + dy, x1: rubber.x1 + dx, y1: rubber.y1 + dy };
    redraw();
  };
  switch (e.key) {
    case 'Enter':
      if (!rubber) placeBox();
      else sendBox();
      return true;
    case 'Escape':
      if (rubber) {
        rubber = null;
        announce('Box removed. Escape again leaves draw mode.');
        redraw();
      } else setDrawing(false);
      return true;
    case 'ArrowLeft':
      if (!rubber) return false;
      move(-step, 0);
      return true;
    case 'ArrowRight':
      if (!rubber) return false;
      move(step, 0);
      return true;
    case 'ArrowUp':
      if (!rubber) return false;
      move(0, -step);
      return true;
    case 'ArrowDown':
      if (!rubber) return false;
      move(0, step);
      return true;
    default:
      return false;
  }
}

drawButton.addEventListener('click', () => setDrawing(!drawing));

// --- Input ----------------------------------------------------------------------------------------------------

function zoomBy(factor: number, px = stage.clientWidth / 2, py = stage.clientHeight / 2): void {
  view = zoomAt(view, factor, px, py);
  fit = null;
  redraw();
}
function panBy(dx: number, dy: number): void {
  view = { ...view, tx: view.tx + dx, ty: view.ty + dy };
  fit = null;
  redraw();
}

stage.addEventListener(
  'wheel',
  (e) => {
    e.preventDefault();
    const r = stage.getBoundingClientRect();
    // A pinch on a touchpad arrives as a wheel event with ctrlKey; both zoom about the pointer.
    zoomBy(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), e.clientX - r.left, e.clientY - r.top);
  },
  { passive: false },
);

const pointers = new Map<number, { x: number; y: number }>();
let dragged = 0;
let pinch: { distance: number } | null = null;
stage.addEventListener('pointerdown', (e) => {
  stage.setPointerCapture(e.pointerId);
  if (drawing && pointers.size === 0 && e.button === 0) {
    const r = stage.getBoundingClientRect();
    rubber = { x0: e.clientX - r.left, y0: e.clientY - r.top, x1: e.clientX - r.left, y1: e.clientY - r.top };
  }
  pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  dragged = 0;
  // A second finger pinches (zooms): no box is being drawn any more.
  if (drawing && pointers.size > 1 && rubber) {
    rubber = null;
    redraw();
  }
  if (pointers.size === 2) {
    const [a, b] = [...pointers.values()];
    pinch = { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y) };
  }
});
stage.addEventListener('pointermove', (e) => {
  const r = stage.getBoundingClientRect();
  const last = pointers.get(e.pointerId);
  if (!last) {
    // Hover: outline the word under the pointer.
    const [ix, iy] = toImage(view, e.clientX - r.left, e.clientY - r.top);
    const i = wordAtPoint(shown?.words ?? [], state.page, ix, iy);
    if (i !== hover) {
      hover = i;
      stage.style.cursor = drawing ? 'crosshair' : i >= 0 ? 'pointer' : 'grab';
      redraw();
    }
    return;
  }
  const dx = e.clientX - last.x,
    dy = e.clientY - last.y;
  pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  if (drawing && rubber && pointers.size === 1) {
    rubber = { ...rubber, x1: e.clientX - r.left, y1: e.clientY - r.top };
    redraw();
    return;
  }
  dragged += Math.abs(dx) + Math.abs(dy);
  if (pointers.size === 2 && pinch) {
    const [a, b] = [...pointers.values()];
    const d = Math.hypot(a!.x - b!.x, a!.y - b!.y);
    zoomBy(d / pinch.distance, (a!.x + b!.x) / 2 - r.left, (a!.y + b!.y) / 2 - r.top);
    pinch.distance = d;
  } else if (pointers.size === 1) panBy(dx, dy);
});
const release = (e: PointerEvent) => {
  const was = pointers.size;
  pointers.delete(e.pointerId);
  if (pointers.size < 2) pinch = null;
  if (drawing) {
    if (e.type === 'pointerup' && was === 1 && rubber) sendBox();
    else if (e.type !== 'pointerup') rubber = null;
    redraw();
    return;
  }
  if (e.type !== 'pointerup' || was !== 1 || dragged > 4 || !shown) return;
  const r = stage.getBoundingClientRect();
  const [ix, iy] = toImage(view, e.clientX - r.left, e.clientY - r.top);
  const i = wordAtPoint(shown.words, state.page, ix, iy);
  if (i < 0) return;
  const w = shown.words[i]!;
  highlight = i;
  redraw();
  post({ type: 'selectWord', uri: shown.uri, start: w.start, end: w.end });
};
stage.addEventListener('pointerup', release);
stage.addEventListener('pointercancel', release);

stage.addEventListener('keydown', (e) => {
  const step = 0.1 * Math.min(stage.clientWidth, stage.clientHeight);
  const handled = (() => {
    if (drawing && drawKey(e)) return true;
    switch (e.key) {
      case 'd':
      case 'D':
        setDrawing(!drawing);
        return true;
      case '+':
      case '=':
        zoomBy(1.25);
        return true;
      case '-':
      case '_':
        zoomBy(0.8);
        return true;
      case '0':
        applyFit('page');
        return true;
      case 'w':
      case 'W':
        applyFit('width');
        return true;
      case 'r':
      case 'R':
        turn();
        return true;
      case 'ArrowLeft':
        panBy(step, 0);
        return true;
      case 'ArrowRight':
        panBy(-step, 0);
        return true;
      case 'ArrowUp':
        panBy(0, step);
        return true;
      case 'ArrowDown':
        panBy(0, -step);
        return true;
      case 'PageUp':
        void showPage(state.page - 1);
        return true;
      case 'PageDown':
        void showPage(state.page + 1);
        return true;
      default:
        return false;
    }
  })();
  if (handled) e.preventDefault();
});

function turn(): void {
  view = rotate(view, stageSize());
  if (fit) applyFit(fit);
  save();
  redraw();
}

$('emend-zoom-in').addEventListener('click', () => zoomBy(1.25));
$('emend-zoom-out').addEventListener('click', () => zoomBy(0.8));
$('emend-fit-width').addEventListener('click', () => applyFit('width'));
$('emend-fit-page').addEventListener('click', () => applyFit('page'));
$('emend-rotate').addEventListener('click', turn);
$('emend-prev-page').addEventListener('click', () => void showPage(state.page - 1));
$('emend-next-page').addEventListener('click', () => void showPage(state.page + 1));
lockButton.addEventListener('click', () => post({ type: 'toggleLock' }));

new ResizeObserver(() => {
  if (fit) applyFit(fit);
  else redraw();
}).observe(stage);

// --- Messages -------------------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as ToFacsimile;
  switch (msg?.type) {
    case 'show': {
      const sameDoc = shown?.uri === msg.uri;
      shown = msg;
      if (!sameDoc) {
        highlight = -1;
        lastOffset = undefined;
        if (state.uri !== msg.uri) state = { uri: msg.uri, locked: msg.locked, page: 0, rotation: state.rotation };
      }
      state.locked = msg.locked;
      lockButton.setAttribute('aria-pressed', String(msg.locked));
      lockButton.textContent = msg.locked ? 'Locked' : 'Follows editor';
      lockButton.title = msg.locked
        ? 'This facsimile stays on its transcription. Click to follow the active editor.'
        : 'This facsimile follows the active Emend editor. Click to lock it to this transcription.';
      const problems = [...msg.errors];
      if (msg.pages.length === 0)
        problems.push(
          `${msg.name} names no page image: add a \`facsimile: page.jpg\` line to its header (docs/facsimile.md).`,
        );
      else if (!msg.hasLayout)
        problems.push('No layout file is named (`layout: page.xml`), so words are not linked to the page.');
      errorBox.textContent = problems.join('\n');
      errorBox.hidden = problems.length === 0;
      document.title = `Facsimile ${msg.name}`;
      save();
      void showPage(Math.min(state.page, Math.max(0, msg.pages.length - 1)));
      if (lastOffset !== undefined) outlineOffset(lastOffset);
      redraw();
      return;
    }
    case 'cursor':
      if (shown && msg.uri === shown.uri) outlineOffset(msg.offset);
      return;
    case 'error':
      showError(msg.message);
      stage.setAttribute('aria-busy', 'false');
      return;
    case 'drawMode':
      if (!drawing) setDrawing(true);
      stage.focus();
      if (!rubber) placeBox();
      return;
    case 'drawn':
      drawPending = false;
      rubber = null;
      stage.setAttribute('data-draw', msg.ok ? 'recorded' : 'refused');
      announce(msg.message);
      redraw();
      return;
  }
});

post({ type: 'ready' });
