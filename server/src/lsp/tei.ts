// emend/exportTei and emend/importTei: the core's TEI export of an open document (with the `emend.tei.*`
// settings pulled for that document) and its TEI import of a file's content. No markup logic here.
import type { ResponseError } from 'vscode-languageserver';
import { decodeXmlBytes, exportTei, importTei, teiOptions } from '../core/index';
import {
  decodeBase64,
  ExportTeiRequest,
  ImportTeiRequest,
  type ExportTeiResult,
  type ImportTeiResult,
} from '../protocol';
import { readFacsimile, type FacsimileCache } from '../host/facsimile-files';
import { parentFolder } from '../host/uris';
import type { Feature } from './context';
import { analysisFor, field, invalid } from './request-params';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
    const cache: FacsimileCache = new Map();
    ctx.connection.onRequest(ExportTeiRequest, async (params: unknown) => {
      const analysis = analysisFor(ctx, params);
      if (!('doc' in analysis)) return analysis;
      const uri = field(params, 'uri') as string;
      const override = field(params, 'options');
      if (override !== undefined && !isRecord(override))
        return invalid('Expected `options` to be an object of TEI options.');
      const target = field(params, 'target');
      if (target !== undefined && typeof target !== 'string')
        return invalid('Expected `target` to be the URI the TEI will be written to.');
      const settings = await ctx.settings.tei(uri);
      const { options, errors } = teiOptions({ ...settings, ...(override ?? {}) });
      if (!options.sourceName) options.sourceName = fileName(uri);
      // The facsimile's images and layout, read through the host as the facsimile view reads them (in Restricted
      // Mode only inside the workspace); nothing is fetched from the web. The images are named from the target.
      const facsimile = await readFacsimile(
        ctx.host,
        analysis,
        parentFolder(uri),
        cache,
        target === undefined ? undefined : parentFolder(target),
      );
      const result = exportTei(analysis.doc, options, facsimile ?? undefined);
      const response: ExportTeiResult = {
        xml: result.xml,
        warnings: [
          ...errors.map((e) => `Setting emend.tei: ${e}; the default is used.`),
          ...(facsimile?.errors ?? []).map((e) => `Facsimile: ${e}`),
          ...result.warnings,
        ],
      };
      return response;
    });

    ctx.connection.onRequest(ImportTeiRequest, (params: unknown): ImportTeiResult | ResponseError => {
      const base64 = field(params, 'base64');
      const text = field(params, 'text');
      let source: string;
      if (typeof base64 === 'string') {
        let bytes: Uint8Array;
        try {
          bytes = decodeBase64(base64);
        } catch {
          return invalid('Expected `base64` to hold base64 text.');
        }
        const decoded = decodeXmlBytes(bytes);
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
