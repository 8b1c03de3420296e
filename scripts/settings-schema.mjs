// Writes the generated settings into package.json: `emend.diagnostics.severity` from the code catalogue
// (server/src/core/severity-setting.ts) and `emend.readings.*` from the reading options (core/reading-settings.ts).
// Run by `npm run settings` after adding or changing a problem code or a reading option;
// test/unit/severity-setting.test.ts and reading-settings.test.ts fail until package.json agrees.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { severitySettingSchema } = require(join(root, 'out', 'server', 'src', 'core', 'severity-setting.js'));
const { readingSettingsSchema } = require(join(root, 'out', 'server', 'src', 'core', 'reading-settings.js'));
const path = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8'));
const properties = pkg.contributes.configuration.properties;
for (const [name, schema] of Object.entries(readingSettingsSchema())) properties[name] = schema;
properties['emend.diagnostics.severity'] = severitySettingSchema();
writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json: emend.diagnostics.severity and emend.readings.* written.');
