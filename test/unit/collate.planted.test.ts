// What a transcriber sees by default, measured on generated pairs with planted findings (collate-planted.ts): every
// planted slip and real difference is reported under a code that is on by default, while the witness's misreadings
// and running heads stay out of the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, witnessProblems, type Problem } from '../../server/src/core/index';
import { collateTexts } from './collate-helpers';
import { plantedPair, type Plant, type PlantKind } from './collate-planted';

/** Characters either side of an addition's or a swap's place within which a report counts (two or three words). */
const SLACK = 24;

/** The codes that count as reporting each planted kind. */
const REPORTED_AS: Record<PlantKind, readonly string[]> = {
  'misplaced-insertion': ['witness-misplaced-insertion'],
  'missed-deletion': ['witness-missed-deletion'],
  substitution: ['witness-substitution'],
  // Words right after an insertion that the witness lacks read exactly as a deletion left unmarked.
  omission: ['witness-omission', 'witness-missed-deletion'],
  addition: ['witness-addition'],
  transposition: ['witness-transposition', 'witness-substitution', 'witness-omission', 'witness-addition'],
};

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

for (const seed of SEEDS) {
  test(`generated pair ${seed}: every planted finding is shown by default, misreadings and running heads are not`, (t) => {
    const pair = plantedPair(seed);
    const { analysis, c } = collateTexts(pair.transcription, pair.witness);
    const shown: Problem[] = diagnose(analysis, {}, witnessProblems(analysis, c)).filter((p) =>
      p.code.startsWith('witness-'),
    );
    // Where the witness's words differ only by their place (an addition, a swap), a report at a neighbouring word
    // counts: `to ^{x} y` against `to x to y` has two right places for the addition.
    const slack = (plant: Plant) => (plant.kind === 'addition' || plant.kind === 'transposition' ? SLACK : 0);
    const missed = pair.plants.filter(
      (plant) =>
        !shown.some(
          (p) =>
            REPORTED_AS[plant.kind].includes(p.code) &&
            p.start < Math.max(plant.end, plant.start + 1) + slack(plant) &&
            plant.start - slack(plant) < p.end,
        ),
    );
    assert.deepEqual(
      missed.map((m) => `${m.kind} (${m.what}) at ${m.start}: ${pair.transcription.slice(m.start - 30, m.end + 30)}`),
      [],
    );
    assert.ok(!shown.some((p) => p.code === 'witness-misreading' || p.code === 'witness-paratext'));
    const misreadings = c.variants.filter((v) => v.kind === 'misreading').length;
    const paratext = c.variants.filter((v) => v.kind === 'paratext').length;
    assert.equal(paratext, pair.heads, 'each running head set apart');
    t.diagnostic(
      `planted ${pair.plants.length}, all found; shown by default ${shown.length}; ` +
        `misreadings hidden ${misreadings}; running heads set apart ${paratext}/${pair.heads}`,
    );
  });
}
