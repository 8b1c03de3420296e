// The document model: what the parser produces and everything else reads.
// All offsets are UTF-16 code-unit offsets into the source string (the unit of LSP positions and JS strings).
import type { SyntaxTree } from './syntax';

export interface Span {
  start: number;
  end: number;
}

/** Literal text; its value is `source.slice(start, end)`. May contain single line breaks. */
export interface TextNode extends Span {
  kind: 'text';
}

/** A backslash escape such as `\~`; stands for `char` in every reading. */
export interface EscapeNode extends Span {
  kind: 'escape';
  char: string;
}

export type MarkKind = 'del' | 'add' | 'hand';

export interface MarkNode extends Span {
  kind: MarkKind;
  /** The exact opening delimiter: `~~` (or a longer run of tildes), `^{`, `^<`, `*`. */
  delimiter: string;
  open: Span;
  /** The closing delimiter, or null when the mark was never closed (the parser ended it at its paragraph's end). */
  close: Span | null;
  children: Inline[];
}

/** A deletion and an insertion with nothing but spaces or tabs between them, in either order. */
export interface SubstNode extends Span {
  kind: 'subst';
  /** The mark written first (a deletion, or an insertion when the replacement was written before the struck text). */
  first: MarkNode;
  second: MarkNode;
}

export type Inline = TextNode | EscapeNode | MarkNode | SubstNode;

export interface Paragraph extends Span {
  children: Inline[];
}

export interface HeaderField {
  key: string;
  value: string;
  /** The whole line, without its line break. */
  line: Span;
  keySpan: Span;
  valueSpan: Span;
}

/** The optional `---` block at the very top of a file. Metadata, never part of a reading. */
export interface Header extends Span {
  fields: HeaderField[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The readings a fix changes, in this order: none, `['draft']`, `['final']` or both. */
export type FixChanges = readonly ('draft' | 'final')[];

export interface Fix {
  /** What the fix does; ends by saying which readings it changes, if any (fixes.ts). */
  title: string;
  edits: TextEdit[];
  /** The readings the fix changes. Empty: draft and final stay exactly as they are (the only fixes applied in bulk,
   *  on save). */
  changes: FixChanges;
  /** The fix to apply when the user asks for "the" fix. */
  preferred?: boolean;
}

export interface Problem extends Span {
  code: string;
  severity: Severity;
  message: string;
  fixes: Fix[];
}

export interface EmendDocument {
  source: string;
  header: Header | null;
  /** Where the transcription proper begins (after the header block, if any). */
  bodyStart: number;
  paragraphs: Paragraph[];
  /** Problems found while parsing (syntax). Checks on readings and witnesses add their own. */
  problems: Problem[];
  /** The parser's flat tree (syntax.ts), from which `paragraphs` is made: what the readings and checks walk. */
  readonly syntax: SyntaxTree;
  /** The object `paragraphs` holds for node `i` of `syntax`. */
  nodeObject(i: number): Inline;
}

export function mark(node: Inline): node is MarkNode {
  return node.kind === 'del' || node.kind === 'add' || node.kind === 'hand';
}
