// The checks on what the marks mean and on the readings (the parser reports syntax). Pure; each check is its own
// module, named after its problem code.
import type { Analysis } from '../analysis';
import type { Problem } from '../model';
import { checkSubstitutionUnchanged } from './substitution-unchanged';
import { checkInsertionRepeats } from './insertion-repeats-text';
import { checkJoinedWords } from './reading-joins-words';
import { checkDoubledWords } from './reading-doubled-word';
import { indexRevisions } from './tree';

export function runChecks(analysis: Analysis): Problem[] {
  const revisions = indexRevisions(analysis.doc.syntax);
  const repeats = checkInsertionRepeats(analysis, revisions.finalInsertions);
  return [
    ...checkSubstitutionUnchanged(analysis.doc.syntax, revisions.substitutions),
    ...repeats,
    ...checkJoinedWords(analysis, revisions.groups),
    // An insertion that repeats its neighbour already explains the doubled word there.
    ...checkDoubledWords(analysis, revisions.groups, repeats),
  ];
}
