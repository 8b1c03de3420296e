// `npm start` = build + package + this: opens Emend in a real VS Code (see scripts/vscode/start.ts; `npm start -- --help`).
// `npm start -- --smoke` checks the same headless instead (scripts/vscode/smoke.ts).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const { main } = argv.includes('--smoke')
  ? require('../out/scripts/vscode/smoke.js')
  : require('../out/scripts/vscode/start.js');
main(argv).catch((e) => {
  console.error(`npm start: ${e?.stack ?? e}`);
  process.exit(1);
});
