// The messages between the extension and the preview webview, and the webview's persisted state.
// Both sides import this module (the webview script is bundled from client/src/preview/webview/), so a change of
// shape breaks the build on both sides instead of the wire.
import type { RenderBlock, RenderViewInfo } from '../../../server/src/protocol';

export const PREVIEW_VIEW_TYPE = 'emend.preview';

/** Settings the webview needs (from `emend.preview.*`). */
export interface PreviewSettings {
  scrollPreviewWithEditor: boolean;
  scrollEditorWithPreview: boolean;
  doubleClickToSwitchToEditor: boolean;
  markEditorSelection: boolean;
}

/** Extension → webview. */
export type ToWebview =
  | {
      type: 'update';
      uri: string;
      /** The file name, for the toolbar. */
      name: string;
      version: number;
      view: string;
      views: RenderViewInfo[];
      blocks: RenderBlock[];
      locked: boolean;
      settings: PreviewSettings;
      /** When set, scroll so this source line is at the top (first render of a document). */
      line?: number;
    }
  /** The editor scrolled: show this (fractional) source line at the top. */
  | { type: 'scrollToLine'; uri: string; line: number }
  /** The editor's cursor is on this line. */
  | { type: 'activeLine'; uri: string; line: number }
  /** Rendering failed (server not running, document closed): show why, keep the last content. */
  | { type: 'error'; uri: string; message: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'selectView'; view: string }
  /** The preview scrolled by the user: reveal this (fractional) source line at the top of the editor. */
  | { type: 'revealLine'; uri: string; line: number }
  /**
   * Double-click: open the editor at this source line; with `place`, at the word clicked: `textOffset` characters
   * into the text of the paragraph block starting at `place.line` as `place.view` shows it.
   */
  | { type: 'openLine'; uri: string; line: number; place?: PreviewPlace }
  | { type: 'toggleLock' };

export interface PreviewPlace {
  view: 'diplomatic' | 'draft' | 'final';
  line: number;
  textOffset: number;
}

/** What the webview keeps across reloads (`vscode.setState`) and what the serializer restores a panel from. */
export interface PreviewState {
  uri: string;
  view: string;
  locked: boolean;
  /** The source line at the top of the preview when it was last scrolled. */
  line?: number;
}

/** A value read back from `getState()` or a serializer, checked, or undefined when it is not a preview state. */
export function toPreviewState(value: unknown): PreviewState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.uri !== 'string' || typeof v.view !== 'string') return undefined;
  const state: PreviewState = { uri: v.uri, view: v.view, locked: v.locked === true };
  if (typeof v.line === 'number' && Number.isFinite(v.line) && v.line >= 0) state.line = v.line;
  return state;
}

/** Whether a message from the webview has a known shape (the webview is ours, but its messages are still data). */
export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  switch (v.type) {
    case 'ready':
    case 'toggleLock':
      return true;
    case 'selectView':
      return typeof v.view === 'string';
    case 'revealLine':
      return typeof v.uri === 'string' && num(v.line);
    case 'openLine':
      return typeof v.uri === 'string' && num(v.line) && (v.place === undefined || isPlace(v.place));
    default:
      return false;
  }
}

function isPlace(value: unknown): value is PreviewPlace {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const whole = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  return (v.view === 'diplomatic' || v.view === 'draft' || v.view === 'final') && whole(v.line) && whole(v.textOffset);
}
