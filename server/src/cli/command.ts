// The shape every `emend` subcommand has. main.ts holds the list; each command lives in cli/commands/<name>.ts.

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard error is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  readStdin: () => Promise<Buffer>;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line for `emend --help`. */
  summary: string;
  /** The full text of `emend NAME --help`. */
  help: string;
  /** Returns the exit code: 0 success, 1 problems found, 2 usage error or unreadable input. */
  run(args: string[], io: CliIO): Promise<number>;
}
