// The `emend` command line: dispatches to one module per subcommand (server/src/cli/commands/<name>.ts).
import type { CliCommand, CliIO } from './command';
import { render } from './commands/render';
import { collateCommand } from './commands/collate';

/** Every subcommand. Adding one is adding a module and a line here. */
export const COMMANDS: CliCommand[] = [render, collateCommand];

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`usage: emend <${COMMANDS.map((c) => c.name).join('|')}> ...\n`);
    return 2;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => { process.exitCode = code; });
}
