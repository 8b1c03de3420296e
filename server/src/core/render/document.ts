// A whole document in one view: the header block, then the view's blocks. The preview receives the blocks;
// export and the CLI join them into a page (page.ts).
import type { Analysis } from '../analysis';
import { headerValue } from '../header';
import { RenderCache } from './cache';
import { attr, escapeHtml } from './html';
import { findView, type RenderedBlock, type RenderInput } from './views';

export interface RenderedDocument {
  view: string;
  blocks: RenderedBlock[];
  /** The header's `title`, if any. */
  title: string | undefined;
}

/** Renders `analysis` in `view` (an id from VIEWS). Throws on an unknown view: callers validate ids first. */
export function renderDocument(
  analysis: Analysis,
  view: string,
  cache: RenderCache = new RenderCache(),
  extra: Pick<RenderInput, 'collation' | 'sigla'> = {},
): RenderedDocument {
  const v = findView(view);
  if (!v) throw new Error(`Unknown view '${view}'.`);
  cache.begin();
  const blocks: RenderedBlock[] = [];
  const header = headerBlock(analysis, cache);
  if (header) blocks.push(header);
  const body = v.blocks({ analysis, cache, ...extra });
  cache.end();
  if (body.every((b) => b.line === null)) {
    const key = analysis.doc.paragraphs.length === 0 ? 'empty' : 'emptied';
    const text =
      key === 'empty' ? 'This transcription is empty.' : 'Nothing of this transcription is left in this view.';
    blocks.push({
      key,
      line: null,
      endLine: null,
      html: `<p class="emend-block emend-empty-document" data-key="${key}">${text}</p>`,
    });
  } else {
    blocks.push(...body);
  }
  return { view, blocks, title: headerValue(analysis.doc.header, 'title')?.value };
}

/** The `---` header as a title and a list of fields, or null when there is none. */
function headerBlock(analysis: Analysis, cache: RenderCache): RenderedBlock | null {
  const header = analysis.doc.header;
  if (!header) return null;
  const line = analysis.lines.positionAt(header.start).line;
  const endLine = analysis.lines.positionAt(header.end).line;
  const { key, html } = cache.get('header', analysis.source.slice(header.start, header.end), () =>
    headerHtml(analysis),
  );
  return {
    key,
    line,
    endLine,
    html: `<header class="emend-block emend-header" data-line="${line}" data-line-end="${endLine}" data-key="${key}">${html}</header>`,
  };
}

function headerHtml(analysis: Analysis): string {
  const header = analysis.doc.header!;
  let html = '';
  const title = header.fields.find((f) => f.key === 'title');
  if (title) html += `<h1 class="emend-title">${escapeHtml(title.value)}</h1>`;
  const rest = header.fields.filter((f) => f.key !== 'title');
  if (rest.length > 0) {
    html +=
      '<dl class="emend-fields">' +
      rest
        .map(
          (f) => `<div${attr('data-field', f.key)}><dt>${escapeHtml(f.key)}</dt><dd>${escapeHtml(f.value)}</dd></div>`,
        )
        .join('') +
      '</dl>';
  }
  return html;
}
