// `emend collate FILE [WITNESS]`: compares a transcription's final reading with another witness and prints the
// apparatus (one line per variant), or `--format json` for scripts. The witness defaults to the header's `witness:`.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseArgs, UsageError, type OptionSpec } from '../args';
import { describeError, expandInputs, readInput } from '../inputs';
import { analyze, apparatus, apparatusText, collate, headerValue, MAX_WITNESS_BYTES, witnessFromBytes, type WitnessLoad } from '../../core/index';

const OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', value: 'FORMAT', choices: ['text', 'json'], default: 'text',
    help: 'text: an apparatus line per variant; json: {"agreement", "variants": [{"kind", "transcription", "witness"}]}' },
];

const HELP = [
  'usage: emend collate [--format text|json] FILE [WITNESS]',
  '',
  'Compares the final reading of the transcription FILE (or - for standard input) with WITNESS: a plain-text file,',
  'or an .emend file whose final reading is used. Without WITNESS, the witness named in FILE\'s header',
  '(`witness: path`, relative to FILE\'s folder) is used.',
  '',
  'Prints the share of FILE\'s words that agree with the witness (equal, or near-equal: probably misread), then one',
  'line per variant:',
  '  LINE  transcription\'s reading ] LINE  witness\'s reading  (kind)',
  'Kinds: misreading, substitution, omission, addition, repetition, transposition (docs/collation.md).',
  '',
  'options:',
  optionsHelp(OPTIONS),
  '',
  'exit status: 0 compared, 2 usage error or an unreadable transcription or witness.',
].join('\n');

/** Reads and checks a witness file: the size before reading, then binary and UTF-8 (the core's messages). */
function loadWitness(name: string, path: string): WitnessLoad {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: `The witness ${name} is a directory, not a file.` };
    if (st.size > MAX_WITNESS_BYTES) return { error: `The witness ${name} is too large to compare (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_WITNESS_BYTES / 1048576} MB).` };
    return witnessFromBytes(name, readFileSync(path));
  } catch (e) {
    return { error: `The witness ${name} cannot be read: ${describeError(e)}.` };
  }
}

export const collateCommand: CliCommand = {
  name: 'collate',
  summary: 'Compare a transcription with another witness and print the variants.',
  help: HELP,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs(args, OPTIONS);
    } catch (e) {
      if (e instanceof UsageError) { io.stderr(`emend collate: ${e.message} (see emend collate --help)\n`); return 2; }
      throw e;
    }
    if (parsed.help) { io.stdout(HELP + '\n'); return 0; }
    const files = parsed.positionals;
    if (files.length < 1 || files.length > 2) {
      io.stderr('emend collate: give one transcription and at most one witness (see emend collate --help)\n');
      return 2;
    }
    const file = files[0]!;
    const { inputs, errors } = expandInputs([file], io);
    if (errors.length || inputs.length !== 1 || (inputs[0]!.path !== null && inputs[0]!.path !== resolve(io.cwd, file))) {
      io.stderr(`emend collate: ${errors[0] ?? `${file}: give one transcription file, not a directory`}\n`);
      return 2;
    }
    const read = await readInput(inputs[0]!, io);
    if (!read.ok) { io.stderr(`emend collate: ${read.error}\n`); return 2; }
    const analysis = analyze(read.text);
    let witnessName = files[1];
    let witnessPath: string;
    if (witnessName !== undefined) witnessPath = resolve(io.cwd, witnessName);
    else {
      const field = headerValue(analysis.doc.header, 'witness');
      if (!field || !field.value) {
        io.stderr(`emend collate: ${file} names no witness in its header (\`witness: path\`); give one: emend collate ${file} WITNESS\n`);
        return 2;
      }
      witnessName = field.value;
      witnessPath = resolve(inputs[0]!.path === null ? io.cwd : dirname(inputs[0]!.path), field.value);
    }
    const loaded = loadWitness(witnessName, witnessPath);
    if ('error' in loaded) { io.stderr(`emend collate: ${loaded.error}\n`); return 2; }
    const app = apparatus(analysis, collate(analysis, loaded.witness));
    io.stdout(parsed.options.format === 'json' ? JSON.stringify(app) + '\n' : apparatusText(app, file, witnessName));
    return 0;
  },
};
