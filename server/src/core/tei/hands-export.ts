// The <handNote>s of an export whose `hands:` header names hands (`hands: rr: Reagan; sec: a secretary`): the main
// hand first (import takes the first <handNote> for it), the anonymous other hand of `*…*` when there is one, then
// each named hand with its id. Items without an id (the older form: descriptions only) describe the main and the
// other hand, in that order. Without named hands the header table writes the older form (./header-map.ts).
import type { EmendDocument, Inline } from '../model';
import { listedHands } from '../editorial';
import { HEADER_DEFAULTS } from './header-map';
import type { TeiExportOptions } from './options';

export interface HandNote {
  id: string;
  text: string;
}

export function handNotes(doc: EmendDocument, o: TeiExportOptions, handsUsed: boolean): HandNote[] | undefined {
  const listed = listedHands(doc.header);
  if (!listed.length) return undefined;
  const value = doc.header?.fields.find((f) => f.key === 'hands')?.value ?? '';
  const plain = value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s && !listed.some((h) => s.startsWith(`${h.id}:`)));
  const isListed = (id: string) => listed.some((h) => h.id === id);
  const notes: HandNote[] = [];
  if (!isListed(o.mainHand)) notes.push({ id: o.mainHand, text: plain[0] ?? HEADER_DEFAULTS.mainHand });
  const anonymous = handsUsed && doc.paragraphs.some((p) => usesHands(p.children, true));
  if (anonymous && !isListed(o.otherHand)) notes.push({ id: o.otherHand, text: plain[1] ?? HEADER_DEFAULTS.otherHand });
  for (const h of listed) notes.push({ id: handXmlId(h.id), text: h.description || h.id });
  return notes;
}

/** A hand's id as an xml:id (an NCName begins with a letter or `_`). */
export const handXmlId = (id: string): string => (/^[A-Za-z_]/.test(id) ? id : `_${id}`);

/** Whether a stretch in another hand is marked: `anonymous` only counts one that names no hand (`*…*`). */
export function usesHands(nodes: Inline[], anonymous = false): boolean {
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'hand' && !(anonymous && n.hand)) return true;
    if (n.kind === 'subst') stack.push(n.first, n.second);
    else if (n.kind === 'del' || n.kind === 'add' || n.kind === 'supplied' || n.kind === 'hand')
      for (const c of n.children) stack.push(c);
  }
  return false;
}
