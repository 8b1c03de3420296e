// `emend collate FILE [WITNESS]`: compares a transcription's final reading with another witness and prints the
// apparatus (one line per variant), or `--format json` for scripts. The witness defaults to the header's `witness:`.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { analyze, apparatus, apparatusText, collate, headerValue, witnessFromBytes } from '../../core/index';

const HELP = `usage: emend collate [--format text|json] FILE [WITNESS]

Compares the final reading of the transcription FILE with WITNESS (a plain-text file, or an .emend file whose final
reading is used). Without WITNESS, the witness named in FILE's header (\`witness: path\`, relative to FILE) is used.

Prints one line per variant: the transcription's line and reading ] the witness's line and reading (kind).
Kinds: misreading, substitution, omission, addition, repetition, transposition (see docs/collation.md).
--format json prints {"agreement": share, "variants": [{"kind", "transcription": {"line", "text"}, "witness": {"line", "text"}}]}.

Exit status: 0 compared, 2 usage error or an unreadable file or witness.`;

function readBytes(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `no such file: ${path}`;
    if (code === 'EISDIR') return `is a directory, not a file: ${path}`;
    if (code === 'EACCES') return `permission denied: ${path}`;
    return `cannot read ${path}: ${(e as Error).message}`;
  }
}

export const collateCommand: CliCommand = {
  name: 'collate',
  summary: 'Compare a transcription with another witness and print the variants.',
  help: HELP,
  async run(args, io) {
    let format: 'text' | 'json' = 'text';
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--help' || arg === '-h') { io.stdout(HELP + '\n'); return 0; }
      if (arg === '--format' || arg.startsWith('--format=')) {
        const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
        if (value !== 'text' && value !== 'json') { io.stderr('emend collate: --format takes text or json\n'); return 2; }
        format = value;
      } else if (arg.startsWith('-') && arg !== '-') {
        io.stderr(`emend collate: unknown option ${arg}\n${HELP}\n`); return 2;
      } else files.push(arg);
    }
    if (files.length < 1 || files.length > 2) { io.stderr(`emend collate: give a transcription and at most one witness\n${HELP}\n`); return 2; }
    const file = files[0]!;
    const bytes = file === '-' ? await io.readStdin() : readBytes(resolve(io.cwd, file));
    if (typeof bytes === 'string') { io.stderr(`emend collate: ${bytes}\n`); return 2; }
    if (bytes.indexOf(0) >= 0) { io.stderr(`emend collate: ${file} looks like a binary file, not a transcription\n`); return 2; }
    let source: string;
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      io.stderr(`emend collate: ${file} is not valid UTF-8 text\n`); return 2;
    }
    const analysis = analyze(source);
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
      witnessPath = resolve(file === '-' ? io.cwd : dirname(resolve(io.cwd, file)), field.value);
    }
    const witnessBytes = readBytes(witnessPath);
    if (typeof witnessBytes === 'string') { io.stderr(`emend collate: witness: ${witnessBytes}\n`); return 2; }
    const loaded = witnessFromBytes(witnessName, witnessBytes);
    if ('error' in loaded) { io.stderr(`emend collate: ${loaded.error}\n`); return 2; }
    const app = apparatus(analysis, collate(analysis, loaded.witness));
    io.stdout(format === 'json' ? JSON.stringify(app) + '\n' : apparatusText(app, file, witnessName));
    return 0;
  },
};
