import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, renderDocument, RenderCache, VIEWS, VIEW_IDS, findView } from '../../server/src/core/index';

function body(src: string, view: string): string[] {
  return renderDocument(analyze(src), view).blocks.map((b) => b.html);
}

/** The inner HTML of the only paragraph block. */
function inner(src: string, view: string): string {
  const blocks = renderDocument(analyze(src), view).blocks.filter((b) => b.line !== null);
  assert.equal(blocks.length, 1);
  return blocks[0]!.html.replace(/^<[^>]*>/, '').replace(/<\/[a-z]+>$/, '');
}

test('the views are diplomatic, final, draft, side by side and collation, each with a label and a description', () => {
  assert.deepEqual(VIEW_IDS, ['diplomatic', 'final', 'draft', 'side-by-side', 'collation']);
  for (const v of VIEWS) {
    assert.ok(v.label.length > 0 && v.description.endsWith('.'));
    assert.equal(findView(v.id), v);
  }
  assert.equal(findView('nope'), undefined);
});

test('renderDocument refuses an unknown view', () => {
  assert.throws(() => renderDocument(analyze('x'), 'collation-typo'), /Unknown view 'collation-typo'/);
});

test('diplomatic: a deletion is struck and titled with its summary', () => {
  assert.equal(inner('a ~~b~~ c', 'diplomatic'), 'a <del class="emend-del" title="Deletion: b">b</del> c');
});

test('diplomatic: an insertion is an <ins> in either spelling', () => {
  assert.equal(inner('a ^{b} c', 'diplomatic'), 'a <ins class="emend-add" title="Insertion: b">b</ins> c');
  assert.equal(inner('a ^<b> c', 'diplomatic'), 'a <ins class="emend-add" title="Insertion: b">b</ins> c');
});

test('diplomatic: another hand gets its own class', () => {
  assert.equal(
    inner('*Gorbachev* RR', 'diplomatic'),
    '<span class="emend-hand" title="Another hand: Gorbachev">Gorbachev</span> RR',
  );
});

test('diplomatic: a substitution groups both marks under one title, keeping the gap', () => {
  assert.equal(
    inner('to ~~eliminate~~ ^{relieve} the', 'diplomatic'),
    'to <span class="emend-subst" title="Substitution: eliminate → relieve"><del class="emend-del">eliminate</del> ' +
      '<ins class="emend-add">relieve</ins></span> the',
  );
});

test('diplomatic: nested marks nest, each titled by its own summary', () => {
  assert.equal(
    inner('~~~a ~~b~~ c~~~', 'diplomatic'),
    '<del class="emend-del" title="Deletion: a c; first struck “b”, then struck">a ' +
      '<del class="emend-del" title="Deletion, later struck: b">b</del> c</del>',
  );
});

test('diplomatic: an unclosed mark is flagged and says so in its title', () => {
  assert.equal(
    inner('a ^{b c', 'diplomatic'),
    'a <ins class="emend-add emend-unclosed" title="Insertion: b c (This insertion is never closed.)">b c</ins>',
  );
});

test('diplomatic: an escape shows its character', () => {
  assert.equal(inner('5 \\* 3', 'diplomatic'), '5 * 3');
});

test('final and draft show the core readings, with other hands in their face', () => {
  const src = 'Our ~~objective~~ ^{purpose} is *RR* here.';
  assert.equal(inner(src, 'final'), 'Our purpose is <span class="emend-hand">RR</span> here.');
  assert.equal(inner(src, 'draft'), 'Our objective is <span class="emend-hand">RR</span> here.');
});

test('final and draft join the spaces around a dropped mark as the readings do', () => {
  assert.equal(inner('my ~~word~~, then', 'final'), 'my, then');
  assert.equal(inner('a ^{b} c', 'draft'), 'a c');
});

test('a paragraph a reading empties is left out of that view', () => {
  const blocks = renderDocument(analyze('~~SECRET~~\n\nDear Sir'), 'final').blocks;
  assert.deepEqual(
    blocks.map((b) => b.line),
    [2],
  );
});

test('side by side: one row per paragraph, changed words highlighted in each column', () => {
  const html = inner('to ~~eliminate~~ ^{relieve} the', 'side-by-side');
  assert.equal(
    html,
    '<div class="emend-col emend-col-draft" aria-label="Draft">to <mark class="emend-changed emend-changed-del" ' +
      'title="Substitution: eliminate → relieve">eliminate</mark> the</div>' +
      '<div class="emend-col emend-col-final" aria-label="Final">to <mark class="emend-changed emend-changed-add" ' +
      'title="Substitution: eliminate → relieve">relieve</mark> the</div>',
  );
});

test('side by side: a paragraph absent from one reading shows an empty, labelled cell', () => {
  const html = inner('~~SECRET~~', 'side-by-side');
  assert.match(
    html,
    /<div class="emend-col emend-col-final emend-col-empty" aria-label="Final"><span class="emend-absent">\(not in the final\)<\/span><\/div>$/,
  );
});

test('side by side: a heading row names the columns and stands for no source line', () => {
  const first = renderDocument(analyze('a'), 'side-by-side').blocks[0]!;
  assert.equal(first.line, null);
  assert.match(first.html, /emend-row-heading.*>Draft<.*>Final</);
});

test('side by side: highlights inside a word cover only the changed letters', () => {
  assert.match(
    inner('Se~~h~~ ^{e}le', 'side-by-side'),
    /Se<mark[^>]*>h<\/mark>le<\/div>.*Se<mark[^>]*>e<\/mark>le<\/div>$/,
  );
});

test('every paragraph block carries its first and last source line and a key', () => {
  const blocks = renderDocument(analyze('one\ntwo\n\n\nthree'), 'diplomatic').blocks;
  assert.deepEqual(
    blocks.map((b) => [b.line, b.endLine]),
    [
      [0, 1],
      [4, 4],
    ],
  );
  assert.match(
    blocks[0]!.html,
    /^<p class="emend-block emend-p" data-line="0" data-line-end="1" data-key="diplomatic-\d+">one\ntwo<\/p>$/,
  );
});

test('line numbers count the header lines', () => {
  const blocks = renderDocument(analyze('---\ntitle: A letter\n---\n\nDear Sir'), 'final').blocks;
  assert.deepEqual(
    blocks.map((b) => b.line),
    [0, 4],
  );
});

test('the header shows its title as a heading and its other fields as a list', () => {
  const doc = renderDocument(analyze('---\ntitle: A <letter>\ndate: 1985-11-22\n---\nDear Sir'), 'diplomatic');
  assert.equal(doc.title, 'A <letter>');
  assert.equal(
    doc.blocks[0]!.html,
    `<header class="emend-block emend-header" data-line="0" data-line-end="3" data-key="${doc.blocks[0]!.key}">` +
      '<h1 class="emend-title">A &lt;letter&gt;</h1><dl class="emend-fields"><div data-field="date"><dt>date</dt>' +
      '<dd>1985-11-22</dd></div></dl></header>',
  );
});

test('an empty transcription says so instead of showing nothing', () => {
  assert.deepEqual(body('', 'diplomatic'), [
    '<p class="emend-block emend-empty-document" data-key="empty">This transcription is empty.</p>',
  ]);
  assert.deepEqual(body('~~all struck~~', 'final'), [
    '<p class="emend-block emend-empty-document" data-key="emptied">Nothing of this transcription is left in this view.</p>',
  ]);
});

test("the cache renders again only the paragraphs whose text changed, and keeps the others' keys", () => {
  const cache = new RenderCache();
  const before = renderDocument(analyze('one ~~a~~\n\ntwo ^{b}\n\nthree'), 'diplomatic', cache);
  assert.equal(cache.misses, 3);
  const after = renderDocument(analyze('one ~~a~~\n\ntwo ^{bc}\n\nthree'), 'diplomatic', cache);
  assert.equal(cache.misses, 1);
  assert.equal(after.blocks[0]!.key, before.blocks[0]!.key);
  assert.notEqual(after.blocks[1]!.key, before.blocks[1]!.key);
  assert.equal(after.blocks[2]!.key, before.blocks[2]!.key);
});

test('a cached paragraph moved down gets its new line numbers', () => {
  const cache = new RenderCache();
  renderDocument(analyze('one\n\ntwo'), 'diplomatic', cache);
  const after = renderDocument(analyze('zero\n\none\n\ntwo'), 'diplomatic', cache);
  assert.equal(cache.misses, 1);
  assert.deepEqual(
    after.blocks.map((b) => b.line),
    [0, 2, 4],
  );
  assert.match(after.blocks[2]!.html, /data-line="4" data-line-end="4"/);
});

test('a changed header gets a new key so the preview replaces it', () => {
  const cache = new RenderCache();
  const a = renderDocument(analyze('---\ntitle: A\n---\nx'), 'diplomatic', cache).blocks[0]!;
  const b = renderDocument(analyze('---\ntitle: B\n---\nx'), 'diplomatic', cache).blocks[0]!;
  assert.notEqual(a.key, b.key);
});

test('renders the sample letter in every view with a block per paragraph', async () => {
  const { readFileSync } = await import('node:fs');
  const a = analyze(readFileSync('samples/reagan-1985-draft.emend', 'utf8'));
  for (const v of VIEW_IDS) {
    const blocks = renderDocument(a, v).blocks.filter((b) => b.line !== null);
    assert.ok(blocks.length >= a.reading('final').paragraphs.length, v);
    for (const b of blocks) assert.ok(b.endLine! >= b.line!);
  }
});
