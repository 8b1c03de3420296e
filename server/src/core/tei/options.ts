// The choices a TEI export makes where editors differ, with their defaults (docs/tei.md, "Options").
// One object, validated here, filled from VS Code settings `emend.tei.*` and from `emend render` options alike.

export type HandEncoding = 'handShift' | 'seg';

export interface TeiExportOptions {
  /** `rend` on every `<del>` (how the deletion looks on the page); '' for none. */
  delRend: string;
  /** `place` on every `<add>` (where the insertion stands); '' for none. */
  addPlace: string;
  /**
   * How text in another hand is recorded: `handShift` (a `<handShift new="#h2"/>` where it begins and one back to
   * the main hand where it ends, as in the Guidelines' chapter on primary sources) or `seg` (`<seg hand="#h2">…</seg>`).
   */
  hands: HandEncoding;
  /** `xml:id` of the main hand's `<handNote>`. */
  mainHand: string;
  /** `xml:id` of the other hand's `<handNote>`. */
  otherHand: string;
  /** Whether each line break inside a paragraph becomes `<lb/>` (otherwise it stays a plain line break). */
  lineBreaks: boolean;
  /** A name for the transcription file, quoted in the header when it has no title (e.g. `letter.emend`). */
  sourceName: string;
}

export const DEFAULT_TEI_OPTIONS: Readonly<TeiExportOptions> = {
  delRend: 'strikethrough',
  addPlace: 'above',
  hands: 'handShift',
  mainHand: 'h1',
  otherHand: 'h2',
  lineBreaks: true,
  sourceName: '',
};

/** How each option is described to users; the CLI help and the settings share it. */
export const TEI_OPTION_HELP: Record<Exclude<keyof TeiExportOptions, 'sourceName'>, string> = {
  delRend: 'rend attribute on <del> (default "strikethrough"; "" for none)',
  addPlace: 'place attribute on <add> (default "above"; "" for none)',
  hands: 'how another hand is recorded: "handShift" (default) or "seg"',
  mainHand: 'xml:id of the main hand (default "h1")',
  otherHand: 'xml:id of the other hand (default "h2")',
  lineBreaks: 'line breaks inside a paragraph as <lb/> (default true)',
};

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
/** A value for `rend`/`place`: TEI's teidata.enumerated, a single token with no spaces. */
const TOKEN = /^[^\s"<>&]*$/;

export interface TeiOptionsResult {
  options: TeiExportOptions;
  /** One sentence per value that was refused (its default is used instead). */
  errors: string[];
}

/** Validates options from settings or the command line; unknown keys and bad values are reported, not fatal. */
export function teiOptions(input: Record<string, unknown> | undefined): TeiOptionsResult {
  const options: TeiExportOptions = { ...DEFAULT_TEI_OPTIONS };
  const errors: string[] = [];
  if (!input) return { options, errors };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'delRend':
      case 'addPlace':
        if (typeof value === 'string' && TOKEN.test(value)) options[key] = value;
        else
          errors.push(
            `${key} must be one word without spaces (like "strikethrough" or "above"), not ${JSON.stringify(value)}`,
          );
        break;
      case 'hands':
        if (value === 'handShift' || value === 'seg') options.hands = value;
        else errors.push(`hands must be "handShift" or "seg", not ${JSON.stringify(value)}`);
        break;
      case 'mainHand':
      case 'otherHand':
        if (typeof value === 'string' && NCNAME.test(value)) options[key] = value;
        else errors.push(`${key} must be an XML name such as "h1", not ${JSON.stringify(value)}`);
        break;
      case 'lineBreaks':
        if (typeof value === 'boolean') options.lineBreaks = value;
        else if (value === 'true' || value === 'false') options.lineBreaks = value === 'true';
        else errors.push(`lineBreaks must be true or false, not ${JSON.stringify(value)}`);
        break;
      case 'sourceName':
        if (typeof value === 'string') options.sourceName = value;
        break;
      default:
        errors.push(`unknown TEI option "${key}"`);
    }
  }
  if (options.mainHand === options.otherHand) {
    errors.push(`mainHand and otherHand must differ (both are "${options.mainHand}")`);
    options.mainHand = DEFAULT_TEI_OPTIONS.mainHand;
    options.otherHand = DEFAULT_TEI_OPTIONS.otherHand;
  }
  return { options, errors };
}

/** `key=value,key=value` (the CLI's `--tei` option) as an object for teiOptions; malformed items are reported. */
export function parseTeiOptionList(list: string): { input: Record<string, unknown>; errors: string[] } {
  const input: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const item of list.split(',')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      errors.push(`"${item}" is not of the form key=value`);
      continue;
    }
    input[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return { input, errors };
}
