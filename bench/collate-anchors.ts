// The anchors of the collation bench: jsdiff `diffArrays` and diff-match-patch (words mapped to characters), each
// turned into an alignment (word i of a → word j of b, or -1). Run in a worker thread (collate-anchor-worker.ts) so
// that the bench can stop one at its time limit.
import { diffArrays } from 'diff';
import DiffMatchPatch from 'diff-match-patch';

export type AnchorName = 'jsdiff diffArrays' | 'diff-match-patch (words as chars)';
export const ANCHORS: readonly AnchorName[] = ['jsdiff diffArrays', 'diff-match-patch (words as chars)'];

/** jsdiff's diffArrays as an alignment: common runs pair up in order. */
export function jsdiffAlign(a: string[], b: string[]): Int32Array {
  const out = new Int32Array(a.length).fill(-1);
  let i = 0,
    j = 0;
  for (const part of diffArrays(a, b)) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else for (let k = 0; k < n; k++) out[i++] = j++;
  }
  return out;
}

/** diff-match-patch on words mapped to characters (one character per distinct word), with no time-out of its own. */
export function dmpAlign(a: string[], b: string[]): Int32Array {
  const ids = new Map<string, string>();
  const encode = (words: string[]): string => {
    let s = '';
    for (const w of words) {
      let c = ids.get(w);
      if (c === undefined) {
        let code = 0x100 + ids.size;
        if (code >= 0xd800) code += 0x800; // skip the surrogates
        c = String.fromCodePoint(code);
        ids.set(w, c);
      }
      s += c;
    }
    return s;
  };
  const sa = encode(a),
    sb = encode(b);
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const out = new Int32Array(a.length).fill(-1);
  let i = 0,
    j = 0;
  for (const [op, chunk] of dmp.diff_main(sa, sb, false)) {
    const n = [...chunk].length;
    if (op === 1) j += n;
    else if (op === -1) i += n;
    else for (let k = 0; k < n; k++) out[i++] = j++;
  }
  return out;
}

export function anchorAlign(name: AnchorName, a: string[], b: string[]): Int32Array {
  return name === 'jsdiff diffArrays' ? jsdiffAlign(a, b) : dmpAlign(a, b);
}
