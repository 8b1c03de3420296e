// cli/args.ts: each command's options declared once; node's util.parseArgs parses them, and the help text comes
// from the same declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optionsHelp, parseArgs, UsageError, type OptionSpec } from '../../server/src/cli/args';

const SPECS: OptionSpec[] = [
  { name: 'reading', short: 'r', value: 'KIND', choices: ['draft', 'final'], default: 'final', help: 'which reading' },
  { name: 'out-dir', short: 'o', value: 'DIR', help: 'where to write' },
  { name: 'force', short: 'f', help: 'replace' },
  { name: 'quiet', short: 'q', help: 'say less' },
];

test('values by long or short name, inline or separate; flags; defaults', () => {
  for (const args of [['-r', 'draft'], ['--reading', 'draft'], ['--reading=draft'], ['-rdraft']]) {
    assert.deepEqual(parseArgs([...args, 'a.emend'], SPECS), {
      options: { reading: 'draft' },
      positionals: ['a.emend'],
      help: false,
    });
  }
  assert.deepEqual(parseArgs(['-fq', '-o', 'out', '-', 'b.emend'], SPECS), {
    options: { reading: 'final', force: 'true', quiet: 'true', 'out-dir': 'out' },
    positionals: ['-', 'b.emend'],
    help: false,
  });
  assert.equal(parseArgs(['-h'], SPECS).help, true);
  assert.equal(parseArgs(['x', '--help'], SPECS).help, true);
});

test('after -- everything is a file, even what looks like an option', () => {
  assert.deepEqual(parseArgs(['--', '-r', '--force'], SPECS).positionals, ['-r', '--force']);
});

test('bad options are one-line usage errors that name the option as the user wrote it', () => {
  const error = (args: string[]) => {
    try {
      parseArgs(args, SPECS);
    } catch (e) {
      assert.ok(e instanceof UsageError);
      return e.message;
    }
    return 'no error';
  };
  assert.equal(error(['--strict']), 'unknown option --strict');
  assert.equal(error(['-z']), 'unknown option -z');
  assert.equal(error(['--force=yes']), '--force takes no value');
  assert.equal(error(['--out-dir']), '--out-dir needs a value (DIR)');
  assert.equal(error(['-r']), '--reading needs a value (draft or final)');
  assert.equal(error(['--reading', 'fair']), "--reading must be draft or final, not 'fair'");
});

test('the help text lists every declared option, with its value, choices and default', () => {
  assert.equal(
    optionsHelp(SPECS),
    [
      '  -r, --reading KIND  which reading (one of draft, final; default final)',
      '  -o, --out-dir DIR   where to write',
      '  -f, --force         replace',
      '  -q, --quiet         say less',
      '  -h, --help          show this help',
    ].join('\n'),
  );
});
