// How well the linking places the Kant sample's words (samples/kant-1784/): each word of the transcription is
// linked through the real OCR layout, and its box compared with the ground truth's box for the same word
// (test/fixtures/facsimile/gt.page.xml). The ground truth's words are aligned with the transcription on their own,
// by an exact longest common subsequence of folded words (the two are the same text), independently of the
// linking's alignment. Shared by the unit test (the goal) and `npm run bench facsimile` (the figure).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  fitToImage,
  foldText,
  imageInfo,
  iou,
  linkWords,
  readLayout,
  wordKey,
  words,
  type Box,
  type LayoutPage,
  type Links,
} from '../../server/src/core/index';

const ROOT = join(__dirname, '..', '..', '..');

export interface KantInputs {
  source: string;
  ocr: LayoutPage;
  gt: LayoutPage;
}

export function kantInputs(): KantInputs {
  const dir = join(ROOT, 'samples', 'kant-1784');
  const source = readFileSync(join(dir, 'kant-1784-p484.emend'), 'utf8');
  const image = imageInfo('page.jpg', readFileSync(join(dir, 'page.jpg')));
  if (!image.ok) throw new Error(image.error);
  const page = (path: string, name: string) => {
    const l = readLayout(name, readFileSync(path));
    if (!l.ok) throw new Error(l.error);
    const fit = fitToImage(l.layout.pages[0]!, image.info, 'page.jpg');
    if (!fit.ok) throw new Error(fit.error);
    return fit.page;
  };
  return {
    source,
    ocr: page(join(dir, 'ocr-tesseract.page.xml'), 'ocr-tesseract.page.xml'),
    gt: page(join(ROOT, 'test', 'fixtures', 'facsimile', 'gt.page.xml'), 'gt.page.xml'),
  };
}

export interface Accuracy {
  words: number;
  /** Words whose box overlaps the ground truth's with IoU >= 0.5. */
  good: number;
  share: number;
  /** Transcription words with no counterpart in the ground truth (should be 0: the same text). */
  withoutTruth: number;
  misses: string[];
}

/** Ground-truth word boxes, one per word token (as the collation tokenises), in reading order. */
function truthTokens(gt: LayoutPage): { keys: string[]; boxes: Box[] } {
  const keys: string[] = [],
    boxes: Box[] = [];
  for (const line of gt.lines)
    for (const w of line.words) {
      const ws = words(foldText(w.text));
      for (let k = 0; k < ws.length; k++) {
        keys.push(wordKey(ws.texts[k]!));
        boxes.push(w.box);
      }
    }
  return { keys, boxes };
}

/** Exact LCS of two key lists: for each of `a`, the index in `b`, or -1. */
function lcs(a: string[], b: string[]): Int32Array {
  const n = a.length,
    m = b.length,
    w = m + 1;
  const d = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      d[i * w + j] = a[i] === b[j] ? d[(i + 1) * w + j + 1]! + 1 : Math.max(d[(i + 1) * w + j]!, d[i * w + j + 1]!);
  const out = new Int32Array(n).fill(-1);
  let i = 0,
    j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out[i++] = j++;
    else if (d[(i + 1) * w + j]! >= d[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

export function accuracy(links: Links, gt: LayoutPage): Accuracy {
  const truth = truthTokens(gt);
  const keys = links.words.map((w) => wordKey(foldText(w.text)));
  const toTruth = lcs(keys, truth.keys);
  let good = 0,
    withoutTruth = 0;
  const misses: string[] = [];
  links.words.forEach((w, i) => {
    const t = toTruth[i]!;
    if (t < 0) {
      withoutTruth++;
      return;
    }
    const score = w.box ? iou(w.box, truth.boxes[t]!) : 0;
    if (score >= 0.5) good++;
    else misses.push(`${w.text} (${w.box ? `IoU ${score.toFixed(2)}${w.approximate ? ', line' : ''}` : 'no box'})`);
  });
  return { words: links.words.length, good, share: good / links.words.length, withoutTruth, misses };
}

export function kantAccuracy(inputs = kantInputs()): Accuracy {
  return accuracy(linkWords(analyze(inputs.source), [inputs.ocr]), inputs.gt);
}
