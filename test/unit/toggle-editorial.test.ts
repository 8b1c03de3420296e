// The editorial mark commands' edits (core/toggle-editorial.ts, page-break-edit.ts, placement-edit.ts, and supplied
// text in toggle-mark.ts): exact text before and after, toggling both ways, escapes, and refusals that keep marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  insertGap,
  insertPageBreak,
  nextNumber,
  setPlacement,
  suggestedPageNumber,
  toggleEditorial,
  toggleMark,
  type TextEdit,
  type ToggleResult,
} from '../../server/src/core/index';

function apply(src: string, edits: TextEdit[]): string {
  let out = '';
  let k = 0;
  for (const e of edits) {
    out += src.slice(k, e.start) + e.newText;
    k = e.end;
  }
  return out + src.slice(k);
}

/** Runs `run` on the selection written `[…]` (or a cursor `‸`) in `marked`; the new text with the new selection. */
function edit(marked: string, run: (src: string, s: number, e: number) => ToggleResult): string {
  let src: string, start: number, end: number;
  if (marked.includes('‸')) {
    start = end = marked.indexOf('‸');
    src = marked.replace('‸', '');
  } else {
    start = marked.indexOf('[');
    end = marked.indexOf(']') - 1;
    src = marked.replace('[', '').replace(']', '');
  }
  const r = run(src, start, end);
  if (!r.ok) return `refused: ${r.message}`;
  const out = apply(src, r.edits);
  if (r.selection.start === r.selection.end)
    return out.slice(0, r.selection.start) + '‸' + out.slice(r.selection.start);
  return (
    out.slice(0, r.selection.start) +
    '[' +
    out.slice(r.selection.start, r.selection.end) +
    ']' +
    out.slice(r.selection.end)
  );
}

const unclear = (m: string) => edit(m, (src, s, e) => toggleEditorial(analyze(src), s, e, 'unclear'));
const note = (m: string) => edit(m, (src, s, e) => toggleEditorial(analyze(src), s, e, 'note'));
const supplied = (m: string) => edit(m, (src, s, e) => toggleMark(analyze(src), s, e, 'supplied'));
const gap = (m: string) => edit(m, (src, s, e) => insertGap(analyze(src), s, e));

test('Mark as Unclear wraps the selection, or the word under the cursor, and toggles back', () => {
  assert.equal(unclear('the [Cold] war'), 'the ?{[Cold]} war');
  assert.equal(unclear('the Co‸ld war'), 'the ?{[Cold]} war');
  assert.equal(unclear('the[ Cold war ]'), 'the ?{[Cold war]} ');
  assert.equal(unclear('the ?{[Cold]} war'), 'the [Cold] war');
  assert.equal(unclear('the [?low{Cold}] war'), 'the [Cold] war');
  assert.equal(unclear('the ?{Co‸ld} war'), 'the [Cold] war');
  assert.equal(unclear('the ‸ war'), 'the ?{‸} war');
});

test('Mark as Unclear escapes the braces and bars the text holds, and unmarking escapes what would read as markup', () => {
  assert.equal(unclear('a [x}y|z] b'), 'a ?{[x\\}y\\|z]} b');
  assert.equal(unclear('a ?{[x\\}y\\|z]} b'), 'a [x\\}y\\|z] b');
  assert.equal(unclear('a [?{~~x~~ ^<y>}] b'), 'a [\\~\\~x\\~\\~ \\^\\<y\\>] b');
  assert.equal(unclear('a [?{@rr x}] b'), 'a [\\@rr x] b');
});

test('Mark as Unclear keeps marks: it holds text only, and alternatives are not thrown away', () => {
  assert.match(
    unclear('a [~~x~~ y] b'),
    /^refused: An unclear reading holds text only, and the selection holds a deletion/,
  );
  assert.match(unclear('a [x ~~y] z~~'), /^refused: The selection cuts through a deletion/);
  assert.match(unclear('a %{[pencil]} b'), /^refused: A note holds text only/);
  assert.match(unclear('a ?{[word|ward]} b'), /^refused: This unclear reading lists alternatives \(word or ward\)/);
  assert.match(unclear('a [b\n\nc] d'), /^refused: .*blank line/);
  assert.equal(unclear('~~a [old] word~~'), '~~a ?{[old]} word~~');
});

test('Add Editorial Note wraps a selection, inserts an empty note at a cursor, and toggles back', () => {
  assert.equal(note('yours [signed in ink] RR'), 'yours %{[signed in ink]} RR');
  assert.equal(note('yours‸ RR'), 'yours%{‸} RR');
  assert.equal(note('yours %{sig‸ned} RR'), 'yours [signed] RR');
  assert.equal(note('a [x}|y] b'), 'a %{[x\\}|y]} b');
  assert.match(note('a [*b*] c'), /^refused: A note holds text only, and the selection holds text in another hand/);
});

test('Mark as Supplied wraps (escaping closing braces), toggles back, and may hold marks', () => {
  assert.equal(supplied('I [am] glad'), 'I +{[am]} glad');
  assert.equal(supplied('I +{[am]} glad'), 'I [am] glad');
  assert.equal(supplied('I [+lost{am}] glad'), 'I [am] glad');
  assert.equal(supplied('I ‸ glad'), 'I +{‸} glad');
  assert.equal(supplied('a [b} ?{c}] d'), 'a +{[b\\} ?{c}]} d');
});

test('Insert Gap inserts `_{}` with the cursor in its size, replacing nothing; an empty one toggles away', () => {
  assert.equal(gap('I am ‸ sure'), 'I am _{‸} sure');
  assert.equal(gap('I am [very] sure'), 'I am very_{‸} sure');
  assert.equal(gap('I am _{‸} sure'), 'I am ‸ sure');
  assert.match(gap('I am _{3 wo‸rds} sure'), /^refused: This gap records its size \(3 words\)/);
  assert.match(gap('a %{pen‸cil} b'), /^refused: A note holds text only; a gap cannot go inside it/);
  assert.equal(gap('~~a ‸ b~~'), '~~a _{‸} b~~');
  assert.match(gap('---\ntitle: x‸\n---\ntext'), /^refused: The header block/);
});

const pageBreak = (m: string, n: string, image = '') => edit(m, (src, s) => insertPageBreak(analyze(src), s, n, image));

test('Insert Page Break puts `|page{n}` on a line of its own before the cursor line', () => {
  assert.equal(pageBreak('one\ntw‸o', '2'), 'one\n|page{2}‸\ntwo');
  assert.equal(pageBreak('one\n\n‸\n\ntwo', '2', 'p2.jpg'), 'one\n\n|page{2 | p2.jpg}‸\n\ntwo');
  assert.equal(pageBreak('one\r\ntw‸o', '1}|'), 'one\r\n|page{1\\}\\|}‸\r\ntwo');
  assert.match(pageBreak('a %{note\nru‸ns} b', '2'), /^refused: A page break at the start of this line/);
});

test('the suggested page number follows the previous page break', () => {
  const src = '|page{11}\none\n|page{12 | p12.jpg}\ntwo\nthree';
  assert.equal(suggestedPageNumber(analyze(src), src.indexOf('three')), '13');
  assert.equal(suggestedPageNumber(analyze(src), src.indexOf('one')), '12');
  assert.equal(suggestedPageNumber(analyze('text\nmore'), 5), '2');
  assert.equal(suggestedPageNumber(analyze('text'), 0), '1');
  assert.deepEqual(['12r', '12v', '9', 'xii', ''].map(nextNumber), ['12v', '13r', '10', '', '']);
});

const place = (m: string, to: Parameters<typeof setPlacement>[2]) =>
  edit(m, (src, s) => setPlacement(analyze(src), s, to));

test('Set Placement of Insertion rewrites only the keyword of the insertion under the cursor', () => {
  assert.equal(place('a ^{ve‸ry} day', 'margin'), 'a ^margin{ve‸ry} day');
  assert.equal(place('a ^margin{ve‸ry} day', 'above'), 'a ^{ve‸ry} day');
  assert.equal(place('a ^below<ve‸ry> day', 'over'), 'a ^over<ve‸ry> day');
  assert.equal(place('~~i~~^{‸I}', 'over'), '~~i~~^over{‸I}');
  assert.equal(place('^{a ^{b‸}}', 'below'), '^{a ^below{b‸}}');
  assert.match(place('a ve‸ry day', 'below'), /^refused: There is no insertion at the cursor/);
});
