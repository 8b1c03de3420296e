// Wraps ranges of a plain text in HTML elements, escaping the text. Used by the views that show a reading
// (draft, final, side by side): the reading is the core's text, the ranges say which parts came from which mark.
import { escapeHtml } from './html';

export interface Decoration {
  start: number;
  end: number;
  /** The element's opening tag (already escaped), e.g. `<span class="emend-hand">`. */
  open: string;
  /** The matching closing tag, e.g. `</span>`. */
  close: string;
}

/**
 * The escaped text with the decorations applied. Decorations come from a tree, so they nest; one that would cross
 * its container is cut at the container's end rather than producing broken markup. Empty ranges are dropped.
 */
export function decorate(text: string, decorations: Decoration[]): string {
  const ds = decorations.filter((d) => d.end > d.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  const stack: Decoration[] = [];
  const closeUntil = (limit: number): void => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= limit) {
      const top = stack.pop()!;
      out += escapeHtml(text.slice(pos, top.end)) + top.close;
      pos = top.end;
    }
  };
  for (const d of ds) {
    closeUntil(d.start);
    const start = Math.max(d.start, pos);
    const end = stack.length > 0 ? Math.min(d.end, stack[stack.length - 1]!.end) : d.end;
    if (end <= start) continue;
    out += escapeHtml(text.slice(pos, start)) + d.open;
    pos = start;
    stack.push({ ...d, start, end });
  }
  closeUntil(Number.POSITIVE_INFINITY);
  return out + escapeHtml(text.slice(pos));
}
