// The project file `.emend.json` at a workspace root: a team's shared house style, read by the editor and by
// `emend check` alike. Pure: callers read the file; this validates its text.
import { isProblemCode, SEVERITIES } from './codes';
import type { Severities } from './diagnose';
import type { ReadingOptions } from './readings';

export const PROJECT_FILE = '.emend.json';

export interface ProjectConfig {
  severity: Severities;
  /** How supplied text and gaps show in the readings (`"supplied": "plain"`, `"gap": "description"`: the same
   *  choices as the settings `emend.readings.supplied` and `emend.readings.gap`). */
  readings?: Pick<ReadingOptions, 'supplied' | 'gap'>;
}

/** The choices of each reading option, the first the default (settings, `.emend.json`, `emend render`). */
export const READING_OPTION_CHOICES = {
  supplied: ['brackets', 'plain'],
  gap: ['ellipsis', 'description'],
} as const;

export interface ConfigResult {
  config: ProjectConfig;
  /** Human-readable problems with the file; what could be understood is still used. */
  errors: string[];
}

export function parseProjectConfig(text: string): ConfigResult {
  const config: ProjectConfig = { severity: {} };
  const errors: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { config, errors: [`${PROJECT_FILE} is not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { config, errors: [`${PROJECT_FILE} must hold a JSON object, like {"severity": {"empty-mark": "error"}}`] };
  }
  const severity = (data as Record<string, unknown>).severity;
  if (severity !== undefined) {
    if (typeof severity !== 'object' || severity === null || Array.isArray(severity)) {
      errors.push(`"severity" in ${PROJECT_FILE} must be an object of code: level`);
    } else {
      for (const [code, level] of Object.entries(severity)) {
        if (!isProblemCode(code)) {
          errors.push(`${PROJECT_FILE}: unknown problem code "${code}"`);
          continue;
        }
        if (level !== 'off' && !(SEVERITIES as readonly unknown[]).includes(level)) {
          errors.push(`${PROJECT_FILE}: "${code}" must be one of off, hint, information, warning, error`);
          continue;
        }
        config.severity[code] = level as Severities[string];
      }
    }
  }
  // Top-level keys, as the settings' last word (`emend.readings.supplied` → "supplied"), like "severity".
  for (const key of ['supplied', 'gap'] as const) {
    const value = (data as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const choices: readonly string[] = READING_OPTION_CHOICES[key];
    if (typeof value !== 'string' || !choices.includes(value)) {
      errors.push(`${PROJECT_FILE}: "${key}" must be one of ${choices.join(', ')}`);
      continue;
    }
    config.readings ??= {};
    if (key === 'supplied') config.readings.supplied = value as 'brackets' | 'plain';
    else config.readings.gap = value as 'ellipsis' | 'description';
  }
  for (const key of Object.keys(data)) {
    if (key !== 'severity' && key !== 'supplied' && key !== 'gap') errors.push(`${PROJECT_FILE}: unknown key "${key}"`);
  }
  return { config, errors };
}
