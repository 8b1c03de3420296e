// What import tells the user it reduced: one line per kind of element (or situation), with a count and a reason.

/** Things import reduces that are not one element's kind. */
const SITUATIONS = {
  'mixed-subst': '<subst> holding more than <del> and <add>',
  'handShift-without-new': '<handShift> without @new (a change of ink or script, not of hand)',
  xinclude: '<xi:include> not followed: import reads this one file, not the files it includes',
} as const;

export type Situation = keyof typeof SITUATIONS;

/**
 * A kind of thing import reduced: an element (by name; for an element outside TEI, its name as written), told
 * apart when it holds no text at all (`empty`), or by an attribute it has (or lacks: `missing`); or a situation.
 */
export type Reduction =
  { element: string; attribute?: string; empty?: boolean; missing?: boolean } | { situation: Situation };

/** Why an element is reduced, where there is more to say than that its text is kept. Keys: `name`, `name/` (the
 * element holds no text), `name@attribute`, `name!attribute` (the attribute is missing); `what` names it otherwise
 * than `<name>`. */
const REASONS: Record<string, { why: string; what?: string }> = {
  hi: { why: 'highlighting has no equivalent in the markup; the text is kept' },
  choice: {
    why: 'the text as the document has it is kept (<sic>, <orig>, <abbr>), or else the first alternative; the editor’s alternative is left out',
  },
  app: { why: 'the lemma (or else the first reading) is kept' },
  restore: { why: 'a restored deletion is plain text, in both readings (the markup has no restoration)' },
  div: { why: 'divisions are flattened into their paragraphs' },
  lg: { why: 'verse lines are kept as lines of one paragraph' },
  surface: { why: 'the pages of a source document are not kept; their text is read in order' },
  zone: { why: 'areas of a page become paragraphs, in the order the file gives them' },
  mod: { why: 'a modification holding more than deletions and additions keeps its content in a row' },
  'note@type': { what: '<note type="authorial">', why: 'the writer’s own note is kept as text where it stands' },
  metamark: { why: 'marks about the text (carets, flags, numbers) are not its text and are left out' },
  figDesc: { why: 'a description of a figure is not the document’s text and is left out' },
  space: { why: 'a space left blank on the page becomes one space' },
  'gap@unit': {
    what: '<gap unit>',
    why: 'a size in a unit the markup has no word for (it has letters, words, lines, cm, mm) is left out; the gap is marked',
  },
  'gap!unit': {
    what: '<gap quantity> without @unit',
    why: 'TEI gives the number no unit; it is read as letters',
  },
  'gap@extent': {
    what: '<gap extent>',
    why: 'a size in words the markup cannot read (it reads “3 words”, “ca. 2 lines”) is left out; the gap is marked',
  },
  'del@hand': { why: 'who made the deletion is not recorded by the markup' },
  'delSpan!spanTo': { why: 'where the deletion ends is not said; nothing is marked' },
  'addSpan!spanTo': { why: 'where the addition ends is not said; nothing is marked' },
  'milestone/': { why: 'a boundary marker; there is no text to keep' },
  'anchor/': { why: 'a point other elements refer to; there is no text to keep' },
  'ptr/': { why: 'a pointer; there is no text to keep' },
  'graphic/': { why: 'an image is not kept' },
  'undo/': {
    why: 'a cancellation pointing at text elsewhere is not followed; the text reads as its <del>s and <add>s say',
  },
  'redo/': {
    why: 'a repetition pointing at text elsewhere is not followed; the text reads as its <del>s and <add>s say',
  },
};
const KEPT = 'the markup cannot express it; its text is kept';
const NOTHING = 'it holds no text, so nothing is lost';

interface Entry {
  what: string;
  reason: string;
  count: number;
}

export class Warnings {
  private readonly entries = new Map<string, Entry>();

  add(r: Reduction): void {
    // The key orders the list: situations first, then elements by name.
    let key: string, what: string, reason: string;
    if ('situation' in r) {
      key = `!${SITUATIONS[r.situation]}`;
      what = SITUATIONS[r.situation];
      reason = '';
    } else {
      const { element, attribute } = r;
      key = attribute ? `${element}${r.missing ? '!' : '@'}${attribute}` : r.empty ? `${element}/` : element;
      const known = REASONS[key];
      what =
        known?.what ?? (attribute ? `<${element}> ${r.missing ? 'without' : 'with'} @${attribute}` : `<${element}>`);
      reason = known?.why ?? (r.empty ? NOTHING : KEPT);
    }
    const entry = this.entries.get(key);
    if (entry) entry.count++;
    else this.entries.set(key, { what, reason, count: 1 });
  }

  /** One sentence per kind, in a stable order, then `extra` sentences. */
  list(extra: string[]): string[] {
    const out: string[] = [];
    for (const [, e] of [...this.entries].sort((a, b) => a[0].localeCompare(b[0]))) {
      out.push(`${e.what} ×${e.count}${e.reason ? `: ${e.reason}` : ''}.`);
    }
    return [...out, ...extra];
  }
}
