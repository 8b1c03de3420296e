// Writes the `emend.diagnostics.severity` setting into package.json from the code catalogue
// (server/src/core/severity-setting.ts). Run by `npm run settings` after adding or changing a problem code;
// test/unit/severity-setting.test.ts fails until package.json agrees with the catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { severitySettingSchema } = require(join(root, 'out', 'server', 'src', 'core', 'severity-setting.js'));
const path = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.contributes.configuration.properties['emend.diagnostics.severity'] = severitySettingSchema();
writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log('package.json: emend.diagnostics.severity written from the code catalogue.');
