// The editorial marks of a transcription in document order, each with a one-line summary, for Go to Next / Previous
// Editorial Mark: the places a transcriber comes back to (an unclear word, a gap, supplied text, a note, a page or
// column break). Word breaks `|-` are left out: they are spelling, not a question about the text.
import type { EmendDocument, Inline, Span } from './model';
import { isEditorial, mark } from './model';
import { describeGap, type GapReason } from './editorial';

export type EditorialMarkKind = 'unclear' | 'gap' | 'supplied' | 'note' | 'page' | 'column';

export interface EditorialMark extends Span {
  kind: EditorialMarkKind;
  /** `Unclear: word or ward`, `Gap: about 3 words, illegible`, `Supplied: am`, `Note: ink blot`, `Page 12`. */
  summary: string;
}

/** Longest quoted text in a summary before it is cut with `…`. */
const TEXT_MAX = 60;

/** Every editorial mark, in document order (a mark before the marks inside it). */
export function editorialMarks(doc: EmendDocument): EditorialMark[] {
  const out: EditorialMark[] = [];
  const walk = (nodes: Inline[]): void => {
    for (const n of nodes) {
      if (n.kind === 'subst') walk([n.first, n.second]);
      else if (mark(n)) {
        if (n.kind === 'supplied') {
          const inner = doc.source.slice(n.open.end, n.close ? n.close.start : n.end);
          const why = n.keyword ? ` (${n.keyword})` : '';
          out.push({ kind: 'supplied', start: n.start, end: n.end, summary: `Supplied${why}: ${short(inner)}` });
        }
        walk(n.children);
      } else if (isEditorial(n) && n.kind !== 'word-break') {
        const span = { start: n.start, end: n.end };
        if (n.kind === 'unclear') {
          const cert = n.keyword ? ` (${n.keyword} certainty)` : '';
          out.push({
            ...span,
            kind: 'unclear',
            summary: `Unclear${cert}: ${short(n.alternatives.map((a) => a.text).join(' or '))}`,
          });
        } else if (n.kind === 'gap') {
          const reason = (n.keyword || 'illegible') as GapReason;
          out.push({ ...span, kind: 'gap', summary: `Gap: ${describeGap(n.extent, reason)}` });
        } else if (n.kind === 'note') out.push({ ...span, kind: 'note', summary: `Note: ${short(n.text)}` });
        else {
          const name = n.kind === 'page' ? 'Page' : 'Column';
          out.push({ ...span, kind: n.kind, summary: n.n ? `${name} ${n.n}` : `${name} break` });
        }
      }
    }
  };
  for (const p of doc.paragraphs) walk(p.children);
  return out;
}

function short(text: string): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  return t.length <= TEXT_MAX ? t : t.slice(0, TEXT_MAX - 1).trimEnd() + '…';
}
