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

export type WitnessStatusProvider = (
  ctx: ServerContext,
  uri: string,
  analysis: Analysis,
  path: string,
) => WitnessStatus | undefined;

let provider: WitnessStatusProvider = fileWitnessStatus;

/** Lets the witness loader report what it loaded (variants, errors) instead of a plain existence check. */
export function setWitnessStatusProvider(p: WitnessStatusProvider): void {
  provider = p;
}

/** More hover text at a place (e.g. what the witness reads there), after the core's. Markdown, already escaped. */
export type HoverSection = (
  ctx: ServerContext,
  uri: string,
  analysis: Analysis,
  offset: number,
) => { markdown: string; start: number; end: number } | null;

const sections: HoverSection[] = [];

export function addHoverSection(section: HoverSection): void {
  sections.push(section);
}

/** Where a witness path leads from a `file:` transcription, and whether a readable file is there. */
export function fileWitnessStatus(
  _ctx: ServerContext,
  uri: string,
  _analysis: Analysis,
  path: string,
): WitnessStatus | undefined {
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
      const uri = params?.textDocument?.uri;
      const analysis = typeof uri === 'string' ? ctx.analysis(uri) : undefined;
      if (!analysis) return null;
      const offset = offsetOf(analysis, params.position);
      if (offset === null) return null;
      const witness = headerValue(analysis.doc.header, 'witness');
      const onWitness = witness && witness.line.start <= offset && offset <= witness.line.end;
      const status = onWitness ? provider(ctx, uri, analysis, witness.value) : undefined;
      const h = hoverAt(analysis, offset, status ? { witness: status } : {});
      const more = onWitness ? [] : sections.map((s) => s(ctx, uri, analysis, offset)).filter((m) => m !== null);
      if (!h && more.length === 0) return null;
      const parts = [...(h ? [h] : []), ...more];
      const value = parts.map((p) => p.markdown).join('\n\n---\n\n');
      return {
        contents: { kind: MarkupKind.Markdown, value },
        range: rangeOf(analysis, parts[0]!.start, parts[0]!.end),
      };
    });
  },
};
