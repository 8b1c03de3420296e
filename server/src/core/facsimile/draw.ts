// A box drawn on the page for words of the transcription (the facsimile's draw mode): which words, and the PAGE
// XML text that records the link, a new file or the layout file the header names with the box added. The words
// are those the editor's selection touches (or the word at the cursor); the box links them as one line (one word
// region when it is one word), anchored by their text and how many times that text stood earlier in the
// transcription (layout.ts `drawn`), so the link survives edits elsewhere. Drawing again for any of those words
// replaces the earlier box. Pure: the host reads and writes the files.
import type { Box } from './layout';
import { findOccurrence, lineKeys, occurrenceAt, type TranscriptionWords } from './link';
import { editPageXml, newPageXml, readPageForEdit, type DrawnRegion, type PageImage } from './page-write';
import { readLayoutText } from './read-layout';

/** More words than this in one box are refused: a box is for a word, a phrase or a line, not a page. */
export const MAX_DRAWN_WORDS = 200;

export interface DrawInput {
  words: TranscriptionWords;
  /** The editor's selection, UTF-16 offsets into the transcription. */
  start: number;
  end: number;
  /** The page drawn on (0 for the first image) and the box, in pixels of its image. */
  page: number;
  box: Box;
  image: PageImage;
  /** The layout file the header names (its name as written and its text), or null: a new file is made. */
  layout: { name: string; text: string } | null;
  /** The file name a new layout gets (for messages). */
  newName: string;
  /** ISO 8601 UTC time, for the file's metadata. */
  now: string;
  /** The transcription's file name (for a new file's comment). */
  transcription: string;
}

export type DrawResult =
  | {
      ok: true;
      /** The layout file's new text. */
      text: string;
      /** The words linked, as the reading has them. */
      linked: string;
      wordCount: number;
      /** How many earlier boxes drawn for any of these words were replaced. */
      replaced: number;
    }
  | { ok: false; error: string };

/** The words [from, to) the selection [start, end) touches; with an empty selection, the word at the cursor. */
export function wordsInSelection(w: TranscriptionWords, start: number, end: number): [number, number] {
  const n = w.starts.length;
  let from = -1,
    to = -1;
  for (let i = 0; i < n; i++) {
    const hit = start === end ? w.starts[i]! <= start && start <= w.ends[i]! : w.starts[i]! < end && w.ends[i]! > start;
    if (hit) {
      if (from < 0) from = i;
      to = i + 1;
      if (start === end) break;
    } else if (from >= 0) break;
  }
  return from < 0 ? [0, 0] : [from, to];
}

export function drawLink(input: DrawInput): DrawResult {
  const { words: w } = input;
  const [from, to] = wordsInSelection(w, input.start, input.end);
  const m = to - from;
  if (m === 0) {
    return {
      ok: false,
      error: 'Select the words the box is for in the transcription (or put the cursor in a word), then draw the box.',
    };
  }
  if (m > MAX_DRAWN_WORDS) {
    return {
      ok: false,
      error: `The selection has ${m} words; a box links at most ${MAX_DRAWN_WORDS}. Select a word, a phrase or a line.`,
    };
  }
  const { width, height } = input.image;
  if (!(width > 0 && height > 0)) {
    return {
      ok: false,
      error: `The size of the page image ${input.image.name} is not known, so no box can be recorded.`,
    };
  }
  const x0 = clamp(Math.round(input.box.x), 0, width),
    y0 = clamp(Math.round(input.box.y), 0, height),
    x1 = clamp(Math.round(input.box.x + input.box.w), 0, width),
    y1 = clamp(Math.round(input.box.y + input.box.h), 0, height);
  if (x1 - x0 < 2 || y1 - y0 < 2) {
    return { ok: false, error: 'The box is too small, or outside the page: drag a box around the words on the page.' };
  }
  const box = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  const seq = w.keys.slice(from, to);
  // The line's text: the reading from the first word to the last, without its brackets for struck and inserted
  // text and with white space as single spaces; the words alone when what stands between them reads as words.
  let text = collapseSpace(w.reading.slice(w.readingStarts[from]!, w.readingEnds[to - 1]!));
  if (!sameKeys(lineKeys(text), seq)) text = w.texts.slice(from, to).join(' ');
  const drawn = {
    text,
    word: m === 1 ? w.texts[from]! : null,
    box,
    occurrence: occurrenceAt(w.keys, from, m),
  };

  const name = input.layout?.name ?? input.newName;
  const xml =
    input.layout?.text ??
    newPageXml(input.image, input.now, `Boxes drawn in Emend for words of ${input.transcription}.`);
  const file = readPageForEdit(name, xml);
  if ('error' in file) return { ok: false, error: file.error };
  if (input.page >= file.pages.length) {
    return {
      ok: false,
      error: `The layout file ${name} has ${file.pages.length} page${file.pages.length === 1 ? '' : 's'}; a box on page ${input.page + 1} cannot be recorded in it.`,
    };
  }
  // Earlier boxes for any of these words: replaced.
  const remove: DrawnRegion[] = file.drawn.filter((r) => {
    const k = lineKeys(r.text);
    const at = findOccurrence(w.keys, k, r.occurrence);
    return at >= 0 && at < to && at + k.length > from;
  });
  const out = editPageXml(xml, file, { page: input.page, remove, add: drawn, now: input.now });
  // What was written must read back as a layout (a check on this module, not on the user's file).
  const check = readLayoutText(name, out);
  if (!check.ok) return { ok: false, error: `Emend could not record the box in ${name}: ${check.error}` };
  return { ok: true, text: out, linked: text, wordCount: m, replaced: remove.length };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function collapseSpace(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27e6 || c === 0x27e7 || c === 0x2e0c || c === 0x2e0d) continue; // ⟦ ⟧ ⸌ ⸍ of the reading
    if (c === 32 || c === 9 || c === 10 || c === 13) space = true;
    else {
      if (space && out) out += ' ';
      space = false;
      out += s[i];
    }
  }
  return out;
}

/** The names a new layout file beside `stem.emend` may take, in order of preference: stem.page.xml, stem-2.page.xml… */
export function layoutFileName(stem: string, attempt: number): string {
  return attempt === 0 ? `${stem}.page.xml` : `${stem}-${attempt + 1}.page.xml`;
}
