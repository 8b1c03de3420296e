// The `emend` command line: dispatches to one module per subcommand (server/src/cli/commands/<name>.ts).
// Errors are one line on standard error and an exit status (2 for usage and unreadable input); never a stack trace.
import type { CliCommand, CliIO } from './command';
import { check } from './commands/check';
import { render } from './commands/render';
import { collateCommand } from './commands/collate';
import { importCommand } from './commands/import';
import { facsimileCommand } from './commands/facsimile';
import { version } from '../../../package.json';

/** Every subcommand. Adding one is adding a module and a line here. */
export const COMMANDS: CliCommand[] = [check, render, collateCommand, importCommand, facsimileCommand];

export const VERSION: string = version;

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: emend COMMAND [OPTIONS] FILE...',
    '',
    'Checks and renders transcriptions written in the Emend markup (~~deleted~~, ^{inserted}, *other hand*).',
    'FILE may be - for standard input, or a directory for every *.emend file below it.',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    "  -h, --help     show this help (emend COMMAND --help for a command's own)",
    '  -V, --version  print the version',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage() + '\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      const command = COMMANDS.find((c) => c.name === topic);
      if (!command) return unknownCommand(topic, io);
      io.stdout(command.help + '\n');
      return 0;
    }
    io.stdout(usage() + '\n');
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`emend ${VERSION}\n`);
    return 0;
  }
  if (name.startsWith('-')) {
    io.stderr(`emend: unknown option ${name} (a command comes first: emend COMMAND ...; see emend --help)\n`);
    return 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknownCommand(name, io);
  try {
    return await command.run(rest, io);
  } catch (e) {
    // A bug, not a user error: still one line, and the exit status of a failure.
    io.stderr(`emend ${command.name}: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    return 2;
  }
}

function unknownCommand(name: string, io: CliIO): number {
  const near = COMMANDS.find((c) => c.name.startsWith(name.slice(0, 2)));
  io.stderr(
    `emend: unknown command '${name}'${near ? ` (did you mean ${near.name}?)` : ''}; commands: ` +
      `${COMMANDS.map((c) => c.name).join(', ')} (see emend --help)\n`,
  );
  return 2;
}

/** The real process's standard streams and working directory. */
export function processIO(): CliIO {
  return {
    stdout: (t) => {
      process.stdout.write(t);
    },
    stderr: (t) => {
      process.stderr.write(t);
    },
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
  };
}

if (require.main === module) {
  // `emend check | head` closes the pipe early: stop quietly instead of throwing EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`emend: cannot write output: ${e.message}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`emend: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
