// The Witness Findings list's pure half (client/src/collate/findings-model.ts): groups in order, counts that say how
// many remain, and Next/Previous Finding over what the editor shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counts, describeCounts, groupItems, stepFrom } from '../../client/src/collate/findings-model';
import type { FindingItem } from '../../server/src/protocol';

function item(group: string, line: number, level: FindingItem['level'] = 'information'): FindingItem {
  return {
    code: `witness-${group}`,
    group,
    level,
    range: { start: { line, character: 2 }, end: { line, character: 6 } },
    label: `${group} ${line}`,
    message: '',
    witnessLine: line,
    fixes: [],
  };
}

const ITEMS = [
  item('misreading', 1, 'off'),
  item('substitution', 2),
  item('finding', 3, 'warning'),
  item('paratext', 4, 'off'),
  item('omission', 5),
  item('finding', 7, 'warning'),
];

test('findings first, then each kind present; kinds the editor hides last, closed and saying so', () => {
  assert.deepEqual(
    groupItems(ITEMS).map((g) => [g.title, g.expanded, g.items.length]),
    [
      ['2 findings to act on', true, 2],
      ['1 substitution: other words', true, 1],
      ['1 omission: lacking in the witness', true, 1],
      ['1 misreading (hidden in the editor)', false, 1],
      ['1 running head or page number (hidden in the editor)', false, 1],
    ],
  );
});

test('the counts say how many remain to act on, shown and hidden', () => {
  assert.deepEqual(counts(ITEMS), { toActOn: 2, shown: 2, hidden: 2 });
  assert.equal(describeCounts(ITEMS), '2 to act on · 2 variants · 2 hidden in the editor');
  assert.equal(describeCounts([item('substitution', 1)]), '0 to act on · 1 variant');
});

test('Next Finding goes to the next item the editor shows, and round from the end', () => {
  const next = stepFrom(ITEMS, { line: 2, character: 4 }, 1)!;
  assert.deepEqual([next.item.label, next.index, next.of, next.wrapped], ['finding 3', 1, 4, false]);
  const round = stepFrom(ITEMS, { line: 9, character: 0 }, 1)!;
  assert.deepEqual([round.item.label, round.wrapped], ['substitution 2', true]);
});

test('Previous Finding goes to the last shown item before the place, skipping hidden ones, and round', () => {
  assert.equal(stepFrom(ITEMS, { line: 5, character: 0 }, -1)!.item.label, 'finding 3');
  const round = stepFrom(ITEMS, { line: 0, character: 0 }, -1)!;
  assert.deepEqual([round.item.label, round.wrapped], ['finding 7', true]);
  assert.equal(stepFrom([item('misreading', 1, 'off')], { line: 0, character: 0 }, 1), null);
});
