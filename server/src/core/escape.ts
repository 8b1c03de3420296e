// Escaping plain text so that it reads literally in the markup.

/** Always escaped: the revision marks' characters, the braces every editorial mark opens with, and `|` (`|-`). */
const ALWAYS = '~^*{}<>\\|';

/**
 * Puts a backslash before every character the markup would read as a mark. The editorial sigils (`?`, `+`, `_`, `%`)
 * open a mark only before a brace, which is escaped, so they stay as they are; `@` is escaped at the start, where it
 * could name a hand if the text is put just inside a mark.
 */
export function escapeText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (ALWAYS.includes(text[i]!) || (i === 0 && text[0] === '@')) {
      out += text.slice(from, i) + '\\' + text[i];
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
