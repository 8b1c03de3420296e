// `npm start` = build + package + this: opens Emend in a real VS Code (see scripts/vscode/start.ts; `npm start -- --help`).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { main } = require('../out/scripts/vscode/start.js');
main(process.argv.slice(2)).catch((e) => {
  console.error(`npm start: ${e?.stack ?? e}`);
  process.exit(1);
});
