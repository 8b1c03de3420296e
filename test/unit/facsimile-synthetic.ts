// A generated two-page case for the linking: a transcription with marks, and an "OCR" layout of the same pages
// with the usual faults (misread letters, two words run together, a word split in two), every word's true box
// recorded. Seeded, so a failure can be replayed.
import type { Box, LayoutLine, LayoutPage, LayoutWord } from '../../server/src/core/index';
import { boxPolygon } from '../../server/src/core/index';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const LETTERS = 'abcdefghiklmnoprstuvwz';

export interface SyntheticCase {
  source: string;
  pages: LayoutPage[];
  /** The true box of each word written in the source, by the source offset of its first character. */
  truth: Map<number, { box: Box; page: number }>;
  /** Source offsets of the words of the margin insertion the layout lacks. */
  inserted: number[];
  /** Source offsets of the struck words (present in the layout). */
  struck: number[];
  /** Source offsets of a passage the layout lacks altogether (a whole region the engine missed). */
  missing: number[];
}

const CHAR_W = 14,
  SPACE = 12,
  LINE_H = 48;

/** `pageBreaks`: each page begins with its page break naming its image (`|page{2 | page-2.jpg}`), and with
 *  'with layouts' its layout file too (`|page{2 | page-2.jpg | page-2.page.xml}`). */
export function syntheticCase(
  seed: number,
  linesPerPage = 18,
  wordsPerLine = 7,
  pageBreaks: boolean | 'with layouts' = false,
): SyntheticCase {
  const r = rng(seed);
  const word = () => {
    const len = 2 + Math.floor(r() * 9);
    let w = '';
    for (let k = 0; k < len; k++) w += LETTERS[Math.floor(r() * LETTERS.length)];
    return r() < 0.2 ? w[0]!.toUpperCase() + w.slice(1) : w;
  };
  const misread = (w: string) => {
    const k = Math.floor(r() * w.length);
    return w.slice(0, k) + (w[k] === 'n' ? 'u' : 'n') + w.slice(k + 1);
  };
  let source = '---\ntitle: synthetic\n---\n';
  const truth = new Map<number, { box: Box; page: number }>();
  const inserted: number[] = [],
    struck: number[] = [],
    missing: number[] = [];
  const pages: LayoutPage[] = [];
  for (let p = 0; p < 2; p++) {
    if (pageBreaks) {
      const layout = pageBreaks === 'with layouts' ? ` | page-${p + 1}.page.xml` : '';
      source += `|page{${p + 1} | page-${p + 1}.jpg${layout}}\n`;
    }
    const lines: LayoutLine[] = [];
    for (let l = 0; l < linesPerPage; l++) {
      const y = 100 + l * LINE_H;
      let x = 80;
      const ws: string[] = [];
      for (let k = 0; k < wordsPerLine; k++) ws.push(word());
      const struckLine = p === 1 && l === 6;
      const boxes: Box[] = ws.map((w) => {
        const b = { x, y, w: w.length * CHAR_W, h: 34 };
        x += b.w + SPACE;
        return b;
      });
      // The source: the line's words, one with a comma after it; a struck line in ~~…~~.
      let text = '';
      ws.forEach((w, k) => {
        if (k) text += ' ';
        const at = source.length + (struckLine ? 2 : 0) + text.length;
        truth.set(at, { box: boxes[k]!, page: p });
        if (struckLine) struck.push(at);
        text += w + (k === 3 ? ',' : '');
      });
      if (struckLine) text = `~~${text}~~`;
      source += text;
      if (p === 0 && l === 4) {
        // An insertion written in the margin, which the engine did not read.
        source += ' ^{';
        for (let k = 0; k < 2; k++) {
          if (k) source += ' ';
          inserted.push(source.length);
          source += word();
        }
        source += '}';
      }
      source += '\n';
      if (p === 0 && l === 9) {
        // A passage of the transcription on a pasted slip the layout does not cover.
        for (let k = 0; k < 20; k++) {
          missing.push(source.length);
          source += word() + (k % 7 === 6 ? '\n' : ' ');
        }
        source += '\n';
      }
      // The layout's words, with faults.
      const lw: LayoutWord[] = [];
      for (let k = 0; k < ws.length; k++) {
        let text = ws[k]! + (k === 3 ? ',' : '');
        const b = boxes[k]!;
        const fault = r();
        if (fault < 0.12) text = misread(text);
        if (fault > 0.95 && k + 1 < ws.length) {
          // Two words read as one.
          const b2 = boxes[k + 1]!;
          const merged = { x: b.x, y: b.y, w: b2.x + b2.w - b.x, h: b.h };
          lw.push({ text: text + ws[k + 1]!, box: merged, polygon: boxPolygon(merged), glyphs: null, id: '' });
          k++;
          continue;
        }
        if (fault > 0.9 && fault <= 0.95 && text.length >= 6) {
          // One word read as two.
          const cut = Math.floor(text.length / 2);
          const left = { x: b.x, y: b.y, w: cut * CHAR_W, h: b.h };
          const right = { x: b.x + cut * CHAR_W + 4, y: b.y, w: b.w - cut * CHAR_W - 4, h: b.h };
          lw.push({ text: text.slice(0, cut), box: left, polygon: boxPolygon(left), glyphs: null, id: '' });
          lw.push({ text: text.slice(cut), box: right, polygon: boxPolygon(right), glyphs: null, id: '' });
          continue;
        }
        lw.push({ text, box: b, polygon: boxPolygon(b), glyphs: null, id: '' });
      }
      const lineBox = { x: 80, y, w: x - SPACE - 80, h: 34 };
      lines.push({
        text: lw.map((w) => w.text).join(' '),
        box: lineBox,
        polygon: boxPolygon(lineBox),
        id: `p${p}l${l}`,
        words: lw,
        wordsEstimated: false,
      });
    }
    pages.push({ imageName: `page-${p + 1}.jpg`, width: 1400, height: 1200, unit: 'pixel', lines });
  }
  return { source, pages, truth, inserted, struck, missing };
}
