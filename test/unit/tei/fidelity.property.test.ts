// On generated TEI (paragraphs and lines of words, white space and line breaks, deletions, additions, <subst> and
// <mod>, spans to anchors, restorations, hands, notes, metamarks, choices), the draft and final readings of the
// imported markup equal those the evaluator of ./tree-readings.ts computes from the TEI tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, reading } from '../../../server/src/core/index';
import { importTei } from '../../../server/src/core/tei/import';
import { parseXml } from '../../../server/src/core/tei/xml';
import { treeReading, words } from './tree-readings';

/** Runs per property; EMEND_PROPERTY_RUNS=5000 for a longer search. */
const RUNS = Number(process.env.EMEND_PROPERTY_RUNS) || 300;
const NS = 'http://www.tei-c.org/ns/1.0';
const HEADER =
  '<teiHeader><profileDesc><handNotes><handNote xml:id="a"/><handNote xml:id="b"/></handNotes></profileDesc></teiHeader>';

const word = fc.constantFrom('a', 'bc', 'Wort', 'é', 'x,', 'y.', '“q”', '&amp;', '1819', 'th', 'ese');
const space = fc.constantFrom(' ', '  ', '\n   ', '\t', '');
const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(space, word, space).map((p) => p.join('')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<lb/>', '\n<lb/>', '<pb n="2"/>', '<gap/>', '<space/>'),
  },
  // A line break inside a word stands between its parts (white space beside it is layout).
  { weight: 1, arbitrary: fc.constantFrom(' th<lb break="no"/>ese ', ' Wo\n  <lb break="no"/>rt ') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<metamark>^</metamark>', '<note>ed.</note>', '<note type="authorial">?</note>'),
  },
  { weight: 1, arbitrary: fc.constantFrom('<handShift new="#b"/>', '<handShift new="#a"/>') },
);

/** Inline content, `depth` marks deep at most; `ids` hands out the anchor names of spans. */
function inline(depth: number, ids: { next: number }): fc.Arbitrary<string> {
  const seq = (d: number): fc.Arbitrary<string> =>
    fc
      .array(d <= 0 ? leaf : fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 3, arbitrary: mark(d) }), {
        maxLength: 5,
      })
      .map((xs) => xs.join(''));
  const mark = (d: number): fc.Arbitrary<string> =>
    fc.oneof(
      seq(d - 1).map((s) => `<del>${s}</del>`),
      seq(d - 1).map((s) => `<add>${s}</add>`),
      seq(d - 1).map((s) => `<add hand="#b">${s}</add>`),
      fc
        .tuple(seq(d - 1), seq(d - 1), space, fc.constantFrom('subst', 'mod'))
        .map(([x, y, sp, g]) => `<${g}>${sp}<del>${x}</del>${sp}<add>${y}</add>${sp}</${g}>`),
      seq(d - 1).map((s) => `<restore><del>${s}</del></restore>`),
      seq(d - 1).map((s) => `<del>${s}<restore>${s}</restore></del>`),
      seq(d - 1).map((s) => `<hi>${s}</hi>`),
      fc.tuple(seq(d - 1), seq(d - 1)).map(([x, y]) => `<choice><orig>${x}</orig><reg>${y}</reg></choice>`),
      fc.tuple(fc.constantFrom('delSpan', 'addSpan'), seq(d - 1)).map(([kind, s]) => {
        const id = `s${ids.next++}`;
        return `<${kind} spanTo="#${id}"/>${s}<anchor xml:id="${id}"/>`;
      }),
    );
  return seq(depth);
}

const body = fc
  .array(
    fc
      .tuple(fc.constantFrom('p', 'l', 'head'), fc.constant(null))
      .chain(([block]) =>
        inline(3, { next: 0 }).map((s) =>
          block === 'l' ? `<lg><l>${s}</l><l>${s}</l></lg>` : `<${block}>${s}</${block}>`,
        ),
      ),
    { minLength: 1, maxLength: 3 },
  )
  .map((ps) => ps.join('\n'));

test('imported draft and final equal the TEI tree’s own on generated TEI (property)', () => {
  fc.assert(
    fc.property(body, (b) => {
      // Each span and its anchor get an id of their own (the generator nests them, and may repeat a stretch).
      let next = 0;
      const open: string[] = [];
      const unique = b.replace(/spanTo="#s\d+"|xml:id="s\d+"/g, (m) => {
        if (m.startsWith('spanTo')) {
          open.push(`t${next++}`);
          return `spanTo="#${open[open.length - 1]}"`;
        }
        return `xml:id="${open.pop()}"`;
      });
      const xml = `<TEI xmlns="${NS}">${HEADER}<text><body>${unique}</body></text></TEI>`;
      const r = importTei(xml);
      if (!r.ok) {
        assert.match(r.error, /more than 100 deep/);
        return;
      }
      const doc = parse(r.markup);
      assert.deepEqual(
        doc.problems.filter((p) => p.severity === 'error').map((p) => p.message),
        [],
        r.markup,
      );
      const tree = parseXml(xml);
      for (const kind of ['draft', 'final'] as const) {
        assert.equal(words(reading(doc, kind).text), words(treeReading(tree, kind)), `${kind}\n${xml}\n${r.markup}`);
      }
    }),
    { numRuns: RUNS },
  );
});
