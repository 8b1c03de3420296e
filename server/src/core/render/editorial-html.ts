// The editorial marks in the diplomatic view, in the sigla style asked for (sigla.ts): what each shows
// (`visibleText`, which place.ts counts to map a click back to the source) and its HTML, titled with what the mark
// says (the hover's words, docs/markup.md).
import type { EditorialNode } from '../model';
import { describeGap } from '../editorial';
import { gapPlaceholder } from '../readings';
import { attr, escapeHtml } from './html';
import { DEFAULT_SIGLA, leidenGap, underdotted, type Sigla } from './sigla';

/** What the diplomatic view shows for an editorial mark, as text. */
export function visibleText(node: EditorialNode, sigla: Sigla = DEFAULT_SIGLA): string {
  const leiden = sigla === 'leiden';
  switch (node.kind) {
    case 'unclear': {
      const first = node.alternatives[0]?.text ?? '';
      return leiden ? underdotted(first) : first;
    }
    case 'gap':
      return leiden
        ? leidenGap(node.extent, node.keyword === 'lost')
        : gapPlaceholder(node.extentText, node.keyword || 'illegible', 'description');
    case 'note':
      return leiden ? '*' : '✎';
    case 'page':
      if (leiden) return node.n ? `|${node.n}|` : '|';
      return `Page${node.n ? ` ${node.n}` : ''}${node.image ? ` · ${node.image}` : ''}`;
    case 'column':
      if (leiden) return node.n ? `¦${node.n}¦` : '¦';
      return `Column${node.n ? ` ${node.n}` : ''}`;
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

/** The mark's element: `emend-<kind>` and `emend-<sigla>`; a note can be focused (its text shows, CSS `attr()`). */
export function editorialHtml(node: EditorialNode, sigla: Sigla = DEFAULT_SIGLA): string {
  const unclosed = node.kind !== 'word-break' && node.close === null;
  const cls = `emend-${node.kind} emend-${sigla}${unclosed ? ' emend-unclosed' : ''}`;
  const title = editorialTitle(node) + (unclosed ? ' (never closed)' : '');
  const note = node.kind === 'note' ? ` tabindex="0"${attr('data-note', node.text.trim())}` : '';
  return `<span class="${cls}"${attr('title', title)}${note}>${escapeHtml(visibleText(node, sigla))}</span>`;
}
