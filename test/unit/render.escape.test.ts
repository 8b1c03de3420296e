import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from '../../server/src/core/index';
import { attr } from '../../server/src/core/render/html';

test('escapeHtml escapes the five HTML-significant characters', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
});

test('escapeHtml returns plain text unchanged', () => {
  assert.equal(escapeHtml('Dear Mr. General Secretary — ‸ ⟦⟧'), 'Dear Mr. General Secretary — ‸ ⟦⟧');
});

test('escapeHtml replaces NUL, which HTML parsers would otherwise drop', () => {
  assert.equal(escapeHtml('a\0b'), 'a\uFFFDb');
});

test('escapeHtml does not double-escape an entity written in the document', () => {
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});

test('attr escapes quotes in attribute values and is empty for undefined', () => {
  assert.equal(attr('title', 'say "hi" \'now\''), ' title="say &quot;hi&quot; &#39;now&#39;"');
  assert.equal(attr('title', undefined), '');
});
