// `emend import`: a TEI transcription into the markup (docs/tei.md, "Import"). Prints it, or writes it with -o.
// Writes follow the command line's write policy (cli/outputs.ts): an existing FILE is replaced only if this command
// wrote it from the same input and it is unchanged since, or with --force; never the input itself.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseCommandArgs, type OptionSpec } from '../args';
import { describeError, MAX_INPUT_BYTES } from '../inputs';
import { Outputs } from '../outputs';
import { FileError } from '../../host/files';
import { nodeFiles } from '../../host/node';
import { describeFailure } from '../../host/read-text';
import { fileUri } from '../../host/uris';
import { rebaseImage } from '../../host/facsimile-files';
import { decodeXmlBytes, importTei } from '../../core/index';

function options(): OptionSpec[] {
  return [
    {
      name: 'output',
      short: 'o',
      value: 'FILE',
      help: "write the markup to FILE (normally FILE.emend) instead of printing it, and the facsimile's word boxes, if the TEI has any, to FILE's name with .page.xml beside it",
    },
    {
      name: 'force',
      short: 'f',
      help: 'with --output, replace FILE even if emend did not write it from this input (never the input itself)',
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
      "A <facsimile> gives the header's facsimile: (the first page image's url). With --output, the zones the words",
      'point at (facs="#zone") are written as a PAGE XML layout beside FILE (letter.emend: letter.page.xml), which',
      'the header names in layout:, so that emend facsimile and the editor link the words again; an existing file of',
      'that name is never replaced unless emend wrote it from this input (then the boxes are not kept, and a',
      'warning says so).',
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
    const path = name === '-' ? null : resolve(io.cwd, name);
    let bytes: Uint8Array;
    try {
      if (path === null) bytes = await io.readStdin();
      else {
        const uri = fileUri(path);
        const found = await nodeFiles.stat(uri);
        if (!found) throw new FileError('not-found', 'no such file or directory');
        if (found.size > MAX_INPUT_BYTES) {
          io.stderr(
            `emend import: ${name}: ${describeFailure({ kind: 'too-large', size: found.size, limit: MAX_INPUT_BYTES })}\n`,
          );
          return 2;
        }
        bytes = await nodeFiles.readFile(uri);
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
    const out = parsed.options.output;
    const target = out === undefined ? null : resolve(io.cwd, out);
    // The facsimile's word boxes go beside the markup, as FILE's name with .page.xml (only with --output).
    const layoutPath =
      target === null ? null : join(dirname(target), `${basename(target).replace(/\.emend$/i, '')}.page.xml`);
    // Images the TEI names relative to itself are named relative to the markup written elsewhere.
    const imageName =
      path !== null && target !== null
        ? (image: string) => rebaseImage(image, fileUri(dirname(path)), fileUri(dirname(target)))
        : undefined;
    let result = importTei(decoded.text, {
      ...(layoutPath ? { layoutName: basename(layoutPath) } : {}),
      ...(imageName ? { imageName } : {}),
      created: new Date().toISOString(),
    });
    if (!result.ok) {
      io.stderr(`emend import: ${name}: ${result.error}\n`);
      return 2;
    }
    if (target === null) {
      io.stdout(result.markup);
    } else {
      const outputs = new Outputs(parsed.options.force === 'true', io.cwd);
      if (path !== null) await outputs.protect(path, 'the TEI file being imported');
      let wroteLayout = false;
      if (result.layout && layoutPath) {
        // Never over a file emend did not write from this input, even with --force: the layout is not what the
        // user asked to write.
        const layoutOutputs = new Outputs(false, io.cwd);
        if (path !== null) await layoutOutputs.protect(path, 'the TEI file being imported');
        await layoutOutputs.protect(target, 'where the markup goes');
        const existed = existsSync(layoutPath);
        const refusedLayout = await layoutOutputs.write(layoutPath, result.layout.xml, path);
        if (refusedLayout) {
          const again = importTei(decoded.text, { ...(imageName ? { imageName } : {}) });
          const why = refusedLayout.replace(/ \(use --force to replace it\)$/, '');
          if (again.ok) result = { ...again, warnings: [...again.warnings, `${why}.`] };
        } else wroteLayout = !existed;
      }
      const refused = await outputs.write(target, result.markup, path);
      if (refused) {
        // The markup that names it is not written: the layout written just now goes too.
        if (wroteLayout && layoutPath) await rm(layoutPath, { force: true });
        io.stderr(`emend import: ${refused}\n`);
        return 2;
      }
    }
    if (parsed.options.quiet !== 'true') {
      for (const w of result.warnings) io.stderr(`emend import: ${name}: ${w}\n`);
    }
    return 0;
  },
};
