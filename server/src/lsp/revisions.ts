// The revision list, revision-to-revision navigation and the status bar's counts: emend/revisions,
// emend/nextRevision, emend/stats. All from core/revisions.ts, memoised per document version.
import {
  NextRevisionRequest,
  RevisionsRequest,
  StatsRequest,
  type NextRevisionResult,
  type RevisionItem,
  type RevisionsResult,
  type StatsResult,
} from '../protocol';
import {
  countRevisionsIn,
  nextRevision,
  previousRevision,
  revisions,
  type Analysis,
  type Revision,
} from '../core/index';
import type { Feature } from './context';
import { analysisFor, stepParams } from './request-params';

const byAnalysis = new WeakMap<Analysis, Revision[]>();

/** The document's revisions, computed once per version (the Analysis is per version). */
export function revisionsOf(analysis: Analysis): Revision[] {
  let revs = byAnalysis.get(analysis);
  if (!revs) {
    revs = revisions(analysis.doc);
    byAnalysis.set(analysis, revs);
  }
  return revs;
}

function item(analysis: Analysis, r: Revision): RevisionItem {
  return {
    kind: r.kind,
    summary: r.summary,
    range: { start: analysis.lines.positionAt(r.start), end: analysis.lines.positionAt(r.end) },
    depth: r.depth,
  };
}

export const revisionRequests: Feature = {
  register(ctx) {
    ctx.connection.onRequest(RevisionsRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const result: RevisionsResult = { revisions: revisionsOf(analysis).map((r) => item(analysis, r)) };
      return result;
    });

    ctx.connection.onRequest(NextRevisionRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const wanted = stepParams(analysis, params);
      if (!('offset' in wanted)) return wanted;
      const { offset, direction } = wanted;
      const revs = revisionsOf(analysis);
      const step = direction === 'next' ? nextRevision(revs, offset) : previousRevision(revs, offset);
      const result: NextRevisionResult = step
        ? { revision: item(analysis, step.revision), index: step.index, total: revs.length, wrapped: step.wrapped }
        : null;
      return result;
    });

    ctx.connection.onRequest(StatsRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const syntax = analysis.doc.syntax;
      const result: StatsResult = { ...countRevisionsIn(syntax), paragraphs: syntax.paragraphs.length };
      return result;
    });
  },
};
