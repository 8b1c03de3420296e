// Real TEI excerpts (test/fixtures/tei/README.md): the draft and final readings of the imported markup equal the
// readings computed from the TEI tree directly, by the small evaluator below (which knows nothing of the markup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, reading } from '../../../server/src/core/index';
import { importTei } from '../../../server/src/core/tei/import';
import { parseXml, type XmlElement, type XmlNode } from '../../../server/src/core/tei/xml';

const DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'tei');
const BLOCKS = new Set(['p', 'head', 'ab', 'l', 'line', 'div', 'lg', 'body']);

/** The reading of a TEI tree: draft keeps <del> and drops <add>; final the reverse; <choice> takes corr/reg/expan. */
function evaluate(node: XmlNode, kind: 'draft' | 'final'): string {
  if (node.kind === 'text') return node.text;
  const el: XmlElement = node;
  if (el.local === 'teiHeader') return '';
  if (el.local === 'del' && kind === 'final') return '';
  if (el.local === 'add' && kind === 'draft') return '';
  if (el.local === 'lb') return ' ';
  let kids: XmlNode[] = el.children;
  if (el.local === 'choice') {
    const elems = kids.filter((k): k is XmlElement => k.kind === 'element');
    kids = [elems.find((k) => ['corr', 'reg', 'expan'].includes(k.local)) ?? elems[0]!];
  }
  const inner = kids.map((k) => evaluate(k, kind)).join('');
  return BLOCKS.has(el.local) ? ` ${inner} ` : inner;
}

/** Compares text, not layout: white space runs are one space, none before closing punctuation. */
function words(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .trim();
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.xml'))
  .sort();

test('there are real TEI excerpts to check', () => {
  assert.ok(files.length >= 5, `only ${files.length} fixtures in ${DIR}`);
});

for (const file of files) {
  test(`${file}: imported draft and final equal the TEI tree's own`, () => {
    const xml = readFileSync(join(DIR, file), 'utf8');
    const result = importTei(xml);
    assert.ok(result.ok, result.ok ? '' : result.error);
    const doc = parse(result.markup);
    assert.deepEqual(
      doc.problems.filter((p) => p.severity === 'error'),
      [],
      `markup:\n${result.markup}`,
    );
    const tree = parseXml(xml);
    for (const kind of ['draft', 'final'] as const) {
      assert.equal(words(reading(doc, kind).text), words(evaluate(tree, kind)), `${kind} of ${file}`);
    }
  });
}

test('the Thoreau sentence keeps each inserted-then-deleted word as an insertion inside a deletion', () => {
  const result = importTei(readFileSync(join(DIR, 'thoreau-walden.xml'), 'utf8'));
  assert.ok(result.ok);
  assert.match(result.markup, /in this ~~lecture~~~~\^\{book\}~~~~\^\{work\}~~\^\{book\} \.\.\./);
});

test('the James sentence keeps its three-step substitution', () => {
  const result = importTei(readFileSync(join(DIR, 'guidelines-james.xml'), 'utf8'));
  assert.ok(result.ok);
  assert.match(result.markup, /with ~~this~~~~\^\{such a\}~~\^\{a\} system/);
  const doc = parse(result.markup);
  assert.match(reading(doc, 'final').text, /with a system/);
  assert.match(reading(doc, 'draft').text, /with this system/);
});

test("the Frankenstein lines mark Percy Shelley's additions as another hand", () => {
  const result = importTei(readFileSync(join(DIR, 'sga-frankenstein.xml'), 'utf8'));
  assert.ok(result.ok);
  assert.match(result.markup, /^on by an eagerness which \^\{\*perpetually\*\} encreased,$/m);
  assert.match(
    result.markup,
    /^our house and ~~when~~ \*\^\{so soon as\}\* the ~~dazz~~\nthe ~~trea~~ tree shattered in a$/m,
  );
  assert.match(result.markup, /^hands: Mary Wollstonecraft Shelley; Percy Bysshe Shelley$/m);
  assert.ok(
    result.warnings.some((w) => w.startsWith('<mod> ×2')),
    result.warnings.join('\n'),
  );
});
