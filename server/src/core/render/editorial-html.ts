// The editorial marks in the diplomatic view: what each shows (`visibleText`, which place.ts counts to map a click
// back to the source) and its HTML, titled with what the mark says (the hover's words, docs/markup.md).
import type { EditorialNode } from '../model';
import { describeGap } from '../editorial';
import { attr, escapeHtml } from './html';

/** What the diplomatic view shows for an editorial mark, as text. */
export function visibleText(node: EditorialNode): string {
  switch (node.kind) {
    case 'unclear':
      return node.alternatives[0]?.text ?? '';
    case 'gap':
      return '[…]';
    case 'note':
      return '✎';
    case 'page':
      return node.n ? `‖${node.n}‖` : '‖';
    case 'column':
      return node.n ? `¦${node.n}¦` : '¦';
    case 'word-break':
      return '-';
  }
}

/** What an editorial mark says, in words: "Unclear: word or ward", "Gap: about 3 words, illegible". */
export function editorialTitle(node: EditorialNode): string {
  switch (node.kind) {
    case 'unclear': {
      const alts = node.alternatives.map((a) => a.text.trim()).filter((a) => a !== '');
      const cert = node.keyword ? ` (certainty: ${node.keyword})` : '';
      return `Unclear: ${alts.join(' or ')}${cert}`;
    }
    case 'gap':
      return `Gap: ${node.extent ? describeGap(node.extent, (node.keyword || 'illegible') as 'illegible') : `${node.extentText.trim()}, ${node.keyword || 'illegible'}`}`;
    case 'note':
      return `Note: ${node.text.trim()}`;
    case 'page':
      return `Page break${node.n ? `: page ${node.n}` : ''}${node.image ? ` (${node.image})` : ''}`;
    case 'column':
      return `Column break${node.n ? `: column ${node.n}` : ''}`;
    case 'word-break':
      return 'The word goes on after the line break';
  }
}

export function editorialHtml(node: EditorialNode): string {
  const unclosed = node.kind !== 'word-break' && node.close === null;
  const cls = `emend-${node.kind}${unclosed ? ' emend-unclosed' : ''}`;
  const title = editorialTitle(node) + (unclosed ? ' (never closed)' : '');
  return `<span class="${cls}"${attr('title', title)}>${escapeHtml(visibleText(node))}</span>`;
}
