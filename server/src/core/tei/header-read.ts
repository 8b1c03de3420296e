// Reading a <teiHeader> into the header block's fields, as the table in ./header-map.ts says: each field from the
// first of its places that the header fills. Values export writes where the header block was silent are not fields.
import { DEFAULT_TEXTS, HEADER_BLOCK_ORDER, HEADER_FIELDS, type Path, type Step } from './header-map';
import type { XmlElement, XmlNode } from './xml';

/** How deep import looks below an element for one at any depth (headers are shallow; a hostile one is not walked). */
const MAX_DEPTH = 64;

function fits(el: XmlElement, s: Step, last: boolean): boolean {
  if (el.local !== s.name && !(last && s.orNames?.includes(el.local))) return false;
  for (const [k, v] of Object.entries(s.attrs ?? {})) {
    // An attribute computed from the export's options or value (an xml:id, a language code) is not required.
    if (typeof v === 'string' && el.attrs.get(k) !== v) return false;
  }
  if (s.lacks && el.attrs.has(s.lacks)) return false;
  if (s.label) {
    const label = el.children.find((c): c is XmlElement => c.kind === 'element' && c.local === s.label!.child);
    if (!label || !s.label.matches.test(plain(label) ?? '')) return false;
  }
  return true;
}

/** The elements `s` finds below `el`, in document order: its children, or with `deep` the outermost at any depth. */
function below(el: XmlElement, s: Step, last: boolean, out: XmlElement[] = [], depth = 0): XmlElement[] {
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (fits(c, s, last)) out.push(c);
    else if (s.deep && depth < MAX_DEPTH) below(c, s, last, out, depth + 1);
  }
  return out;
}

/** Every element at the end of `path` from `header`, in document order. A step export takes only sometimes
 * (`ifPresent`) may be there or not. */
function find(header: XmlElement, path: Path): XmlElement[] {
  let at: XmlElement[] = [header];
  path.forEach((s, k) => {
    const last = k === path.length - 1;
    const next = at.flatMap((e) => below(e, s, last));
    at = s.ifPresent ? [...next, ...at] : next;
  });
  return at;
}

function plain(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const parts: string[] = [];
  const walk = (n: XmlNode, depth: number) => {
    if (n.kind === 'text') parts.push(n.text);
    else if (depth < MAX_DEPTH) for (const c of n.children) walk(c, depth + 1);
  };
  walk(el, 0);
  const s = parts.join('').replace(/\s+/g, ' ').trim();
  return s || undefined;
}

/** The header block's fields (in HEADER_BLOCK_ORDER) from a <teiHeader>. */
export function readTeiHeader(header: XmlElement | undefined): [string, string][] {
  if (!header) return [];
  const fields: [string, string][] = [];
  for (const field of HEADER_FIELDS) {
    if (field.key === null) continue;
    for (const path of [...field.paths.slice(0, 1), ...(field.alsoRead ?? [])]) {
      const found = find(header, path);
      if (!found.length) continue;
      let value: string | undefined;
      if (field.list) {
        const items = found.map((e) => plain(e) ?? '').map((d) => (DEFAULT_TEXTS.has(d) ? '' : d));
        while (items.length && !items[items.length - 1]) items.pop();
        value = items.join('; ');
      } else {
        const first = found[0]!;
        value = plain(first) ?? (field.orAttribute ? first.attrs.get(field.orAttribute) : undefined);
      }
      if (value && !DEFAULT_TEXTS.has(value)) {
        fields.push([field.key, value]);
        break;
      }
      if (!field.list) continue;
      break;
    }
  }
  const rank = (key: string) => HEADER_BLOCK_ORDER.indexOf(key);
  return fields.sort((a, b) => rank(a[0]) - rank(b[0]));
}
