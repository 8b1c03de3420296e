// Export of a transcription as a TEI P5 document (docs/tei.md). Pure: takes the parsed document, returns text.
// The body follows the Guidelines' chapter "Representation of Primary Sources": <del>, <add>, <subst>, <lb/>,
// and <handShift/> (or <seg hand>) for text in another hand. The result is always well-formed and valid against
// schema/emend-tei.rng, whatever the input (unclosed marks are exported as the parser reads them).
import type { EmendDocument, Header, Inline, MarkNode } from '../model';
import { headerValue } from '../header';
import { LineIndex } from '../lines';
import { lineBreakLength, LineBreakSearch } from '../line-breaks';
import { DEFAULT_TEI_OPTIONS, type TeiExportOptions } from './options';
import { escapeXml, type EscapeCounter } from './xmlText';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

export interface TeiExport {
  xml: string;
  /** Things the user should know about the export (errors in the transcription, characters XML cannot hold). */
  warnings: string[];
}

/** What the header says where the transcription's header is silent. Import recognises these and reads no field from them. */
export const HEADER_DEFAULTS = {
  title: 'Untitled transcription',
  publication: 'Unpublished transcription, exported from Emend.',
  source: "No source was named in the transcription's header.",
  mainHand: 'The main hand of the document.',
  otherHand: 'Another hand (marked *…* in the transcription).',
} as const;

/** A language tag as `xml:lang` and `<language ident>` require (BCP 47, simplified). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

class Writer {
  readonly parts: string[] = [];
  readonly counter: EscapeCounter = { replaced: 0 };

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

  /** `<name attrs>text</name>` on its own indented line, or nothing when the text is empty. */
  leaf(indent: number, name: string, text: string | undefined, attrs: Record<string, string | undefined> = {}): void {
    if (text === undefined || text.trim() === '') return;
    this.raw(`${'  '.repeat(indent)}<${name}${this.attrs(attrs)}>`);
    this.text(oneLine(text));
    this.raw(`</${name}>\n`);
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function field(header: Header | null, key: string): string | undefined {
  const v = headerValue(header, key)?.value.trim();
  return v ? v : undefined;
}

function usesHands(nodes: Inline[]): boolean {
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'hand') return true;
    if (n.kind === 'subst') stack.push(n.first, n.second);
    else if (n.kind === 'del' || n.kind === 'add') for (const c of n.children) stack.push(c);
  }
  return false;
}

export function exportTei(doc: EmendDocument, options: TeiExportOptions = DEFAULT_TEI_OPTIONS): TeiExport {
  const w = new Writer();
  const warnings: string[] = [];
  const hands = doc.paragraphs.some((p) => usesHands(p.children)) || field(doc.header, 'hands') !== undefined;
  w.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  w.raw(`<TEI xmlns="${TEI_NS}">\n`);
  writeHeader(w, doc.header, options, hands);
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

function writeHeader(w: Writer, header: Header | null, o: TeiExportOptions, hands: boolean): void {
  const f = (key: string) => field(header, key);
  const title = f('title') ?? (o.sourceName ? `Transcription of ${o.sourceName}` : HEADER_DEFAULTS.title);
  w.raw('  <teiHeader>\n');
  w.raw('    <fileDesc>\n');
  w.raw('      <titleStmt>\n');
  w.leaf(4, 'title', title);
  w.leaf(4, 'author', f('author'));
  const transcriber = f('transcriber');
  if (transcriber) {
    w.raw('        <respStmt>\n');
    w.leaf(5, 'resp', 'Transcribed by');
    w.leaf(5, 'name', transcriber);
    w.raw('        </respStmt>\n');
  }
  w.raw('      </titleStmt>\n');
  w.raw('      <publicationStmt>\n');
  const licence = f('licence') ?? f('license');
  if (licence) {
    w.raw('        <availability>\n');
    w.leaf(5, 'licence', licence);
    w.raw('        </availability>\n');
  } else {
    w.leaf(4, 'p', HEADER_DEFAULTS.publication);
  }
  w.raw('      </publicationStmt>\n');
  const note = f('note'),
    witness = f('witness');
  if (note || witness) {
    w.raw('      <notesStmt>\n');
    w.leaf(4, 'note', note);
    w.leaf(4, 'note', witness, { type: 'witness' });
    w.raw('      </notesStmt>\n');
  }
  w.raw('      <sourceDesc>\n');
  const repository = f('repository'),
    idno = f('idno');
  const source = f('source') ?? HEADER_DEFAULTS.source;
  if (repository || idno) {
    w.raw('        <msDesc>\n');
    w.raw('          <msIdentifier>\n');
    w.leaf(6, 'repository', repository);
    w.leaf(6, 'idno', idno);
    w.raw('          </msIdentifier>\n');
    w.leaf(5, 'p', source);
    w.raw('        </msDesc>\n');
  } else {
    w.leaf(4, 'p', source);
  }
  w.raw('      </sourceDesc>\n');
  w.raw('    </fileDesc>\n');
  const author = f('author'),
    recipient = f('recipient'),
    date = f('date'),
    place = f('place');
  const lang = f('language');
  if (hands || author || recipient || date || place || lang) {
    w.raw('    <profileDesc>\n');
    if (author || date || place || recipient) {
      w.raw('      <correspDesc>\n');
      if (author || date || place) {
        w.raw('        <correspAction type="sent">\n');
        w.leaf(5, 'persName', author);
        w.leaf(5, 'placeName', place);
        w.leaf(5, 'date', date);
        w.raw('        </correspAction>\n');
      }
      if (recipient) {
        w.raw('        <correspAction type="received">\n');
        w.leaf(5, 'persName', recipient);
        w.raw('        </correspAction>\n');
      }
      w.raw('      </correspDesc>\n');
    }
    if (lang) {
      w.raw('      <langUsage>\n');
      w.leaf(4, 'language', lang, { ident: LANGUAGE_TAG.test(lang) ? lang : 'und' });
      w.raw('      </langUsage>\n');
    }
    if (hands) {
      const described = (f('hands') ?? '').split(';').map((s) => s.trim());
      w.raw('      <handNotes>\n');
      w.leaf(4, 'handNote', described[0] || HEADER_DEFAULTS.mainHand, { 'xml:id': o.mainHand });
      w.leaf(4, 'handNote', described.slice(1).join('; ') || HEADER_DEFAULTS.otherHand, { 'xml:id': o.otherHand });
      w.raw('      </handNotes>\n');
    }
    w.raw('    </profileDesc>\n');
  }
  w.raw('  </teiHeader>\n');
}

function inline(w: Writer, src: string, nodes: Inline[], o: TeiExportOptions): void {
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        text(w, src.slice(n.start, n.end), o);
        break;
      case 'escape':
        w.text(n.char);
        break;
      case 'subst':
        w.raw('<subst>');
        mark(w, src, n.first, o);
        mark(w, src, n.second, o);
        w.raw('</subst>');
        break;
      default:
        mark(w, src, n, o);
    }
  }
}

function mark(w: Writer, src: string, n: MarkNode, o: TeiExportOptions): void {
  switch (n.kind) {
    case 'del':
      w.raw(`<del${w.attrs({ rend: o.delRend })}>`);
      inline(w, src, n.children, o);
      w.raw('</del>');
      break;
    case 'add':
      w.raw(`<add${w.attrs({ place: o.addPlace })}>`);
      inline(w, src, n.children, o);
      w.raw('</add>');
      break;
    case 'hand':
      if (o.hands === 'seg') {
        w.raw(`<seg hand="#${o.otherHand}">`);
        inline(w, src, n.children, o);
        w.raw('</seg>');
      } else {
        w.raw(`<handShift new="#${o.otherHand}"/>`);
        inline(w, src, n.children, o);
        w.raw(`<handShift new="#${o.mainHand}"/>`);
      }
      break;
  }
}

/** Source text: each line break (`\n`, `\r\n` or `\r`) becomes a line break followed by `<lb/>`. */
function text(w: Writer, s: string, o: TeiExportOptions): void {
  let from = 0;
  const breaks = new LineBreakSearch(s);
  for (let at = breaks.next(0); at >= 0; at = breaks.next(from)) {
    w.text(s.slice(from, at));
    w.raw(o.lineBreaks ? '\n<lb/>' : '\n');
    from = at + lineBreakLength(s, at);
  }
  w.text(s.slice(from));
}
