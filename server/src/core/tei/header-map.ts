// The one table between the transcription's `---` header block and the TEI <teiHeader> (docs/tei.md, "The
// header"). Export writes each field where its first path says (./header-write.ts); import reads each field from
// the first of its paths, or of the places it also reads, that a TEI header fills (./header-read.ts). The table is
// in the order the elements stand in a teiHeader (and in schema/emend-tei.rng), which is the order export writes.
import type { TeiExportOptions } from './options';

/** What the header says where the transcription's header is silent. Import recognises these and reads no field from them. */
export const HEADER_DEFAULTS = {
  title: 'Untitled transcription',
  publication: 'Unpublished transcription, exported from Emend.',
  source: "No source was named in the transcription's header.",
  mainHand: 'The main hand of the document.',
  otherHand: 'Another hand (marked *…* in the transcription).',
} as const;

/** A language tag as `xml:lang` and `<language ident>` require (BCP 47, simplified). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** What export knows besides the header block's values. */
export interface HeaderContext {
  options: TeiExportOptions;
  /** The transcription marks text in another hand, so the header declares the hands. */
  handsUsed: boolean;
  /** The <handNote>s when the `hands:` header names hands (./hands-export.ts); else the table's paths. */
  handNotes?: readonly { id: string; text: string }[];
}

/** One element on a path. */
export interface Step {
  name: string;
  /** Attributes export writes and import requires; a function computes one from the options or the value. */
  attrs?: Record<string, string | ((ctx: HeaderContext, value: string) => string)>;
  /** An attribute import requires the element not to have (a plain `<note>`, not a typed one). */
  lacks?: string;
  /** A first child saying what the element is for: export writes it with `text`, import wants one matching `matches`. */
  label?: { child: string; text: string; matches: RegExp };
  /** Export goes through this element only where another field made it (`msDesc`, which needs an identifier). */
  ifPresent?: boolean;
  /** Other names import accepts for the last element (`<persName>` where export writes `<name>`). */
  orNames?: string[];
  /** Import finds the element at any depth below the previous one (or anywhere in the header, on a first step). */
  deep?: boolean;
}

export type Path = Step[];

export interface HeaderField {
  /** The header block's key; null for an element only export writes (the publication statement's filler). */
  key: string | null;
  /** Other spellings of the key (read from the header block; the key itself is what import writes). */
  aliases?: string[];
  /** Where the value goes: export writes every path, import reads the first it finds. */
  paths: Path[];
  /** More places import reads, after `paths` (wherever real TEI headers put the same thing). */
  alsoRead?: Path[];
  /** What export writes at path `k` when the header block has no value there; `alone`: only when nothing else
   * fills the parent element. */
  fallback?: { text: (ctx: HeaderContext, k: number) => string; alone?: boolean };
  /** Export writes the field even without a value (with its fallbacks) when this says so. */
  required?: (ctx: HeaderContext) => boolean;
  /** The value is a list separated by `;`: export writes item k at path k (the last path takes the rest), import
   * joins every element the first path finds without its attributes (the paths differ in attributes only). */
  list?: boolean;
  /** Import reads this attribute when the element holds no text. */
  orAttribute?: string;
}

const step = (name: string, more: Omit<Step, 'name'> = {}): Step => ({ name, ...more });
const FILE = step('fileDesc');
const TITLES = [FILE, step('titleStmt')];
const SOURCE = [FILE, step('sourceDesc')];
const PROFILE = step('profileDesc');
const SENT = [PROFILE, step('correspDesc'), step('correspAction', { attrs: { type: 'sent' } })];
const RECEIVED = [PROFILE, step('correspDesc'), step('correspAction', { attrs: { type: 'received' } })];
const HANDS = [PROFILE, step('handNotes')];
/** The path of the <handNote> of a hand. */
export const handNotePath = (id: string): Path => [...HANDS, step('handNote', { attrs: { 'xml:id': id } })];
/** The first element anywhere in the header (where TEI from elsewhere may put it), then its children. */
const anywhere = (first: Step, ...rest: (Step | string)[]): Path => [
  { ...first, deep: true },
  ...rest.map((s) => (typeof s === 'string' ? step(s) : s)),
];

export const HEADER_FIELDS: HeaderField[] = [
  {
    key: 'title',
    paths: [[...TITLES, step('title')]],
    fallback: {
      text: (ctx) => (ctx.options.sourceName ? `Transcription of ${ctx.options.sourceName}` : HEADER_DEFAULTS.title),
    },
  },
  {
    key: 'author',
    paths: [
      [...TITLES, step('author')],
      [...SENT, step('persName')],
    ],
    alsoRead: [anywhere(SENT[2]!, 'persName')],
  },
  {
    key: 'transcriber',
    paths: [
      [
        ...TITLES,
        step('respStmt', { label: { child: 'resp', text: 'Transcribed by', matches: /transcri/i } }),
        step('name', { orNames: ['persName'] }),
      ],
    ],
    alsoRead: [
      anywhere(
        step('respStmt', { label: { child: 'resp', text: 'Transcribed by', matches: /transcri/i } }),
        step('name', { orNames: ['persName'] }),
      ),
    ],
  },
  {
    key: 'licence',
    aliases: ['license'],
    paths: [[FILE, step('publicationStmt'), step('availability'), step('licence')]],
    alsoRead: [anywhere(step('licence')), anywhere(step('availability'))],
  },
  {
    key: null,
    paths: [[FILE, step('publicationStmt'), step('p')]],
    fallback: { text: () => HEADER_DEFAULTS.publication, alone: true },
  },
  { key: 'note', paths: [[FILE, step('notesStmt'), step('note', { lacks: 'type' })]] },
  { key: 'witness', paths: [[FILE, step('notesStmt'), step('note', { attrs: { type: 'witness' } })]] },
  {
    key: 'repository',
    paths: [[...SOURCE, step('msDesc'), step('msIdentifier'), step('repository')]],
    alsoRead: [anywhere(step('msIdentifier'), 'repository')],
  },
  {
    key: 'idno',
    paths: [[...SOURCE, step('msDesc'), step('msIdentifier'), step('idno')]],
    alsoRead: [anywhere(step('msIdentifier'), 'idno')],
  },
  {
    key: 'source',
    paths: [[...SOURCE, step('msDesc', { ifPresent: true }), step('p')]],
    alsoRead: [
      [...SOURCE, step('p', { deep: true })],
      [...SOURCE, step('bibl', { deep: true })],
    ],
    fallback: { text: () => HEADER_DEFAULTS.source },
  },
  { key: 'recipient', paths: [[...RECEIVED, step('persName')]], alsoRead: [anywhere(RECEIVED[2]!, 'persName')] },
  { key: 'place', paths: [[...SENT, step('placeName')]], alsoRead: [anywhere(SENT[2]!, 'placeName')] },
  { key: 'date', paths: [[...SENT, step('date')]], alsoRead: [anywhere(SENT[2]!, 'date')] },
  {
    key: 'language',
    paths: [
      [
        PROFILE,
        step('langUsage'),
        step('language', { attrs: { ident: (_ctx, v) => (LANGUAGE_TAG.test(v) ? v : 'und') } }),
      ],
    ],
    alsoRead: [anywhere(step('language'))],
    orAttribute: 'ident',
  },
  {
    key: 'hands',
    paths: [
      [...HANDS, step('handNote', { attrs: { 'xml:id': (ctx) => ctx.options.mainHand } })],
      [...HANDS, step('handNote', { attrs: { 'xml:id': (ctx) => ctx.options.otherHand } })],
    ],
    alsoRead: [anywhere(step('handNote'))],
    list: true,
    fallback: { text: (_ctx, k) => (k === 0 ? HEADER_DEFAULTS.mainHand : HEADER_DEFAULTS.otherHand) },
    required: (ctx) => ctx.handsUsed,
  },
];

/** The order of the header block's lines that import writes (what the document is, who wrote to whom, when and
 * where; then where it is kept and who transcribed it), whatever the order of the TEI header's elements. */
export const HEADER_BLOCK_ORDER = [
  'title',
  'author',
  'recipient',
  'date',
  'place',
  'repository',
  'idno',
  'source',
  'transcriber',
  'licence',
  'note',
  'witness',
  'language',
  'hands',
];

/** The default texts, which import never reads as a field's value. */
export const DEFAULT_TEXTS: ReadonlySet<string> = new Set(Object.values(HEADER_DEFAULTS));
