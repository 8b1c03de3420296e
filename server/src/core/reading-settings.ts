// The `emend.readings.supplied` and `emend.readings.gap` settings: their JSON schema (written into package.json by
// `npm run settings`, checked by test/unit/reading-settings.test.ts) and how a setting and the project file
// `.emend.json` combine into the options of a reading. Each setting's first choice, `default`, leaves the word to the
// project file (its top-level "supplied" / "gap"), and to the built-in default when the project file is silent:
// VS Code always answers a setting with a value, so a setting the user never touched must not hide the project file.
import { READING_OPTION_CHOICES } from './config';
import type { ReadingOptions } from './readings';

export type ReadingChoices = Pick<ReadingOptions, 'supplied' | 'gap'>;

export const READING_SETTING_KEYS = ['supplied', 'gap'] as const;

const DESCRIPTIONS = {
  supplied: {
    summary:
      'How text you supplied (`+{…}`, `+lost{…}`) shows in the draft and final readings: in the preview, the reading editors, Export as HTML and hovers.',
    choices: {
      brackets: 'In square brackets, `[word]`, so no reader takes it for the writer’s.',
      plain: 'As plain text, `word`, like the writer’s own.',
    },
  },
  gap: {
    summary:
      'How a gap (`_{…}`, `_lost{…}`) shows in the readings: in the preview, the reading editors, Export as HTML and hovers.',
    choices: {
      ellipsis: 'As `[…]`.',
      description: 'Described: `[3 words illegible]`, `[lost]`.',
    },
  },
} as const;

/** The schema of `emend.readings.<key>`, as package.json's `contributes.configuration.properties` holds it. */
export function readingSettingSchema(key: (typeof READING_SETTING_KEYS)[number]): Record<string, unknown> {
  const d = DESCRIPTIONS[key];
  const choices: readonly string[] = READING_OPTION_CHOICES[key];
  const descriptions = d.choices as Record<string, string>;
  return {
    type: 'string',
    enum: ['default', ...choices],
    default: 'default',
    scope: 'resource',
    markdownEnumDescriptions: [
      `As the project file \`.emend.json\` says (\`"${key}"\`), else \`${choices[0]}\`.`,
      ...choices.map((c) => descriptions[c]!),
    ],
    markdownDescription:
      `${d.summary} \`default\` follows the nearest \`.emend.json\` (its \`"${key}"\`, the team's house style); any ` +
      'other choice overrides it for you. `emend render` reads the project file and its own flags, not this setting.',
  };
}

/** Every generated `emend.readings.*` property, keyed by its full name. */
export function readingSettingsSchema(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const key of READING_SETTING_KEYS) out[`emend.readings.${key}`] = readingSettingSchema(key);
  return out;
}

/** The user's `emend.readings` section as settings give it: the choices it makes ('default', unknown values and
 *  absent keys make none), and a message for each value that is not a choice. */
export function readingSettingChoices(raw: unknown): { choices: ReadingChoices; errors: string[] } {
  const choices: ReadingChoices = {};
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { choices, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { choices, errors: ['emend.readings must be an object'] };
  for (const key of READING_SETTING_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === 'default') continue;
    const allowed: readonly string[] = READING_OPTION_CHOICES[key];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      errors.push(`emend.readings.${key} must be one of default, ${allowed.join(', ')}`);
      continue;
    }
    if (key === 'supplied') choices.supplied = value as 'brackets' | 'plain';
    else choices.gap = value as 'ellipsis' | 'description';
  }
  return { choices, errors };
}

/** The options a document's readings are made with: the project file's, then the user's settings on top. */
export function readingChoices(project: ReadingChoices | undefined, user: ReadingChoices): ReadingChoices {
  return { ...project, ...user };
}
