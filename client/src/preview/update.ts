// How the webview takes an `update` message: apply it as a patch of the current page, replace the page (another
// document or another view), or ignore it (an answer older than what is shown). Pure, so it is tested without a DOM.
import type { PreviewState, ToWebview } from './messages';

type Update = Extract<ToWebview, { type: 'update' }>;

export interface Shown {
  uri: string;
  view: string;
  version: number;
}

export type UpdateAction =
  /** Keep the page and its scroll position; swap changed blocks only. */
  | { kind: 'patch' }
  /** A new page, another document or another view: rebuild the page and scroll to `line` (0 for the top). */
  | { kind: 'replace'; line: number }
  | { kind: 'ignore' };

export function updateAction(shown: Shown | undefined, msg: Update, restoredLine: number | undefined): UpdateAction {
  // A page (re)loaded: the place it saved before wins over the editor's (it is the more recent).
  if (!shown) return { kind: 'replace', line: restoredLine ?? msg.line ?? 0 };
  if (shown.uri !== msg.uri) return { kind: 'replace', line: msg.line ?? 0 };
  if (shown.view !== msg.view) return { kind: 'replace', line: restoredLine ?? msg.line ?? 0 };
  if (msg.version < shown.version) return { kind: 'ignore' };
  return { kind: 'patch' };
}

/** The state to persist after an update. */
export function stateAfterUpdate(previous: PreviewState | undefined, msg: Update): PreviewState {
  const state: PreviewState = { uri: msg.uri, view: msg.view, locked: msg.locked };
  if (previous && previous.uri === msg.uri && previous.line !== undefined) state.line = previous.line;
  return state;
}
