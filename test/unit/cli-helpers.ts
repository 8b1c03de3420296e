// Helpers for CLI tests: a fake CliIO that records output, and temporary directories of files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIO } from '../../server/src/cli/command';
import { main } from '../../server/src/cli/main';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeOptions {
  cwd: string;
  stdin?: string | Buffer;
  tty?: boolean;
}

export async function runCli(argv: string[], options: FakeOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: options.tty ?? false,
    readStdin: async () =>
      typeof options.stdin === 'string' ? Buffer.from(options.stdin, 'utf8') : (options.stdin ?? Buffer.alloc(0)),
    cwd: options.cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (relative path → content); removed by `cleanup`. */
export function tempTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'emend-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
