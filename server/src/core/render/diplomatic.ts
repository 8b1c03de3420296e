// The diplomatic view: the page as written, every mark visible. Deletions struck through (<del>), insertions raised
// with a caret (<ins>, placed by their keyword: above, below, margin, over, inline), other hands in their own face,
// substitutions grouped; each revision titled with its summary, and with its hand's description from `hands:`.
// The editorial marks are drawn in the sigla style asked for (sigla.ts, editorial-html.ts).
import type { EmendDocument, Inline, MarkNode } from '../model';
import { listedHands, PLACEMENTS } from '../editorial';
import { attr, escapeHtml } from './html';
import { editorialHtml } from './editorial-html';
import { DEFAULT_SIGLA, type Sigla } from './sigla';
import { paragraphSummaries, type Summaries } from './summaries';

const ELEMENT = { del: 'del', add: 'ins', hand: 'span', supplied: 'span' } as const;
const CLASS = { del: 'emend-del', add: 'emend-add', hand: 'emend-hand', supplied: 'emend-supplied' } as const;
const UNCLOSED = {
  del: 'This deletion is never closed.',
  add: 'This insertion is never closed.',
  hand: 'This other hand is never closed.',
  supplied: 'This supplied text is never closed.',
} as const;

interface Context {
  src: string;
  summaries: Summaries;
  sigla: Sigla;
  /** The `hands:` header's descriptions by id. */
  hands: Map<string, string>;
}

/** Inner HTML of paragraph `index` of `doc` in the diplomatic view. */
export function diplomaticParagraph(doc: EmendDocument, index: number, sigla: Sigla = DEFAULT_SIGLA): string {
  const hands = new Map(listedHands(doc.header).map((h) => [h.id, h.description]));
  return inlines(doc.paragraphs[index]!.children, {
    src: doc.source,
    summaries: paragraphSummaries(doc, index),
    sigla,
    hands,
  });
}

function inlines(nodes: Inline[], c: Context): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += escapeHtml(c.src.slice(node.start, node.end));
        break;
      case 'escape':
        out += escapeHtml(node.char);
        break;
      case 'subst':
        out +=
          `<span class="emend-subst"${attr('title', c.summaries.get(node))}>` +
          markHtml(node.first, c, undefined) +
          escapeHtml(c.src.slice(node.first.end, node.second.start)) +
          markHtml(node.second, c, undefined) +
          '</span>';
        break;
      case 'unclear':
      case 'gap':
      case 'note':
      case 'page':
      case 'column':
      case 'word-break':
        out += editorialHtml(node, c.sigla);
        break;
      default:
        out += markHtml(node, c, c.summaries.get(node));
    }
  }
  return out;
}

/** The classes a mark adds for its keyword: an insertion's place, supplied text's reason (and the sigla style, which
 *  draws its brackets). */
function keywordClasses(node: MarkNode, sigla: Sigla): string {
  if (node.kind === 'add')
    return (PLACEMENTS as readonly string[]).includes(node.keyword) ? ` emend-place-${node.keyword}` : '';
  if (node.kind === 'supplied') {
    const lost = node.keyword === 'lost' || node.keyword === 'illegible';
    return ` emend-${sigla} emend-supplied-${lost ? 'lost' : 'omitted'}`;
  }
  return '';
}

function markHtml(node: MarkNode, c: Context, summary: string | undefined): string {
  const tag = ELEMENT[node.kind];
  const unclosed = node.close === null;
  const cls = `${CLASS[node.kind]}${keywordClasses(node, c.sigla)}${unclosed ? ' emend-unclosed' : ''}`;
  const hand = node.hand ? handTitle(node.hand.id, c.hands) : undefined;
  const title = [summary, hand].filter((t) => t !== undefined).join(' — ') || undefined;
  const label = unclosed ? (title ? `${title} (${UNCLOSED[node.kind]})` : UNCLOSED[node.kind]) : title;
  const handAttr = node.hand ? attr('data-hand', node.hand.id) : '';
  return `<${tag} class="${cls}"${attr('title', label)}${handAttr}>${inlines(node.children, c)}</${tag}>`;
}

function handTitle(id: string, hands: Map<string, string>): string {
  const description = hands.get(id);
  return description ? `Hand: ${description} (${id})` : `Hand: ${id} (not listed in hands:)`;
}
