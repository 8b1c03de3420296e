// The catalogue of problem codes. Codes are stable: settings, project files, docs and tests name them.
import type { Severity } from './model';

export interface CodeInfo {
  /** The default: how it is shown, or `off` for a code reported only when a setting turns it on. */
  severity: Severity | 'off';
  /** One line for tables, settings and help text (plain text: it is shown as is). */
  summary: string;
  /** A code that stands for several (`witness-variant`): a severity set for it applies to each of `members` not set on its own. */
  members?: readonly string[];
}

export const CODES = {
  // Syntax: found by the parser.
  'unclosed-deletion': {
    severity: 'error',
    summary: 'A deletion `~~` is never closed before the end of the document.',
  },
  'unclosed-insertion': {
    severity: 'error',
    summary: 'An insertion `^{` or `^<` is never closed before the end of the document.',
  },
  'unclosed-hand': {
    severity: 'error',
    summary: 'Text in another hand `*` is never closed before the end of the document.',
  },
  'mark-crosses-paragraph': {
    severity: 'error',
    summary: 'A mark is still open at a blank line; marks end with their paragraph.',
  },
  'unclosed-supplied': {
    severity: 'error',
    summary: 'Supplied text `+{` is never closed before the end of the document.',
  },
  'unclosed-unclear': { severity: 'error', summary: 'An unclear reading `?{` is never closed in its paragraph.' },
  'unclosed-gap': { severity: 'error', summary: 'A gap `_{` is never closed in its paragraph.' },
  'unclosed-note': { severity: 'error', summary: 'A note `%{` is never closed in its paragraph.' },
  'unclosed-break': { severity: 'error', summary: 'A page or column break `|page{` is never closed in its paragraph.' },
  'unknown-keyword': {
    severity: 'warning',
    summary: 'A word between a mark’s sigil and its brace that the mark does not take (`^top{`).',
  },
  'unknown-hand': { severity: 'warning', summary: 'A mark names a hand `@id` that the `hands:` header does not list.' },
  'gap-extent': { severity: 'warning', summary: 'The size written in a gap `_{…}` cannot be read.' },
  'note-inside-word': { severity: 'information', summary: 'A note `%{…}` stands inside a word.' },
  'stray-closer': { severity: 'warning', summary: 'A `}`, `>` closes nothing; it is kept as text.' },
  'crossing-marks': { severity: 'error', summary: 'Two marks overlap without one containing the other.' },
  'nested-deletion-tildes': {
    severity: 'warning',
    summary: 'A deletion inside a deletion written with as many tildes as the outer one, so both end early.',
  },
  'empty-mark': { severity: 'warning', summary: 'A mark holds no text at all.' },
  'space-inside-mark': {
    severity: 'information',
    summary: 'A space just inside a mark doubles the space just outside it.',
  },
  'insertion-spellings-mixed': {
    severity: 'information',
    summary: 'Both insertion spellings, `^{…}` and `^<…>`, are used in one document.',
  },
  'nesting-too-deep': {
    severity: 'error',
    summary: 'Marks nested more than 100 deep; the deeper ones are read as text.',
  },
  'too-many-problems': {
    severity: 'warning',
    summary: 'More than 1000 syntax problems; only the first 1000 are listed.',
  },
  'header-unclosed': {
    severity: 'error',
    summary: 'The header block opened by `---` on the first line has no closing `---` line.',
  },
  'header-malformed-line': { severity: 'warning', summary: 'A header line is not of the form `key: value`.' },
  'header-unknown-key': { severity: 'information', summary: 'A header key Emend does not know (possibly misspelt).' },
  'header-duplicate-key': { severity: 'warning', summary: 'A header key is given twice; the first one counts.' },
  // Checks on what the marks mean.
  'substitution-unchanged': { severity: 'warning', summary: 'A substitution replaces text with the very same text.' },
  'insertion-repeats-text': {
    severity: 'warning',
    summary: 'An insertion repeats, word for word, the text right beside it.',
  },
  // Checks on the readings.
  'reading-joins-words': { severity: 'warning', summary: 'In a reading, a mark boundary runs two words together.' },
  'reading-doubled-word': {
    severity: 'warning',
    summary: 'In a reading, a mark boundary leaves a word doubled ("the the").',
  },
  // Witness comparison.
  'witness-unavailable': {
    severity: 'warning',
    summary: 'The witness named in the header is missing, unreadable, binary or too large.',
  },
  'witness-misplaced-insertion': {
    severity: 'warning',
    summary: 'The witness has this insertion a few words away: probably misplaced.',
  },
  'witness-missed-deletion': {
    severity: 'warning',
    summary: 'The witness lacks these words after an insertion: probably a deletion not marked.',
  },
  'witness-substitution': { severity: 'information', summary: 'The witness has other words here.' },
  'witness-omission': { severity: 'information', summary: 'The witness lacks these words.' },
  'witness-addition': { severity: 'information', summary: 'The witness has words here that the transcription lacks.' },
  'witness-transposition': {
    severity: 'information',
    summary: 'The witness has these words at another place.',
  },
  'witness-misreading': {
    severity: 'off',
    summary:
      'The witness has a near-equal word here: probably the same word misread (shown in hovers and the collation view).',
  },
  'witness-repetition': {
    severity: 'information',
    summary: 'The witness repeats the words beside it (a doubled phrase).',
  },
  'witness-paratext': {
    severity: 'off',
    summary: 'A running head, letterhead or page number of the witness, set apart from the text.',
  },
  'witness-variant': {
    severity: 'information',
    summary:
      'Every kind of witness variant at once: a level set here applies to each witness variant code not set on its own.',
    members: [
      'witness-substitution',
      'witness-omission',
      'witness-addition',
      'witness-transposition',
      'witness-misreading',
      'witness-repetition',
      'witness-paratext',
    ],
  },
  'witness-too-many-variants': {
    severity: 'information',
    summary: 'More witness variants than the editor lists (2,000); the collation view and emend collate show them all.',
  },
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof CODES;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(CODES, code);
}

/** The default level of a code (`off`: reported only when a setting turns it on). */
export function defaultSeverity(code: ProblemCode): Severity | 'off' {
  return CODES[code].severity;
}

/** The code whose setting applies to `code` when it has none of its own (`witness-variant` for the variant kinds). */
export function groupOf(code: string): ProblemCode | undefined {
  for (const [group, info] of Object.entries(CODES) as [ProblemCode, CodeInfo][]) {
    if (info.members?.includes(code)) return group;
  }
  return undefined;
}
