// A self-contained HTML page of one view, for export and `emend render --format html`: inline CSS, no scripts,
// and a Content-Security-Policy that forbids them, so even a document that slipped past escaping could not run code.
import type { Analysis } from '../analysis';
import { renderDocument } from './document';
import { escapeHtml } from './html';
import { PAGE_CSS } from './page-style';
import { findView, type RenderInput } from './views';

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface PageOptions {
  /** Used as the page title when the header has no `title`. */
  fallbackTitle?: string;
  /** The `lang` attribute; the header's `language` field wins when present. */
  lang?: string;
  /** For the collation view: the collation with the witness, or why there is none. */
  collation?: RenderInput['collation'];
  /** How the diplomatic view draws the editorial marks. */
  sigla?: RenderInput['sigla'];
}

export function renderPage(analysis: Analysis, view: string, options: PageOptions = {}): string {
  const doc = renderDocument(analysis, view, undefined, {
    ...(options.collation ? { collation: options.collation } : {}),
    ...(options.sigla ? { sigla: options.sigla } : {}),
  });
  const v = findView(view)!;
  const language = analysis.doc.header?.fields.find((f) => f.key === 'language')?.value;
  const title = doc.title ?? options.fallbackTitle ?? 'Transcription';
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(language || options.lang || 'en')}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="generator" content="Emend">\n' +
    `<title>${escapeHtml(title)} (${escapeHtml(v.label.toLowerCase())})</title>\n` +
    `<style>${PAGE_CSS}</style>\n</head>\n<body>\n` +
    `<main id="emend-preview" class="emend-view-${v.id}" data-view="${v.id}" aria-label="${escapeHtml(v.label)} view">\n` +
    doc.blocks.map((b) => b.html).join('\n') +
    '\n</main>\n</body>\n</html>\n'
  );
}
