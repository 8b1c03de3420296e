// How import treats TEI elements by name (docs/tei.md, "Import").
import type { XmlElement } from '../xml';

/** The namespace of <xi:include>, by which a TEI file pulls in others (the Shelley-Godwin Archive's notebooks). */
export const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** A note the writer made (Whitman Archive: type="authorial"); every other note is an editor's, not the text. */
export function isAuthorialNote(el: XmlElement): boolean {
  return el.attrs.get('type') === 'authorial';
}

/** Containers whose structure is the document's frame: walked without a warning. */
export const FRAME = new Set(['TEI', 'teiCorpus', 'text', 'body', 'group', 'sourceDoc']);

/** Elements that make a paragraph of the markup. */
export const PARAGRAPH = new Set(['p', 'head', 'ab']);

/** Elements that make a line of the markup; consecutive ones make one paragraph. */
export const LINE = new Set(['l', 'line']);

/** Parts of a TEI document that hold no transcription of the text. */
export const NOT_TEXT = new Set(['teiHeader', 'facsimile', 'standOff', 'sourceDoc']);

/** Elements that stand at block level in TEI (a container holding one of these is walked as a container). */
export const BLOCK = new Set([
  'p',
  'head',
  'ab',
  'div',
  'div1',
  'div2',
  'div3',
  'div4',
  'div5',
  'div6',
  'div7',
  'lg',
  'l',
  'list',
  'item',
  'opener',
  'closer',
  'postscript',
  'salute',
  'signed',
  'dateline',
  'fw',
  'figure',
  'table',
  'row',
  'cell',
  'floatingText',
  'body',
  'front',
  'back',
  'group',
  'text',
  'titlePage',
  'docTitle',
  'titlePart',
  'byline',
  'docImprint',
  'docDate',
  'docAuthor',
  'argument',
  'epigraph',
  'trailer',
  'sp',
  'speaker',
  'stage',
  'castList',
  'listBibl',
  'label',
  'address',
  'addrLine',
  'u',
  'listPerson',
  'listPlace',
  'line',
  'zone',
  'surface',
]);

/** Empty or pointing elements that carry no text of the page. */
export const MILESTONE = new Set([
  'pb',
  'cb',
  'milestone',
  'anchor',
  'gap',
  'space',
  'ptr',
  'graphic',
  'addSpan',
  'delSpan',
  'damageSpan',
  'handSpan',
  'metamark',
]);
