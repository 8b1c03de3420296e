// Helpers for the core tests: a compact notation for trees, and applying a fix's edits.
import type { EmendDocument, Inline, TextEdit } from '../../server/src/core/index';
import { isEditorial, parse } from '../../server/src/core/index';

/** The tree as a string: text quoted, escapes as \c, marks as kind[children] (`!` when unclosed), subst(a|b),
 *  paragraphs separated by ¶. */
export function shape(src: string | EmendDocument): string {
  const doc = typeof src === 'string' ? parse(src) : src;
  const s = doc.source;
  const nodes = (ns: Inline[]): string =>
    ns
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return JSON.stringify(s.slice(n.start, n.end));
          case 'escape':
            return `\\${n.char}`;
          case 'subst':
            return `subst(${nodes([n.first])}|${nodes([n.second])})`;
          default:
            if (isEditorial(n)) return `${n.kind}(${JSON.stringify(s.slice(n.start, n.end))})`;
            return `${n.kind}[${nodes(n.children)}]${n.close ? '' : '!'}`;
        }
      })
      .join(' ');
  return doc.paragraphs.map((p) => nodes(p.children)).join(' ¶ ');
}

/** The problem codes of a source, in order. */
export function codes(src: string): string[] {
  return parse(src).problems.map((p) => p.code);
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
