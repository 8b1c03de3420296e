// `emend render`: prints a reading of each file. (First cut; the CLI issue completes options, errors and formats.)
import { readFileSync } from 'node:fs';
import type { CliCommand } from '../command';
import { parse, reading, READING_KINDS, type ReadingKind } from '../../core/index';

export const render: CliCommand = {
  name: 'render',
  summary: 'Print a reading (draft, final or diplomatic) of each file.',
  help: 'usage: emend render [--reading draft|final|diplomatic] FILE...',
  async run(args, io) {
    let kind: ReadingKind = 'final';
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--reading') {
        const k = args[++i];
        if (!k || !(READING_KINDS as readonly string[]).includes(k)) { io.stderr(`emend render: --reading takes draft, final or diplomatic\n`); return 2; }
        kind = k as ReadingKind;
      } else files.push(args[i]!);
    }
    for (const f of files) {
      const text = f === '-' ? (await io.readStdin()).toString('utf8') : readFileSync(f, 'utf8');
      io.stdout(reading(parse(text), kind).text + '\n');
    }
    return 0;
  },
};
