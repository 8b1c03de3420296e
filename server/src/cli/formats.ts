// The output formats of `emend render`, one entry each. Adding a format (html, tei, ...) is adding an entry here,
// whose `render` calls a renderer in the pure core.
import type { Analysis, ReadingKind } from '../core/index';

export interface RenderOptions {
  /** The reading asked for with `--reading` (formats that encode every reading, like TEI, may ignore it). */
  reading: ReadingKind;
  /** The input's name as shown to the user (a path, or `-`), e.g. for a title. */
  name: string;
}

export interface RenderFormat {
  name: string;
  /** One line for `emend render --help`. */
  summary: string;
  /** The extension of the files `render --out-dir` writes, with its dot. */
  extension: string;
  /** The whole output for one input. */
  render(analysis: Analysis, options: RenderOptions): string;
}

const text: RenderFormat = {
  name: 'text',
  summary: 'the reading as plain text, paragraphs separated as in the transcription',
  extension: '.txt',
  render(analysis, options) {
    const t = analysis.reading(options.reading).text;
    return t.length === 0 || t.endsWith('\n') ? t : t + '\n';
  },
};

/** Every format of `emend render --format`. The first is the default. */
export const FORMATS: RenderFormat[] = [text];
