import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, escapeMarkdown, hoverAt } from '../../server/src/core/index';

function hover(src: string, at: string | number, options = {}) {
  const offset = typeof at === 'number' ? at : src.indexOf(at);
  return hoverAt(analyze(src), offset, options);
}

test('a substitution shows its summary and the sentence in both readings, the change in bold', () => {
  const src = 'It is so. We should find the way to ~~eliminate~~ ^{relieve} the concerns you have expressed. Next one.';
  const h = hover(src, 'eliminate')!;
  assert.equal(
    h.markdown,
    '**Substitution:** eliminate → relieve\n\n' +
      '*Draft:* We should find the way to **eliminate** the concerns you have expressed\\.\n\n' +
      '*Final:* We should find the way to **relieve** the concerns you have expressed\\.',
  );
  assert.equal(src.slice(h.start, h.end), '~~eliminate~~ ^{relieve}');
});

test('an insertion shows a caret where the draft lacks it', () => {
  const src = 'a first strike ^{and test} capability';
  assert.equal(
    hover(src, 'and')!.markdown,
    '**Insertion:** and test\n\n' +
      '*Draft:* a first strike ‸capability\n\n*Final:* a first strike **and test** capability',
  );
});

test('a deletion shows a caret where the final lacks it', () => {
  const src = 'That is obviously ~~worrisome~~ to us.';
  assert.equal(
    hover(src, '~~')!.markdown,
    '**Deletion:** worrisome\n\n' +
      '*Draft:* That is obviously **worrisome** to us\\.\n\n*Final:* That is obviously ‸to us\\.',
  );
});

test('nested marks list what happened, outermost first, and the hover covers the innermost', () => {
  const src = 'x ~~a ^{b} c~~ y';
  const h = hover(src, 'b')!;
  assert.equal(
    h.markdown.split('\n\n')[0],
    '1. **Deletion:** a b c\\; first inserted “b”\\, then struck\n2. **Insertion\\, later struck:** b',
  );
  assert.equal(src.slice(h.start, h.end), '^{b}');
});

test('the sentence stops at a blank line, even one holding spaces or tabs', () => {
  const src = 'the end\n  \n*Hand* writes';
  assert.equal(hover(src, '*')!.markdown, '**Another hand:** Hand\n\n*Draft and final:* **Hand** writes');
  assert.equal(hover('the end\n\n*Hand* writes', '*')!.markdown, hover(src, '*')!.markdown);
});

test('a mark both readings keep alike gives its sentence once, not the same line twice', () => {
  const src = 'Dear *Gorbachev*, thank you. ~~We~~ ^{I} wrote.';
  assert.equal(
    hover(src, 'Gorbachev')!.markdown,
    '**Another hand:** Gorbachev\n\n*Draft and final:* Dear **Gorbachev**\\, thank you\\.',
  );
  assert.equal(hover(src, 'We')!.markdown.split('\n\n').length, 3, 'a revision: draft and final lines');
});

test('plain text, the end of the document and offsets outside it have no hover', () => {
  const src = 'plain ~~x~~ text';
  assert.equal(hover(src, 'plain'), null);
  assert.equal(hover(src, src.length), null);
  assert.equal(hover(src, -1), null);
  assert.equal(hover(src, src.length + 5), null);
  assert.equal(hover(src, Number.NaN), null);
});

test('long context is cut at a word with an ellipsis', () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
  const src = `${words} ~~x~~ ${words}`;
  const draft = hover(src, '~~')!.markdown.split('\n\n')[1]!;
  assert.match(draft, /^\*Draft:\* …w\d+ /);
  assert.match(draft, / w\d+…$/);
  assert.ok(draft.length < 300);
});

test('document text cannot inject Markdown or HTML into a hover', () => {
  const src = '[link](http://x) <img src=x onerror=alert(1)> ~~`code` **b** _i_ &amp; # h~~ end';
  const md = hover(src, '~~')!.markdown;
  assert.ok(!/(^|[^\\])</.test(md), md);
  assert.ok(md.includes('\\<img'));
  assert.ok(md.includes('\\[link\\]\\(http\\:\\/\\/x\\)'), md);
  assert.ok(md.includes('\\`code\\`'));
  assert.ok(md.includes('\\&amp\\;'));
  assert.ok(!/[^\\]\[link\]/.test(md));
});

test('escapeMarkdown escapes every ASCII punctuation character and flattens lines', () => {
  assert.equal(escapeMarkdown('a*b_c[d](e)<f>&g#h\ni`j|k~'), 'a\\*b\\_c\\[d\\]\\(e\\)\\<f\\>\\&g\\#h i\\`j\\|k\\~');
  assert.equal(escapeMarkdown('Seele – ü'), 'Seele – ü');
});

test('the witness line shows where the witness is and whether it was found', () => {
  const src = '---\ntitle: T\nwitness: sent.txt\n---\nbody';
  const at = src.indexOf('sent');
  assert.equal(
    hover(src, at, { witness: { location: '/w/sent.txt', found: true, detail: '12 lines' } })!.markdown,
    '**Witness:** sent\\.txt\n\nLocation: \\/w\\/sent\\.txt\n\nFound: 12 lines',
  );
  assert.equal(
    hover(src, at, { witness: { location: '/w/sent.txt', found: false } })!.markdown,
    '**Witness:** sent\\.txt\n\nLocation: \\/w\\/sent\\.txt\n\nNot found.',
  );
  assert.match(hover(src, at)!.markdown, /^\*\*Witness:\*\* sent\\\.txt\n\nNot checked/);
  const h = hover(src, at)!;
  assert.equal(src.slice(h.start, h.end), 'witness: sent.txt');
  assert.equal(hover(src, src.indexOf('title')), null);
});

test('the full stop of an abbreviation does not end the sentence', () => {
  const src = 'It was late. Dear Mr. ~~President~~ ^{General} Secretary of the U.S. party. Next.';
  assert.equal(
    hover(src, 'President')!.markdown.split('\n\n')[1],
    '*Draft:* Dear Mr\\. **President** Secretary of the U\\.S\\. party\\.',
  );
});

test('an unclear reading shows its alternatives and certainty, and the sentence it stands in', () => {
  const src = 'the ?low{wind|mind} blew.';
  const h = hover(src, 'wind')!;
  assert.equal(
    h.markdown,
    '**Unclear:** wind or mind \\(certainty\\: low\\)\n\n*Draft and final:* the **wind** blew\\.',
  );
  assert.equal(src.slice(h.start, h.end), '?low{wind|mind}');
});

test('a gap shows its extent and reason, supplied text its reason', () => {
  assert.equal(
    hover('I am _{ca. 3 words} sure.', 'words')!.markdown,
    '**Gap:** about 3 words\\, illegible\n\n*Draft and final:* I am **\\[…\\]** sure\\.',
  );
  assert.equal(hover('I am _lost{} sure.', 'lost')!.markdown.split('\n\n')[0], '**Gap:** lost');
  assert.equal(
    hover('I +{am} glad.', 'am')!.markdown,
    '**Supplied by the editor** \\(omitted\\)\n\n*Draft and final:* I **\\[am\\]** glad\\.',
  );
  assert.equal(
    hover('Gen+lost{eral} Grant.', 'eral')!.markdown.split('\n\n')[0],
    '**Supplied by the editor** \\(lost\\)',
  );
});

test('a note shows its text and a page break its number and image, with no reading (they are in none)', () => {
  const note = 'yours %{signed in ink} RR';
  const h = hover(note, 'signed')!;
  assert.equal(h.markdown, '**Note:** signed in ink');
  assert.equal(note.slice(h.start, h.end), '%{signed in ink}');
  assert.equal(hover('end\n|page{12 | p12.jpg}\nstart', 'page')!.markdown, '**Page break:** page 12 \\(p12\\.jpg\\)');
  assert.equal(hover('a |column{2} b', 'column')!.markdown, '**Column break:** column 2');
});

test('a mark that names its hand shows the hand from hands:, and says when it is not listed', () => {
  const src = '---\nhands: rr: Ronald Reagan; sec: a secretary\n---\n~~@sec old~~ ^{@rr new} word';
  const h = hover(src, 'old')!;
  assert.equal(
    h.markdown,
    '**Substitution:** old → new\n\n**Hand:** a secretary\n\n*Draft:* **old** word\n\n*Final:* **new** word',
  );
  assert.equal(src.slice(h.start, h.end), '~~@sec old~~ ^{@rr new}');
  assert.equal(hover(src, 'new')!.markdown.split('\n\n')[1], '**Hand:** Ronald Reagan');
  const unlisted = '---\nhands: rr: Ronald Reagan\n---\nsigned *@sec Ronald Reagan*';
  assert.equal(
    hoverAt(analyze(unlisted), unlisted.lastIndexOf('Ronald'))!.markdown.split('\n\n')[1],
    "**Hand:** sec \\(not listed in the header\\'s hands\\:\\)",
  );
});

test('an editorial mark inside a revision adds its line after the revision and narrows the hover to itself', () => {
  const src = 'a ~~?{old}~~ b';
  const h = hover(src, 'old')!;
  assert.equal(h.markdown, '**Deletion:** old\n\n**Unclear:** old\n\n*Draft:* a **old** b\n\n*Final:* a ‸b');
  assert.equal(src.slice(h.start, h.end), '?{old}');
  assert.equal(hover('plain ? text + here', '?'), null);
});
