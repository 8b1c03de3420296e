// The preview's stylesheet (media/preview.css) and the exported page's (PAGE_CSS) must style every class the
// renderer writes, or one of them shows a mark as plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, renderDocument, PAGE_CSS, VIEW_IDS } from '../../server/src/core/index';

const SAMPLE =
  '---\ntitle: T\ndate: 1985\n---\n~~a~~ ^{b} *c* ~~d~~ ^{e} ^{unclosed\n\n~~gone~~\n\n' +
  '?{x|y} _{2 words} _lost{} +{s} +lost{t} %{n} |page{1 | a.jpg} |column{2} hap|-\npy ' +
  '^margin{m} ^below{w} ^over{o} ^inline{i} ^above{v}';

function renderedClasses(): Set<string> {
  const classes = new Set<string>();
  for (const [view, sigla] of [...VIEW_IDS.map((v) => [v, 'editorial'] as const), ['diplomatic', 'leiden'] as const]) {
    for (const b of renderDocument(analyze(SAMPLE), view, undefined, { sigla }).blocks) {
      for (const m of b.html.matchAll(/class="([^"]*)"/g)) for (const c of m[1]!.split(' ')) classes.add(c);
    }
  }
  classes.add('emend-empty-document');
  return classes;
}

test('the renderer writes the classes the stylesheets expect', () => {
  const classes = renderedClasses();
  for (const c of [
    'emend-del',
    'emend-add',
    'emend-hand',
    'emend-subst',
    'emend-unclosed',
    'emend-changed-del',
    'emend-changed-add',
    'emend-col-empty',
    'emend-header',
    'emend-unclear',
    'emend-gap',
    'emend-note',
    'emend-page',
    'emend-column',
    'emend-supplied-lost',
    'emend-supplied-omitted',
    'emend-leiden',
    'emend-editorial',
    'emend-place-margin',
    'emend-place-below',
  ])
    assert.ok(classes.has(c), c);
});

for (const [name, css] of [
  ['media/preview.css', readFileSync('media/preview.css', 'utf8')],
  ['PAGE_CSS', PAGE_CSS],
] as const) {
  test(`${name} styles every class the renderer writes`, () => {
    const missing = [...renderedClasses()].filter(
      (c) => c !== 'emend-block' && c !== 'emend-view-' && !css.includes(`.${c}`),
    );
    assert.deepEqual(missing, []);
  });
}
