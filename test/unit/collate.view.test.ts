import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis, collationHtml, witnessHeaderEdit } from '../../server/src/core/index';
import { applyEdits, collateTexts } from './collate-helpers';

function withWitness(src: string, path: string): string {
  const r = witnessHeaderEdit(new Analysis(src), path);
  assert.ok('edits' in r);
  return applyEdits(src, r.edits);
}

test('the witness header edit creates a header block when there is none', () => {
  assert.equal(withWitness('Dear Sir', 'sent.txt'), '---\nwitness: sent.txt\n---\nDear Sir');
});

test('the witness header edit adds a line to an existing header, before its closing fence', () => {
  assert.equal(withWitness('---\ntitle: A letter\n---\nDear Sir', 'sent.txt'), '---\ntitle: A letter\nwitness: sent.txt\n---\nDear Sir');
});

test('the witness header edit replaces the path of an existing witness line, keeping CRLF files CRLF', () => {
  assert.equal(withWitness('---\r\nwitness: old.txt\r\n---\r\nx', 'new.txt'), '---\r\nwitness: new.txt\r\n---\r\nx');
  assert.equal(withWitness('x\r\ny', 'w.txt'), '---\r\nwitness: w.txt\r\n---\r\nx\r\ny');
});

test('the witness header edit refuses an empty path or one with a line break', () => {
  assert.deepEqual(witnessHeaderEdit(new Analysis('x'), '  '), { error: 'The witness path is empty.' });
  assert.deepEqual(witnessHeaderEdit(new Analysis('x'), 'a\nb'), { error: 'A witness path cannot contain a line break.' });
});

test('the collation view marks variants with the witness reading beside them and gives the agreement', () => {
  const { analysis, c } = collateTexts('we must deal with it', 'we must cope with it');
  assert.equal(collationHtml(analysis, c),
    '<section class="emend-collation"><p class="collation-summary">Compared with witness.txt: 80.0% of the words agree (4 of 5); 1 variant.</p>'
    + '<p class="legend">1 other words</p>'
    + '<p data-line="0">we must <span class="variant kind-substitution" title="The witness reads “cope” (line 1) for “deal”." data-witness-line="1">deal</span>'
    + '<span class="witness">cope</span> with it</p></section>');
});

test('the collation view shows additions where they stand and escapes hostile text on both sides', () => {
  const { analysis, c } = collateTexts('a <b> c', 'a <b> <img src=x onerror=alert(1)> c', '<w>.txt');
  const html = collationHtml(analysis, c);
  assert.ok(!html.includes('<img'), html);
  assert.ok(!html.includes('<b>'), html);
  assert.ok(html.includes('Compared with &lt;w&gt;.txt'));
  assert.ok(html.includes('<span class="witness-only kind-addition" title="The witness adds “img src=x onerror=alert(1” after “b” (line 1)." data-witness-line="1">img src=x onerror=alert(1</span>'), html);
});

test('the collation view keeps paragraphs with their source lines', () => {
  const { analysis, c } = collateTexts('one two\n\nthree four', 'one two three four');
  assert.equal(collationHtml(analysis, c).split('<p data-line=').length - 1, 2);
  assert.ok(collationHtml(analysis, c).includes('<p data-line="2">three four</p>'));
});
