// Hovers (`textDocument/hover`): the core's hover text for the position, then what the witness reads there; on the
// header's `witness:` line, where the witness is and what became of it (the witness service finds it; the core
// does no I/O).
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { headerValue, hoverAt, type HoverText } from '../core/index';
import type { Feature } from './context';
import { offsetOf, rangeOf } from './convert';

export const hover: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(async (params): Promise<Hover | null> => {
      const uri = params.textDocument?.uri;
      const base = typeof uri === 'string' ? ctx.analysis(uri) : undefined;
      if (!base) return null;
      // The sentences a hover quotes are the readings as the settings make them (`emend.readings.*`).
      const analysis = base.withOptions(await ctx.settings.readings(uri));
      const offset = offsetOf(analysis, params.position);
      if (offset === null) return null;
      const witness = headerValue(analysis.doc.header, 'witness');
      const onWitness = witness && witness.line.start <= offset && offset <= witness.line.end;
      const status = onWitness ? await ctx.witnesses.status(uri, base, witness.value) : undefined;
      const h = hoverAt(analysis, offset, status ? { witness: status } : {});
      const fromWitness = onWitness ? null : await ctx.witnesses.hover(uri, base, offset);
      const parts: HoverText[] = [...(h ? [h] : []), ...(fromWitness ? [fromWitness] : [])];
      if (parts.length === 0) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: parts.map((p) => p.markdown).join('\n\n---\n\n') },
        range: rangeOf(analysis, parts[0]!.start, parts[0]!.end),
      };
    });
  },
};
