// Hovers (`textDocument/hover`): the core's hover text for the position; for the header's `witness:` line, the
// witness's status, resolved here (the core does no I/O) relative to the transcription's own file. The witness
// comparison can supply a richer status with setWitnessStatusProvider.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MarkupKind } from 'vscode-languageserver/node';
import { headerValue, hoverAt, type Analysis, type WitnessStatus } from '../core/index';
import type { Feature, ServerContext } from './context';
import { offsetOf, rangeOf } from './convert';

export type WitnessStatusProvider = (ctx: ServerContext, uri: string, analysis: Analysis, path: string) => WitnessStatus | undefined;

let provider: WitnessStatusProvider = fileWitnessStatus;

/** Lets the witness loader report what it loaded (variants, errors) instead of a plain existence check. */
export function setWitnessStatusProvider(p: WitnessStatusProvider): void {
  provider = p;
}

/** Where a witness path leads from a `file:` transcription, and whether a readable file is there. */
export function fileWitnessStatus(_ctx: ServerContext, uri: string, _analysis: Analysis, path: string): WitnessStatus | undefined {
  if (!path) return { location: '(empty)', found: false, detail: 'the witness line names no file' };
  let base: string;
  try {
    if (!uri.startsWith('file:')) return isAbsolute(path) ? statusOf(path) : undefined;
    base = dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
  return statusOf(resolve(base, path));
}

function statusOf(location: string): WitnessStatus {
  try {
    const st = statSync(location);
    if (!st.isFile()) return { location, found: false, detail: 'that is a folder, not a file' };
    return { location, found: true, detail: `${st.size} bytes` };
  } catch {
    return { location, found: false };
  }
}

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover((params) => {
      const uri = params.textDocument.uri;
      const analysis = ctx.analysis(uri);
      if (!analysis) return null;
      const offset = offsetOf(analysis, params.position);
      if (offset === null) return null;
      const witness = headerValue(analysis.doc.header, 'witness');
      const onWitness = witness && witness.line.start <= offset && offset <= witness.line.end;
      const status = onWitness ? provider(ctx, uri, analysis, witness.value) : undefined;
      const h = hoverAt(analysis, offset, status ? { witness: status } : {});
      if (!h) return null;
      return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: rangeOf(analysis, h.start, h.end) };
    });
  },
};
