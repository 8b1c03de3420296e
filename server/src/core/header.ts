// The optional header block: `---` on the very first line, `key: value` lines, a closing `---` line.
import type { Header, HeaderField, Problem } from './model';
import { lineBreakLength, LineBreakSearch } from './line-breaks';
import { BOTH, KEEPS, makeFix } from './fixes';
import { problem } from './problem';

/** Keys Emend knows. Others are kept but reported as possibly misspelt. */
export const HEADER_KEYS = [
  'title',
  'witness',
  'facsimile',
  'layout',
  'source',
  'author',
  'recipient',
  'date',
  'place',
  'repository',
  'idno',
  'transcriber',
  'language',
  'hands',
  'licence',
  'license',
  'note',
] as const;

export interface HeaderResult {
  header: Header | null;
  bodyStart: number;
}

/** The header's lines, read forward: where each ends (before its line break) and where the next begins. */
class Lines {
  private readonly breaks: LineBreakSearch;
  constructor(private readonly src: string) {
    this.breaks = new LineBreakSearch(src);
  }
  /** The end of the line that begins at `from` (calls go forward). */
  end(from: number): number {
    const at = this.breaks.next(from);
    return at < 0 ? this.src.length : at;
  }
  /** The start of the line after the one ending at `end` (the document's length for none). */
  nextStart(end: number): number {
    return end + lineBreakLength(this.src, end);
  }
}

/** The text of a line without trailing spaces or tabs. */
function trimEnd(src: string, start: number, end: number): number {
  while (end > start) {
    const c = src.charCodeAt(end - 1);
    if (c === 32 || c === 9) end--;
    else break;
  }
  return end;
}

function isFence(src: string, start: number, end: number): boolean {
  return trimEnd(src, start, end) - start === 3 && src.startsWith('---', start);
}

export function parseHeader(src: string, problems: Problem[]): HeaderResult {
  const first = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new Lines(src);
  const firstEnd = lines.end(first);
  if (!isFence(src, first, firstEnd) || firstEnd === src.length) {
    if (isFence(src, first, firstEnd)) problems.push(unclosed(src, first, firstEnd));
    return { header: null, bodyStart: 0 };
  }
  const fields: HeaderField[] = [];
  const seen = new Set<string>();
  const pending: Problem[] = [];
  let pos = lines.nextStart(firstEnd);
  while (pos <= src.length) {
    const end = lines.end(pos);
    if (isFence(src, pos, end)) {
      problems.push(...pending);
      return { header: { start: first, end, fields }, bodyStart: lines.nextStart(end) };
    }
    const contentEnd = trimEnd(src, pos, end);
    if (contentEnd > pos) parseField(src, pos, contentEnd, lines.nextStart(end), fields, seen, pending);
    if (end >= src.length) break;
    pos = lines.nextStart(end);
  }
  problems.push(unclosed(src, first, firstEnd));
  return { header: null, bodyStart: 0 };
}

const FIELD_LINE = /^[ \t]*[A-Za-z][A-Za-z0-9_-]*[ \t]*:/;

/** header-unclosed, with a fix closing the block after the `key: value` lines that follow the opening `---`. */
function unclosed(src: string, first: number, firstEnd: number): Problem {
  let lastField = -1;
  const lines = new Lines(src);
  // The fence is written with the file's own line ending (the first line's).
  const eol = src.slice(firstEnd, lines.nextStart(firstEnd)) || '\n';
  let pos = lines.nextStart(lines.end(firstEnd));
  while (pos < src.length) {
    const end = lines.end(pos);
    const line = src.slice(pos, Math.min(end, pos + 200));
    if (!FIELD_LINE.test(line)) break;
    lastField = trimEnd(src, pos, end);
    if (end >= src.length) break;
    pos = lines.nextStart(end);
  }
  const fixes =
    lastField < 0
      ? []
      : [
          // The lines above the new fence leave the readings (they were read as text).
          makeFix(
            'Close the header block after its last `key: value` line',
            [{ start: lastField, end: lastField, newText: `${eol}---` }],
            BOTH,
            true,
          ),
        ];
  return problem(
    'header-unclosed',
    first,
    firstEnd,
    'The header block opened here has no closing `---` line; it is read as text.',
    fixes,
  );
}

/** Reads the field on src[start, end) (a line without its trailing blanks; the next line begins at `nextLine`). */
function parseField(
  src: string,
  start: number,
  end: number,
  nextLine: number,
  fields: HeaderField[],
  seen: Set<string>,
  out: Problem[],
): void {
  let colon = -1;
  for (let k = start; k < end; k++) {
    if (src.charCodeAt(k) === 58) {
      colon = k;
      break;
    }
  }
  let keyStart = start;
  while (keyStart < end && (src.charCodeAt(keyStart) === 32 || src.charCodeAt(keyStart) === 9)) keyStart++;
  const keyEnd = colon < 0 ? -1 : trimEnd(src, keyStart, colon);
  const key = keyEnd < 0 ? '' : src.slice(keyStart, keyEnd);
  if (keyEnd < 0 || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) {
    out.push(
      problem(
        'header-malformed-line',
        start,
        end,
        'A header line must read `key: value` (for example `title: Letter to Gorbachev`).',
      ),
    );
    return;
  }
  let valueStart = colon + 1;
  while (valueStart < end && (src.charCodeAt(valueStart) === 32 || src.charCodeAt(valueStart) === 9)) valueStart++;
  const lower = key.toLowerCase();
  const field: HeaderField = {
    key: lower,
    value: src.slice(valueStart, end),
    line: { start, end },
    keySpan: { start: keyStart, end: keyEnd },
    valueSpan: { start: valueStart, end },
  };
  if (seen.has(lower)) {
    // Removing the line loses nothing only when it repeats the first value; otherwise the transcriber must choose.
    const first = fields.find((f) => f.key === lower);
    const same = first !== undefined && first.value === field.value;
    out.push(
      problem(
        'header-duplicate-key',
        keyStart,
        keyEnd,
        `The header key \`${key}\` is given twice; the first one counts${same ? ' (both say the same)' : `, so \`${field.value}\` is ignored`}.`,
        same
          ? [makeFix(`Remove this repeated \`${key}\` line`, [{ start, end: nextLine, newText: '' }], KEEPS, true)]
          : [],
      ),
    );
    return;
  }
  seen.add(lower);
  if (!(HEADER_KEYS as readonly string[]).includes(lower)) {
    const near = closestKey(lower);
    out.push(
      problem(
        'header-unknown-key',
        keyStart,
        keyEnd,
        `Emend does not know the header key \`${key}\`${near ? `; did you mean \`${near}\`?` : '.'}`,
        near ? [makeFix(`Change to \`${near}\``, [{ start: keyStart, end: keyEnd, newText: near }], KEEPS, true)] : [],
      ),
    );
  }
  fields.push(field);
}

function closestKey(key: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of HEADER_KEYS) {
    const d = editDistance(key, k, bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it is at least `limit`. Header keys are short. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 40) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return Math.min(prev[b.length]!, limit);
}

export function headerValue(header: Header | null, key: string): HeaderField | undefined {
  return header?.fields.find((f) => f.key === key);
}
