// `substitution-unchanged`: a substitution whose old and new text are the same, so neither reading changes.
// Usually a slip (the wrong word struck or inserted). No fix: the page may really show a word struck and written
// again, and which half is wrong is for the transcriber to decide; no fix may drop transcribed text.
import type { EmendDocument, Problem } from '../model';
import { problem } from '../problem';
import { markText } from '../revisions';
import { forEachSubstitution } from './tree';

export function checkSubstitutionUnchanged(doc: EmendDocument): Problem[] {
  const out: Problem[] = [];
  forEachSubstitution(doc, (node) => {
    const del = node.first.kind === 'del' ? node.first : node.second;
    const add = node.first.kind === 'add' ? node.first : node.second;
    const old = markText(doc.source, del);
    if (old === '' || old !== markText(doc.source, add)) return;
    out.push(problem('substitution-unchanged', node.start, node.end,
      `This substitution replaces “${old}” with the very same text, so the draft and final readings do not differ here. ` +
      'Check the page: perhaps a different word was struck or inserted.'));
  });
  return out;
}
