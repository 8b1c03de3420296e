// The Analysis keeps one reading per kind and per reading options: a setting changed between two requests gives
// the other reading, never the cached one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/index';

test('Analysis.reading is keyed by the options, and defaults to those the analysis was made with', () => {
  const a = analyze('I +{am} _{2 words} sure.');
  assert.equal(a.reading('final').text, 'I [am] […] sure.');
  assert.equal(a.reading('final', { supplied: 'plain', gap: 'description' }).text, 'I am [2 words illegible] sure.');
  assert.equal(a.reading('final', { gap: 'description' }).text, 'I [am] [2 words illegible] sure.');
  assert.equal(a.reading('final').text, 'I [am] […] sure.');
  assert.equal(a.reading('draft', { supplied: 'plain' }).text, 'I am […] sure.');
  const b = analyze('I +{am} _{2 words} sure.', { supplied: 'plain' });
  assert.equal(b.reading('final').text, 'I am […] sure.');
  assert.equal(b.reading('final', {}).text, 'I [am] […] sure.');
});
