// Escaping plain text so that it reads literally in the markup.
import { ESCAPABLE } from './parser';

/** Puts a backslash before every character the markup would read as a mark. */
export function escapeText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (ESCAPABLE.includes(text[i]!)) {
      out += text.slice(from, i) + '\\' + text[i];
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
