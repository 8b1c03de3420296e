// Hands the TEI header describes (<handNote xml:id="sec">the secretary</handNote>) become the `hands:` header's
// entries (`hands: sec: the secretary`), and the text's references to them `@sec` in the marks. The first
// <handNote> is the main hand (unmarked text); the anonymous other hand Emend's export declares (`h2`, the `*…*` of
// a transcription without names) and hands without a description stay "another hand", as before.
import { isHandIdCode } from '../../editorial';
import { DEFAULT_TEI_OPTIONS } from '../options';
import { DEFAULT_TEXTS } from '../header-map';
import { allText } from './editorial';
import type { XmlElement } from '../xml';

export interface HandNoteInfo {
  id: string;
  el: XmlElement;
}

export interface NamedHand {
  id: string;
  description: string;
}

const isHandId = (id: string) => [...id].every((c) => isHandIdCode(c.charCodeAt(0)));

/** The hands (after the main one) that the markup names. */
export function namedHands(notes: readonly HandNoteInfo[]): NamedHand[] {
  const out: NamedHand[] = [];
  for (const { id, el } of notes.slice(1)) {
    const text = allText(el);
    if (id === DEFAULT_TEI_OPTIONS.otherHand || !isHandId(id) || !text || DEFAULT_TEXTS.has(text)) continue;
    if (out.some((h) => h.id === id)) continue;
    out.push({ id, description: text === id ? '' : text.replace(/;/g, ',') });
  }
  return out;
}

/** The header fields with `hands:` listing the named hands (after the main hand's description, if any). */
export function withNamedHands(
  fields: [string, string][],
  notes: readonly HandNoteInfo[],
  named: readonly NamedHand[],
): [string, string][] {
  if (!named.length) return fields;
  const main = notes[0] ? allText(notes[0].el).replace(/;/g, ',') : '';
  const items = [...(main && !DEFAULT_TEXTS.has(main) ? [main] : []), ...named.map((h) => `${h.id}: ${h.description}`)];
  const value = items.join('; ');
  const at = fields.findIndex(([k]) => k === 'hands');
  if (at >= 0) return fields.map((f, k): [string, string] => (k === at ? ['hands', value] : f));
  return [...fields, ['hands', value]];
}
