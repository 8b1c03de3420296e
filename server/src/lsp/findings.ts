// `emend/findings`: the review of an open transcription against its witness (core/collate/review.ts), with the
// levels of the document's settings, for the Witness Findings list. Places and fixes in LSP positions, with the
// document version they belong to, so the client applies a fix only to the text it was made for.
import type { Feature } from './context';
import { reviewItems } from '../core/index';
import { FindingsRequest, type FindingsResult } from '../protocol';
import { rangeOf } from './convert';
import { analysisFor, field } from './request-params';

export const findings: Feature = {
  register(ctx) {
    ctx.connection.onRequest(FindingsRequest, async (p: unknown) => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const uri = field(p, 'uri') as string;
      const version = ctx.documents.get(uri)?.version ?? 0;
      const [severities, r] = await Promise.all([ctx.settings.severities(uri), ctx.witnesses.collation(uri, analysis)]);
      if (!r || 'error' in r) {
        const result: FindingsResult = {
          version,
          witness: null,
          agreement: null,
          items: [],
          message: r
            ? r.error
            : 'This transcription names no witness: add a witness line to its header (Emend: Compare with Witness…).',
        };
        return result;
      }
      const c = r.collation;
      const result: FindingsResult = {
        version,
        witness: { name: c.witness.name, uri: r.witnessUri },
        agreement: c.agreement,
        items: reviewItems(analysis, c, severities).map((item) => ({
          code: item.code,
          group: item.group,
          level: item.level,
          range: rangeOf(analysis, item.start, item.end),
          label: item.label,
          message: item.message,
          witnessLine: item.witnessLine - 1,
          fixes: item.fixes.map((f) => ({
            title: f.title,
            preferred: f.preferred === true,
            edits: f.edits.map((e) => ({ range: rangeOf(analysis, e.start, e.end), newText: e.newText })),
          })),
        })),
      };
      return result;
    });
  },
};
