// Reads the example tables of docs/markup.md, for the tests that check the reference against the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const markupDoc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'markup.md'), 'utf8');

/** The rows of every table in docs/markup.md whose header row is exactly `header`, as arrays of raw cells. */
export function tables(header: string): string[][] {
  const rows: string[][] = [];
  const lines = markupDoc.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== header) continue;
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) {
      rows.push(
        lines[j]!.trim()
          .slice(1, -1)
          .split(' | ')
          .map((c) => c.trim()),
      );
    }
  }
  return rows;
}

/** A cell's example text: `code` (with ↵ for a line break, and `\|` for `|` as tables write it) or *(nothing)*. */
export function cell(raw: string): string {
  if (raw === '*(nothing)*') return '';
  assert.match(raw, /^`.*`$/, `a table cell must be code or *(nothing)*: ${raw}`);
  return raw.slice(1, -1).replaceAll('↵', '\n').replaceAll('\\|', '|');
}

export const CODE_TABLE_HEADER = '| code | severity | what it means | what the parser does with it |';

/** The problem codes the reference documents for the parser. */
export function documentedParserCodes(): Set<string> {
  return new Set(tables(CODE_TABLE_HEADER).map(([c]) => cell(c!)));
}
