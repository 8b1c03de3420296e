// A markdown-it plugin that renders Emend insertions (`^{…}` and `^<…>`) in Markdown, for VS Code's built-in
// Markdown preview (`markdown.markdownItPlugins`). Where an insertion begins and ends is decided by the core parser
// run over the inline text, not by a second grammar; markdown-it then renders the inserted text itself, so
// emphasis, code and links inside an insertion work as anywhere else. Deletions need nothing: `~~…~~` is already
// Markdown's strikethrough.
// Structural types keep the core free of markdown-it: only the few members the plugin touches are named.
import { type Inline, isEditorial, type MarkNode } from '../model';
import { parse } from '../parser';

interface Token {
  attrSet(name: string, value: string): void;
  markup: string;
}
interface InlineState {
  src: string;
  pos: number;
  posMax: number;
  md: { inline: { tokenize(state: InlineState): void } };
  push(type: string, tag: string, nesting: number): Token;
  /** The closed insertions of this inline text by start offset; set on first use. */
  emendInsertions?: Map<number, MarkNode>;
}
export interface MarkdownItLike {
  inline: {
    ruler: { before(beforeName: string, ruleName: string, fn: (state: InlineState, silent: boolean) => boolean): void };
  };
}

const CARET = 94,
  LBRACE = 123,
  LT = 60;

/** `md.use(emendMarkdownIt)`: adds the insertion rule; returns md for chaining. */
export function emendMarkdownIt<T extends MarkdownItLike>(md: T): T {
  md.inline.ruler.before('emphasis', 'emend_insertion', insertion);
  return md;
}

function insertion(state: InlineState, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== CARET) return false;
  const next = state.src.charCodeAt(start + 1);
  if (next !== LBRACE && next !== LT) return false;
  const node = insertionsOf(state).get(start);
  if (!node || !node.close || node.close.end > state.posMax) return false;
  if (!silent) {
    const open = state.push('emend_insertion_open', 'ins', 1);
    open.attrSet('class', 'emend-add');
    open.markup = node.delimiter;
    const max = state.posMax;
    state.pos = node.open.end;
    state.posMax = node.close.start;
    state.md.inline.tokenize(state);
    state.posMax = max;
    const close = state.push('emend_insertion_close', 'ins', -1);
    close.markup = node.delimiter === '^<' ? '>' : '}';
  }
  state.pos = node.close.end;
  return true;
}

/** Parses the inline text once (linear) and indexes its insertions, wherever they are nested. */
function insertionsOf(state: InlineState): Map<number, MarkNode> {
  if (state.emendInsertions) return state.emendInsertions;
  const map = new Map<number, MarkNode>();
  const visit = (nodes: Inline[]): void => {
    for (const n of nodes) {
      if (n.kind === 'text' || n.kind === 'escape' || isEditorial(n)) continue;
      if (n.kind === 'subst') {
        visit([n.first, n.second]);
        continue;
      }
      if (n.kind === 'add' && n.close) map.set(n.open.start, n);
      visit(n.children);
    }
  };
  for (const p of parse(state.src).paragraphs) visit(p.children);
  state.emendInsertions = map;
  return map;
}
