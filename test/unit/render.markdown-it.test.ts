import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { emendMarkdownIt } from '../../server/src/core/index';

const md = emendMarkdownIt(new MarkdownIt());
const render = (src: string) => md.render(src);

test('an insertion in either spelling renders as <ins class="emend-add">', () => {
  assert.equal(render('a ^{b} c'), '<p>a <ins class="emend-add">b</ins> c</p>\n');
  assert.equal(render('a ^<b> c'), '<p>a <ins class="emend-add">b</ins> c</p>\n');
});

test('Markdown inside an insertion is still Markdown', () => {
  assert.equal(
    render('^{**bold** and `code`}'),
    '<p><ins class="emend-add"><strong>bold</strong> and <code>code</code></ins></p>\n',
  );
});

test('a substitution: Markdown strikes the deletion, the plugin raises the insertion', () => {
  assert.equal(
    render('to ~~eliminate~~ ^{relieve} the'),
    '<p>to <s>eliminate</s> <ins class="emend-add">relieve</ins> the</p>\n',
  );
  assert.equal(render('~~a~~^{b}'), '<p><s>a</s><ins class="emend-add">b</ins></p>\n');
});

test('an insertion inside emphasis or a link label works', () => {
  assert.equal(render('*x ^{y} z*'), '<p><em>x <ins class="emend-add">y</ins> z</em></p>\n');
  assert.equal(
    render('[a ^{b}](https://example.org)'),
    '<p><a href="https://example.org">a <ins class="emend-add">b</ins></a></p>\n',
  );
});

test('an unclosed insertion, an escaped caret, a bare caret and code spans stay as they are', () => {
  assert.equal(render('a ^{b c'), '<p>a ^{b c</p>\n');
  assert.equal(render('a \\^{b}'), '<p>a ^{b}</p>\n');
  assert.equal(render('2^3 and x^y'), '<p>2^3 and x^y</p>\n');
  assert.equal(render('`^{b}`'), '<p><code>^{b}</code></p>\n');
});

test('an insertion never reaches across a Markdown block', () => {
  assert.equal(render('a ^{b\n\nc}'), '<p>a ^{b</p>\n<p>c}</p>\n');
});

test("the insertion's content is escaped like any Markdown text", () => {
  assert.equal(
    render('^{<script>alert(1)</script>}'),
    '<p><ins class="emend-add">&lt;script&gt;alert(1)&lt;/script&gt;</ins></p>\n',
  );
  assert.equal(render('^<"onmouseover=x>'), '<p><ins class="emend-add">&quot;onmouseover=x</ins></p>\n');
});

test('nested insertions render nested', () => {
  assert.equal(render('^{a ^{b} c}'), '<p><ins class="emend-add">a <ins class="emend-add">b</ins> c</ins></p>\n');
});

test('many insertions on one long line are found by one parse', () => {
  const line = Array.from({ length: 2000 }, (_, i) => `w${i} ^{i${i}}`).join(' ');
  const html = render(line);
  assert.equal(html.split('<ins class="emend-add">').length - 1, 2000);
});
