import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, textOf, XmlError, type XmlElement } from '../../../server/src/core/tei/xml';

function fails(xml: string): string {
  try {
    parseXml(xml);
  } catch (e) {
    assert.ok(e instanceof XmlError);
    return e.message;
  }
  assert.fail(`expected ${JSON.stringify(xml)} to be refused`);
}

test('elements, attributes, text, CDATA, comments and processing instructions', () => {
  const root = parseXml(
    '\ufeff<?xml version="1.0"?>\n<!-- c --><a x="1" y=\'&lt;&#65;&#x42;\'>t<![CDATA[<&>]]><?pi x?><b/>u<!-- d --></a>\n',
  );
  assert.equal(root.name, 'a');
  assert.deepEqual(
    [...root.attrs],
    [
      ['x', '1'],
      ['y', '<AB'],
    ],
  );
  assert.equal(textOf(root), 't<&>u');
  assert.equal((root.children[1] as XmlElement).name, 'b');
});

test('namespaces resolve through prefixes and defaults, scoped to their element', () => {
  const root = parseXml('<t:TEI xmlns:t="urn:t" xmlns="urn:d"><t:p/><q/><r xmlns=""/></t:TEI>');
  assert.deepEqual([root.local, root.ns], ['TEI', 'urn:t']);
  const kids = root.children as XmlElement[];
  assert.deepEqual(
    kids.map((k) => [k.local, k.ns]),
    [
      ['p', 'urn:t'],
      ['q', 'urn:d'],
      ['r', ''],
    ],
  );
  assert.match(fails('<x:a/>'), /the prefix "x" of <x:a> is not declared/);
});

test('attribute values: white space becomes spaces; duplicates and < are refused', () => {
  assert.equal(parseXml('<a v="x\ny\tz"/>').attrs.get('v'), 'x y z');
  assert.equal(parseXml('<a v="x&#10;y"/>').attrs.get('v'), 'x\ny');
  assert.match(fails('<a v="1" v="2"/>'), /the attribute v is given twice/);
  assert.match(fails('<a v="<"/>'), /"<" is not allowed in the value of v/);
  assert.match(fails('<a v=1/>'), /must be in quotes/);
});

test('what is not well-formed is refused with line and column', () => {
  assert.equal(fails('<a>\n  <b></a>'), 'line 2, column 6: </a> does not match <b>');
  assert.equal(fails('<a/><b/>'), 'line 1, column 5: a second root element (a document has exactly one)');
  assert.equal(fails(''), 'line 1, column 1: there is no root element: this is not an XML document');
  assert.match(fails('<a>]]></a>'), /"\]\]>" is not allowed in text/);
  assert.match(fails('<a><!-- x -- y --></a>'), /"--" is not allowed inside a comment/);
  assert.match(fails('<a>&#0;</a>'), /&#0; is not a character XML allows/);
  assert.match(fails('<a>&#xD800;</a>'), /is not a character XML allows/);
  assert.match(fails('<a></a><?xml version="1.0"?>'), /the XML declaration must come first/);
  assert.match(fails('<a><!ELEMENT x ANY></a>'), /unexpected "<!"/);
});

test('a DOCTYPE without an internal subset is skipped unread; one with a subset is refused', () => {
  assert.equal(parseXml('<!DOCTYPE a PUBLIC "-//x//[y]" "a.dtd"><a/>').name, 'a');
  assert.match(fails('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'), /internal subset/);
});

test('the reader is linear: a long text without & or markup, and many siblings', () => {
  const long = parseXml(`<a>${'x'.repeat(2_000_000)}</a>`);
  assert.equal(textOf(long).length, 2_000_000);
  const many = parseXml(`<a>${'<b c="d">e&amp;</b>'.repeat(50_000)}</a>`);
  assert.equal(many.children.length, 50_000);
});
