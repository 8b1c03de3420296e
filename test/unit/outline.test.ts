import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  countRevisions,
  countRevisionsIn,
  describeCounts,
  foldingRanges,
  outline,
  parse,
  revisions,
} from '../../server/src/core/index';

function symbols(src: string) {
  const a = analyze(src);
  return outline(a, revisions(a.doc));
}

test('each paragraph is named by its first words in the final reading, with its revision counts', () => {
  const src = 'To ~~eliminate~~ ^{relieve} the concerns.\n\nDear *Gorbachev* RR\n\nNo marks here.';
  assert.deepEqual(
    symbols(src).map((s) => [s.name, s.detail, s.kind, s.range.start, s.range.end]),
    [
      ['To relieve the concerns.', '1 struck · 1 added', 'paragraph', 0, 41],
      ['Dear Gorbachev RR', '1 other hand', 'paragraph', 43, 62],
      ['No marks here.', '', 'paragraph', 64, 78],
    ],
  );
});

test('a paragraph the final reading drops is named from its draft and says it is struck', () => {
  const [stamp] = symbols('~~SECRET~~\n\nText.');
  assert.equal(stamp!.name, 'SECRET');
  assert.equal(stamp!.detail, 'struck out');
});

test('a name that recurs (a stamp on every page) says on which line each stands', () => {
  const src = '~~SECRET~~\n\nOne.\n\n~~SECRET~~\n\nTwo ^{more}.';
  assert.deepEqual(
    symbols(src).map((s) => [s.name, s.detail]),
    [
      ['SECRET', 'line 1 · struck out'],
      ['One.', ''],
      ['SECRET', 'line 5 · struck out'],
      ['Two more.', '1 added'],
    ],
  );
});

test('a paragraph with no text in either reading still gets a name', () => {
  const [p] = symbols('~~~~');
  assert.equal(p!.name, 'Paragraph 1');
});

test('long paragraphs are cut at a word, line breaks read as spaces', () => {
  const [p] = symbols(
    'Now that we are both home and facing the task\nof leading our countries into a more constructive relationship.',
  );
  assert.equal(p!.name, 'Now that we are both home and…');
  assert.deepEqual(p!.selectionRange, { start: 0, end: 45 }, 'the selection range is the first line');
});

test('the header block is a symbol with its fields as children', () => {
  const src = '---\ntitle: Letter to Gorbachev\ndate: 1985-11-28\n---\nText.';
  const [header, text] = symbols(src);
  assert.equal(header!.name, 'Header');
  assert.equal(header!.detail, 'Letter to Gorbachev');
  assert.deepEqual(
    header!.children.map((c) => [c.name, c.detail, c.selectionRange.start]),
    [
      ['title', 'Letter to Gorbachev', 4],
      ['date', '1985-11-28', 31],
    ],
  );
  assert.equal(text!.name, 'Text.');
});

test('revision counts go to the paragraph that holds them, nested ones included', () => {
  const src = 'a ~~~b ~~c~~ d~~~\n\ne ^{f} ^{g}';
  assert.deepEqual(
    symbols(src).map((s) => s.detail),
    ['2 struck', '2 added'],
  );
});

test('counts describe deletions and insertions on the page, substitutions among them', () => {
  const c = countRevisions(revisions(parse('~~a~~ ^{b} ~~c~~ *d* ^{e}')));
  assert.deepEqual(c, { deletions: 2, insertions: 2, substitutions: 1, hands: 1 });
  assert.equal(describeCounts(c), '2 deletions, 2 insertions (1 substitution), 1 in another hand');
  assert.equal(describeCounts(countRevisions([])), 'no revisions');
});

test('folding: the header block and every paragraph of more than one line', () => {
  const src = '---\ntitle: x\n---\none line\n\ntwo\nlines\n\nthree\nlines\nhere';
  assert.deepEqual(foldingRanges(analyze(src)), [
    { startLine: 0, endLine: 2 },
    { startLine: 5, endLine: 6 },
    { startLine: 8, endLine: 10 },
  ]);
});

test("the status bar's counts, read off the flat tree, are those of the revision list", () => {
  const sources = [
    '~~a~~ ^{b} ~~c~~ *d* ^{e}',
    '~~old~~^{new} and ^{x ~~y~~ z} ~~~p ~~q~~ r~~~ *h ^{i}* ~~s~~ ^<t>',
    '^{a} ~~b~~ ^{c}\n\n~~d ^{e~~ f}\n\n*g',
  ];
  for (const src of sources)
    assert.deepEqual(countRevisionsIn(parse(src).syntax), countRevisions(revisions(parse(src))), src);
});

test('pages are a level: what follows a page break is listed under its page, a paragraph across a break in parts', () => {
  const src =
    'Before the pages.\n\n|page{1 | p1.jpg}\nOne ~~old~~ ^{new} start\nof text\n|page{2}\nand its end.\n\nA second ^{added} one.';
  const tree = symbols(src).map((s) => [
    s.name,
    s.detail,
    s.kind,
    src.slice(s.range.start, s.range.end),
    s.children.map((c) => [c.name, c.detail, src.slice(c.range.start, c.range.end)]),
  ]);
  assert.deepEqual(tree, [
    ['Before the pages.', '', 'paragraph', 'Before the pages.', []],
    [
      'Page 1',
      'p1.jpg',
      'page',
      '|page{1 | p1.jpg}\nOne ~~old~~ ^{new} start\nof text',
      [['One new start of text', '1 struck · 1 added', 'One ~~old~~ ^{new} start\nof text']],
    ],
    [
      'Page 2',
      '',
      'page',
      '|page{2}\nand its end.\n\nA second ^{added} one.',
      [
        ['and its end.', '', 'and its end.'],
        ['A second added one.', '1 added', 'A second ^{added} one.'],
      ],
    ],
  ]);
});

test('a document without page breaks keeps its flat outline; pages fold from their break to their last text', () => {
  assert.deepEqual(
    symbols('One.\n\nTwo.').map((s) => s.kind),
    ['paragraph', 'paragraph'],
  );
  const src = '|page{1}\na\nb\n\n|page{2}\nc\n\nd';
  assert.deepEqual(foldingRanges(analyze(src)), [
    { startLine: 0, endLine: 2 },
    { startLine: 4, endLine: 7 },
  ]);
});

test('column breaks are a level under their page, and fold up to the next break', () => {
  const src = '|page{3}\nHead\n|column{1}\nleft text\n|column{2}\nright text\n\n|page{4}\nnext';
  const tree = (list: ReturnType<typeof symbols>): unknown[] =>
    list.map((s) => [s.name, src.slice(s.range.start, s.range.end), ...(s.children.length ? [tree(s.children)] : [])]);
  assert.deepEqual(tree(symbols(src)), [
    [
      'Page 3',
      '|page{3}\nHead\n|column{1}\nleft text\n|column{2}\nright text',
      [
        ['Head', 'Head'],
        ['Column 1', '|column{1}\nleft text', [['left text', 'left text']]],
        ['Column 2', '|column{2}\nright text', [['right text', 'right text']]],
      ],
    ],
    ['Page 4', '|page{4}\nnext', [['next', 'next']]],
  ]);
  assert.deepEqual(foldingRanges(analyze(src)), [
    { startLine: 0, endLine: 5 },
    { startLine: 2, endLine: 3 },
    { startLine: 4, endLine: 5 },
    { startLine: 7, endLine: 8 },
  ]);
});
