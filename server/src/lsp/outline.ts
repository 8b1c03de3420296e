// Standard LSP: document symbols (the outline, breadcrumbs, Go to Symbol) and folding ranges, from core/outline.ts.
import { SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import { foldingRanges, outline, type Analysis, type OutlineKind, type OutlineSymbol } from '../core/index';
import type { Feature } from './context';
import { revisionsOf } from './revisions';

const KIND: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.Namespace,
  field: SymbolKind.Property,
  page: SymbolKind.Module,
  column: SymbolKind.Package,
  paragraph: SymbolKind.String,
};

function toDocumentSymbol(analysis: Analysis, s: OutlineSymbol): DocumentSymbol {
  const at = (o: number) => analysis.lines.positionAt(o);
  return {
    name: s.name,
    detail: s.detail,
    kind: KIND[s.kind],
    range: { start: at(s.range.start), end: at(s.range.end) },
    selectionRange: { start: at(s.selectionRange.start), end: at(s.selectionRange.end) },
    children: s.children.map((c) => toDocumentSymbol(analysis, c)),
  };
}

function flatten(uri: string, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of symbols) {
    out.push({
      name: s.name,
      kind: s.kind,
      location: { uri, range: s.range },
      ...(container ? { containerName: container } : {}),
    });
    if (s.children) out.push(...flatten(uri, s.children, s.name));
  }
  return out;
}

export const documentOutline: Feature = {
  capabilities: {
    documentSymbolProvider: { label: 'Emend' },
    foldingRangeProvider: true,
  },
  register(ctx) {
    ctx.connection.onDocumentSymbol((params) => {
      const uri = params.textDocument?.uri;
      const analysis = typeof uri === 'string' ? ctx.analysis(uri) : undefined;
      if (!analysis) return null;
      const symbols = outline(analysis, revisionsOf(analysis)).map((s) => toDocumentSymbol(analysis, s));
      // Clients that cannot show a tree get the flat list LSP defined first.
      const hierarchical =
        ctx.clientCapabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
      return hierarchical ? symbols : flatten(uri, symbols);
    });
    ctx.connection.onFoldingRanges((params): FoldingRange[] | null => {
      const uri = params.textDocument?.uri;
      const analysis = typeof uri === 'string' ? ctx.analysis(uri) : undefined;
      if (!analysis) return null;
      return foldingRanges(analysis);
    });
  },
};
