// The output formats of `emend render`, one entry each. Adding a format (html, tei, ...) is adding an entry here,
// whose `render` calls a renderer in the pure core.
import { basename, dirname } from 'node:path';
import {
  exportTei,
  READING_KINDS,
  renderPage,
  teiOptions,
  VIEW_IDS,
  type Analysis,
  type Sigla,
  type TeiExportOptions,
} from '../core/index';
import { collationSource } from './witness';
import { readFacsimile } from '../host/facsimile-files';
import { nodeFiles } from '../host/node';
import { fileUri } from '../host/uris';

export interface RenderOptions {
  /** The reading or view asked for with `--reading` / `--view`, one of the format's `views`. */
  view: string;
  /** The HTML diplomatic view's sigla style (`--sigla`); the default style when absent. */
  sigla?: Sigla;
  /** The input's name as shown to the user (a path, or `-`), e.g. for a title. */
  name: string;
  /** The TEI export's choices (`--tei key=value,...`); defaults when absent. */
  tei?: TeiExportOptions;
  /** Reports something the user should know about one output (it is still written). */
  warn?: (message: string) => void;
  /** The input's absolute path (null for standard input) and the working directory: where the witness is found. */
  path?: string | null;
  cwd?: string;
  /** The file the output goes to (an absolute path), or undefined when it is printed. */
  target?: string;
}

export interface RenderFormat {
  name: string;
  /** One line for `emend render --help`. */
  summary: string;
  /** What `--reading`/`--view` choose among for this format, what to call them, and the default. */
  views: readonly string[];
  viewNoun: 'reading' | 'view';
  defaultView: string;
  /** The extension of the files `render --out-dir` writes, with its dot. */
  extension: string;
  /** The whole output for one input. */
  render(analysis: Analysis, options: RenderOptions): Promise<string>;
}

const text: RenderFormat = {
  name: 'text',
  summary: 'the reading as plain text, paragraphs separated as in the transcription',
  views: READING_KINDS,
  viewNoun: 'reading',
  defaultView: 'final',
  extension: '.txt',
  async render(analysis, options) {
    const t = analysis.reading(options.view as (typeof READING_KINDS)[number]).text;
    return t.length === 0 || t.endsWith('\n') ? t : t + '\n';
  },
};

const html: RenderFormat = {
  name: 'html',
  summary: `a self-contained HTML page (inline CSS, no scripts) of a view: ${VIEW_IDS.join(', ')}`,
  views: VIEW_IDS,
  viewNoun: 'view',
  defaultView: 'diplomatic',
  extension: '.html',
  async render(analysis, options) {
    const collation =
      options.view === 'collation'
        ? await collationSource(analysis, options.path ?? null, options.cwd ?? process.cwd())
        : undefined;
    return renderPage(analysis, options.view, {
      fallbackTitle: options.name === '-' ? undefined : basename(options.name),
      ...(collation ? { collation } : {}),
      ...(options.sigla ? { sigla: options.sigla } : {}),
    });
  },
};

const tei: RenderFormat = {
  name: 'tei',
  summary:
    'a TEI P5 document (valid against schema/emend-tei.rng), with the facsimile the header names (its page images, a zone per linked word); choices with --tei, see docs/tei.md',
  views: ['transcription'],
  viewNoun: 'view',
  defaultView: 'transcription',
  extension: '.xml',
  async render(analysis, options) {
    const base = options.tei ?? teiOptions({}).options;
    // The page images and layout the header names, beside the transcription (standard input: the working folder).
    // Written to a file, the images are named relative to it; printed, as the header names them.
    const path = options.path ?? null;
    const facsimile = await readFacsimile(
      nodeFiles,
      analysis,
      fileUri(path === null ? (options.cwd ?? process.cwd()) : dirname(path)),
      undefined,
      options.target === undefined ? undefined : fileUri(dirname(options.target)),
    );
    const result = exportTei(
      analysis.doc,
      { ...base, sourceName: base.sourceName || (options.name === '-' ? '' : basename(options.name)) },
      facsimile ?? undefined,
    );
    for (const e of facsimile?.errors ?? []) options.warn?.(`facsimile: ${e}`);
    for (const w of result.warnings) options.warn?.(w);
    return result.xml;
  },
};

/** Every format of `emend render --format`. The first is the default. */
export const FORMATS: RenderFormat[] = [text, html, tei];
