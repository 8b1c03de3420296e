// `emend/render`: one view of an open document as HTML blocks for the preview (and a whole page for export).
// Keeps a paragraph cache per document so that typing re-renders only the edited paragraph.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
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
import type { Feature, ServerContext } from './context';

export const render: Feature = {
  register(ctx) {
    const caches = new Map<string, RenderCache>();
    ctx.documents.onDidClose((e) => caches.delete(e.document.uri));
    ctx.connection.onRequest(RenderRequest, async (raw: unknown): Promise<RenderResult> => {
      const params = raw as Partial<RenderParams>;
      const view = typeof params.view === 'string' ? findView(params.view) : undefined;
      if (!view) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `Emend cannot render the view '${String(params.view)}'; it knows ${VIEWS.map((v) => v.id).join(', ')}.`,
        );
      }
      const uri = params.uri;
      const document = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
      const base = typeof uri === 'string' ? ctx.analysis(uri) : undefined;
      if (!document || !base || typeof uri !== 'string') {
        throw new ResponseError(ErrorCodes.InvalidParams, `Emend has no open document ${String(uri)} to render.`);
      }
      // The readings with the document's settings (`emend.readings.*`, `.emend.json`); the collation, like the
      // diagnostics, compares the witness with the readings as the defaults make them.
      const analysis = base.withOptions(await ctx.settings.readings(uri));
      const sigla = await ctx.settings.sigla(uri);
      let cache = caches.get(uri);
      if (!cache) caches.set(uri, (cache = new RenderCache()));
      const collation = view.id === 'collation' ? await collationSource(ctx, uri, base) : undefined;
      const rendered = renderDocument(analysis, view.id, cache, { sigla, ...(collation ? { collation } : {}) });
      const result: RenderResult = {
        uri: uri,
        version: document.version,
        view: view.id,
        views: VIEWS.map((v) => ({ id: v.id, label: v.label, description: v.description })),
        blocks: rendered.blocks,
        title: rendered.title ?? null,
        lineCount: analysis.lines.lineCount,
      };
      if (params.page === true)
        result.page = renderPage(analysis, view.id, {
          fallbackTitle: fileName(uri),
          sigla,
          ...(collation ? { collation } : {}),
        });
      return result;
    });
  },
};

/** The collation view's input: the document's collation with its witness, or why there is none. */
async function collationSource(
  ctx: ServerContext,
  uri: string,
  analysis: Analysis,
): Promise<CollationSource | undefined> {
  const r = await ctx.witnesses.collation(uri, analysis);
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
