// emend/reading: the text of a reading (draft, final, diplomatic) of an open document, for the read-only
// reading editors and the compare view; emend/mapPosition: positions between the transcription and a reading. Both
// with the document's reading settings (`emend.readings.*`, `.emend.json`), so that places map in the text shown.
import { MapPositionRequest, ReadingRequest, type MapPositionResult, type ReadingResult } from '../protocol';
import { READING_KINDS, readingPosition, sourcePosition, type ReadingKind } from '../core/index';
import type { Feature } from './context';
import { field, invalid, isPosition, readingAnalysisFor } from './request-params';

export const readings: Feature = {
  register(ctx) {
    ctx.connection.onRequest(ReadingRequest, async (params: unknown) => {
      const analysis = await readingAnalysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const kind = field(params, 'kind');
      if (!(READING_KINDS as readonly unknown[]).includes(kind))
        return invalid(`Expected \`kind\` to be one of ${READING_KINDS.join(', ')}.`);
      const result: ReadingResult = { text: analysis.reading(kind as ReadingKind).text };
      return result;
    });

    ctx.connection.onRequest(MapPositionRequest, async (params: unknown) => {
      const analysis = await readingAnalysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const kind = field(params, 'kind');
      const position = field(params, 'position');
      const direction = field(params, 'direction');
      if (!(READING_KINDS as readonly unknown[]).includes(kind))
        return invalid(`Expected \`kind\` to be one of ${READING_KINDS.join(', ')}.`);
      if (!isPosition(position)) return invalid('Expected `position` with integer `line` and `character`.');
      if (direction !== 'toSource' && direction !== 'toReading')
        return invalid('Expected `direction` to be `toSource` or `toReading`.');
      const map = direction === 'toSource' ? sourcePosition : readingPosition;
      const result: MapPositionResult = { position: map(analysis, kind as ReadingKind, position) };
      return result;
    });
  },
};
