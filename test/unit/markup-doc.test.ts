// docs/markup.md is the reference transcribers learn from: its example tables are checked against the code here,
// so the document and the parser cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODES, isProblemCode, parse, preferredFix, reading } from '../../server/src/core/index';
import { applyEdits } from './edits';
import { cell, CODE_TABLE_HEADER, tables } from './doc-tables';

const examples = tables('| you write | draft | final |');
const problemExamples = tables('| you write | problem | its fix gives |');
const codeTable = tables(CODE_TABLE_HEADER);

test('docs/markup.md has reading examples, problem examples and the code table', () => {
  assert.ok(examples.length >= 40, `found ${examples.length} reading examples`);
  assert.ok(problemExamples.length >= 10);
  assert.ok(codeTable.length >= 10);
});

for (const [source, draft, final] of examples) {
  test(`markup.md example ${source}`, () => {
    const d = parse(cell(source!));
    assert.deepEqual(
      { draft: reading(d, 'draft').text, final: reading(d, 'final').text, problems: d.problems.map((p) => p.code) },
      { draft: cell(draft!), final: cell(final!), problems: [] },
    );
  });
}

for (const [source, code, fixed] of problemExamples) {
  test(`markup.md problem example ${source} gives ${code}, and its fix ${fixed}`, () => {
    const src = cell(source!);
    const problems = parse(src).problems;
    assert.deepEqual(
      problems.map((p) => p.code),
      [cell(code!)],
    );
    const fix = preferredFix(problems[0]!);
    assert.equal(fix ? applyEdits(src, fix.edits) : '*(no fix)*', fixed === '*(no fix)*' ? fixed : cell(fixed!));
  });
}

test('every code in the problems table exists with the severity the table gives', () => {
  for (const [code, severity] of codeTable) {
    const c = cell(code!);
    assert.ok(isProblemCode(c), `${c} is not in core/codes.ts`);
    assert.equal(CODES[c].severity, severity, c);
  }
});

test('every problem example names a code of the table, and every code of the table but the two limits has an example', () => {
  const documented = new Set(codeTable.map(([c]) => cell(c!)));
  const exemplified = new Set(problemExamples.map(([, c]) => cell(c!)));
  for (const c of exemplified) assert.ok(documented.has(c), c);
  for (const c of documented) {
    if (c === 'nesting-too-deep' || c === 'too-many-problems') continue;
    assert.ok(exemplified.has(c), `no example for ${c}`);
  }
});
