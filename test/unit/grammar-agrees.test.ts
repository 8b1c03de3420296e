// The TextMate grammar is a second reading of the markup, for colour only. This checks that, on generated
// well-formed transcriptions, it marks exactly the characters the parser puts inside deletions, insertions and
// other hands (delimiters included), at the same nesting depth — so what the transcriber sees is what Emend reads.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { parse, type Inline, type MarkKind } from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..', '..');
let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      textmate.parseRawGrammar(
        readFileSync(join(ROOT, 'syntaxes', 'emend.tmLanguage.json'), 'utf8'),
        'emend.tmLanguage.json',
      ),
  });
  grammar = (await registry.loadGrammar('text.emend'))!;
});

type RevisionMark = Exclude<MarkKind, 'supplied'>;

const SCOPE: Record<RevisionMark, string> = {
  del: 'markup.deleted.emend',
  add: 'markup.inserted.emend',
  hand: 'markup.italic.hand.emend',
};
const KINDS: RevisionMark[] = ['del', 'add', 'hand'];

/** Per character, how many marks of each kind hold it according to the grammar (line breaks excluded). */
function grammarDepths(src: string): Record<RevisionMark, number[]> {
  const out = {
    del: new Array<number>(src.length).fill(0),
    add: new Array<number>(src.length).fill(0),
    hand: new Array<number>(src.length).fill(0),
  };
  let stack = textmate.INITIAL;
  let offset = 0;
  for (const line of src.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    for (const t of r.tokens) {
      for (const kind of KINDS) {
        const n = t.scopes.filter((s) => s === SCOPE[kind]).length;
        for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) out[kind][offset + i] = n;
      }
    }
    offset += line.length + 1;
  }
  return out;
}

/** The same from the parser's tree. */
function parserDepths(src: string, nodes: Inline[], out: Record<RevisionMark, number[]>): void {
  for (const n of nodes) {
    if (n.kind === 'subst') {
      parserDepths(src, [n.first, n.second], out);
      continue;
    }
    if (n.kind !== 'del' && n.kind !== 'add' && n.kind !== 'hand') continue;
    for (let i = n.start; i < n.end; i++) if (src[i] !== '\n') out[n.kind][i]!++;
    parserDepths(src, n.children, out);
  }
}

// Well-formed pieces: words, escapes, and marks holding pieces; a deletion inside a deletion with more tildes.
const word = fc.constantFrom('a', 'old', 'new', 'Gorbachev', 'the', 'x-y', "don't", '1985', 'é');
const escape = fc.constantFrom('\\~', '\\*', '\\{', '\\}', '\\<', '\\>', '\\^', '\\\\');
const punct = fc.constantFrom('.', ',', ' -- ', ':', '~', '^', '{', '<', '\n');

function inline(depth: number, tildes: number, inHand: boolean): fc.Arbitrary<string> {
  const leaf = fc.oneof(word, word, escape, punct);
  if (depth === 0) return leaf;
  const seq = (t: number, h: boolean) =>
    fc.array(fc.oneof(leaf, inline(depth - 1, t, h)), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
  const marks: fc.Arbitrary<string>[] = [
    seq(0, inHand).map((s) => `^{${s.replace(/[}]/g, '')}}`),
    seq(0, inHand).map((s) => `^<${s.replace(/[>]/g, '')}>`),
  ];
  // Inside a deletion opened with n tildes, a deletion needs fewer; we write the outer one with more instead.
  if (tildes === 0 || tildes > 2) {
    const n = tildes === 0 ? 3 : tildes - 1;
    marks.push(seq(n, inHand).map((s) => `${'~'.repeat(n)}${s}${'~'.repeat(n)}`));
  }
  if (!inHand) marks.push(seq(0, true).map((s) => `*${s}*`));
  return fc.oneof(leaf, ...marks);
}

const paragraph = fc.array(fc.oneof(word, inline(3, 0, false)), { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
const documentArb = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));

test('the grammar colours exactly what the parser reads as marks, on generated well-formed transcriptions', () => {
  let checked = 0;
  fc.assert(
    fc.property(documentArb, (src) => {
      const doc = parse(src);
      // Only documents the parser reads without a syntax problem: the grammar cannot see crossings or stray closers.
      if (doc.problems.some((p) => p.severity === 'error' || p.code === 'stray-closer')) return true;
      checked++;
      const expected = {
        del: new Array<number>(src.length).fill(0),
        add: new Array<number>(src.length).fill(0),
        hand: new Array<number>(src.length).fill(0),
      };
      for (const p of doc.paragraphs) parserDepths(src, p.children, expected);
      const actual = grammarDepths(src);
      for (const kind of KINDS) {
        for (let i = 0; i < src.length; i++) {
          if (src[i] === '\n') continue;
          assert.equal(
            actual[kind][i],
            expected[kind][i],
            `${kind} depth at ${i} (${JSON.stringify(src.slice(Math.max(0, i - 10), i + 10))}) in ${JSON.stringify(src)}`,
          );
        }
      }
      return true;
    }),
    { numRuns: 300, seed: 1985 },
  );
  assert.ok(checked > 100, `only ${checked} generated documents were well-formed`);
});

test('an unclosed mark is coloured to the end of its paragraph, as the parser ends it there', () => {
  const src = 'a ~~b c\nd e\n\nf ^{g\nh';
  const doc = parse(src);
  const expected = {
    del: new Array<number>(src.length).fill(0),
    add: new Array<number>(src.length).fill(0),
    hand: new Array<number>(src.length).fill(0),
  };
  for (const p of doc.paragraphs) parserDepths(src, p.children, expected);
  assert.deepEqual(grammarDepths(src), expected);
});
