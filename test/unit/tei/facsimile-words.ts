// Words at random places of a transcription, for the tests of the TEI export's facsimile.
import type { TeiFacsimileInput } from '../../../server/src/core/tei/facsimile-export';

/** Words at random source ranges of `src` (most cross a mark's edge, and get no <w>), on one page. */
export function randomWords(src: string, seed: number): TeiFacsimileInput {
  const words: TeiFacsimileInput['words'][number][] = [];
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 12 && src.length > 1; k++) {
    const s = Math.floor(next() * src.length);
    const e = Math.min(src.length, s + 1 + Math.floor(next() * 6));
    words.push({ start: s, end: e, page: 0, box: { x: k, y: k, w: 3, h: 4 }, approximate: false });
  }
  words.sort((a, b) => a.start - b.start);
  // Linked words do not overlap.
  let end = 0;
  const apart = words.filter((w) => w.start >= end && ((end = w.end), true));
  return { pages: [{ image: 'page 1.jpg', width: 100, height: 100 }], words: apart };
}
