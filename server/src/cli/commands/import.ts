// `emend import`: a TEI transcription into the markup (docs/tei.md, "Import"). Prints it, or writes it with -o.
// An error leaves nothing behind: the output file is written whole to a temporary name, then renamed.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseCommandArgs, type OptionSpec } from '../args';
import { describeError, MAX_INPUT_BYTES } from '../inputs';
import { decodeXmlBytes, importTei } from '../../core/index';

function options(): OptionSpec[] {
  return [
    {
      name: 'output',
      short: 'o',
      value: 'FILE',
      help: 'write the markup to FILE (normally FILE.emend) instead of printing it',
    },
    {
      name: 'force',
      short: 'f',
      help: 'with --output, replace FILE if it exists (otherwise an existing file is left alone)',
    },
    { name: 'quiet', short: 'q', help: 'do not print the warnings about what the markup cannot express' },
  ];
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Turn a TEI P5 transcription (XML) into the markup.',
  get help() {
    return [
      'usage: emend import [--output FILE [--force]] [--quiet] FILE.xml',
      '',
      'Reads a TEI transcription and prints it in the Emend markup: <del>, <add>, <subst>, <lb/>, <p>, <head>,',
      'changes of hand (<handShift/>, hand="#…") and the header\'s metadata. Elements the markup cannot express are',
      'reduced to their text, with one warning per kind of element on standard error. FILE.xml may be - for',
      'standard input. Malformed XML, a file that is not TEI, DTD entity declarations and very large files are',
      'refused with a message, and then no output file is written.',
      '',
      'options:',
      optionsHelp(options()),
      '',
      'exit status: 0 imported (perhaps with warnings), 2 usage error, unreadable input or a file that cannot be imported.',
    ].join('\n');
  },
  async run(args, io) {
    const parsed = parseCommandArgs('import', () => importCommand.help, args, options(), io);
    if (typeof parsed === 'number') return parsed;
    if (parsed.positionals.length !== 1) {
      io.stderr(
        `emend import: give exactly one TEI file (got ${parsed.positionals.length}; see emend import --help)\n`,
      );
      return 2;
    }
    const name = parsed.positionals[0]!;
    let bytes: Buffer;
    try {
      if (name === '-') {
        bytes = await io.readStdin();
      } else {
        const path = resolve(io.cwd, name);
        const size = statSync(path).size;
        if (size > MAX_INPUT_BYTES) {
          io.stderr(`emend import: ${name}: too large (${size} bytes)\n`);
          return 2;
        }
        bytes = readFileSync(path);
      }
    } catch (e) {
      io.stderr(`emend import: ${name}: ${describeError(e)}\n`);
      return 2;
    }
    const decoded = decodeXmlBytes(bytes);
    if (!decoded.ok) {
      io.stderr(`emend import: ${name}: ${decoded.error}\n`);
      return 2;
    }
    const result = importTei(decoded.text);
    if (!result.ok) {
      io.stderr(`emend import: ${name}: ${result.error}\n`);
      return 2;
    }
    const out = parsed.options.output;
    if (out === undefined) {
      io.stdout(result.markup);
    } else {
      const target = resolve(io.cwd, out);
      if (existsSync(target) && parsed.options.force !== 'true') {
        io.stderr(`emend import: ${out} exists; not replaced (use --force to replace it)\n`);
        return 2;
      }
      const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      try {
        writeFileSync(temporary, result.markup, { flag: 'wx' });
        renameSync(temporary, target);
      } catch (e) {
        rmSync(temporary, { force: true });
        io.stderr(`emend import: ${out}: cannot write: ${describeError(e)}\n`);
        return 2;
      }
    }
    if (parsed.options.quiet !== 'true') {
      for (const w of result.warnings) io.stderr(`emend import: ${name}: ${w}\n`);
    }
    return 0;
  },
};
