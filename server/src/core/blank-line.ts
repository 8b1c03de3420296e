// What a blank line may hold: spaces, tabs and carriage returns, nothing else. A line break followed by such a line
// ends a paragraph (the parser), and the same blank line in a reading is where the checks' word searches and the
// hover's sentence stop: one definition for both, so a reading's paragraphs are the source's.

/** True for a character a blank line may hold (space, tab, carriage return). */
export function isBlankLineCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}
