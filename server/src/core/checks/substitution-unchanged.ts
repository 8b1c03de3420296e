// `substitution-unchanged`: a substitution whose old and new text are the same, so neither reading changes.
// Usually a slip (the wrong word struck or inserted). No fix: the page may really show a word struck and written
// again, and which half is wrong is for the transcriber to decide; no fix may drop transcribed text.
import type { Problem } from '../model';
import { problem } from '../problem';
import { markText } from '../revisions';
import { type SyntaxTree, TEXT } from '../syntax';
import { markObject } from '../tree-objects';
import { isSpaceCode } from './words';

/** `substitutions`: triples of substitution, deletion, insertion (tree.ts). */
export function checkSubstitutionUnchanged(t: SyntaxTree, substitutions: number[]): Problem[] {
  const out: Problem[] = [];
  const src = t.source;
  for (let k = 0; k < substitutions.length; k += 3) {
    const node = substitutions[k]!,
      del = substitutions[k + 1]!,
      add = substitutions[k + 2]!;
    // Different lengths of plain text inside cannot give the same words: most substitutions stop here.
    if (
      plainText(t, del) &&
      plainText(t, add) &&
      t.closeStart(del) - t.openEnd(del) !== t.closeStart(add) - t.openEnd(add)
    )
      continue;
    const old = markText(src, markObject(t, del));
    if (old === '' || old !== markText(src, markObject(t, add))) continue;
    out.push(
      problem(
        'substitution-unchanged',
        t.start(node),
        t.end(node),
        `This substitution replaces “${old}” with the very same text, so the draft and final readings do not differ here. ` +
          'Check the page: perhaps a different word was struck or inserted.',
      ),
    );
  }
  return out;
}

/** A mark holding one run of text, nothing else; the same length of such text collapses to the same length. */
function plainText(t: SyntaxTree, mark: number): boolean {
  const c = t.first(mark);
  if (c < 0 || t.next(c) >= 0 || t.kind(c) !== TEXT) return false;
  for (let k = t.start(c); k < t.end(c); k++) if (isSpaceCode(t.source.charCodeAt(k))) return false;
  return true;
}
