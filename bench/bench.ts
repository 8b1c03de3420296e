// `npm run bench`: every suite prints rows into one table, ours beside the anchor's from the same run.
// Usage: node out/bench/bench.js [suite...]
import { formatTable, type Row } from './table';
import { parseSuite } from './parse';
import { renderSuite } from './render';
import { collateSuite } from './collate';
import { diagnoseSuite } from './diagnose';
import { editorSuite } from './editor';
import { teiSuite } from './tei';
import { facsimileSuite } from './facsimile';
import { facsimileViewSuite } from './facsimile-view';

export interface Suite {
  name: string;
  run(): Promise<Row[]> | Row[];
}

/** Every suite. Adding one is adding a module (bench/<name>.ts) and a line here. */
const SUITES: Suite[] = [
  parseSuite,
  renderSuite,
  collateSuite,
  diagnoseSuite,
  editorSuite,
  teiSuite,
  facsimileSuite,
  facsimileViewSuite,
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const rows: Row[] = [];
  for (const s of SUITES) {
    if (wanted.length && !wanted.includes(s.name)) continue;
    process.stderr.write(`bench: ${s.name}…\n`);
    rows.push(...(await s.run()));
  }
  console.log(formatTable(rows));
}

void main();
