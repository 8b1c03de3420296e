// emend/toggleMark: the Mark as Deleted / Inserted / In Another Hand / Supplied / Unclear commands, Add Editorial
// Note and Insert Gap. The core decides the edits; this module only checks the request and converts offsets to
// positions.
import { ToggleMarkRequest, type ToggleMarkParams, type ToggleMarkResult } from '../protocol';
import {
  insertGap,
  plainMessage,
  toggleEditorial,
  toggleMark,
  type Analysis,
  type Position,
  type TextEdit,
  type ToggleResult,
} from '../core/index';
import type { Feature } from './context';
import { analysisFor, field, invalid, isRange } from './request-params';

export const toggleMarkRequest: Feature = {
  register(ctx) {
    ctx.connection.onRequest(ToggleMarkRequest, (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const range = field(params, 'range');
      const kind = field(params, 'kind');
      const version = field(params, 'version');
      if (!isRange(range)) return invalid('Expected `range` with `start` and `end` positions.');
      if (typeof kind !== 'string' || !KINDS.includes(kind as Kind))
        return invalid(`Expected \`kind\` to be one of ${KINDS.map((k) => `\`${k}\``).join(', ')}.`);
      const doc = ctx.documents.get(field(params, 'uri') as string);
      if (typeof version === 'number' && doc && doc.version !== version) {
        const stale: ToggleMarkResult = {
          message: 'The document changed while the command ran; nothing was changed. Try again.',
        };
        return stale;
      }
      const lines = analysis.lines;
      const s = lines.offsetAt(range.start),
        e = lines.offsetAt(range.end);
      const k = kind as Kind;
      const r =
        k === 'gap'
          ? insertGap(analysis, s, e)
          : k === 'unclear' || k === 'note'
            ? toggleEditorial(analysis, s, e, k)
            : toggleMark(analysis, s, e, k);
      return editResult(analysis, r);
    });
  },
};

type Kind = ToggleMarkParams['kind'];
const KINDS: readonly Kind[] = ['del', 'add', 'hand', 'supplied', 'unclear', 'note', 'gap'];

/** A core edit result as the protocol sends it: positions instead of offsets, or the refusal's message. */
export function editResult(analysis: Analysis, r: ToggleResult): ToggleMarkResult {
  if (!r.ok) return { message: plainMessage(r.message) };
  const lines = analysis.lines;
  // Edits are in the original document's coordinates; the selection is in the edited document's, which
  // differ from the original only by what the edits insert and remove.
  return {
    action: r.action,
    edits: r.edits.map((e) => ({
      range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) },
      newText: e.newText,
    })),
    selection: {
      start: positionAfter(analysis, r.edits, r.selection.start),
      end: positionAfter(analysis, r.edits, r.selection.end),
    },
  };
}

/**
 * The (line, character) of `offset` in the text that results from applying `edits` to the analysed source.
 * Only the stretch from the line of the first edit is rebuilt: the edits lie in one paragraph, and nothing
 * before that line moves.
 */
function positionAfter(analysis: Analysis, edits: TextEdit[], offset: number): Position {
  if (edits.length === 0) return analysis.lines.positionAt(offset);
  const source = analysis.source;
  const base = analysis.lines.positionAt(edits[0]!.start).line;
  const from = analysis.lines.lineStart(base);
  let out = '';
  let k = from;
  const want = offset - from;
  for (const e of edits) {
    if (out.length + (e.start - k) >= want) break;
    out += source.slice(k, e.start) + e.newText;
    k = e.end;
  }
  if (out.length < want) out += source.slice(k, k + (want - out.length));
  out = out.slice(0, want);
  let line = base;
  for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n', i + 1)) line++;
  return { line, character: out.length - (out.lastIndexOf('\n') + 1) };
}
