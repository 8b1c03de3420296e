// Generated witness pairs with planted findings, to measure what a transcriber sees by default: a text; the witness,
// made from it as handwriting recognition makes one (misread letters, lines broken anew, a running head and a page
// number on every page); and the transcription in Emend's markup, made from the same text with correct revisions
// and with planted slips and real differences, each recorded with its place in the transcription's source.
// Seeded, so a failure can be replayed.
import { likeness } from '../../server/src/core/index';
import { rng } from './facsimile-synthetic';

export type PlantKind =
  'misplaced-insertion' | 'missed-deletion' | 'substitution' | 'omission' | 'addition' | 'transposition';

export const PLANT_KINDS: readonly PlantKind[] = [
  'misplaced-insertion',
  'missed-deletion',
  'substitution',
  'omission',
  'addition',
  'transposition',
];

export interface Plant {
  kind: PlantKind;
  /** The source span in the transcription a report must touch (for an addition, the word before it). */
  start: number;
  end: number;
  what: string;
}

export interface PlantedPair {
  transcription: string;
  witness: string;
  plants: Plant[];
  /** Running heads and page numbers put in the witness. */
  heads: number;
}

const SYLLABLES = ['ka', 'to', 're', 'mi', 'an', 'sel', 'por', 'ti', 'der', 'ul', 'ven', 'os', 'ma', 'lin', 'gra'];
const MORE = ['che', 'fo', 'bu', 'ne', 'ist', 'wal', 'qu', 'ro', 'em', 'sta', 'di', 'he', 'plo', 'cu', 'ar'];

function vocabulary(r: () => number, size: number): string[] {
  const all = [...SYLLABLES, ...MORE];
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < size) {
    const n = 1 + Math.floor(r() * 3);
    let w = '';
    for (let k = 0; k < n; k++) w += all[Math.floor(r() * all.length)];
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const LETTERS = 'abcdefghiklmnoprstuvwz';

/** One letter changed, dropped or added, as a recogniser misreads a word. */
function misread(r: () => number, w: string): string {
  const at = Math.floor(r() * w.length);
  const c = LETTERS[Math.floor(r() * LETTERS.length)]!;
  const op = r();
  const out =
    op < 0.6 || w.length <= 3
      ? w.slice(0, at) + c + w.slice(at + 1)
      : op < 0.8
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at) + c + w.slice(at);
  return out === w ? w + c : out;
}

export interface PlantOptions {
  words?: number;
  /** Share of the witness's words misread. */
  misread?: number;
  /** Words per page of the witness (a running head and a page number on each). */
  page?: number;
}

/** A pair with one of each planted kind every `spacing` words or so, in turn. */
export function plantedPair(seed: number, options: PlantOptions = {}): PlantedPair {
  const r = rng(seed);
  const n = options.words ?? 1500;
  const vocab = vocabulary(r, 400);
  // Zipf-like: earlier words far more frequent.
  const word = () => vocab[Math.floor(vocab.length * Math.pow(r(), 3))]!;
  const text: string[] = Array.from({ length: n }, word);
  const rare = () => vocab[vocab.length - 1 - Math.floor(r() * 150)]!;
  /**
   * A word clearly other than `w` and its neighbours: sharing less than a third of its letters. (A word sharing more
   * is, in a witness this noisy, indistinguishable from a misreading: docs/collation.md, Limits.)
   */
  const other = (...near: string[]) => {
    for (;;) {
      const x = rare();
      if (near.every((w) => likeness(x, w) < 0.3)) return x;
    }
  };

  // The witness: the text as recognised, in lines of 8-12 words, with a running head and page number per page.
  const head = pick(r, ['THE WHITE HOUSE', 'CRITIQUE OF REASON', 'REPORT OF THE COMMITTEE', 'LETTERS HOME']);
  const page = options.page ?? 260;
  const lines: string[] = [];
  let line: string[] = [];
  let heads = 0;
  let pageNo = 1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % page === 0) {
      if (line.length) lines.push(line.join(' '));
      line = [];
      pageNo++;
      lines.push('', pageNo % 2 ? `${head}` : `${pageNo}  ${head}`, '');
      heads++;
    }
    line.push(r() < (options.misread ?? 0.12) ? misread(r, text[i]!) : text[i]!);
    if (line.length >= 8 + Math.floor(r() * 5)) {
      lines.push(line.join(' '));
      line = [];
    }
  }
  if (line.length) lines.push(line.join(' '));
  const witness = lines.join('\n') + '\n';

  // The transcription: paragraphs of the text, with correct revisions and planted slips and differences.
  const plants: Plant[] = [];
  let out = '';
  let sinceBreak = 0;
  const emit = (s: string) => {
    out += (out && !out.endsWith('\n') ? ' ' : '') + s;
  };
  const plantHere = (kind: PlantKind, s: string, what: string, before = false) => {
    if (before) {
      // Reported on the word before: the last token written.
      const end = out.trimEnd().length;
      const start = Math.max(out.lastIndexOf(' ', end - 1), out.lastIndexOf('\n', end - 1)) + 1;
      plants.push({ kind, start, end, what });
      return;
    }
    emit(s);
    const end = out.length;
    plants.push({ kind, start: end - s.length, end, what });
  };
  let i = 0;
  let turn = 0;
  let nextPlant = 30;
  while (i < n) {
    if (sinceBreak > 70 && r() < 0.05) {
      out += '\n\n';
      sinceBreak = 0;
    }
    if (i >= nextPlant && i + 12 < n) {
      const kind = PLANT_KINDS[turn % PLANT_KINDS.length]!;
      turn++;
      nextPlant = i + 40 + Math.floor(r() * 20);
      switch (kind) {
        case 'misplaced-insertion': {
          // The witness has text[i] here; the transcriber put the insertion 3-6 words later.
          const d = 3 + Math.floor(r() * 4);
          const inserted = text[i]!;
          for (let k = 1; k <= d; k++) emit(text[i + k]!);
          plantHere(kind, `^{${inserted}}`, `^{${inserted}} ${d} words late`);
          i += d + 1;
          sinceBreak += d + 1;
          continue;
        }
        case 'missed-deletion': {
          // A substitution on the page whose struck word the transcriber left unstruck.
          emit(`^{${text[i]}}`);
          plantHere(kind, other(text[i]!, text[i + 1]!), 'unstruck word after an insertion');
          i++;
          continue;
        }
        case 'substitution':
          plantHere(kind, other(text[i]!), `for ${text[i]}`);
          i++;
          continue;
        case 'omission':
          plantHere(
            kind,
            `${other(text[i - 1]!, text[i]!)} ${other(text[i - 1]!, text[i]!)}`,
            'two words the witness lacks',
          );
          continue;
        case 'addition':
          plantHere(kind, '', `the witness's ${text[i]} ${text[i + 1]}`, true);
          i += 2;
          continue;
        case 'transposition': {
          const a = `${text[i]} ${text[i + 1]}`,
            b = `${text[i + 2]} ${text[i + 3]} ${text[i + 4]}`;
          plantHere(kind, `${b} ${a}`, 'two phrases swapped');
          i += 5;
          continue;
        }
      }
    }
    // Correct revisions now and then: the witness follows their final reading, so they are no finding.
    const x = r();
    if (x < 0.03) emit(`~~${rare()}~~ ^{${text[i]}}`);
    else if (x < 0.05) emit(`^{${text[i]}}`);
    else if (x < 0.07) emit(`~~${rare()}~~ ${text[i]}`);
    else emit(text[i]!);
    i++;
    sinceBreak++;
  }
  return { transcription: out.replace(/ +\n/g, '\n') + '\n', witness, plants, heads };
}
