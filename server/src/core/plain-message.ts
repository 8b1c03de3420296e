// Messages as the editor shows them. The core writes its messages and fix titles with code spans (`}`, `^{…}`), which
// read well where Markdown is rendered (docs, the CLI's help) but show as literal backticks in VS Code's Problems
// panel, the squiggle's hover and the light bulb, which print plain text. There each code span is put in quotes.

/** `message` with each `code span` written as “code span”; a backtick with no partner is left as it is. */
export function plainMessage(message: string): string {
  let open = message.indexOf('`');
  if (open < 0) return message;
  let out = '';
  let from = 0;
  while (open >= 0) {
    const close = message.indexOf('`', open + 1);
    if (close < 0) break;
    out += message.slice(from, open) + '“' + message.slice(open + 1, close) + '”';
    from = close + 1;
    open = message.indexOf('`', from);
  }
  return out + message.slice(from);
}
