// Every revision of a transcription (deletion, insertion, substitution, other hand), each with a one-line summary
// that says what happened, in order, for nested marks: `Substitution: eliminate → relieve`, `Deletion: worrisome`,
// `Insertion, later struck: and test`. Used by hovers, the revision list, the status bar and the preview.
import type { EmendDocument, Inline, MarkNode, Span, SubstNode } from './model';
import { visibleText } from './render/editorial-html';
import { ADD, DEL, forEachRevision } from './syntax';

export type RevisionKind = 'del' | 'add' | 'subst' | 'hand';

export interface Revision extends Span {
  kind: RevisionKind;
  /** One line: `Substitution: eliminate → relieve`. */
  summary: string;
  /** The mark, or the substitution pairing a deletion and an insertion. */
  node: MarkNode | SubstNode;
  /** How many revisions enclose this one (0 for a revision in running text). */
  depth: number;
}

/** Longest quoted text in a summary, in UTF-16 units; longer text is cut at a word with `…`. */
export const SUMMARY_TEXT_MAX = 60;

type Ancestor = MarkNode['kind'] | null;

/** Every revision in document order (an enclosing revision before those inside it). Linear in the document. */
export function revisions(doc: EmendDocument): Revision[] {
  return paragraphRevisions(doc, 0, doc.paragraphs.length);
}

/** The revisions of paragraphs [from, to) (the preview's, one paragraph at a time), found by forEachRevision. */
export function paragraphRevisions(doc: EmendDocument, from: number, to: number): Revision[] {
  const out: Revision[] = [];
  forEachRevision(
    doc.syntax,
    (n, { depth, holder }) => {
      const ancestor: Ancestor = holder < 0 ? null : holder === DEL ? 'del' : holder === ADD ? 'add' : 'hand';
      out.push(describe(doc.source, doc.nodeObject(n) as MarkNode | SubstNode, depth, ancestor));
    },
    from,
    to,
  );
  return out;
}

/**
 * The revisions containing `offset`, outermost first (empty when the offset is in plain text). A mark contains the
 * offsets from its opening delimiter's start to its closing delimiter's end, both ends included, so a cursor just
 * after a closer still finds the mark. Costs a binary search plus the path down the tree.
 */
export function revisionsAt(doc: EmendDocument, offset: number): Revision[] {
  const paragraphs = doc.paragraphs;
  let lo = 0,
    hi = paragraphs.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || offset > paragraphs[found]!.end) return [];
  const chain: Revision[] = [];
  let nodes: Inline[] = paragraphs[found]!.children;
  let ancestor: Ancestor = null;
  for (;;) {
    const hit = childAt(nodes, offset, isRevisionNode);
    if (!hit) {
      // Supplied text is no revision but may hold one (as forEachRevision reads it): look inside, adding nothing.
      const supplied = childAt(nodes, offset, isSupplied);
      if (!supplied || supplied.children.length === 0) return chain;
      nodes = supplied.children;
      continue;
    }
    chain.push(describe(doc.source, hit, chain.length, ancestor));
    const inner = innerLists(hit).find(
      ([children]) => children.length > 0 && spanOf(children).start <= offset && offset <= spanOf(children).end,
    );
    if (!inner) return chain;
    [nodes, ancestor] = inner;
  }
}

/** The innermost revision at `offset`, or undefined. */
export function revisionAt(doc: EmendDocument, offset: number): Revision | undefined {
  const chain = revisionsAt(doc, offset);
  return chain[chain.length - 1];
}

function spanOf(nodes: Inline[]): Span {
  return { start: nodes[0]!.start, end: nodes[nodes.length - 1]!.end };
}

function childAt<T extends Inline>(nodes: Inline[], offset: number, wanted: (n: Inline) => n is T): T | undefined {
  // Children are in order; a binary search keeps hovers in long paragraphs cheap.
  let lo = 0,
    hi = nodes.length - 1;
  let best: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid]!;
    if (n.end < offset) lo = mid + 1;
    else if (n.start > offset) hi = mid - 1;
    else {
      // Adjacent nodes share a boundary offset; prefer a mark, and the later one when both are marks (the cursor is
      // at the start of the second).
      for (let k = Math.max(0, mid - 1); k <= Math.min(nodes.length - 1, mid + 1); k++) {
        const c = nodes[k]!;
        if (wanted(c) && c.start <= offset && offset <= c.end) best = c;
      }
      return best;
    }
  }
  return undefined;
}

/** The revisions directly inside a list of nodes, looking through supplied text (which is no revision). */
function revisionChildren(nodes: Inline[]): (MarkNode | SubstNode)[] {
  return nodes.flatMap((n) => (isSupplied(n) ? revisionChildren(n.children) : isRevisionNode(n) ? [n] : []));
}

function isSupplied(n: Inline): n is MarkNode {
  return n.kind === 'supplied';
}

/** A deletion, insertion, other hand or substitution (not text, supplied text or an editorial mark). */
function isRevisionNode(n: Inline): n is MarkNode | SubstNode {
  return n.kind === 'del' || n.kind === 'add' || n.kind === 'hand' || n.kind === 'subst';
}

/** The child lists inside a revision, each with the kind of mark that holds it. */
function innerLists(node: MarkNode | SubstNode): [Inline[], MarkNode['kind']][] {
  if (node.kind === 'subst')
    return [
      [node.first.children, node.first.kind],
      [node.second.children, node.second.kind],
    ];
  return [[node.children, node.kind]];
}

const LABEL = {
  del: 'Deletion',
  add: 'Insertion',
  subst: 'Substitution',
  hand: 'Another hand',
  supplied: 'Supplied text',
} as const;

/** How a revision inside a mark of kind `ancestor` reads: it came before a deletion, after an insertion was written. */
const QUALIFIER: Record<MarkNode['kind'], string> = {
  del: 'later struck',
  add: 'within inserted text',
  hand: 'in the other hand',
  supplied: 'in supplied text',
};

function describe(src: string, node: MarkNode | SubstNode, depth: number, ancestor: Ancestor): Revision {
  const head = ancestor ? `${LABEL[node.kind]}, ${QUALIFIER[ancestor]}` : LABEL[node.kind];
  let body: string;
  let after: string;
  if (node.kind === 'subst') {
    const del = node.first.kind === 'del' ? node.first : node.second;
    const add = node.first.kind === 'add' ? node.first : node.second;
    body = `${quote(markText(src, del))} → ${quote(markText(src, add))}`;
    after = history(src, [del, add]);
  } else {
    body = quote(markText(src, node));
    after = history(src, [node]);
  }
  const kind = node.kind as RevisionKind; // forEachRevision and childAt give revisions only
  return { kind, start: node.start, end: node.end, summary: `${head}: ${body}${after}`, node, depth };
}

/**
 * The text a mark held when it was made: a deletion struck its content as it then stood (inner insertions in,
 * inner deletions already out); an insertion was first written as its draft (inner insertions came later).
 */
export function markText(src: string, node: MarkNode): string {
  return collapse(inlineText(src, node.children, node.kind === 'add' ? 'draft' : 'final'));
}

/** What happened inside the marks, in order: `; first inserted “b”` before a deletion, `; then struck “big”` after an insertion. */
function history(src: string, marks: MarkNode[]): string {
  const parts: string[] = [];
  for (const m of marks) {
    const inner = revisionChildren(m.children);
    if (inner.length === 0) continue;
    const verbs = inner.map((c) => verb(src, c)).join(', ');
    parts.push(
      m.kind === 'del' ? `; first ${verbs}, then struck` : m.kind === 'add' ? `; then ${verbs}` : `; ${verbs}`,
    );
  }
  return parts.join('');
}

function verb(src: string, node: MarkNode | SubstNode): string {
  switch (node.kind) {
    case 'del':
      return `struck “${quote(markText(src, node))}”`;
    case 'add':
      return `inserted “${quote(markText(src, node))}”`;
    case 'hand':
    case 'supplied':
      return `another hand wrote “${quote(markText(src, node))}”`;
    case 'subst': {
      const del = node.first.kind === 'del' ? node.first : node.second;
      const add = node.first.kind === 'add' ? node.first : node.second;
      return `replaced “${quote(markText(src, del))}” with “${quote(markText(src, add))}”`;
    }
  }
}

/** The plain text of inline nodes in a reading (no joining rules: summaries collapse whitespace anyway). */
function inlineText(src: string, nodes: Inline[], kind: 'draft' | 'final'): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += src.slice(n.start, n.end);
        break;
      case 'escape':
        out += n.char;
        break;
      case 'subst':
        out += inlineText(src, [kind === 'draft' ? pick(n, 'del') : pick(n, 'add')], kind);
        break;
      case 'hand':
      case 'supplied':
        out += inlineText(src, n.children, kind);
        break;
      case 'unclear':
      case 'gap':
        out += visibleText(n);
        break;
      case 'note':
      case 'page':
      case 'column':
      case 'word-break':
        break;
      default:
        if ((n.kind === 'del') === (kind === 'draft')) out += inlineText(src, n.children, kind);
    }
  }
  return out;
}

function pick(n: SubstNode, kind: 'del' | 'add'): MarkNode {
  return n.first.kind === kind ? n.first : n.second;
}

/** Whitespace runs become one space; ends trimmed; spaces before closing punctuation dropped. */
function collapse(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      space = out.length > 0;
      continue;
    }
    if (space && !',.;:!?)'.includes(text[i]!)) out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}

function quote(text: string): string {
  if (text.length === 0) return '(nothing)';
  if (text.length <= SUMMARY_TEXT_MAX) return text;
  let cut = text.lastIndexOf(' ', SUMMARY_TEXT_MAX - 1);
  if (cut < SUMMARY_TEXT_MAX / 2) cut = SUMMARY_TEXT_MAX - 1;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + '…';
}
