// `emend/render`: one view of an open document as HTML blocks for the preview (and a whole page for export).
// Keeps a paragraph cache per document so that typing re-renders only the edited paragraph.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import {
  RenderCache,
  VIEWS,
  findView,
  renderDocument,
  renderPage,
  type Analysis,
  type CollationSource,
} from '../core/index';
import { RenderRequest, type RenderParams, type RenderResult } from '../protocol';
import type { Feature } from './context';
import { collationFor } from './witness';

export const render: Feature = {
  register(ctx) {
    const caches = new Map<string, RenderCache>();
    ctx.documents.onDidClose((e) => caches.delete(e.document.uri));
    ctx.connection.onRequest(RenderRequest, (params: RenderParams): RenderResult => {
      const view = findView(params.view);
      if (!view) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `Emend cannot render the view '${params.view}'; it knows ${VIEWS.map((v) => v.id).join(', ')}.`,
        );
      }
      const document = ctx.documents.get(params.uri);
      const analysis = ctx.analysis(params.uri);
      if (!document || !analysis) {
        throw new ResponseError(ErrorCodes.InvalidParams, `Emend has no open document ${params.uri} to render.`);
      }
      let cache = caches.get(params.uri);
      if (!cache) caches.set(params.uri, (cache = new RenderCache()));
      const collation = view.id === 'collation' ? collationSource(params.uri, analysis) : undefined;
      const rendered = renderDocument(analysis, view.id, cache, collation ? { collation } : {});
      const result: RenderResult = {
        uri: params.uri,
        version: document.version,
        view: view.id,
        views: VIEWS.map((v) => ({ id: v.id, label: v.label, description: v.description })),
        blocks: rendered.blocks,
        title: rendered.title ?? null,
        lineCount: analysis.lines.lineCount,
      };
      if (params.page)
        result.page = renderPage(analysis, view.id, {
          fallbackTitle: fileName(params.uri),
          ...(collation ? { collation } : {}),
        });
      return result;
    });
  },
};

/** The collation view's input: the document's collation with its witness, or why there is none. */
function collationSource(uri: string, analysis: Analysis): CollationSource | undefined {
  const r = collationFor(uri, analysis);
  if (!r) return undefined;
  return 'collation' in r ? { collation: r.collation } : { message: r.error };
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
