// `emend.readings.supplied` / `.gap`: package.json holds the settings made in core/reading-settings.ts
// (`npm run settings`), a setting left at `default` lets the project file speak, and the views render with the options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  readingChoices,
  readingSettingChoices,
  readingSettingsSchema,
  RenderCache,
  renderDocument,
  sourceOffsetInView,
} from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('package.json holds the emend.readings settings made by core/reading-settings.ts (run `npm run settings`)', () => {
  const schema = readingSettingsSchema();
  assert.deepEqual(Object.keys(schema), ['emend.readings.supplied', 'emend.readings.gap']);
  for (const [name, s] of Object.entries(schema)) {
    assert.deepEqual(pkg.contributes.configuration.properties[name], s, name);
  }
  assert.deepEqual(schema['emend.readings.supplied']!.enum, ['default', 'brackets', 'plain']);
  assert.deepEqual(schema['emend.readings.gap']!.enum, ['default', 'ellipsis', 'description']);
  assert.equal(schema['emend.readings.gap']!.scope, 'resource');
});

test('a setting at default makes no choice; a choice is taken; anything else is reported and ignored', () => {
  assert.deepEqual(readingSettingChoices({ supplied: 'default', gap: 'default' }), { choices: {}, errors: [] });
  assert.deepEqual(readingSettingChoices(undefined), { choices: {}, errors: [] });
  assert.deepEqual(readingSettingChoices({ supplied: 'plain', gap: 'description' }), {
    choices: { supplied: 'plain', gap: 'description' },
    errors: [],
  });
  assert.deepEqual(readingSettingChoices({ supplied: 'none', gap: 'ellipsis' }), {
    choices: { gap: 'ellipsis' },
    errors: ['emend.readings.supplied must be one of default, brackets, plain'],
  });
});

test('precedence: the project file, then the user setting on top, option by option', () => {
  assert.deepEqual(readingChoices({ supplied: 'plain', gap: 'description' }, {}), {
    supplied: 'plain',
    gap: 'description',
  });
  assert.deepEqual(readingChoices({ supplied: 'plain', gap: 'description' }, { supplied: 'brackets' }), {
    supplied: 'brackets',
    gap: 'description',
  });
  assert.deepEqual(readingChoices(undefined, { gap: 'description' }), { gap: 'description' });
});

test('withOptions shares the parse and readings, and changes only the default options', () => {
  const a = analyze('I +{am} _{2 words} sure.');
  const b = a.withOptions({ supplied: 'plain', gap: 'description' });
  assert.equal(b.doc, a.doc);
  assert.equal(a.withOptions({}), a);
  assert.equal(b.reading('final').text, 'I am [2 words illegible] sure.');
  assert.equal(a.reading('final').text, 'I [am] […] sure.');
  assert.equal(b.reading('final', {}), a.reading('final'));
});

test('the reading views render with the analysis options, and a changed option renders the paragraph again', () => {
  const a = analyze('I +{am} _{2 words} sure.');
  const cache = new RenderCache();
  const html = (an: typeof a, view: string) => renderDocument(an, view, cache).blocks.at(-1)!.html;
  assert.equal(
    html(a, 'final'),
    '<p class="emend-block emend-p" data-line="0" data-line-end="0" data-key="final-1">I <span class="emend-supplied">[am]</span> […] sure.</p>',
  );
  const plain = a.withOptions({ supplied: 'plain', gap: 'description' });
  assert.equal(
    html(plain, 'final'),
    '<p class="emend-block emend-p" data-line="0" data-line-end="0" data-key="final-plain-description-2">I <span class="emend-supplied">am</span> [2 words illegible] sure.</p>',
  );
  assert.match(html(plain, 'side-by-side'), /I <span class="emend-supplied">am<\/span> \[2 words illegible\] sure\./);
  // A double click on "sure" in the final view of the plain reading finds "sure" in the source.
  const source = a.source;
  const inView = 'I am [2 words illegible] '.length;
  assert.equal(sourceOffsetInView(a.doc, 0, 'final', inView, plain.options), source.indexOf('sure'));
});
