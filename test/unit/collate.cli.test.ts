import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collateCommand } from '../../server/src/cli/commands/collate';
import { render } from '../../server/src/cli/commands/render';
import type { CliIO } from '../../server/src/cli/command';

function io(cwd: string): CliIO & { out: string; err: string } {
  const r = {
    out: '',
    err: '',
    cwd,
    stderrIsTTY: false,
    stdout: (t: string) => {
      r.out += t;
    },
    stderr: (t: string) => {
      r.err += t;
    },
    readStdin: async () => Buffer.from(''),
  };
  return r;
}

function dir(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'emend-collate-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), content);
  }
  return d;
}

test('emend collate --format json prints the agreement and the variants with both line numbers', async () => {
  const d = dir({
    'letter.emend': 'Please ^{convey} give regards\nfrom Nancy.',
    'sent.txt': 'Please convey\nregards from Nancey.',
  });
  const r = io(d);
  assert.equal(await collateCommand.run(['--format', 'json', 'letter.emend', 'sent.txt'], r), 0);
  assert.deepEqual(JSON.parse(r.out), {
    agreement: 5 / 6,
    findings: [
      {
        code: 'witness-missed-deletion',
        line: 1,
        column: 18,
        text: 'give',
        message:
          'The witness lacks “give” after the insertion “convey” (line 2: Please «convey regards» from Nancey): probably a deletion not marked.',
        fix: 'Strike “give” (changes the final reading)',
      },
    ],
    variants: [
      { kind: 'omission', transcription: { line: 1, text: 'give' }, witness: { line: 2, text: '' } },
      { kind: 'misreading', transcription: { line: 2, text: 'Nancy' }, witness: { line: 2, text: 'Nancey' } },
    ],
    suggestions: [],
  });
  assert.equal(r.err, '');
});

test('emend collate prints an apparatus line per variant', async () => {
  const d = dir({ 'letter.emend': 'we must deal with it', 'sent.txt': 'we must\ncope with it' });
  const r = io(d);
  assert.equal(await collateCommand.run(['letter.emend', 'sent.txt'], r), 0);
  assert.equal(
    r.out,
    "letter.emend ~ sent.txt: 80.0% of the transcription's words agree; 0 findings to act on, 1 variant (1 substitution).\n" +
      '1  deal ] 2  cope  (substitution)\n',
  );
});

test("without a witness argument, the header's witness is read relative to the transcription", async () => {
  const d = dir({
    'letters/a.emend': '---\nwitness: ../htr/sent.txt\n---\none two three',
    'htr/sent.txt': 'one two three',
  });
  const r = io(d);
  assert.equal(await collateCommand.run(['--format=json', 'letters/a.emend'], r), 0);
  assert.deepEqual(JSON.parse(r.out), { agreement: 1, findings: [], variants: [], suggestions: [] });
});

test('a transcription naming no witness is a usage error with a hint', async () => {
  const d = dir({ 'a.emend': 'one two' });
  const r = io(d);
  assert.equal(await collateCommand.run(['a.emend'], r), 2);
  assert.match(r.err, /names no witness in its header/);
});

test('a missing or binary witness is a clear error, exit 2', async () => {
  const d = dir({ 'a.emend': 'one two', 'b.bin': Buffer.from([1, 0, 2]) });
  const missing = io(d);
  assert.equal(await collateCommand.run(['a.emend', 'nope.txt'], missing), 2);
  assert.equal(missing.err, `emend collate: The witness nope.txt was not found (looked for ${join(d, 'nope.txt')}).\n`);
  const binary = io(d);
  assert.equal(await collateCommand.run(['a.emend', 'b.bin'], binary), 2);
  assert.equal(
    binary.err,
    'emend collate: The witness b.bin is a binary file, not text: line 1, column 2 holds a NUL byte (offset 1 in the file).\n',
  );
});

test('bad options are usage errors', async () => {
  const d = dir({ 'a.emend': 'one' });
  const r = io(d);
  assert.equal(await collateCommand.run(['--format', 'xml', 'a.emend', 'a.emend'], r), 2);
  assert.equal(await collateCommand.run([], r), 2);
});

test('a transcription that is not UTF-8 is refused with the shared input message', async () => {
  const d = dir({ 'a.emend': Buffer.from([0x41, 0xff, 0x42]), 'w.txt': 'A B' });
  const r = io(d);
  assert.equal(await collateCommand.run(['a.emend', 'w.txt'], r), 2);
  assert.match(r.err, /^emend collate: a\.emend: is not valid UTF-8/);
});

test('a directory is not a transcription here', async () => {
  const d = dir({ 'sub/a.emend': 'x', 'w.txt': 'x' });
  const r = io(d);
  assert.equal(await collateCommand.run(['sub', 'w.txt'], r), 2);
  assert.equal(r.err, 'emend collate: sub: give one transcription file, not a directory\n');
});

test("emend render --format html --view collation compares with the header's witness", async () => {
  const d = dir({
    'a.emend': '---\nwitness: w.txt\n---\nwe must deal with it',
    'w.txt': 'we must cope with it',
    'b.emend': 'no witness here',
  });
  const r = io(d);
  assert.equal(await render.run(['--format', 'html', '--view', 'collation', 'a.emend'], r), 0);
  assert.ok(r.out.includes('<span class="emend-witness emend-kind-substitution">cope</span>'), r.out);
  assert.ok(r.out.includes('80.0%'));
  const none = io(d);
  assert.equal(await render.run(['--format', 'html', '--view', 'collation', 'b.emend'], none), 0);
  assert.ok(none.out.includes('No witness to compare with'));
  assert.ok(none.out.includes('no witness here'));
});

test('emend collate gives what the witness reads at a gap or an unclear word as a suggestion, not a variant', async () => {
  const d = dir({
    'letter.emend': 'Please convey _{1 word} from\n?{Nancy|Nancey} and me.',
    'sent.txt': 'Please convey regards from\nNancey and me.',
  });
  const r = io(d);
  assert.equal(await collateCommand.run(['--format', 'json', 'letter.emend', 'sent.txt'], r), 0);
  assert.deepEqual(JSON.parse(r.out), {
    agreement: 1,
    findings: [],
    variants: [],
    suggestions: [
      {
        mark: 'gap',
        description: 'Gap: 1 word, illegible',
        transcription: { line: 1, text: '[…]' },
        witness: { line: 1, text: 'regards' },
      },
      {
        mark: 'unclear',
        description: 'Unclear: Nancy or Nancey',
        transcription: { line: 2, text: 'Nancy' },
        witness: { line: 2, text: 'Nancey' },
      },
    ],
  });
  const t = io(d);
  assert.equal(await collateCommand.run(['letter.emend', 'sent.txt'], t), 0);
  assert.equal(
    t.out,
    "letter.emend ~ sent.txt: 100.0% of the transcription's words agree; 0 findings to act on, 0 variants; 2 suggestions at gaps and unclear words.\n" +
      '\n' +
      'Suggestions (the witness at gaps and unclear words; not variants):\n' +
      '1  […] ] 1  regards  (Gap: 1 word, illegible)\n' +
      '2  Nancy ] 2  Nancey  (Unclear: Nancy or Nancey)\n',
  );
});
