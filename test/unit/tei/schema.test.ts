// Every export is well-formed and valid against schema/emend-tei.rng, checked by xmllint (Debian libxml2-utils).
// Without xmllint the test skips with a reason, except under CI, where it fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { analyze, parse } from '../../../server/src/core/index';
import { readFacsimile } from '../../../server/src/host/facsimile-files';
import { nodeFiles } from '../../../server/src/host/node';
import { fileUri } from '../../../server/src/host/uris';
import { randomWords } from './facsimile-words';
import { exportTei } from '../../../server/src/core/tei/export';
import { teiOptions } from '../../../server/src/core/tei/options';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SCHEMA = join(ROOT, 'schema', 'emend-tei.rng');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const skip = !hasXmllint && !process.env.CI ? 'xmllint is not installed (apt-get install libxml2-utils)' : false;

function validate(docs: { name: string; xml: string }[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'emend-tei-'));
  try {
    const files = docs.map((d, k) => {
      const f = join(dir, `${k}.xml`);
      writeFileSync(f, d.xml);
      return f;
    });
    const r = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, ...files], { encoding: 'utf8' });
    assert.equal(r.error, undefined, `xmllint could not run: ${r.error?.message}`);
    const names = new Map(files.map((f, k) => [f, docs[k]!.name]));
    const failures = r.stderr
      .split('\n')
      .filter((l) => l && !l.endsWith(' validates'))
      .map((l) => {
        for (const [f, n] of names) l = l.split(f).join(n);
        return l;
      });
    assert.deepEqual(failures, []);
    assert.equal(r.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EDGE_CASES: Record<string, string> = {
  'empty document': '',
  'sample letter': readFileSync(join(ROOT, 'samples', 'reagan-1985-draft.emend'), 'utf8'),
  'full header':
    '---\ntitle: A & B <c>\nauthor: Reagan\nrecipient: Gorbachev\ndate: 1985\nplace: Washington\nsource: draft\n' +
    'repository: Reagan Library\nidno: 12 "x"\ntranscriber: me\nlanguage: en-US\nhands: typist; RR\nlicence: CC-BY\nnote: n\nwitness: w.txt\n---\n\ntext',
  'repository only': '---\nrepository: Library\n---\n\nx',
  'idno only, bad language': '---\nidno: 1\nlanguage: English\n---\n\nx',
  'unclosed marks': '~~a ^{b *c',
  'crossing marks': '~~a ^{b~~ c}',
  'control characters': 'a\u0001b\u0000c\uffff \ud800 x',
  'every mark nested': '~~~a ~~b~~ ^{c *d ~~e~~*} f~~~ ~~g~~ ^{h} ^<i> ~~j~~',
  'line breaks, CRLF': 'one\r\ntwo ~~three\nfour~~\r\nfive',
  'only marks': '~~x~~\n\n^{y}\n\n*z*',
  'editorial marks':
    '---\nhands: rr: Reagan; sec: the secretary; 1x: a digit first\nfacsimile: p1.jpg\n---\n\n' +
    '|page{1 | p1.jpg} ?{word} ?low{word|ward} ?high{a|b|c} _{3 words} _lost{ca. 5 letters} _{2-3 lines} _{line} ' +
    '_{?} _{lots} +{and} +lost{the} +illegible{of} %{a note & <more>} ^below{x} ^margin<y> ^over{z} ^inline{w}\n' +
    '|column{2} bro|-\nken |page{2 | p2.jpg} |page{} ~~@rr old~~ ^@sec{new} *@sec hand* *@1x two* *anon*',
  'editorial marks nested':
    '---\nhands: sec: secretary\n---\n\n~~a _lost{2 words} b~~ ^{?{c|d}} *@sec e %{note} f* +{g ?{h}} ' +
    '~~x ^@sec{y}~~ *@sec a *b* c* ^margin{_{1 word} |page{3}}',
  'unclosed editorial marks': '?{a|b _{3 words +{c %{d |page{4',
};

test('exports of edge cases are valid TEI subset documents', { skip }, () => {
  const options = [
    teiOptions({}).options,
    teiOptions({ hands: 'seg', delRend: '', addPlace: '', lineBreaks: false }).options,
  ];
  validate(
    Object.entries(EDGE_CASES).flatMap(([name, src]) =>
      options.map((o, k) => ({ name: `${name} (options ${k})`, xml: exportTei(parse(src), o).xml })),
    ),
  );
});

test('exports of random documents are valid TEI subset documents', { skip }, () => {
  const chunk = fc.constantFrom(
    'a',
    ' ',
    '\n',
    '~~',
    '~~~',
    '^{',
    '^<',
    '}',
    '>',
    '*',
    '\\',
    '&',
    '<',
    '"',
    'é',
    '\n\n',
    '---\n',
    'title: x\n',
    'hands: a: one; 2: two\n',
    '?{',
    '?low{',
    '|',
    '_{',
    '_lost{ca. 3 words}',
    '+{',
    '+lost{',
    '%{',
    '^margin{',
    '^over<',
    '@a ',
    '@2 ',
    '|page{1 | p.jpg}',
    '|column{',
    '|-',
    '}',
  );
  const docs = fc.sample(
    fc.array(chunk, { maxLength: 40 }).map((xs) => xs.join('')),
    { numRuns: 300, seed: 6 },
  );
  validate(docs.map((src, k) => ({ name: `random ${k}: ${JSON.stringify(src)}`, xml: exportTei(parse(src)).xml })));
});

test('the schema rejects what TEI would reject: a <subst> of two deletions', { skip }, () => {
  const bad = exportTei(parse('~~a~~ ^{b}')).xml.replace('<add place="above">b</add>', '<del>b</del>');
  const dir = mkdtempSync(join(tmpdir(), 'emend-tei-'));
  try {
    const f = join(dir, 'bad.xml');
    writeFileSync(f, bad);
    const r = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, f], { encoding: 'utf8' });
    assert.notEqual(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'exports with a facsimile are valid: edge cases and random documents with words at random places',
  { skip },
  async () => {
    const kant = join(ROOT, 'samples', 'kant-1784', 'kant-1784-p484.emend');
    const analysis = analyze(readFileSync(kant, 'utf8'));
    const facsimile = await readFacsimile(nodeFiles, analysis, fileUri(dirname(kant)));
    assert.ok(facsimile && facsimile.errors.length === 0);
    const docs = [{ name: 'Kant sample', xml: exportTei(analysis.doc, undefined, facsimile).xml }];
    const options = [teiOptions({}).options, teiOptions({ hands: 'seg', lineBreaks: false }).options];
    Object.entries(EDGE_CASES).forEach(([name, src], k) =>
      options.forEach((o, n) =>
        docs.push({ name: `${name} (options ${n})`, xml: exportTei(parse(src), o, randomWords(src, k)).xml }),
      ),
    );
    docs.push({ name: 'header image only', xml: exportTei(parse('---\nfacsimile: a b.jpg\n---\nx')).xml });
    const chunk = fc.constantFrom('a', 'b ', ' ', '\n', '~~', '~~~', '^{', '}', '*', '\\*', '&', 'é');
    fc.sample(
      fc.array(chunk, { maxLength: 30 }).map((xs) => xs.join('')),
      { numRuns: 100, seed: 18 },
    ).forEach((src, k) =>
      docs.push({
        name: `random ${k}: ${JSON.stringify(src)}`,
        xml: exportTei(parse(src), undefined, randomWords(src, k + 1)).xml,
      }),
    );
    const wrapped = docs.filter((d) => d.xml.includes('<w facs=')).length;
    assert.ok(wrapped > 30, `only ${wrapped} exports hold a <w>`);
    validate(docs);
  },
);
