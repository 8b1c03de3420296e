// What import tells the user it reduced: one line per kind of element (or situation), with a count and a reason.

/** Things import reduces that are not one element's kind. */
const SITUATIONS = {
  'mixed-subst': '<subst> holding more than <del> and <add>',
  'handShift-without-new': '<handShift> without @new (a change of ink or script, not of hand)',
} as const;

export type Situation = keyof typeof SITUATIONS;

/** A kind of thing import reduced: an element (by name; for an element outside TEI, its name as written), an
 * element with an attribute the markup cannot record, or a situation. */
export type Reduction = { element: string; attribute?: string } | { situation: Situation };

/** Why an element is reduced, where there is more to say than that its text is kept. Keys: `name` or `name@attribute`. */
const REASONS: Record<string, string> = {
  hi: 'highlighting has no equivalent in the markup; the text is kept',
  choice: 'the corrected, regularised or expanded alternative is kept (<corr>, <reg>, <expan>), or else the first',
  app: 'the lemma (or else the first reading) is kept',
  restore: 'a restored deletion is kept as plain text (the markup has no restoration)',
  pb: 'page breaks are not kept',
  cb: 'column breaks are not kept',
  gap: 'nothing was transcribed there; the gap is not marked',
  delSpan: 'a deletion spanning structures cannot be marked; its text is kept unmarked',
  addSpan: 'an addition spanning structures cannot be marked; its text is kept unmarked',
  div: 'divisions are flattened into their paragraphs',
  lg: 'verse lines are kept as lines of one paragraph',
  note: "the note's text is kept where the note stands",
  'del@hand': 'who made the deletion is not recorded by the markup',
};
const KEPT = 'the markup cannot express it; its text is kept';

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
      key = r.attribute ? `${r.element}@${r.attribute}` : r.element;
      what = r.attribute ? `<${r.element}> with @${r.attribute}` : `<${r.element}>`;
      reason = REASONS[key] ?? KEPT;
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
