// Rendering a transcription as HTML: views for the preview, whole pages for export, a markdown-it plugin.
export { escapeHtml } from './html';
export { RenderCache } from './cache';
export {
  VIEWS,
  VIEW_IDS,
  DEFAULT_VIEW,
  findView,
  type PreviewView,
  type RenderedBlock,
  type RenderInput,
} from './views';
export { renderDocument, type RenderedDocument } from './document';
export { renderPage, PAGE_CSP, type PageOptions } from './page';
export { PAGE_CSS } from './page-style';
export { emendMarkdownIt, type MarkdownItLike } from './markdown-it';
export { SIGLA, DEFAULT_SIGLA, isSigla, leidenGap, underdotted, type Sigla } from './sigla';
export { sourceOffsetInView, PLACE_VIEWS, type PlaceView } from './place';
