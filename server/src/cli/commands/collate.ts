// `emend collate FILE [WITNESS]`: compares a transcription's final reading with another witness and prints the
// apparatus (one line per variant), or `--format json` for scripts. The witness defaults to the header's `witness:`.
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseCommandArgs, type OptionSpec } from '../args';
import { expandInputs, readInput } from '../inputs';
import { headerWitness, loadWitness } from '../witness';
import { analyze, apparatus, apparatusText, collate, type WitnessLoad } from '../../core/index';

const OPTIONS: OptionSpec[] = [
  {
    name: 'format',
    short: 'f',
    value: 'FORMAT',
    choices: ['text', 'json'],
    default: 'text',
    help: 'text: the findings, then an apparatus line per variant; json: {"agreement", "findings", "variants", "suggestions"}',
  },
];

const HELP = [
  'usage: emend collate [--format text|json] FILE [WITNESS]',
  '',
  'Compares the final reading of the transcription FILE (or - for standard input) with WITNESS: a plain-text file,',
  "or an .emend file whose final reading is used. Without WITNESS, the witness named in FILE's header",
  "(`witness: path`, relative to FILE's folder) is used.",
  '',
  "Prints the share of FILE's words that agree with the witness (equal, or near-equal: probably misread); then the",
  'findings to act on (misplaced insertions, missed deletions), each with its fix; then one line per variant:',
  "  LINE  transcription's reading ] LINE  witness's reading  (kind)",
  'Kinds: misreading, substitution, omission, addition, repetition, transposition, paratext (running heads and',
  'page numbers of the witness, set apart from its text). Last, what the witness reads at the gaps `_{…}` and',
  'unclear readings `?{…}` of FILE: its suggestions there, which are not variants. See docs/collation.md.',
  '',
  'options:',
  optionsHelp(OPTIONS),
  '',
  'exit status: 0 compared, 2 usage error or an unreadable transcription or witness.',
].join('\n');

export const collateCommand: CliCommand = {
  name: 'collate',
  summary: 'Compare a transcription with another witness and print the variants.',
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs('collate', () => HELP, args, OPTIONS, io);
    if (typeof parsed === 'number') return parsed;
    const files = parsed.positionals;
    if (files.length < 1 || files.length > 2) {
      io.stderr('emend collate: give one transcription and at most one witness (see emend collate --help)\n');
      return 2;
    }
    const file = files[0]!;
    const { inputs, errors } = expandInputs([file], io);
    if (
      errors.length ||
      inputs.length !== 1 ||
      (inputs[0]!.path !== null && inputs[0]!.path !== resolve(io.cwd, file))
    ) {
      io.stderr(`emend collate: ${errors[0] ?? `${file}: give one transcription file, not a directory`}\n`);
      return 2;
    }
    const read = await readInput(inputs[0]!, io);
    if (!read.ok) {
      io.stderr(`emend collate: ${read.error}\n`);
      return 2;
    }
    const analysis = analyze(read.text);
    let loaded: WitnessLoad;
    let witnessName = files[1];
    if (witnessName !== undefined) loaded = await loadWitness(witnessName, io.cwd);
    else {
      const fromHeader = await headerWitness(analysis, inputs[0]!.path, io.cwd);
      if (!fromHeader) {
        io.stderr(
          `emend collate: ${file} names no witness in its header (\`witness: path\`); give one: emend collate ${file} WITNESS\n`,
        );
        return 2;
      }
      loaded = fromHeader;
      witnessName = 'witness' in fromHeader ? fromHeader.witness.name : '';
    }
    if ('error' in loaded) {
      io.stderr(`emend collate: ${loaded.error}\n`);
      return 2;
    }
    const app = apparatus(analysis, collate(analysis, loaded.witness));
    io.stdout(parsed.options.format === 'json' ? JSON.stringify(app) + '\n' : apparatusText(app, file, witnessName));
    return 0;
  },
};
