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
import { mark, parse, type EditorialNode, type Inline, type MarkKind, type Span } from '../../server/src/core/index';

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

/** What the grammar scopes, per kind of node the parser makes (a hand reference is the `@id` at a mark's start). */
type Kind = MarkKind | EditorialNode['kind'] | 'hand-ref';

const SCOPE: Record<Kind, string> = {
  del: 'markup.deleted.emend',
  add: 'markup.inserted.emend',
  hand: 'markup.italic.hand.emend',
  supplied: 'markup.other.supplied.emend',
  unclear: 'markup.other.unclear.emend',
  gap: 'markup.other.gap.emend',
  note: 'comment.block.note.emend',
  page: 'meta.break.page.emend',
  column: 'meta.break.column.emend',
  'word-break': 'keyword.operator.word-break.emend',
  'hand-ref': 'meta.hand-reference.emend',
};
const KINDS = Object.keys(SCOPE) as Kind[];

type Depths = Record<Kind, number[]>;

function zeros(n: number): Depths {
  const out = {} as Depths;
  for (const k of KINDS) out[k] = new Array<number>(n).fill(0);
  return out;
}

/** Per character, how many marks of each kind hold it according to the grammar (line breaks excluded). */
function grammarDepths(src: string): Depths {
  const out = zeros(src.length);
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

function count(src: string, out: Depths, kind: Kind, s: Span): void {
  for (let i = s.start; i < s.end; i++) if (src[i] !== '\n') out[kind][i]!++;
}

/** The same from the parser's tree. */
function parserDepths(src: string, nodes: Inline[], out: Depths): void {
  for (const n of nodes) {
    if (n.kind === 'subst') {
      parserDepths(src, [n.first, n.second], out);
      continue;
    }
    if (n.kind === 'text' || n.kind === 'escape') continue;
    count(src, out, n.kind, n);
    if (mark(n)) {
      if (n.hand) count(src, out, 'hand-ref', n.hand);
      parserDepths(src, n.children, out);
    }
  }
}

// Well-formed pieces: words, escapes, and marks holding pieces; a deletion inside a deletion with more tildes.
const word = fc.constantFrom('a', 'old', 'new', 'Gorbachev', 'the', 'x-y', "don't", '1985', 'é');
const escape = fc.constantFrom(
  '\\~',
  '\\*',
  '\\{',
  '\\}',
  '\\<',
  '\\>',
  '\\^',
  '\\\\',
  '\\?',
  '\\+',
  '\\_',
  '\\%',
  '\\|',
  '\\@',
);
// Sigils alone are text (`Why? 3+4 50% a|b`); so is `@` away from a mark's start.
const punct = fc.constantFrom('.', ',', ' -- ', ':', '~', '^', '{', '<', '\n', '?', '+', '_', '%', '|', '@rr', 'a|b');
// What an unclear reading, gap, note or break holds: text up to the first unescaped `}`, marks' characters included.
const atomText = fc
  .array(
    fc.constantFrom(
      'word',
      'ward',
      ' ',
      '3 words',
      'ca. 5',
      '~~',
      '^{',
      '*',
      '<',
      '>',
      '\\}',
      '\\|',
      '|',
      '\n',
      '@rr ',
    ),
    {
      maxLength: 4,
    },
  )
  .map((parts) => parts.join(''));
const editorial = fc.oneof(
  fc.tuple(fc.constantFrom('', 'low', 'high', 'medium', 'odd'), atomText).map(([k, t]) => `?${k}{${t}}`),
  fc.tuple(fc.constantFrom('', 'lost', 'illegible'), atomText).map(([k, t]) => `_${k}{${t}}`),
  atomText.map((t) => `%{${t}}`),
  fc.tuple(fc.constantFrom('page', 'column', 'pgae'), atomText).map(([k, t]) => `|${k}{${t}}`),
  fc.constantFrom('Aufklä|-\nrung', 'a|-', '|-'),
);
const handRef = fc.constantFrom('', '', '@rr ', '@sec.2 ', '@a-b_c\t');

function inline(depth: number, tildes: number, inHand: boolean): fc.Arbitrary<string> {
  const leaf = fc.oneof(word, word, escape, punct, editorial);
  if (depth === 0) return leaf;
  const seq = (t: number, h: boolean) =>
    fc.array(fc.oneof(leaf, inline(depth - 1, t, h)), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
  const keyword = fc.constantFrom('', '', 'margin', 'over', 'below');
  const marks: fc.Arbitrary<string>[] = [
    fc.tuple(keyword, handRef, seq(0, inHand)).map(([k, h, s]) => `^${k}{${h}${s.replace(/[}]/g, '')}}`),
    fc.tuple(keyword, handRef, seq(0, inHand)).map(([k, h, s]) => `^${k}<${h}${s.replace(/[>]/g, '')}>`),
    fc.tuple(fc.constantFrom('', 'lost'), seq(0, inHand)).map(([k, s]) => `+${k}{${s.replace(/[}]/g, '')}}`),
  ];
  // Inside a deletion opened with n tildes, a deletion needs fewer; we write the outer one with more instead.
  if (tildes === 0 || tildes > 2) {
    const n = tildes === 0 ? 3 : tildes - 1;
    marks.push(fc.tuple(handRef, seq(n, inHand)).map(([h, s]) => `${'~'.repeat(n)}${h}${s}${'~'.repeat(n)}`));
  }
  if (!inHand) marks.push(fc.tuple(handRef, seq(0, true)).map(([h, s]) => `*${h}${s}*`));
  return fc.oneof(leaf, ...marks);
}

const paragraph = fc.array(fc.oneof(word, inline(3, 0, false)), { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
const documentArb = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));

/** Checks that the grammar and the parser agree on every character; returns the kinds of mark the source holds. */
function assertAgree(src: string): Set<Kind> {
  const doc = parse(src);
  const expected = zeros(src.length);
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
  return new Set(KINDS.filter((k) => expected[k].some((d) => d > 0)));
}

test('the grammar colours exactly what the parser reads as marks, on generated well-formed transcriptions', () => {
  let checked = 0;
  const seen = new Set<string>();
  fc.assert(
    fc.property(documentArb, (src) => {
      const doc = parse(src);
      // Only documents the parser reads without a syntax problem: the grammar cannot see crossings or stray closers.
      if (doc.problems.some((p) => p.severity === 'error' || p.code === 'stray-closer')) return true;
      checked++;
      for (const kind of assertAgree(src)) seen.add(kind);
      return true;
    }),
    { numRuns: 400, seed: 1985 },
  );
  assert.ok(checked > 100, `only ${checked} generated documents were well-formed`);
  // The generator reaches every kind of mark.
  for (const kind of KINDS) assert.ok(seen.has(kind), `no generated document held a ${kind}`);
});

test('an unclosed mark is coloured to the end of its paragraph, as the parser ends it there', () => {
  assertAgree('a ~~b c\nd e\n\nf ^{g\nh');
  assertAgree('a ?{b c\nd e\n\nf _lost{g\nh');
  assertAgree('a %{b\n\n+{c ~~d~~ e\n\n|page{12 | p');
});

test('editorial marks next to text, escapes and each other read alike in the grammar and the parser', () => {
  for (const src of [
    'Why? 3+4 50% a|b and_c {x} word{y}',
    'the ?{Cold} war ?{wind|mind} ?low{1784} \\?{not} a?{b}',
    'I am _{2 words} sure _lost{ca. 5 letters} _{} Dear',
    'I +{am} glad Gen+lost{eral} +{?{the}} +{a ~~b~~ ^{c}} end',
    'yours %{signature in ink \\} still} RR the end.%{rest}',
    'end of page\n|page{12 | p12.jpg}\nstart |column{2} more |pgae{3}',
    'Aufklä|-\n|page{482 | p482.jpg}\nrung ist',
    '~~@rr old~~ ^{@rr new} *@sec Ronald Reagan* ^margin{@x very} ~~i~~^over{I} +{@rr not a hand}',
    '^{@rr} *@ sec* ~~a @rr b~~ @rr c',
    '?abcdefghijklmnop{sixteen} ?abcdefghijklmnopq{seventeen}',
  ])
    assertAgree(src);
});
