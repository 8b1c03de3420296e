// Bad input never crashes the TEI code: import answers every string with markup or an error, and export writes
// well-formed XML for every string (read back by the XML reader), whatever the transcription's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../../server/src/core/index';
import { exportTei } from '../../../server/src/core/tei/export';
import { importTei } from '../../../server/src/core/tei/import';
import { parseXml } from '../../../server/src/core/tei/xml';

const NS = 'http://www.tei-c.org/ns/1.0';
/** Runs per property; EMEND_PROPERTY_RUNS=5000 for a longer search. */
const RUNS = Number(process.env.EMEND_PROPERTY_RUNS) || 400;
const piece = fc.constantFrom(
  '<p>',
  '</p>',
  '<del>',
  '</del>',
  '<add hand="#b">',
  '</add>',
  '<subst>',
  '</subst>',
  '<lb/>',
  '<hi>',
  '</hi>',
  '<handShift new="#b"/>',
  '<handShift new="#a"/>',
  '<seg hand="#b">',
  '</seg>',
  '<choice><sic>a</sic><corr>b</corr></choice>',
  '<mod>',
  '</mod>',
  '<restore>',
  '</restore>',
  '<delSpan spanTo="#x"/>',
  '<addSpan spanTo="#y" hand="#b"/>',
  '<anchor xml:id="x"/>',
  '<anchor xml:id="y"/>',
  '<metamark>^</metamark>',
  '<note>n</note>',
  '<note type="authorial">',
  '</note>',
  '<lb break="no"/>',
  '<space/>',
  '<div>',
  '</div>',
  '<l>',
  '</l>',
  '<pb/>',
  'text',
  ' ',
  '\n',
  '~',
  '*',
  '^{',
  '}',
  '\\',
  '&amp;',
  '&lt;',
  '&',
  '<',
  '<![CDATA[x]]>',
  '<!-- c -->',
  '<?pi?>',
  '<x:y xmlns:x="u">',
  '</x:y>',
  '&#0;',
  '&#x10FFFF;',
  '\u0000',
  '\ud800',
);

test('import answers any TEI-like soup with markup or an error, never a throw (property)', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (pieces, preserve) => {
      const xml =
        `<TEI xmlns="${NS}"><teiHeader><profileDesc><handNotes><handNote xml:id="a"/><handNote xml:id="b"/></handNotes></profileDesc></teiHeader>` +
        `<text><body${preserve ? ' xml:space="preserve"' : ''}>${pieces.join('')}</body></text></TEI>`;
      const r = importTei(xml);
      if (r.ok) {
        const doc = parse(r.markup);
        assert.deepEqual(
          doc.problems.filter((p) => p.severity === 'error').map((p) => p.message),
          [],
          r.markup,
        );
      } else {
        assert.ok(r.error.length > 0);
      }
    }),
    { numRuns: RUNS },
  );
});

test('import answers arbitrary strings with an error or markup, never a throw (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const r = importTei(s);
      assert.ok(r.ok ? typeof r.markup === 'string' : r.error.length > 0);
    }),
    { numRuns: RUNS },
  );
});

test('export writes well-formed XML for any text, marks or not (property)', () => {
  const chunk = fc.oneof(
    fc.constantFrom('~~', '~~~', '^{', '^<', '}', '>', '*', '\\', '\n', '\n\n', '---\n', 'title: t\n', '&', '<'),
    fc.string({ unit: 'binary', maxLength: 5 }),
  );
  fc.assert(
    fc.property(fc.array(chunk, { maxLength: 40 }), (chunks) => {
      const xml = exportTei(parse(chunks.join(''))).xml;
      assert.equal(parseXml(xml).local, 'TEI');
    }),
    { numRuns: RUNS },
  );
});
