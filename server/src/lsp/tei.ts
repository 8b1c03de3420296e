// emend/exportTei and emend/importTei: the core's TEI export of an open document (with the `emend.tei.*`
// settings pulled for that document) and its TEI import of a file's content. No markup logic here.
import { decodeXmlBytes, exportTei, importTei, teiOptions } from '../core/index';
import { ExportTeiRequest, ImportTeiRequest, type ExportTeiResult, type ImportTeiResult } from '../protocol';
import type { Feature, ServerContext } from './context';
import { analysisFor, field, invalid } from './request-params';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `emend.tei` settings for a document, or {} when the client cannot be asked. */
async function teiSettings(ctx: ServerContext, uri: string): Promise<Record<string, unknown>> {
  if (!ctx.clientCapabilities().workspace?.configuration) return {};
  try {
    const value: unknown = await ctx.connection.workspace.getConfiguration({ scopeUri: uri, section: 'emend.tei' });
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export const tei: Feature = {
  register(ctx) {
    ctx.connection.onRequest(ExportTeiRequest, async (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const uri = field(params, 'uri') as string;
      const override = field(params, 'options');
      if (override !== undefined && !isRecord(override))
        return invalid('Expected `options` to be an object of TEI options.');
      const settings = await teiSettings(ctx, uri);
      const { options, errors } = teiOptions({ ...settings, ...(override ?? {}) });
      if (!options.sourceName) options.sourceName = fileName(uri);
      const result = exportTei(analysis.doc, options);
      const response: ExportTeiResult = {
        xml: result.xml,
        warnings: [...errors.map((e) => `Setting emend.tei: ${e}; the default is used.`), ...result.warnings],
      };
      return response;
    });

    ctx.connection.onRequest(ImportTeiRequest, (params: unknown): ImportTeiResult => {
      const base64 = field(params, 'base64');
      const text = field(params, 'text');
      let source: string;
      if (typeof base64 === 'string') {
        const decoded = decodeXmlBytes(Buffer.from(base64, 'base64'));
        if (!decoded.ok) return { error: decoded.error };
        source = decoded.text;
      } else if (typeof text === 'string') {
        source = text;
      } else {
        return { error: "Expected params with a string `base64` (the file's bytes) or `text`." };
      }
      const result = importTei(source);
      return result.ok ? { markup: result.markup, warnings: result.warnings } : { error: result.error };
    });
  },
};
