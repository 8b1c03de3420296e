// The `emend.diagnostics.severity` setting's JSON schema, made from the code catalogue (codes.ts) so that the
// settings editor, settings.json's completions and hovers, and the catalogue never disagree: one property per code,
// with its levels, its default, its one-line summary and a link to its documentation.
// `npm run settings` writes it into package.json; test/unit/severity-setting.test.ts checks that they agree.
import { CODES, type CodeInfo, type ProblemCode } from './codes';

export const LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;

const LEVEL_DESCRIPTIONS = [
  'Not reported',
  'Shown as a hint (dotted underline, no Problems entry)',
  'Information',
  'Warning',
  'Error',
];

/** The command a documentation link runs: it opens the code's entry in docs/diagnostics.md (client/src/help/). */
export const HELP_COMMAND = 'emend.showProblemHelp';

/** A `command:` link to a code's documentation (the settings editor runs command links in descriptions). */
export function helpLink(code: string): string {
  return `command:${HELP_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`;
}

/** Which part of the documentation a code belongs to, for the setting's overview. */
export function codeTopic(code: string): 'Markup' | 'Header' | 'Readings' | 'Witness' {
  if (code.startsWith('witness-')) return 'Witness';
  if (code.startsWith('header-')) return 'Header';
  if (code.startsWith('reading-')) return 'Readings';
  return 'Markup';
}

function defaultText(info: CodeInfo): string {
  return info.members ? "each code's own" : `\`${info.severity}\``;
}

function propertySchema(code: string, info: CodeInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'string', enum: [...LEVELS] };
  if (!info.members) out.default = info.severity;
  out.markdownDescription = `${info.summary} Default: ${defaultText(info)}. [Documentation](${helpLink(code)})`;
  out.enumDescriptions = LEVEL_DESCRIPTIONS;
  return out;
}

/** The overview at the top of the setting: every code with its summary, by topic. */
function overview(): string {
  const lines = [
    'Severity per problem code: `off` hides it. Overrides the default and the project file `.emend.json` (the ' +
      "nearest one in the document's folder or above, which `emend check` also reads). Click a code for its documentation.",
  ];
  let topic = '';
  for (const [code, info] of Object.entries(CODES) as [ProblemCode, CodeInfo][]) {
    const t = codeTopic(code);
    if (t !== topic) {
      lines.push('', `**${t}**`, '');
      topic = t;
    }
    lines.push(`- [\`${code}\`](${helpLink(code)}) (${defaultText(info)}): ${info.summary}`);
  }
  return lines.join('\n');
}

/** The whole setting, as package.json's `contributes.configuration.properties['emend.diagnostics.severity']`. */
export function severitySettingSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [code, info] of Object.entries(CODES) as [ProblemCode, CodeInfo][])
    properties[code] = propertySchema(code, info);
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    additionalProperties: false,
    properties,
    markdownDescription: overview(),
  };
}
