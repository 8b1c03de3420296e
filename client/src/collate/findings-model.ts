// The pure half of the Witness Findings list (findings-view.ts): how the server's review is grouped and counted,
// and which item Next/Previous Finding goes to. No vscode here, so the unit tests cover it.
import type { FindingItem, PositionParam } from '../../../server/src/protocol';

export interface GroupInfo {
  /** The group's heading, given its count. */
  title(n: number): string;
  /** Open in the list at first. */
  expanded: boolean;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The groups in the list's order (core/collate/review.ts's REVIEW_GROUPS), with their headings. */
export const GROUPS: ReadonlyArray<[string, GroupInfo]> = [
  ['finding', { title: (n) => plural(n, 'finding to act on', 'findings to act on'), expanded: true }],
  [
    'substitution',
    { title: (n) => plural(n, 'substitution: other words', 'substitutions: other words'), expanded: true },
  ],
  [
    'omission',
    {
      title: (n) => plural(n, 'omission: lacking in the witness', 'omissions: lacking in the witness'),
      expanded: true,
    },
  ],
  [
    'addition',
    { title: (n) => plural(n, 'addition: only in the witness', 'additions: only in the witness'), expanded: true },
  ],
  [
    'repetition',
    { title: (n) => plural(n, 'repetition in the witness', 'repetitions in the witness'), expanded: true },
  ],
  [
    'transposition',
    {
      title: (n) => plural(n, 'transposition: elsewhere in the witness', 'transpositions: elsewhere in the witness'),
      expanded: true,
    },
  ],
  ['misreading', { title: (n) => plural(n, 'misreading', 'misreadings'), expanded: false }],
  [
    'paratext',
    { title: (n) => plural(n, 'running head or page number', 'running heads and page numbers'), expanded: false },
  ],
];

export interface Group {
  group: string;
  title: string;
  expanded: boolean;
  /** Every item of the group is off in the editor. */
  hidden: boolean;
  items: FindingItem[];
}

/** The review as the list shows it: one group per kind present, in GROUPS' order, items in the document's order. */
export function groupItems(items: readonly FindingItem[]): Group[] {
  const out: Group[] = [];
  for (const [group, info] of GROUPS) {
    const mine = items.filter((i) => i.group === group);
    if (mine.length === 0) continue;
    const hidden = mine.every((i) => i.level === 'off');
    out.push({
      group,
      title: info.title(mine.length) + (hidden ? ' (hidden in the editor)' : ''),
      expanded: info.expanded && !hidden,
      hidden,
      items: mine,
    });
  }
  return out;
}

/** How many findings remain to act on, and how many variants the editor shows and hides. */
export function counts(items: readonly FindingItem[]): { toActOn: number; shown: number; hidden: number } {
  let toActOn = 0,
    shown = 0,
    hidden = 0;
  for (const i of items) {
    if (i.level === 'off') hidden++;
    else if (i.group === 'finding') toActOn++;
    else shown++;
  }
  return { toActOn, shown, hidden };
}

/** The list's description: `4 to act on · 74 variants · 118 hidden in the editor`. */
export function describeCounts(items: readonly FindingItem[]): string {
  const c = counts(items);
  const parts = [`${c.toActOn.toLocaleString('en')} to act on`, plural(c.shown, 'variant', 'variants')];
  if (c.hidden) parts.push(`${c.hidden.toLocaleString('en')} hidden in the editor`);
  return parts.join(' · ');
}

function before(a: PositionParam, b: PositionParam): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * The item Next (or Previous) Finding goes to from `position`: among the items the editor shows, the first that
 * starts after it (the last that starts before it), going round at the end. Null when the editor shows none.
 */
export function stepFrom(
  items: readonly FindingItem[],
  position: PositionParam,
  direction: 1 | -1,
): { item: FindingItem; index: number; of: number; wrapped: boolean } | null {
  const shown = items.filter((i) => i.level !== 'off');
  if (shown.length === 0) return null;
  let index: number;
  let wrapped = false;
  if (direction === 1) {
    index = shown.findIndex((i) => before(position, i.range.start));
    if (index < 0) {
      index = 0;
      wrapped = true;
    }
  } else {
    index = -1;
    for (let k = shown.length - 1; k >= 0; k--)
      if (before(shown[k]!.range.start, position)) {
        index = k;
        break;
      }
    if (index < 0) {
      index = shown.length - 1;
      wrapped = true;
    }
  }
  return { item: shown[index]!, index, of: shown.length, wrapped };
}
