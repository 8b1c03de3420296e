// A generator of realistic transcriptions for the benchmarks and the tests: a header, paragraphs of lines about 70 characters
// long, and revisions at about three times the density of the sample letter (a mark every ten words or so):
// deletions, insertions, substitutions (in both orders, inside words too), other hands,
// insertions inside deletions, deletions inside insertions, nested deletions, escapes and punctuation.
// Deterministic: the same seed and size give the same text.

const WORDS = (
  'the of and to in that is was he for it with as his on be at by had not are but from or have an they which ' +
  'one you were her all she there would their we him been has when who will more no if out so said what up its ' +
  'about into than them can only other new some could time these two may then do first any my now such like our ' +
  'over man me even most made after also did many before must through back years where much your way well down ' +
  'should because each just those people how too little state good very make world still own see men work long ' +
  'get here between both life being under never day same another know while last might us great old year off ' +
  'come since against go came right used take three states himself few house use during without again place ' +
  'American around however home small found Mrs thought went say part once general high upon school every ' +
  'Gorbachev negotiators strategic defense reduction offensive weapons concerns reality assurances objective'
).split(' ');

const PUNCTUATION = [',', ',', ',', '.', '.', ';', ':', '?', '!'];

/** A small, fast, seedable generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample letter's density: a revision every 30 words or so (this generator's default is nearly four times that). */
export const LETTER_REVISION_RATE = 0.026;

/** A transcription of about `bytes` UTF-16 code units (ASCII, so also bytes). `revisionRate`: the share of pieces
 *  that are revisions rather than plain words (0.1, the default, gives a mark every eight words or so). */
export function generateTranscription(bytes: number, seed = 1985, revisionRate = 0.1): string {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const word = (): string => pick(WORDS);
  const phrase = (n: number): string => Array.from({ length: n }, word).join(' ');
  const parts: string[] = ['---\ntitle: Generated letter\nwitness: draft\nsource: bench/generate.ts\n---\n\n'];
  let size = parts[0]!.length;
  let line = 0;
  while (size < bytes) {
    // A plain word, or one of the revisions below in their fixed proportions (r from 0.9 up).
    const draw = rnd();
    const r = draw < 1 - revisionRate ? 0 : 0.9 + ((draw - (1 - revisionRate)) / revisionRate) * 0.1;
    let piece: string;
    if (r < 0.9) piece = word();
    else if (r < 0.925) piece = `~~${phrase(1 + Math.floor(rnd() * 3))}~~`;
    else if (r < 0.945) piece = `^{${phrase(1 + Math.floor(rnd() * 3))}}`;
    else if (r < 0.965) piece = `~~${word()}~~ ^{${word()}}`;
    else if (r < 0.97) piece = `^{${word()}}~~${phrase(2)}~~`;
    else if (r < 0.975) {
      const w = word();
      piece = `${w}~~${w.length > 2 ? 'ed' : 's'}~~^{ing}`;
    } else if (r < 0.98) piece = `*${word()}*`;
    else if (r < 0.985) piece = `${word()}~~,~~`;
    else if (r < 0.988) piece = `~~${word()} ^{${word()}} ${word()}~~`;
    else if (r < 0.991) piece = `^{${word()} ~~${word()}~~ ${word()}}`;
    else if (r < 0.993) piece = `~~~${word()} ~~${word()}~~ ${word()}~~~`;
    else if (r < 0.995) piece = `\\*${word()}`;
    else piece = word() + pick(PUNCTUATION);
    if (rnd() < 0.06) piece += pick(PUNCTUATION);
    let sep = ' ';
    line += piece.length + 1;
    if (line > 70) {
      line = 0;
      sep = rnd() < 0.12 ? '\n\n' : '\n';
    }
    parts.push(piece, sep);
    size += piece.length + sep.length;
  }
  return parts.join('');
}
