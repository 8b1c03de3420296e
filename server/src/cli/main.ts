// The `emend` command line. Minimal until the CLI work lands: `emend render [--reading R] FILE`.
import { readFileSync } from 'node:fs';
import { parse, reading, type ReadingKind } from '../core/index';

const args = process.argv.slice(2);
if (args[0] !== 'render') {
  process.stderr.write('usage: emend render [--reading draft|final|diplomatic] FILE\n');
  process.exit(2);
}
let kind: ReadingKind = 'final';
const files: string[] = [];
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--reading') kind = args[++i] as ReadingKind;
  else files.push(args[i]!);
}
for (const f of files) process.stdout.write(reading(parse(readFileSync(f === '-' ? 0 : f, 'utf8')), kind).text + '\n');
