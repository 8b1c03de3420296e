// The diplomatic view: the page as written, every mark visible. Deletions struck through (<del>), insertions raised
// with a caret (<ins>), other hands in their own face, substitutions grouped; each revision titled with its summary.
import type { EmendDocument, Inline, MarkNode } from '../model';
import { attr, escapeHtml } from './html';
import { editorialHtml } from './editorial-html';
import { paragraphSummaries, type Summaries } from './summaries';

const ELEMENT = { del: 'del', add: 'ins', hand: 'span', supplied: 'span' } as const;
const CLASS = { del: 'emend-del', add: 'emend-add', hand: 'emend-hand', supplied: 'emend-supplied' } as const;
const UNCLOSED = {
  del: 'This deletion is never closed.',
  add: 'This insertion is never closed.',
  hand: 'This other hand is never closed.',
  supplied: 'This supplied text is never closed.',
} as const;

/** Inner HTML of paragraph `index` of `doc` in the diplomatic view. */
export function diplomaticParagraph(doc: EmendDocument, index: number): string {
  return inlines(doc.source, doc.paragraphs[index]!.children, paragraphSummaries(doc, index));
}

function inlines(src: string, nodes: Inline[], summaries: Summaries): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += escapeHtml(src.slice(node.start, node.end));
        break;
      case 'escape':
        out += escapeHtml(node.char);
        break;
      case 'subst':
        out +=
          `<span class="emend-subst"${attr('title', summaries.get(node))}>` +
          markHtml(src, node.first, summaries, undefined) +
          escapeHtml(src.slice(node.first.end, node.second.start)) +
          markHtml(src, node.second, summaries, undefined) +
          '</span>';
        break;
      case 'unclear':
      case 'gap':
      case 'note':
      case 'page':
      case 'column':
      case 'word-break':
        out += editorialHtml(node);
        break;
      default:
        out += markHtml(src, node, summaries, summaries.get(node));
    }
  }
  return out;
}

function markHtml(src: string, node: MarkNode, summaries: Summaries, title: string | undefined): string {
  const tag = ELEMENT[node.kind];
  const unclosed = node.close === null;
  const cls = unclosed ? `${CLASS[node.kind]} emend-unclosed` : CLASS[node.kind];
  const label = unclosed ? (title ? `${title} (${UNCLOSED[node.kind]})` : UNCLOSED[node.kind]) : title;
  return `<${tag} class="${cls}"${attr('title', label)}>${inlines(src, node.children, summaries)}</${tag}>`;
}
