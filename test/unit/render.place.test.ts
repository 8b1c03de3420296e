// A double click in the preview goes to the word clicked (core/render/place.ts): every character a view shows maps
// back to the source character it shows, checked against the views' own HTML as the preview's text content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findView, RenderCache, sourceOffsetInView, type PlaceView } from '../../server/src/core/index';

/** The text content of an element's inner HTML, as the browser gives it (tags dropped, entities read). */
function textContent(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    if (html[i] === '<') {
      i = html.indexOf('>', i) + 1;
      continue;
    }
    if (html[i] === '&') {
      const end = html.indexOf(';', i);
      const entity = html.slice(i + 1, end);
      out += ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as Record<string, string>)[entity] ?? '?';
      i = end + 1;
      continue;
    }
    out += html[i++];
  }
  return out;
}

const SAMPLES = [
  'Please ^{convey} give regards.',
  'We must ~~eliminate~~ ^{relieve} the concerns, signed *Gorbachev* here.',
  'a ~~~b ~~c~~ d~~~ e\\} f ^<g> h',
  'two\nlines ~~in~~ one ^{para}graph',
];

for (const view of ['diplomatic', 'draft', 'final'] as const) {
  test(`every character the ${view} view shows maps back to the same character in the source`, () => {
    for (const src of SAMPLES) {
      const analysis = analyze(src);
      const block = findView(view)!.blocks({ analysis, cache: new RenderCache() })[0]!;
      const shown = textContent(block.html.replace(/^<[^>]*>/, '').replace(/<\/[a-z]+>$/, ''));
      for (let k = 0; k < shown.length; k++) {
        const at = sourceOffsetInView(analysis.doc, 0, view as PlaceView, k);
        assert.equal(src[at], shown[k], `${view} of ${JSON.stringify(src)}, character ${k} (${shown[k]}) → ${at}`);
      }
    }
  });
}

test('a place past the text, or in an empty reading, stays in the paragraph', () => {
  const src = 'one\n\n~~gone~~\n\nthree';
  const analysis = analyze(src);
  const [, gone] = analysis.doc.paragraphs;
  assert.equal(sourceOffsetInView(analysis.doc, 1, 'diplomatic', 99), gone!.end);
  const inFinal = sourceOffsetInView(analysis.doc, 1, 'final', 3);
  assert.ok(inFinal >= gone!.start && inFinal <= gone!.end);
});
