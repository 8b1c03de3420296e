// The severity setting in package.json is made from the code catalogue (`npm run settings`): every code, with its
// levels, default, one-line summary and documentation link, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applySeverities,
  CODES,
  groupOf,
  helpLink,
  HELP_COMMAND,
  severityOf,
  severitySettingSchema,
  type CodeInfo,
  type Problem,
} from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const setting = pkg.contributes.configuration.properties['emend.diagnostics.severity'];

test('package.json holds exactly the setting made from the catalogue (run `npm run settings` after changing codes.ts)', () => {
  assert.deepEqual(setting, severitySettingSchema());
});

test('each code has its levels, its default, its one-line summary and a link to its documentation', () => {
  assert.equal(setting.additionalProperties, false);
  assert.deepEqual(Object.keys(setting.properties), Object.keys(CODES));
  for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
    const p = setting.properties[code];
    assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error'], code);
    assert.equal(p.enumDescriptions.length, 5, code);
    if (info.members) assert.equal(p.default, undefined, `${code} is a group: it has no level of its own`);
    else assert.equal(p.default, info.severity, code);
    assert.ok(p.markdownDescription.startsWith(info.summary), code);
    assert.ok(p.markdownDescription.includes(`(${helpLink(code)})`), code);
    assert.ok(setting.markdownDescription.includes(`[\`${code}\`](${helpLink(code)})`), `${code} in the overview`);
  }
});

test('the documentation link runs the help command with the code as its one argument', () => {
  const link = helpLink('empty-mark');
  assert.ok(link.startsWith(`command:${HELP_COMMAND}?`));
  assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), ['empty-mark']);
  assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === HELP_COMMAND));
});

test('a level set for witness-variant applies to each kind of variant not set on its own', () => {
  assert.equal(groupOf('witness-misreading'), 'witness-variant');
  assert.equal(groupOf('witness-misplaced-insertion'), undefined);
  assert.equal(severityOf('witness-misreading'), 'off');
  assert.equal(severityOf('witness-misreading', { 'witness-variant': 'hint' }), 'hint');
  assert.equal(
    severityOf('witness-misreading', { 'witness-variant': 'hint', 'witness-misreading': 'warning' }),
    'warning',
  );
  assert.equal(severityOf('witness-misplaced-insertion', { 'witness-variant': 'off' }), 'warning');
  const p = (code: string): Problem => ({ code, severity: 'information', message: '', start: 0, end: 0, fixes: [] });
  assert.deepEqual(
    applySeverities([p('witness-misreading'), p('witness-substitution'), p('empty-mark')]).map((q) => [
      q.code,
      q.severity,
    ]),
    [
      ['witness-substitution', 'information'],
      ['empty-mark', 'warning'],
    ],
  );
  assert.deepEqual(
    applySeverities([p('witness-misreading'), p('witness-substitution')], { 'witness-variant': 'off' }),
    [],
  );
});
