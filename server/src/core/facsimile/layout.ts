// The layout of scanned pages, as OCR/HTR tools export it (PAGE XML, ALTO): pages, their lines in reading order,
// and the words of each line, every one with its place on the page image. One model for both formats, so the
// linking (link.ts), the command line and the viewer never see which format a file was.

/** An axis-aligned rectangle in pixels of the page image, origin top left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutWord {
  /** The text as the layout file has it (OCR misreadings included). */
  text: string;
  box: Box;
  /** The outline as the file gives it (flat x,y pairs), or the box's corners. */
  polygon: number[];
  /** Boxes of the characters, one per UTF-16 code unit of `text`, when the file has glyphs that add up; else null. */
  glyphs: Box[] | null;
  /** The `id` / `ID` attribute, or '' when the file has none. */
  id: string;
}

export interface LayoutLine {
  text: string;
  box: Box;
  polygon: number[];
  id: string;
  words: LayoutWord[];
  /** True when the file gave only the line's text and its words were placed by dividing the line by characters. */
  wordsEstimated: boolean;
  /**
   * A box drawn in Emend for words of the transcription (PAGE `custom="emend {occurrence:N;}"`, draw.ts): the
   * line's words are those words, the Nth time they stand in that order in the transcription, linked directly
   * rather than by aligning the texts.
   */
  drawn?: DrawnAnchor;
}

export interface DrawnAnchor {
  /** How many times the line's words stand, in that order, earlier in the transcription's diplomatic reading. */
  occurrence: number;
}

export interface LayoutPage {
  /** The image the file names (`imageFilename` in PAGE, `sourceImageInformation/fileName` in ALTO); '' if none. */
  imageName: string;
  /** The image size the file states (0 when it states none), in `unit`. */
  width: number;
  height: number;
  /** What the coordinates count: image pixels (PAGE, most ALTO), or ALTO's tenths of a millimetre or 1/1200 inch. */
  unit: LayoutUnit;
  lines: LayoutLine[];
}

export type LayoutUnit = 'pixel' | 'mm10' | 'inch1200';

export type LayoutFormat =
  'PAGE 2019' | 'PAGE 2013' | 'PAGE 2010' | 'PAGE' | 'ALTO v1' | 'ALTO v2' | 'ALTO v3' | 'ALTO v4';

export interface Layout {
  format: LayoutFormat;
  pages: LayoutPage[];
}

export type LayoutLoad = { ok: true; layout: Layout } | { ok: false; error: string };
