// The editorial mark commands' requests (beyond emend/toggleMark): emend/nextEditorialMark (Go to Next / Previous
// Editorial Mark), emend/pageNumber and emend/insertPageBreak (Insert Page Break),
// emend/placement and emend/setPlacement (Set Placement of Insertion). The core decides; this checks the requests.
import {
  InsertPageBreakRequest,
  NextEditorialMarkRequest,
  PageNumberRequest,
  PlacementRequest,
  SetPlacementRequest,
  type NextEditorialMarkResult,
  type PlacementResult,
  type ToggleMarkResult,
} from '../protocol';
import {
  editorialMarks,
  nextRevision,
  previousRevision,
  insertionAt,
  insertPageBreak,
  placementOf,
  PLACEMENTS,
  setPlacement,
  suggestedPageNumber,
  type Placement,
} from '../core/index';
import type { Feature, ServerContext } from './context';
import { analysisFor, field, invalid, isPosition, stepParams } from './request-params';
import { editResult } from './toggle-mark';

const STALE: ToggleMarkResult = {
  message: 'The document changed while the command ran; nothing was changed. Try again.',
};

function isStale(ctx: ServerContext, params: unknown): boolean {
  const version = field(params, 'version');
  const doc = ctx.documents.get(field(params, 'uri') as string);
  return typeof version === 'number' && doc !== undefined && doc.version !== version;
}

export const editorialCommandRequests: Feature = {
  register(ctx) {
    ctx.connection.onRequest(NextEditorialMarkRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const wanted = stepParams(analysis, params);
      if (!('offset' in wanted)) return wanted;
      const { offset, direction } = wanted;
      const marks = editorialMarks(analysis.doc);
      const step = direction === 'next' ? nextRevision(marks, offset) : previousRevision(marks, offset);
      const at = (o: number) => analysis.lines.positionAt(o);
      const result: NextEditorialMarkResult = step
        ? {
            mark: {
              range: { start: at(step.revision.start), end: at(step.revision.end) },
              summary: step.revision.summary,
            },
            index: step.index,
            total: marks.length,
            wrapped: step.wrapped,
          }
        : null;
      return result;
    });
    ctx.connection.onRequest(PageNumberRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const position = field(params, 'position');
      if (!isPosition(position)) return invalid('Expected `position` with `line` and `character`.');
      return { n: suggestedPageNumber(analysis, analysis.lines.offsetAt(position)) };
    });
    ctx.connection.onRequest(InsertPageBreakRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const position = field(params, 'position');
      const n = field(params, 'n'),
        image = field(params, 'image');
      if (!isPosition(position)) return invalid('Expected `position` with `line` and `character`.');
      if (typeof n !== 'string' || typeof image !== 'string') return invalid('Expected strings `n` and `image`.');
      if (isStale(ctx, params)) return STALE;
      return editResult(analysis, insertPageBreak(analysis, analysis.lines.offsetAt(position), n, image));
    });
    ctx.connection.onRequest(PlacementRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const position = field(params, 'position');
      if (!isPosition(position)) return invalid('Expected `position` with `line` and `character`.');
      const m = insertionAt(analysis, analysis.lines.offsetAt(position));
      const result: PlacementResult = m
        ? { placement: placementOf(m) }
        : {
            message: 'There is no insertion at the cursor; put the cursor in an insertion ^{…} to set where it stands.',
          };
      return result;
    });
    ctx.connection.onRequest(SetPlacementRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const position = field(params, 'position');
      const placement = field(params, 'placement');
      if (!isPosition(position)) return invalid('Expected `position` with `line` and `character`.');
      if (typeof placement !== 'string' || !(PLACEMENTS as readonly string[]).includes(placement))
        return invalid(`Expected \`placement\` to be one of ${PLACEMENTS.join(', ')}.`);
      if (isStale(ctx, params)) return STALE;
      const offset = analysis.lines.offsetAt(position);
      return editResult(analysis, setPlacement(analysis, offset, placement as Placement));
    });
  },
};
