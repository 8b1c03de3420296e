// Hostile documents: whatever a transcription contains comes out of every view as text, never as markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, renderDocument, renderPage, VIEW_IDS, PAGE_CSP } from '../../server/src/core/index';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</style><script>alert(2)</script>',
  '[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>',
  '" onmouseover="alert(5)" x=\' y=\'',
  '<!-- comment --> <![CDATA[ x ]]> &lt;already&gt; &#x3c;',
  '<svg/onload=alert(6)> <iframe srcdoc="<script>alert(7)</script>">',
];

/** Tags and attributes the renderer itself writes; anything else in the output came from the document. */
const OWN_TAG =
  /^<\/?(p|del|ins|span|mark|div|header|h1|dl|dt|dd)((?: (?:class|title|data-line|data-line-end|data-key|data-field|aria-label)="[^"<>]*")*)>/;

/** Checks every tag is one of ours and returns the text between tags, unescaped. */
function textOf(html: string): string {
  let text = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const m = OWN_TAG.exec(html.slice(lt));
    assert.ok(m, `unexpected markup at ${JSON.stringify(html.slice(lt, lt + 60))}`);
    i = lt + m[0].length;
  }
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

for (const view of VIEW_IDS) {
  test(`${view}: hostile text in plain text comes out as text`, () => {
    for (const h of HOSTILE) {
      const html = renderDocument(analyze(h), view)
        .blocks.filter((b) => b.line !== null)
        .map((b) => b.html)
        .join('');
      const text = textOf(html);
      assert.ok(text.includes(h.replace(/\\/g, '')) || view === 'side-by-side', `${view}: ${text}`);
      if (view === 'side-by-side') assert.equal(text, h + h);
    }
  });

  test(`${view}: hostile text inside marks, hands and the header comes out as text`, () => {
    const src =
      '---\ntitle: </title><script>alert(1)</script>\nnote: " onload="x\n---\n' +
      '~~<script>a()</script>~~ ^{<img src=x onerror=b()>} *<b onclick="c()">hand</b>* ^<"\'>';
    const blocks = renderDocument(analyze(src), view).blocks;
    const all = blocks.map((b) => b.html).join('');
    textOf(all);
    assert.doesNotMatch(all, /<script|<img|<b |onclick="|onerror="/i);
    assert.match(all, /&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
}

test('titles (revision summaries) are escaped inside their attribute', () => {
  const html = renderDocument(analyze('~~" onmouseover="alert(1)~~'), 'diplomatic').blocks[0]!.html;
  assert.match(html, /title="Deletion: &quot; onmouseover=&quot;alert\(1\)"/);
  textOf(html);
});

test('the exported page has a CSP forbidding scripts, one style element and no script element', () => {
  for (const view of VIEW_IDS) {
    const page = renderPage(analyze(HOSTILE.join('\n\n') + '\n\n~~</style>~~'), view, {
      fallbackTitle: '</title><script>x</script>',
    });
    assert.match(
      page,
      new RegExp(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP.replace(/[()]/g, '\\$&')}">`),
    );
    assert.doesNotMatch(PAGE_CSP, /script-src|unsafe-eval/);
    assert.match(PAGE_CSP, /default-src 'none'/);
    assert.doesNotMatch(page, /<script/i);
    assert.equal(page.split('</style>').length, 2, "only the page's own </style>");
    assert.equal(page.split('</title>').length, 2, "only the page's own </title>");
    const body = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    textOf(body.slice(body.indexOf('>') + 1));
  }
});

test('binary junk renders without throwing and without raw control markup', () => {
  let junk = '';
  for (let i = 0; i < 4096; i++) junk += String.fromCharCode((i * 7919) % 65536);
  for (const view of VIEW_IDS) {
    const html = renderDocument(analyze(junk), view)
      .blocks.map((b) => b.html)
      .join('');
    textOf(html);
    assert.ok(!html.includes('\0'));
  }
});
