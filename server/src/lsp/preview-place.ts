// `emend/previewPlace`: a double click in the preview, as a paragraph's line and a character offset into the text the
// view shows, back to the source position of the word clicked (core/render/place.ts does the mapping).
import { PLACE_VIEWS, sourceOffsetInView, type PlaceView } from '../core/index';
import { PreviewPlaceRequest, type PreviewPlaceResult } from '../protocol';
import type { Feature } from './context';
import { field, invalid, readingAnalysisFor } from './request-params';

export const previewPlace: Feature = {
  register(ctx) {
    ctx.connection.onRequest(PreviewPlaceRequest, async (params: unknown) => {
      const analysis = await readingAnalysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const view = field(params, 'view');
      const line = field(params, 'line');
      const textOffset = field(params, 'textOffset');
      if (!(PLACE_VIEWS as readonly unknown[]).includes(view))
        return invalid(`Expected \`view\` to be one of ${PLACE_VIEWS.join(', ')}.`);
      if (
        !Number.isInteger(line) ||
        !Number.isInteger(textOffset) ||
        (line as number) < 0 ||
        (textOffset as number) < 0
      )
        return invalid('Expected `line` and `textOffset` to be integers of 0 or more.');
      const index = analysis.doc.paragraphs.findIndex((q) => analysis.lines.positionAt(q.start).line === line);
      const result: PreviewPlaceResult = {
        position:
          index >= 0
            ? analysis.lines.positionAt(
                sourceOffsetInView(
                  analysis.doc,
                  index,
                  view as PlaceView,
                  textOffset as number,
                  analysis.options,
                  await ctx.settings.sigla((params as { uri: string }).uri),
                ),
              )
            : null,
      };
      return result;
    });
  },
};
