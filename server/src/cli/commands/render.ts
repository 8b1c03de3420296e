// `emend render`: prints (or writes, with --out-dir) a reading of each file in one of the formats of cli/formats.ts.
import { dirname, join, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseCommandArgs, type OptionSpec } from '../args';
import { FORMATS } from '../formats';
import { EMEND_EXTENSION, expandInputs, Progress, readInput } from '../inputs';
import { makeFolder, Outputs, OUTPUTS_FILE, protectTranscription } from '../outputs';
import { ProjectFiles } from '../../host/project-file';
import { nodeFiles } from '../../host/node';
import { fileUri } from '../../host/uris';
import {
  analyze,
  parseTeiOptionList,
  READING_KINDS,
  READING_OPTION_CHOICES,
  SIGLA,
  teiOptions,
  TEI_OPTION_HELP,
  type ReadingOptions,
  type Sigla,
} from '../../core/index';

function options(): OptionSpec[] {
  return [
    {
      name: 'reading',
      short: 'r',
      value: 'KIND',
      choices: READING_KINDS,
      help: 'which reading: draft (as first written), final (as revised), diplomatic (both, marked); default final',
    },
    {
      name: 'view',
      value: 'VIEW',
      help: 'with --format html, which view (diplomatic, final, draft, side-by-side; default diplomatic)',
    },
    {
      name: 'supplied',
      value: 'STYLE',
      choices: READING_OPTION_CHOICES.supplied,
      help: 'supplied text +{…} in [brackets] (the default) or plain; overrides "supplied" in the nearest .emend.json',
    },
    {
      name: 'gap',
      value: 'STYLE',
      choices: READING_OPTION_CHOICES.gap,
      help: 'a gap _{…} as […] (ellipsis, the default) or described, [3 words illegible]; overrides "gap" in .emend.json',
    },
    {
      name: 'sigla',
      value: 'STYLE',
      choices: SIGLA,
      help: 'with --format html, how the diplomatic view draws the editorial marks: editorial (the default) or leiden',
    },
    {
      name: 'format',
      short: 'f',
      value: 'FORMAT',
      choices: FORMATS.map((f) => f.name),
      default: FORMATS[0]!.name,
      help: 'output format',
    },
    {
      name: 'out-dir',
      short: 'o',
      value: 'DIR',
      help: "write one file per input into DIR (same relative path, the format's extension) instead of printing",
    },
    {
      name: 'force',
      help: 'with --out-dir, replace files that emend did not write from the same input (never an input, a witness or a file a header names)',
    },
    {
      name: 'tei',
      value: 'KEY=VALUE,...',
      help: `with --format tei, the export's choices: ${Object.entries(TEI_OPTION_HELP)
        .map(([k, v]) => `${k} (${v})`)
        .join('; ')}`,
    },
  ];
}

export const render: CliCommand = {
  name: 'render',
  summary: 'Print (or write) each file as a reading in plain text, an HTML page or a TEI P5 document.',
  get help() {
    return [
      'usage: emend render [--reading draft|final|diplomatic] [--format FORMAT] [--view VIEW] [--supplied brackets|plain]',
      '                    [--gap ellipsis|description] [--sigla editorial|leiden] [--out-dir DIR [--force]] FILE...',
      '',
      'Prints a reading of each transcription. FILE may be `-` for standard input, or a directory for every',
      `*${EMEND_EXTENSION} file below it. Problems in the markup do not stop rendering (see \`emend check\`).`,
      '',
      'options:',
      optionsHelp(options()),
      '',
      'formats:',
      ...FORMATS.map((f) => `  ${f.name.padEnd(10)}  ${f.summary}`),
      '',
      'With --out-dir, emend writes a file only where none is, or where it wrote one from the same input before',
      `(recorded in DIR's ${OUTPUTS_FILE}) that nobody has changed since; --force replaces the others. It never writes`,
      "over an input, a witness or any file a transcription's header names.",
      '',
      'exit status: 0 rendered, 2 usage error, an unreadable file or an output not written (the others are still',
      'rendered).',
    ].join('\n');
  },
  async run(args, io) {
    const parsed = parseCommandArgs('render', () => render.help, args, options(), io);
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals.length === 0) {
      io.stderr('emend render: no files given (use - for standard input; see emend render --help)\n');
      return 2;
    }
    const format = FORMATS.find((f) => f.name === parsed.options.format)!;
    const view = parsed.options.view ?? parsed.options.reading ?? format.defaultView;
    if (!format.views.includes(view)) {
      io.stderr(`emend render: --format ${format.name} takes a ${format.viewNoun}: ${format.views.join(', ')}\n`);
      return 2;
    }
    let tei;
    if (parsed.options.tei !== undefined) {
      const list = parseTeiOptionList(parsed.options.tei);
      const checked = teiOptions(list.input);
      const problems = [...list.errors, ...checked.errors];
      if (problems.length) {
        io.stderr(`emend render: --tei: ${problems.join('; ')}\n`);
        return 2;
      }
      tei = checked.options;
    }
    const outDir = parsed.options['out-dir'] === undefined ? null : resolve(io.cwd, parsed.options['out-dir']);
    const { inputs, errors } = expandInputs(parsed.positionals, io);
    let status = 0;
    for (const e of errors) io.stderr(`emend render: ${e}\n`);
    if (errors.length) status = 2;
    if (outDir && inputs.some((i) => i.path === null)) {
      io.stderr('emend render: --out-dir cannot name an output for standard input; print it instead\n');
      return 2;
    }
    const outputs = new Outputs(parsed.options.force === 'true', io.cwd);
    if (outDir) {
      // The folder first, so that one that cannot be made stops the run at once with one line.
      const made = await makeFolder(outDir);
      if (made) {
        io.stderr(`emend render: --out-dir: ${made}\n`);
        return 2;
      }
      // Every file any input reads is known before the first is written.
      for (const input of inputs) {
        const read = await readInput(input, io);
        if (read.ok) await protectTranscription(outputs, input.path!, input.name, read.text);
        else await outputs.protect(input.path!, 'one of the inputs');
      }
    }
    const flags: Pick<ReadingOptions, 'supplied' | 'gap'> = {};
    if (parsed.options.supplied !== undefined) flags.supplied = parsed.options.supplied as 'brackets' | 'plain';
    if (parsed.options.gap !== undefined) flags.gap = parsed.options.gap as 'ellipsis' | 'description';
    const projects = new ProjectFiles(nodeFiles);
    const reportedConfigs = new Set<string>();
    const written = new Map<string, string>();
    const progress = new Progress(io, inputs.length, 'rendering');
    for (const [index, input] of inputs.entries()) {
      progress.tick(index, input.name);
      const read = await readInput(input, io);
      if (!read.ok) {
        progress.clear();
        io.stderr(`emend render: ${read.error}\n`);
        status = 2;
        continue;
      }
      const target = outDir
        ? join(
            outDir,
            (input.relative.endsWith(EMEND_EXTENSION)
              ? input.relative.slice(0, -EMEND_EXTENSION.length)
              : input.relative) + format.extension,
          )
        : null;
      // The nearest .emend.json's "supplied" and "gap", found as `emend check` finds it; the flags win.
      const project = await projects.forFolder(fileUri(input.path === null ? io.cwd : dirname(input.path)));
      if (project.errors.length && !reportedConfigs.has(project.uri ?? '')) {
        reportedConfigs.add(project.uri ?? '');
        progress.clear();
        for (const e of project.errors) io.stderr(`emend render: ${e}\n`);
      }
      const output = await format.render(analyze(read.text, { ...project.config.readings, ...flags }), {
        view,
        ...(parsed.options.sigla !== undefined ? { sigla: parsed.options.sigla as Sigla } : {}),
        name: input.name,
        tei,
        path: input.path,
        cwd: io.cwd,
        ...(target ? { target } : {}),
        warn: (message) => {
          progress.clear();
          io.stderr(`emend render: ${input.name}: ${message}\n`);
        },
      });
      if (!target) {
        io.stdout(output);
        continue;
      }
      const clash = written.get(target);
      if (clash !== undefined) {
        progress.clear();
        io.stderr(`emend render: ${input.name}: would overwrite the output of ${clash} (${target}); not written\n`);
        status = 2;
        continue;
      }
      const refused = await outputs.write(target, output, input.path);
      if (refused) {
        progress.clear();
        io.stderr(`emend render: ${input.name}: ${refused}\n`);
        status = 2;
      } else {
        written.set(target, input.name);
      }
    }
    progress.clear();
    return status;
  },
};
