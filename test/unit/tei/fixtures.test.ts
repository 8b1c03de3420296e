// Real TEI excerpts (test/fixtures/tei/README.md): the draft and final readings of the imported markup equal the
// readings computed from the TEI tree directly, by the evaluator in ./tree-readings.ts (which knows nothing of the
// markup nor of the importer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, reading } from '../../../server/src/core/index';
import { importTei } from '../../../server/src/core/tei/import';
import { parseXml } from '../../../server/src/core/tei/xml';
import { treeReading, words } from './tree-readings';

const DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'tei');

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.xml'))
  .sort();

function imported(file: string): { markup: string; warnings: string[] } {
  const result = importTei(readFileSync(join(DIR, file), 'utf8'));
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result;
}

test('there are real TEI excerpts from at least five editions, at least twenty in all', () => {
  const editions = new Set(files.map((f) => f.split('-')[0]));
  assert.ok(files.length >= 20, `only ${files.length} fixtures in ${DIR}`);
  assert.ok(editions.size >= 5, `only ${[...editions].join(', ')}`);
});

for (const file of files) {
  test(`${file}: imported draft and final equal the TEI tree's own`, () => {
    const { markup } = imported(file);
    const doc = parse(markup);
    assert.deepEqual(
      doc.problems.filter((p) => p.severity === 'error'),
      [],
      `markup:\n${markup}`,
    );
    const tree = parseXml(readFileSync(join(DIR, file), 'utf8'));
    for (const kind of ['draft', 'final'] as const) {
      assert.equal(words(reading(doc, kind).text), words(treeReading(tree, kind)), `${kind} of ${file}`);
    }
  });
}

test('the Thoreau sentence keeps each inserted-then-deleted word as an insertion inside a deletion', () => {
  assert.match(
    imported('thoreau-walden.xml').markup,
    /in this ~~lecture~~ ~~\^\{book\}~~ ~~\^\{work\}~~ \^\{book\} \.\.\./,
  );
});

test('the James sentence keeps its three-step substitution', () => {
  const { markup } = imported('guidelines-james.xml');
  assert.match(markup, /with ~~this~~~~\^\{such a\}~~\^\{a\} system/);
  const doc = parse(markup);
  assert.match(reading(doc, 'final').text, /with a system/);
  assert.match(reading(doc, 'draft').text, /with this system/);
});

test("the Frankenstein lines name Percy Shelley's hand on his additions, and his substitutions as substitutions", () => {
  const { markup } = imported('sga-frankenstein.xml');
  assert.match(markup, /^on by an eagerness which \^\{@pbs perpetually\} encreased,$/m);
  assert.match(markup, /^to fin~~ed~~ \^inline\{d\} a ~~fo~~ volume~~s~~ of the Works of Corne$/m);
  assert.match(
    markup,
    /^our house and ~~when~~ \^\{@pbs so soon as\} the ~~dazz~~\nthe ~~trea~~ tree shattered in a$/m,
  );
  assert.match(markup, /^hands: Mary Wollstonecraft Shelley; pbs: Percy Bysshe Shelley$/m);
  assert.deepEqual(parse(markup).problems, []);
});
