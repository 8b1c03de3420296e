// The tree import builds from the TEI and writes as markup: text, line breaks, deletions, insertions, substitutions
// and stretches in another hand. Each piece of text knows whether it is in the main hand or another one, and which
// <delSpan>/<addSpan> ranges it lies in (./spans.ts turns those into marks).

/** The <delSpan>s and <addSpan>s open where a piece of text stands, outermost (first opened) first. */
export type SpanKinds = readonly ('del' | 'add')[];

export interface TextLeaf {
  kind: 'text';
  text: string;
  /** In a hand other than the main one. */
  other: boolean;
  /** Under xml:space="preserve": its white space is kept as written. */
  preserve: boolean;
  spans: SpanKinds;
  /** The text is markup already: an editorial mark (./editorial.ts) written as it stands, never escaped. */
  raw?: boolean;
}

export interface LineBreak {
  kind: 'lb';
  other: boolean;
  spans: SpanKinds;
}

export interface Mark {
  kind: 'del' | 'add' | 'supplied';
  children: ImportNode[];
  /** An insertion's placement, supplied text's reason ('' or absent: none). */
  keyword?: string;
  /** The named hand that made it (`~~@id …~~`). */
  hand?: string;
}

export interface Subst {
  kind: 'subst';
  parts: Mark[];
}

/** Text in another hand, bounded within one element: `<seg hand>`, or a <handShift/> pair among siblings. */
export interface Hand {
  kind: 'hand';
  children: ImportNode[];
  /** The hand's id, when the header names it (`*@id …*`); else "another hand". */
  id?: string;
}

/** Where a <handShift/> stood, until pairShifts turns pairs of them into a Hand (never reaches the writer). */
export interface Shift {
  kind: 'shift';
  other: boolean;
  /** The named hand it shifts to, if any. */
  id?: string;
}

/** What a <restore> holds: no deletion around it or inside it deletes it (./restore.ts lifts it out of them; it
 * never reaches the writer). */
export interface Restored {
  kind: 'restored';
  children: ImportNode[];
}

export type ImportNode = TextLeaf | LineBreak | Mark | Subst | Hand | Shift | Restored;

/** The nodes directly below a node. */
export function childrenOf(n: ImportNode): ImportNode[] {
  return n.kind === 'subst' ? n.parts : n.kind === 'text' || n.kind === 'lb' || n.kind === 'shift' ? [] : n.children;
}

export const NO_SPANS: SpanKinds = [];

/** Appends without spreading (a spread of a very long array overflows the call stack). */
export function append<T>(to: T[], items: T[]): void {
  for (const item of items) to.push(item);
}
