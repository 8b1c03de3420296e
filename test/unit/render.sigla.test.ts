// The diplomatic view's editorial marks in each sigla style (`emend.preview.sigla`): exact HTML for each mark, the
// insertion's place and the named hand, and a double click still finds its word after marks that show more text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  leidenGap,
  RenderCache,
  renderDocument,
  sourceOffsetInView,
  type Sigla,
} from '../../server/src/core/index';

/** The inner HTML of the (only) paragraph of `source` in the diplomatic view. */
function diplomatic(source: string, sigla: Sigla): string {
  const blocks = renderDocument(analyze(source), 'diplomatic', undefined, { sigla }).blocks;
  const html = blocks.at(-1)!.html;
  return html.slice(html.indexOf('>') + 1, html.lastIndexOf('<'));
}

const CASES: [string, string, string, string][] = [
  // [mark, source, editorial, leiden]
  [
    'unclear with alternatives and certainty',
    'a ?low{word|ward} b',
    'a <span class="emend-unclear emend-editorial" title="Unclear: word or ward (certainty: low)">word</span> b',
    'a <span class="emend-unclear emend-leiden" title="Unclear: word or ward (certainty: low)">ẉọṛḍ</span> b',
  ],
  [
    'illegible gap of 3 letters',
    'a _{3 letters} b',
    'a <span class="emend-gap emend-editorial" title="Gap: 3 letters, illegible">[3 letters illegible]</span> b',
    'a <span class="emend-gap emend-leiden" title="Gap: 3 letters, illegible">...</span> b',
  ],
  [
    'lost gap, about 5 letters',
    'a _lost{ca. 5 letters} b',
    'a <span class="emend-gap emend-editorial" title="Gap: about 5 letters, lost">[about 5 letters lost]</span> b',
    'a <span class="emend-gap emend-leiden" title="Gap: about 5 letters, lost">[ca. 5]</span> b',
  ],
  [
    'lost gap of unknown size',
    'a _lost{} b',
    'a <span class="emend-gap emend-editorial" title="Gap: lost">[lost]</span> b',
    'a <span class="emend-gap emend-leiden" title="Gap: lost">[- - -]</span> b',
  ],
  [
    'illegible gap of 2 words',
    'a _{2 words} b',
    'a <span class="emend-gap emend-editorial" title="Gap: 2 words, illegible">[2 words illegible]</span> b',
    'a <span class="emend-gap emend-leiden" title="Gap: 2 words, illegible">2 words</span> b',
  ],
  [
    'supplied, omitted',
    'a +{was} b',
    'a <span class="emend-supplied emend-editorial emend-supplied-omitted">was</span> b',
    'a <span class="emend-supplied emend-leiden emend-supplied-omitted">was</span> b',
  ],
  [
    'supplied, lost',
    'a +lost{was} b',
    'a <span class="emend-supplied emend-editorial emend-supplied-lost">was</span> b',
    'a <span class="emend-supplied emend-leiden emend-supplied-lost">was</span> b',
  ],
  [
    'note',
    'a %{ink <blot> "here"} b',
    'a <span class="emend-note emend-editorial" title="Note: ink &lt;blot&gt; &quot;here&quot;" tabindex="0" data-note="ink &lt;blot&gt; &quot;here&quot;">✎</span> b',
    'a <span class="emend-note emend-leiden" title="Note: ink &lt;blot&gt; &quot;here&quot;" tabindex="0" data-note="ink &lt;blot&gt; &quot;here&quot;">*</span> b',
  ],
  [
    'page break with number and image',
    'a |page{12 | p12.jpg} b',
    'a <span class="emend-page emend-editorial" title="Page break: page 12 (p12.jpg)">Page 12 · p12.jpg</span> b',
    'a <span class="emend-page emend-leiden" title="Page break: page 12 (p12.jpg)">|12|</span> b',
  ],
  [
    'column break',
    'a |column{2} b',
    'a <span class="emend-column emend-editorial" title="Column break: column 2">Column 2</span> b',
    'a <span class="emend-column emend-leiden" title="Column break: column 2">¦2¦</span> b',
  ],
  [
    'word broken at the line end',
    'hap|-\npy',
    'hap<span class="emend-word-break emend-editorial" title="The word goes on after the line break">-</span>\npy',
    'hap<span class="emend-word-break emend-leiden" title="The word goes on after the line break">-</span>\npy',
  ],
  [
    'insertion in the margin',
    'a ^margin{b} c',
    'a <ins class="emend-add emend-place-margin" title="Insertion: b">b</ins> c',
    'a <ins class="emend-add emend-place-margin" title="Insertion: b">b</ins> c',
  ],
  [
    'insertion below',
    'a ^below{b} c',
    'a <ins class="emend-add emend-place-below" title="Insertion: b">b</ins> c',
    'a <ins class="emend-add emend-place-below" title="Insertion: b">b</ins> c',
  ],
  [
    'insertion over, inline, above',
    '^over{x} ^inline{y} ^above{z}',
    '<ins class="emend-add emend-place-over" title="Insertion: x">x</ins> <ins class="emend-add emend-place-inline" title="Insertion: y">y</ins> <ins class="emend-add emend-place-above" title="Insertion: z">z</ins>',
    '<ins class="emend-add emend-place-over" title="Insertion: x">x</ins> <ins class="emend-add emend-place-inline" title="Insertion: y">y</ins> <ins class="emend-add emend-place-above" title="Insertion: z">z</ins>',
  ],
  [
    'named hand',
    '---\nhands: sec: the secretary\n---\n~~@sec old~~ *@rr x*',
    '<del class="emend-del" title="Deletion: old — Hand: the secretary (sec)" data-hand="sec">old</del> <span class="emend-hand" title="Another hand: x — Hand: rr (not listed in hands:)" data-hand="rr">x</span>',
    '<del class="emend-del" title="Deletion: old — Hand: the secretary (sec)" data-hand="sec">old</del> <span class="emend-hand" title="Another hand: x — Hand: rr (not listed in hands:)" data-hand="rr">x</span>',
  ],
];

for (const [name, source, editorial, leiden] of CASES) {
  test(`${name}: editorial`, () => assert.equal(diplomatic(source, 'editorial'), editorial));
  test(`${name}: leiden`, () => assert.equal(diplomatic(source, 'leiden'), leiden));
}

test('Leiden gap sizes: a dot a letter up to 20, ca. when approximate, - - - when unknown, brackets when lost', () => {
  assert.equal(leidenGap({ quantity: 4, unit: 'char', approximate: false }, false), '....');
  assert.equal(leidenGap({ quantity: 4, unit: 'char', approximate: false }, true), '[....]');
  assert.equal(leidenGap({ quantity: 30, unit: 'char', approximate: false }, true), '[30 letters]');
  assert.equal(leidenGap({ quantity: 5, unit: 'char', approximate: true }, true), '[ca. 5]');
  assert.equal(leidenGap({ atLeast: 2, atMost: 3, unit: 'line', approximate: false }, true), '[2-3 lines]');
  assert.equal(leidenGap({ quantity: 1, unit: 'line', approximate: false }, false), '1 line');
  assert.equal(leidenGap({ approximate: false }, true), '[- - -]');
  assert.equal(leidenGap(null, false), '- - -');
});

test('a double click after a mark finds its word in either style (the place map counts what each shows)', () => {
  const a = analyze('a ?{word} _lost{ca. 5 letters} |page{12 | p12.jpg} end');
  const end = a.source.indexOf('end');
  assert.equal(
    sourceOffsetInView(
      a.doc,
      0,
      'diplomatic',
      'a word [about 5 letters lost] Page 12 · p12.jpg '.length,
      {},
      'editorial',
    ),
    end,
  );
  assert.equal(
    sourceOffsetInView(
      a.doc,
      0,
      'diplomatic',
      `a ${'word'.replace(/./g, (c) => c + '\u0323')} [ca. 5] |12| `.length,
      {},
      'leiden',
    ),
    end,
  );
});

test('a changed sigla style or hands: line renders the diplomatic paragraphs again', () => {
  const cache = new RenderCache();
  const a = analyze('---\nhands: sec: the secretary\n---\n~~@sec old~~ ?{x}');
  const html = (an: typeof a, sigla: Sigla) => renderDocument(an, 'diplomatic', cache, { sigla }).blocks.at(-1)!.html;
  assert.match(html(a, 'editorial'), /emend-unclear emend-editorial/);
  assert.match(html(a, 'leiden'), /emend-unclear emend-leiden/);
  const b = analyze('---\nhands: sec: a clerk\n---\n~~@sec old~~ ?{x}');
  assert.match(html(b, 'leiden'), /Hand: a clerk \(sec\)/);
});
