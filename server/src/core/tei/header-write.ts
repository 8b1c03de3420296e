// Writing the <teiHeader> from the header block, as the table in ./header-map.ts says: every field's paths are laid
// out in the table's order (so the elements always stand in the schema's order), the values put at their ends, and
// the elements that hold none left out.
import { HEADER_FIELDS, handNotePath, type HeaderContext, type HeaderField, type Step } from './header-map';
import { escapeXml, type EscapeCounter } from './xmlText';

interface Element {
  name: string;
  attrs: [string, string][];
  label: { child: string; text: string } | null;
  children: Element[];
  /** The text of a leaf. */
  value: string | null;
  /** Something below has a value (so the element is written). */
  filled: boolean;
}

const element = (name: string, attrs: [string, string][] = [], label: Element['label'] = null): Element => ({
  name,
  attrs,
  label,
  children: [],
  value: null,
  filled: false,
});

const identity = (e: Pick<Element, 'name' | 'attrs' | 'label'>) =>
  `${e.name}${JSON.stringify(e.attrs)}${e.label ? `=${e.label.text}` : ''}`;

/** What a field puts at each of its paths: its value, or a fallback text, or nothing. */
type Placed = { text: string; fallback: boolean } | undefined;

function fieldValues(field: HeaderField, value: string | undefined, ctx: HeaderContext): Placed[] {
  const n = field.paths.length;
  let items: (string | undefined)[];
  if (!field.list) items = new Array<string | undefined>(n).fill(value);
  else {
    const parts = value === undefined ? [] : value.split(';').map((s) => s.trim());
    items = field.paths.map((_, k) => (k < n - 1 ? parts[k] : parts.slice(k).join('; ')) || undefined);
  }
  const wanted = value !== undefined || (field.required?.(ctx) ?? true);
  return items.map((v, k): Placed => {
    if (v !== undefined && v.trim() !== '') return { text: v, fallback: false };
    return field.fallback && wanted ? { text: field.fallback.text(ctx, k), fallback: true } : undefined;
  });
}

/** The elements of the header for these values (`get` answers a header block key with its value, if any). */
function layout(get: (key: string) => string | undefined, ctx: HeaderContext): Element {
  const root = element('teiHeader');
  for (const field of HEADER_FIELDS) {
    if (field.key === 'hands' && ctx.handNotes) {
      for (const h of ctx.handNotes) place(root, handNotePath(h.id), { text: h.text, fallback: false }, field, ctx);
      continue;
    }
    let value = field.key === null ? undefined : get(field.key);
    for (const alias of field.aliases ?? []) value ??= get(alias);
    const values = fieldValues(field, value, ctx);
    field.paths.forEach((path, k) => place(root, path, values[k], field, ctx));
  }
  return root;
}

function place(root: Element, path: Step[], value: Placed, field: HeaderField, ctx: HeaderContext): void {
  let at = root;
  const trail: Element[] = [root];
  for (const s of path) {
    const attrs = Object.entries(s.attrs ?? {}).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : v(ctx, value?.text ?? ''),
    ]);
    const wanted = element(s.name, attrs, s.label ? { child: s.label.child, text: s.label.text } : null);
    let next = at.children.find((c) => identity(c) === identity(wanted));
    if (s.ifPresent && !next?.filled) continue;
    if (!next) at.children.push((next = wanted));
    at = next;
    trail.push(at);
  }
  // Every path is laid out (so that the order is always the table's), but only a value fills it.
  if (value === undefined) return;
  if (value.fallback && field.fallback?.alone && trail[trail.length - 2]!.filled) return;
  at.value = value.text;
  for (const e of trail) e.filled = true;
}

function write(e: Element, depth: number, counter: EscapeCounter, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = e.attrs.map(([k, v]) => ` ${k}="${escapeXml(v, counter, true)}"`).join('');
  if (e.value !== null) {
    out.push(`${pad}<${e.name}${attrs}>${escapeXml(oneLine(e.value), counter)}</${e.name}>\n`);
    return;
  }
  out.push(`${pad}<${e.name}${attrs}>\n`);
  if (e.label) out.push(`${pad}  <${e.label.child}>${escapeXml(e.label.text, counter)}</${e.label.child}>\n`);
  for (const c of e.children) if (c.filled) write(c, depth + 1, counter, out);
  out.push(`${pad}</${e.name}>\n`);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The <teiHeader> element, indented to stand inside <TEI>. */
export function writeTeiHeader(
  get: (key: string) => string | undefined,
  ctx: HeaderContext,
  counter: EscapeCounter,
): string {
  const out: string[] = [];
  write(layout(get, ctx), 1, counter, out);
  return out.join('');
}
