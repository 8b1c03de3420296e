// The document model: what the parser produces and everything else reads.
// All offsets are UTF-16 code-unit offsets into the source string (the unit of LSP positions and JS strings).
import type { SyntaxTree } from './syntax';
import type { Alternative, Extent } from './editorial';

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

export type MarkKind = 'del' | 'add' | 'hand' | 'supplied';

/** `@id ` at the start of a revision or hand mark: the hand that made it. The span is `@id`, without the space. */
export interface HandRef extends Span {
  id: string;
}

export interface MarkNode extends Span {
  kind: MarkKind;
  /** The exact opening delimiter: `~~` (or a longer run of tildes), `^{`, `^<`, `^margin{`, `*`, `+{`, `+lost{`. */
  delimiter: string;
  /** The keyword between the sigil and the brace (an insertion's placement, supplied text's reason), '' for none. */
  keyword: string;
  /** The hand named at the start of the mark's text (`~~@sec old~~`), or null. Not among `children`. */
  hand: HandRef | null;
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

/** The editorial marks whose text is no markup (docs/markup.md, "Editorial marks"). */
interface AtomicMark extends Span {
  open: Span;
  /** The `}`, or null when the mark runs unclosed to its paragraph's end. */
  close: Span | null;
  /** The keyword between the sigil and the brace ('' for none): a certainty, a gap's reason. */
  keyword: string;
}

/** `?{word}`, `?low{word|ward}`: a reading the transcriber is unsure of; the readings show the first alternative. */
export interface UnclearNode extends AtomicMark {
  kind: 'unclear';
  alternatives: Alternative[];
}

/** `_{3 words}`, `_lost{}`: text that cannot be read (illegible) or is not there (lost). */
export interface GapNode extends AtomicMark {
  kind: 'gap';
  /** The size as written, escapes read. */
  extentText: string;
  /** The size as read, or null when it does not parse (reported as `gap-extent`). */
  extent: Extent | null;
}

/** `%{…}`: the editor's note; in no reading. */
export interface NoteNode extends AtomicMark {
  kind: 'note';
  text: string;
}

/** `|page{12 | p12.jpg}`, `|column{2}`: a break; in no reading. */
export interface BreakNode extends AtomicMark {
  kind: 'page' | 'column';
  /** The number as written on the page ('' for none). */
  n: string;
  /** The page's image, relative to the transcription ('' for none). */
  image: string;
  /** The page's layout file (PAGE XML, ALTO), relative to the transcription ('' for none). */
  layout: string;
}

/** `|-`: the word goes on after the line break (and any break marks) that follows. */
export interface WordBreakNode extends Span {
  kind: 'word-break';
}

export type EditorialNode = UnclearNode | GapNode | NoteNode | BreakNode | WordBreakNode;

export type Inline = TextNode | EscapeNode | MarkNode | SubstNode | EditorialNode;

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

/** A revision or hand mark, or supplied text: the marks that hold other nodes. */
export function mark(node: Inline): node is MarkNode {
  return node.kind === 'del' || node.kind === 'add' || node.kind === 'hand' || node.kind === 'supplied';
}

/** An editorial mark: unclear, gap, note, page or column break, word break (no children). */
export function isEditorial(node: Inline): node is EditorialNode {
  switch (node.kind) {
    case 'unclear':
    case 'gap':
    case 'note':
    case 'page':
    case 'column':
    case 'word-break':
      return true;
    default:
      return false;
  }
}
