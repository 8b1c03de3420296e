// The messages between the extension and the facsimile webview, and the webview's saved state. Both sides import
// this module (the webview script is bundled from client/src/facsimile/webview/), so a change of shape breaks the
// build on both sides rather than on the wire.
import type { FacsimileWordInfo } from '../../../server/src/protocol';

export type { FacsimileWordInfo };

export const FACSIMILE_VIEW_TYPE = 'emend.facsimile';

export interface ViewerPage {
  /** The image as the header names it (shown in the toolbar). */
  image: string;
  /** Where the webview loads it from: a webview resource URI, an https URL (IIIF), or null (nothing to show). */
  src: string | null;
  format: string | null;
  width: number;
  height: number;
}

/** Extension → webview. */
export type ToFacsimile =
  | {
      type: 'show';
      uri: string;
      /** The transcription's file name. */
      name: string;
      version: number;
      pages: ViewerPage[];
      words: FacsimileWordInfo[];
      hasLayout: boolean;
      errors: string[];
      locked: boolean;
    }
  /** The cursor moved in the transcription: outline the word at this UTF-16 offset. */
  | { type: 'cursor'; uri: string; offset: number }
  | { type: 'error'; message: string }
  /** What became of a box drawn on the page: recorded (with what, where) or why not. */
  | { type: 'drawn'; ok: boolean; message: string }
  /** Emend: Draw a Box on the Facsimile for the Selection: draw mode on, the page focused, a box to move and record. */
  | { type: 'drawMode' };

/** Webview → extension. */
export type FromFacsimile =
  | { type: 'ready' }
  /** A word was clicked on the scan: put the cursor on it. */
  | { type: 'selectWord'; uri: string; start: number; end: number }
  | { type: 'toggleLock' }
  /** A box drawn on page `page` (in draw mode), [x, y, w, h] in pixels of its image: link the selected words to it. */
  | { type: 'draw'; uri: string; page: number; box: [number, number, number, number] }
  /** The first sharp view of a page is on screen, this long after its image was asked for (a measured figure). */
  | { type: 'shown'; page: number; ms: number };

export interface FacsimileState {
  uri: string;
  locked: boolean;
  page: number;
  rotation: number;
}

export function toFacsimileState(value: unknown): FacsimileState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.uri !== 'string') return undefined;
  const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
  return { uri: v.uri, locked: v.locked === true, page: n(v.page), rotation: n(v.rotation) % 360 };
}

export function isFromFacsimile(value: unknown): value is FromFacsimile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  switch (v.type) {
    case 'ready':
    case 'toggleLock':
      return true;
    case 'selectWord':
      return typeof v.uri === 'string' && num(v.start) && num(v.end);
    case 'shown':
      return num(v.page) && num(v.ms);
    case 'draw':
      return (
        typeof v.uri === 'string' &&
        num(v.page) &&
        Array.isArray(v.box) &&
        v.box.length === 4 &&
        v.box.every((x) => typeof x === 'number' && Number.isFinite(x))
      );
    default:
      return false;
  }
}

/** The index of the word containing `offset` (or ending at it), or -1; words are in document order. */
export function wordAtOffset(words: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0,
    hi = words.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset <= words[found]!.end ? found : -1;
}
