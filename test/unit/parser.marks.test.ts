import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type MarkNode, type SubstNode } from '../../server/src/core/index';
import { codes, shape } from './core-helpers';

test('plain text is one text node spanning the paragraph', () => {
  const d = parse('just words');
  assert.deepEqual(d.paragraphs, [{ start: 0, end: 10, children: [{ kind: 'text', start: 0, end: 10 }] }]);
  assert.deepEqual(d.problems, []);
});

test('an empty document has no paragraphs and no problems', () => {
  for (const src of ['', '\n', '  \n\t\n']) assert.deepEqual(parse(src).paragraphs, [], JSON.stringify(src));
});

test('a deletion has exact open, close and outer ranges', () => {
  const d = parse('a ~~bc~~ d');
  const del = d.paragraphs[0]!.children[1] as MarkNode;
  assert.equal(del.kind, 'del');
  assert.equal(del.delimiter, '~~');
  assert.deepEqual([del.start, del.end], [2, 8]);
  assert.deepEqual(del.open, { start: 2, end: 4 });
  assert.deepEqual(del.close, { start: 6, end: 8 });
  assert.deepEqual(del.children, [{ kind: 'text', start: 4, end: 6 }]);
});

test('both insertion spellings give an add node with their own delimiters', () => {
  const a = parse('^{x}').paragraphs[0]!.children[0] as MarkNode;
  const b = parse('^<x>').paragraphs[0]!.children[0] as MarkNode;
  assert.deepEqual([a.kind, a.delimiter, a.open, a.close], ['add', '^{', { start: 0, end: 2 }, { start: 3, end: 4 }]);
  assert.deepEqual([b.kind, b.delimiter, b.open, b.close], ['add', '^<', { start: 0, end: 2 }, { start: 3, end: 4 }]);
});

test('another hand is a hand node', () => {
  assert.equal(shape('Dear *Gorbachev* RR'), '"Dear " hand["Gorbachev"] " RR"');
});

test('nested deletions: the outer written with more tildes', () => {
  assert.equal(shape('~~~a ~~b~~ c~~~'), 'del["a " del["b"] " c"]');
  const outer = parse('~~~a ~~b~~ c~~~').paragraphs[0]!.children[0] as MarkNode;
  assert.equal(outer.delimiter, '~~~');
  assert.deepEqual(outer.close, { start: 12, end: 15 });
});

test('a tilde run longer than the open deletion closes it and reads the rest again', () => {
  assert.equal(shape('~~a~~~'), 'del["a"] "~"');
  assert.equal(shape('~~~a ~~b~~~~~ c'), 'del["a " del["b"]] " c"');
  assert.equal(shape('~~a~~~~b~~'), 'del["a"] del["b"]');
});

test('a lone tilde is text', () => {
  assert.equal(shape('about ~5 miles'), '"about ~5 miles"');
});

test('marks nest: insertion in deletion, deletion in insertion, insertion in insertion', () => {
  assert.equal(shape('~~a ^{b} c~~'), 'del["a " add["b"] " c"]');
  assert.equal(shape('^{a ~~b~~ c}'), 'add["a " del["b"] " c"]');
  assert.equal(shape('^{a ^{b} c}'), 'add["a " add["b"] " c"]');
  assert.equal(shape('^<a ^{b} c>'), 'add["a " add["b"] " c"]');
  assert.equal(shape('*a ~~b~~ ^{c}*'), 'hand["a " subst(del["b"]|add["c"])]');
});

test('marks inside words', () => {
  assert.equal(shape('the~~ir~~^{refore}'), '"the" subst(del["ir"]|add["refore"])');
  assert.equal(shape('some~~thing~~ else'), '"some" del["thing"] " else"');
});

test('space-only and punctuation-only marks', () => {
  assert.equal(shape('durch~~ ~~aus'), '"durch" del[" "] "aus"');
  assert.equal(shape('yes~~,~~ and'), '"yes" del[","] " and"');
  assert.equal(shape('~~les ~~mes'), 'del["les "] "mes"');
  assert.deepEqual(codes('durch~~ ~~aus'), []);
  assert.deepEqual(codes('~~les ~~mes'), []);
});

test('a substitution is a deletion and an insertion with only spaces or tabs between', () => {
  assert.equal(shape('~~a~~ ^{b}'), 'subst(del["a"]|add["b"])');
  assert.equal(shape('~~a~~^{b}'), 'subst(del["a"]|add["b"])');
  assert.equal(shape('~~a~~ \t ^{b}'), 'subst(del["a"]|add["b"])');
  assert.equal(shape('~~a~~\n^{b}'), 'del["a"] "\\n" add["b"]');
  assert.equal(shape('~~a~~ x ^{b}'), 'del["a"] " x " add["b"]');
});

test('a substitution has the span of both marks and keeps them in written order', () => {
  const s = parse('x ^{little}~~pair~~ y').paragraphs[0]!.children[1] as SubstNode;
  assert.equal(s.kind, 'subst');
  assert.deepEqual([s.start, s.end], [2, 19]);
  assert.equal(s.first.kind, 'add');
  assert.equal(s.second.kind, 'del');
});

test('a deletion between two insertions pairs with the one after it', () => {
  assert.equal(shape('^{x} ~~a~~ ^{b}'), 'add["x"] " " subst(del["a"]|add["b"])');
  assert.equal(shape('~~a~~ ^{b} ~~c~~'), 'subst(del["a"]|add["b"]) " " del["c"]');
  assert.equal(shape('^{x}~~a~~ y'), 'subst(add["x"]|del["a"]) " y"');
});

test('two deletions or two insertions side by side are not a substitution', () => {
  assert.equal(shape('~~a~~ ~~b~~'), 'del["a"] " " del["b"]');
  assert.equal(shape('^{a} ^{b}'), 'add["a"] " " add["b"]');
});

test('an unclosed mark is not part of a substitution', () => {
  assert.equal(shape('~~a~~ ^{b'), 'del["a"] " " add["b"]!');
});

test('escapes make the next markup character literal', () => {
  const d = parse('a \\~\\~ b');
  assert.deepEqual(d.paragraphs[0]!.children, [
    { kind: 'text', start: 0, end: 2 },
    { kind: 'escape', start: 2, end: 4, char: '~' },
    { kind: 'escape', start: 4, end: 6, char: '~' },
    { kind: 'text', start: 6, end: 8 },
  ]);
  for (const c of '~^*{}<>\\') assert.equal(shape(`\\${c}`), `\\${c}`);
});

test('a backslash before an ordinary character, or at the end, is text', () => {
  assert.equal(shape('C:\\path'), '"C:\\\\path"');
  assert.equal(shape('end\\'), '"end\\\\"');
});

test('a caret not followed by a bracket, and bare brackets, are text', () => {
  assert.equal(shape('x^2 {a} <b'), '"x^2 {a} <b"');
  assert.deepEqual(codes('x^2 {a} <b'), ['stray-closer']);
  assert.equal(shape('2 < 3'), '"2 < 3"');
});

test('marks run across single line breaks', () => {
  assert.equal(shape('a ~~b\nc~~ d'), '"a " del["b\\nc"] " d"');
});

test('paragraphs are separated by blank lines, and their spans exclude the separator', () => {
  const d = parse('one\ntwo\n\n \t\nthree  \n');
  assert.deepEqual(
    d.paragraphs.map((p) => [p.start, p.end]),
    [
      [0, 7],
      [12, 17],
    ],
  );
  assert.equal(shape(d), '"one\\ntwo" ¶ "three"');
});

test('a blank line may hold spaces, tabs or carriage returns; a line that begins with spaces but has text is not one', () => {
  const d = parse('a\n  b\n\tc\n \t \nd\n\r\ne\n\t\nf\ng\n');
  assert.deepEqual(
    d.paragraphs.map((p) => d.source.slice(p.start, p.end)),
    ['a\n  b\n\tc', 'd', 'e', 'f\ng'],
  );
});

test('CRLF line breaks: a line of only \\r is blank', () => {
  const d = parse('a\r\n\r\nb');
  assert.equal(d.paragraphs.length, 2);
});

test('crossing marks end the inner mark at the outer closer', () => {
  assert.equal(shape('*a ~~b* c~~'), 'hand["a " del["b"]!] " c"');
  assert.deepEqual(codes('*a ~~b* c~~'), ['crossing-marks']);
  // The crossed deletion's own closer is consumed: it belongs to no node, and no reading shows it.
  assert.equal(shape('^{a ~~b} c~~ d'), 'add["a " del["b"]!] " c" " d"');
  assert.deepEqual(codes('^{a ~~b} c~~ d'), ['crossing-marks']);
});

test('a deletion crossing an insertion is reported once', () => {
  assert.deepEqual(codes('~~a ^{b~~ c}'), ['crossing-marks']);
  assert.deepEqual(codes('~~a ^{b~~ c} d~~'), ['crossing-marks']);
  const p = parse('~~a ^{b~~ c}').problems[0]!;
  assert.deepEqual([p.start, p.end], [11, 12]);
  assert.match(p.message, /If the `~~` inside was meant to end the deletion/);
});

test('a closer left by a crossing is awaited only where the crossing left it', () => {
  // Consumed at the same level...
  assert.equal(shape('*a ~~b* c~~ d'), 'hand["a " del["b"]!] " c" " d"');
  // ...but a later insertion's own deletion is read normally, not eaten as the pending closer.
  assert.equal(shape('*a ~~b* c ^{x ~~y~~}'), 'hand["a " del["b"]!] " c " add["x " del["y"]]');
  assert.deepEqual(codes('*a ~~b* c ^{x ~~y~~}'), ['crossing-marks']);
  // A crossing inside a mark is forgotten when that mark closes.
  assert.equal(shape('^{*a ~~b* c} ^{d ~~e~~}'), 'add[hand["a " del["b"]!] " c"] " " add["d " del["e"]]');
  assert.deepEqual(codes('^{*a ~~b* c} ^{d ~~e~~}'), ['crossing-marks']);
});
