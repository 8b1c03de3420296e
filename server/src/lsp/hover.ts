// Hovers (`textDocument/hover`): the core's hover text for the position (revision summary and both readings),
// followed, when the transcription has a witness, by what the witness reads there (the collation's hover). On the
// header's `witness:` line: where the witness is and whether it was found, resolved by the witness feature the
// same way it loads it for collation (the core does no I/O). Another status source can be plugged in with
// setWitnessStatusProvider.
import { statSync } from 'node:fs';
import { MarkupKind } from 'vscode-languageserver/node';
import { collationHover, headerValue, hoverAt, wordAtSource, type Analysis, type WitnessStatus } from '../core/index';
import type { Feature, ServerContext } from './context';
import { offsetOf, rangeOf } from './convert';
import { collationFor, resolveWitness } from './witness';

export type WitnessStatusProvider = (ctx: ServerContext, uri: string, analysis: Analysis, path: string) => WitnessStatus | undefined;

let provider: WitnessStatusProvider = witnessStatus;

/** Replaces how the witness line's status is found (tests, other loaders). */
export function setWitnessStatusProvider(p: WitnessStatusProvider): void {
  provider = p;
}

/** Where the witness line leads, whether a file is there, and what comparing with it gave. */
export function witnessStatus(_ctx: ServerContext, uri: string, analysis: Analysis, path: string): WitnessStatus | undefined {
  const target = resolveWitness(uri, path);
  if ('error' in target) return uri.startsWith('file:') ? { location: path || '(none)', found: false, detail: target.error } : undefined;
  let isFile = false;
  try {
    const st = statSync(target.path);
    if (!st.isFile()) return { location: target.path, found: true, error: 'that is a folder, not a file' };
    isFile = true;
  } catch { /* missing: reported below */ }
  if (!isFile) return { location: target.path, found: false };
  const r = collationFor(uri, analysis);
  if (r && 'error' in r) return { location: target.path, found: true, error: r.error };
  if (r && 'collation' in r) {
    return { location: target.path, found: true, detail: `${(r.collation.agreement * 100).toFixed(1)}% of the words agree with the final reading` };
  }
  return { location: target.path, found: true };
}

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover((params) => {
      const uri = params?.textDocument?.uri;
      const analysis = typeof uri === 'string' ? ctx.analysis(uri) : undefined;
      if (!analysis) return null;
      const offset = offsetOf(analysis, params.position);
      if (offset === null) return null;
      const witness = headerValue(analysis.doc.header, 'witness');
      const onWitness = witness && witness.line.start <= offset && offset <= witness.line.end;
      const status = onWitness ? provider(ctx, uri, analysis, witness.value) : undefined;
      const h = hoverAt(analysis, offset, status ? { witness: status } : {});
      const compared = onWitness || offset < analysis.doc.bodyStart ? null : witnessPart(uri, analysis, offset);
      if (!h && !compared) return null;
      const value = [h?.markdown, compared?.markdown].filter((v): v is string => !!v).join('\n\n---\n\n');
      const span = h ?? compared!;
      return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(analysis, span.start, span.end) };
    });
  },
};

/** What the witness reads at the offset, when the transcription has a usable witness. */
function witnessPart(uri: string, analysis: Analysis, offset: number): { markdown: string; start: number; end: number } | null {
  if (!headerValue(analysis.doc.header, 'witness')) return null;
  const r = collationFor(uri, analysis);
  if (!r || !('collation' in r)) return null;
  const markdown = collationHover(analysis, r.collation, offset);
  if (!markdown) return null;
  const i = wordAtSource(r.collation, offset);
  return i >= 0 ? { markdown, start: r.collation.a.srcStarts[i]!, end: r.collation.a.srcEnds[i]! } : { markdown, start: offset, end: offset };
}
