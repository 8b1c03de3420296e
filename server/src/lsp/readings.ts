// emend/reading: the text of a reading (draft, final, diplomatic) of an open document, for the read-only
// reading editors and the compare view.
import { ReadingRequest, type ReadingResult } from '../protocol';
import { READING_KINDS, type ReadingKind } from '../core/index';
import type { Feature } from './context';
import { analysisFor, field, invalid } from './request-params';

export const readings: Feature = {
  register(ctx) {
    ctx.connection.onRequest(ReadingRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const kind = field(params, 'kind');
      if (!(READING_KINDS as readonly unknown[]).includes(kind)) return invalid(`Expected \`kind\` to be one of ${READING_KINDS.join(', ')}.`);
      const result: ReadingResult = { text: analysis.reading(kind as ReadingKind).text };
      return result;
    });
  },
};
