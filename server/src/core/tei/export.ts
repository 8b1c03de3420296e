// Export of a transcription as a TEI P5 document (docs/tei.md). Pure: takes the parsed document, returns text.
// The body follows the Guidelines' chapter "Representation of Primary Sources": <del>, <add>, <subst>, <lb/>,
// and <handShift/> (or <seg hand>) for text in another hand. The result is always well-formed and valid against
// schema/emend-tei.rng, whatever the input (unclosed marks are exported as the parser reads them).
import type { EmendDocument, Header, Inline, MarkNode } from '../model';
import { headerValue } from '../header';
import { LineIndex } from '../lines';
import { lineBreakLength, LineBreakSearch } from '../line-breaks';
import { LANGUAGE_TAG } from './header-map';
import { writeTeiHeader } from './header-write';
import { DEFAULT_TEI_OPTIONS, type TeiExportOptions } from './options';
import { escapeXml, type EscapeCounter } from './xmlText';
import { planWords, writeFacsimile, type TeiFacsimileInput, type WordPlan } from './facsimile-export';
import { witnessPath } from '../collate/witness';
import { editorialTei, placeOf, suppliedReason } from './editorial-export';
import { handNotes, handXmlId, usesHands } from './hands-export';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

export interface TeiExport {
  xml: string;
  /** Things the user should know about the export (errors in the transcription, characters XML cannot hold). */
  warnings: string[];
}

class Writer {
  readonly parts: string[] = [];
  /** A word break `|-` was written: the next line break is `<lb break="no"/>`. */
  wordBreak = false;
  readonly counter: EscapeCounter = { replaced: 0 };
  /** Where words' <w facs> go, when the export has a facsimile with word links. */
  plan: WordPlan | null = null;
  /** The facsimile's <surface> xml:ids by the image they show (a page break's @facs points at its page's). */
  readonly surfaces = new Map<string, string>();
  /** The hands of the stretches open around what is written (a shift back goes to the enclosing one). */
  readonly hands: string[] = [];

  surfaceOf(image: string): string | undefined {
    return this.surfaces.get(image);
  }

  raw(s: string): void {
    this.parts.push(s);
  }

  text(s: string): void {
    this.parts.push(escapeXml(s, this.counter));
  }

  attrs(attrs: Record<string, string | undefined>): string {
    let out = '';
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === '') continue;
      out += ` ${k}="${escapeXml(v, this.counter, true)}"`;
    }
    return out;
  }
}

function field(header: Header | null, key: string): string | undefined {
  const v = headerValue(header, key)?.value.trim();
  return v ? v : undefined;
}

/** The prefix of the facsimile's xml:ids (`facs-s1`, `facs-z1`), one that no hand's xml:id can clash with. */
function facsimileIdPrefix(o: TeiExportOptions, hands: readonly { id: string }[] = []): string {
  return [o.mainHand, o.otherHand, ...hands.map((h) => h.id)].some((h) => h.startsWith('facs-'))
    ? 'emend-facs-'
    : 'facs-';
}

/**
 * The transcription as TEI. With `facsimile` (the core's buildFacsimile, made by the host from the images and
 * layout the header names), a <facsimile> with the pages' sizes and a zone per linked word, which the words point
 * at (<w facs>); without it, a header naming `facsimile:` still gives a <surface> with its <graphic>.
 */
export function exportTei(
  doc: EmendDocument,
  options: TeiExportOptions = DEFAULT_TEI_OPTIONS,
  facsimile?: TeiFacsimileInput,
): TeiExport {
  const w = new Writer();
  const warnings: string[] = [];
  const handsUsed = doc.paragraphs.some((p) => usesHands(p.children));
  w.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  w.raw(`<TEI xmlns="${TEI_NS}">\n`);
  const notes = handNotes(doc, options, handsUsed);
  w.raw(writeTeiHeader((key) => field(doc.header, key), { options, handsUsed, handNotes: notes }, w.counter));
  const image = field(doc.header, 'facsimile');
  const pages = facsimile?.pages.length
    ? facsimile.pages
    : image
      ? [{ image: witnessPath(image), width: 0, height: 0 }]
      : [];
  if (pages.length) {
    const prefix = facsimileIdPrefix(options, notes);
    pages.forEach((p, k) => {
      if (p.image && !w.surfaces.has(p.image)) w.surfaces.set(p.image, `${prefix}s${k + 1}`);
    });
    if (facsimile?.words.length) {
      w.plan = planWords(doc.paragraphs, { pages, words: facsimile.words }, options.hands === 'seg', prefix);
      if (w.plan.unwrapped) {
        const n = w.plan.unwrapped;
        warnings.push(
          `${n} word${n === 1 ? '' : 's'} linked to the facsimile ${n === 1 ? 'is' : 'are'} divided by the edge of a mark ` +
            `(as "ab" in a~~b c~~d) and cannot be wrapped in one <w>: ${n === 1 ? 'it has' : 'they have'} no <zone>.`,
        );
      }
    }
    w.raw(writeFacsimile(pages, w.plan?.zones ?? [], prefix, (s) => escapeXml(s, w.counter, true)));
  }
  const lang = field(doc.header, 'language');
  w.raw(`  <text${w.attrs({ 'xml:lang': lang && LANGUAGE_TAG.test(lang) ? lang : undefined })}>\n`);
  w.raw('    <body>\n');
  if (doc.paragraphs.length === 0) w.raw('      <p/>\n');
  for (const p of doc.paragraphs) {
    w.raw('      <p xml:space="preserve">');
    inline(w, doc.source, p.children, options);
    w.raw('</p>\n');
  }
  w.raw('    </body>\n');
  w.raw('  </text>\n');
  w.raw('</TEI>\n');
  const errors = doc.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    const first = errors[0]!;
    const line = new LineIndex(doc.source).positionAt(first.start).line + 1;
    warnings.push(
      `The transcription has ${errors.length} error${errors.length === 1 ? '' : 's'} ` +
        `(first, line ${line}: ${first.message}); the TEI follows the parser's reading of ${errors.length === 1 ? 'it' : 'them'}.`,
    );
  }
  if (w.counter.replaced) {
    warnings.push(
      `${w.counter.replaced} character${w.counter.replaced === 1 ? '' : 's'} that XML cannot hold ` +
        '(control characters or broken surrogates) were written as U+FFFD �.',
    );
  }
  return { xml: w.parts.join(''), warnings };
}

function inline(w: Writer, src: string, nodes: Inline[], o: TeiExportOptions): void {
  const plan = w.plan;
  for (const n of nodes) {
    const opens = plan?.openBefore.get(n);
    if (opens !== undefined) w.raw(`<w facs="#${opens}">`);
    switch (n.kind) {
      case 'text':
        if (plan) wordsInText(w, src, n.start, n.end, o, plan);
        else text(w, src.slice(n.start, n.end), o);
        break;
      case 'escape': {
        const id = plan?.openAt.get(n.start);
        if (id !== undefined) w.raw(`<w facs="#${id}">`);
        w.text(n.char);
        if (plan?.closeAt.has(n.end)) w.raw('</w>');
        break;
      }
      case 'subst':
        w.raw('<subst>');
        mark(w, src, n.first, o);
        mark(w, src, n.second, o);
        w.raw('</subst>');
        break;
      case 'unclear':
      case 'gap':
      case 'note':
      case 'page':
      case 'column':
      case 'word-break':
        if (editorialTei(w, n)) w.wordBreak = true;
        break;
      default:
        mark(w, src, n, o);
    }
    if (plan?.closeAfter.has(n)) w.raw('</w>');
  }
}

/** A text node [start, end) of the source with the <w> and </w> the plan puts inside it. */
function wordsInText(w: Writer, src: string, start: number, end: number, o: TeiExportOptions, plan: WordPlan): void {
  let from = start;
  for (let at = start; at <= end; at++) {
    const close = at > start && plan.closeAt.has(at);
    const id = at < end ? plan.openAt.get(at) : undefined;
    if (!close && id === undefined) continue;
    text(w, src.slice(from, at), o);
    from = at;
    if (close) w.raw('</w>');
    if (id !== undefined) w.raw(`<w facs="#${id}">`);
  }
  text(w, src.slice(from, end), o);
}

const handPointer = (n: MarkNode): string | undefined => (n.hand ? `#${handXmlId(n.hand.id)}` : undefined);

function mark(w: Writer, src: string, n: MarkNode, o: TeiExportOptions): void {
  switch (n.kind) {
    case 'del':
      w.raw(`<del${w.attrs({ rend: o.delRend, hand: handPointer(n) })}>`);
      inline(w, src, n.children, o);
      w.raw('</del>');
      break;
    case 'add':
      w.raw(`<add${w.attrs({ place: n.keyword ? placeOf(n.keyword) : o.addPlace, hand: handPointer(n) })}>`);
      inline(w, src, n.children, o);
      w.raw('</add>');
      break;
    case 'supplied':
      w.raw(`<supplied${w.attrs({ reason: suppliedReason(n.keyword) })}>`);
      inline(w, src, n.children, o);
      w.raw('</supplied>');
      break;
    case 'hand': {
      const hand = n.hand ? handXmlId(n.hand.id) : o.otherHand;
      if (o.hands === 'seg') {
        w.raw(`<seg hand="#${hand}">`);
        inline(w, src, n.children, o);
        w.raw('</seg>');
      } else {
        w.raw(`<handShift new="#${hand}"/>`);
        w.hands.push(hand);
        inline(w, src, n.children, o);
        w.hands.pop();
        w.raw(`<handShift new="#${w.hands[w.hands.length - 1] ?? o.mainHand}"/>`);
      }
      break;
    }
  }
}

/** Source text: each line break (`\n`, `\r\n` or `\r`) becomes a line break followed by `<lb/>`. */
function text(w: Writer, s: string, o: TeiExportOptions): void {
  let from = 0;
  const breaks = new LineBreakSearch(s);
  for (let at = breaks.next(0); at >= 0; at = breaks.next(from)) {
    w.text(s.slice(from, at));
    w.raw(o.lineBreaks ? (w.wordBreak ? '\n<lb break="no"/>' : '\n<lb/>') : '\n');
    w.wordBreak = false;
    from = at + lineBreakLength(s, at);
  }
  w.text(s.slice(from));
}
