// Option parsing for `emend` subcommands: each command declares its options once (OptionSpec), and that one list
// gives both the parsing, by node's own util.parseArgs, and the help text. Accepts `--name value`, `--name=value`,
// short aliases (`-r value`, `-rvalue`), grouped flags (`-fq`), `--` (everything after is a file) and `-`
// (standard input, a positional). Anything else starting with `-` is an unknown option: a usage error.
import { parseArgs as parseArgv } from 'node:util';

export interface OptionSpec {
  /** Long name without dashes, e.g. `reading`. */
  name: string;
  /** One-letter alias without the dash, e.g. `r`. */
  short?: string;
  /** The placeholder shown in help for an option that takes a value (e.g. `KIND`); absent for a flag. */
  value?: string;
  /** The values allowed, when the set is closed. */
  choices?: readonly string[];
  /** Shown in help. */
  help: string;
  /** The value used when the option is not given. */
  default?: string;
}

export interface ParsedArgs {
  /** Option values by long name (flags hold `'true'`); defaults filled in. */
  options: Record<string, string | undefined>;
  positionals: string[];
  help: boolean;
}

export class UsageError extends Error {}

const HELP: OptionSpec = { name: 'help', short: 'h', help: 'show this help' };

/** Parses `args` against `specs`; throws UsageError with a one-line message on a bad option or value. */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const all = [...specs, HELP];
  // Not strict: util.parseArgs then reports what it saw as tokens (an unknown option, a flag given a value, an
  // option missing its value) instead of throwing, and the messages below name the option as the user wrote it.
  const { positionals, tokens } = parseArgv({
    args: [...args],
    options: Object.fromEntries(
      all.map((s) => [
        s.name,
        { type: s.value === undefined ? 'boolean' : 'string', ...(s.short ? { short: s.short } : {}) },
      ]),
    ),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const options: Record<string, string | undefined> = {};
  for (const s of specs) if (s.default !== undefined) options[s.name] = s.default;
  let help = false;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = all.find((s) => s.name === token.name);
    if (!spec) throw new UsageError(`unknown option ${token.rawName}`);
    const label = `--${spec.name}`;
    if (spec === HELP) {
      help = true;
    } else if (spec.value === undefined) {
      if (token.value !== undefined) throw new UsageError(`${label} takes no value`);
      options[spec.name] = 'true';
    } else {
      const value = token.value;
      if (value === undefined) throw new UsageError(`${label} needs a value (${describeValue(spec)})`);
      if (spec.choices && !spec.choices.includes(value)) {
        throw new UsageError(`${label} must be ${orList(spec.choices)}, not '${value}'`);
      }
      options[spec.name] = value;
    }
  }
  return { options, positionals, help };
}

function describeValue(spec: OptionSpec): string {
  return spec.choices ? orList(spec.choices) : spec.value!;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The options part of a command's help text, one aligned line per option. */
export function optionsHelp(specs: readonly OptionSpec[]): string {
  const rows = specs.map((s) => {
    const names = (s.short ? `-${s.short}, ` : '    ') + `--${s.name}` + (s.value ? ` ${s.value}` : '');
    const extra = [
      s.choices ? `one of ${s.choices.join(', ')}` : '',
      s.default !== undefined ? `default ${s.default}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return [names, s.help + (extra ? ` (${extra})` : '')] as const;
  });
  rows.push(['-h, --help', HELP.help]);
  const width = Math.max(...rows.map(([n]) => n.length));
  return rows.map(([n, h]) => `  ${n.padEnd(width)}  ${h}`).join('\n');
}

/**
 * Parses a subcommand's arguments as every command does: a usage error is one line naming the command and its
 * help (exit status 2), and `--help` prints the help (exit status 0). Returns the parsed arguments, or that status.
 */
export function parseCommandArgs(
  name: string,
  help: () => string,
  args: readonly string[],
  specs: readonly OptionSpec[],
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): ParsedArgs | number {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(args, specs);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`emend ${name}: ${e.message} (see emend ${name} --help)\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    io.stdout(help() + '\n');
    return 0;
  }
  return parsed;
}
