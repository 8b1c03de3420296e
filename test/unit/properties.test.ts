// Property-based tests (fast-check): the parser's promises for any input, and the readings of generated
// well-formed transcriptions against a small reference evaluator written here from docs/markup.md's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  countRevisions,
  countRevisionsIn,
  escapeText,
  isProblemCode,
  parse,
  paragraphReading,
  reading,
  READING_KINDS,
  revisions,
  type Inline,
} from '../../server/src/core/index';
import { documentedParserCodes } from './doc-tables';
import { GAP, SUPPLIED } from '../../server/src/core/syntax';

const MARKUP_UNITS = [
  '~',
  '~',
  '~~',
  '^',
  '^{',
  '^<',
  '{',
  '}',
  '<',
  '>',
  '*',
  '\\',
  ' ',
  ' ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  'a',
  'bc',
  'é',
  ',',
  '.',
  '(',
  ')',
  '---\n',
  'title: x\n',
  '😀',
  '\ud800',
];
const markupish = fc.array(fc.constantFrom(...MARKUP_UNITS), { maxLength: 60 }).map((a) => a.join(''));
const anything = fc.oneof(markupish, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 }));

function checkTree(src: string, nodes: Inline[], from: number, to: number): void {
  let at = from;
  for (const n of nodes) {
    assert.ok(
      n.start >= at && n.start <= n.end && n.end <= to,
      `node ${n.kind} [${n.start},${n.end}) outside [${at},${to})`,
    );
    if (n.kind === 'del' || n.kind === 'add' || n.kind === 'hand') {
      assert.equal(src.slice(n.open.start, n.open.end), n.delimiter);
      assert.equal(n.open.start, n.start);
      if (n.close) assert.equal(n.close.end, n.end);
      checkTree(src, n.children, n.open.end, n.close ? n.close.start : n.end);
    } else if (n.kind === 'subst') {
      assert.equal(n.first.start, n.start);
      assert.equal(n.second.end, n.end);
      checkTree(src, [n.first, n.second], n.start, n.end);
    } else if (n.kind === 'escape') {
      assert.equal(n.end - n.start, 2);
      assert.equal(src[n.start], '\\');
      assert.equal(src[n.start + 1], n.char);
    }
    at = n.end;
  }
}

test('any string parses without throwing, into ordered nodes and problems inside the document', () => {
  const documented = documentedParserCodes();
  fc.assert(
    fc.property(anything, (src) => {
      const doc = parse(src);
      let at = doc.bodyStart;
      for (const p of doc.paragraphs) {
        assert.ok(p.start >= at && p.end >= p.start && p.end <= src.length);
        checkTree(src, p.children, p.start, p.end);
        at = p.end;
      }
      for (const p of doc.problems) {
        assert.ok(p.start >= 0 && p.start <= p.end && p.end <= src.length, `${p.code} at [${p.start},${p.end})`);
        assert.ok(isProblemCode(p.code) && documented.has(p.code), `${p.code} is not documented in docs/markup.md`);
        for (const f of p.fixes)
          for (const e of f.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= src.length);
      }
    }),
    { numRuns: 2000, includeErrorInReport: true },
  );
});

test('any string gives readings whose characters map back to the same characters of the source', () => {
  fc.assert(
    fc.property(anything, (src) => {
      const doc = parse(src);
      // A gap's placeholder and supplied text's brackets stand for the mark's delimiters, not copied characters.
      const placeholders = new Set<number>();
      const t = doc.syntax;
      for (let i = 0; i < t.count; i++) {
        if (t.kind(i) === GAP) placeholders.add(t.start(i)).add(t.start(i) + 1);
        if (t.kind(i) === SUPPLIED) placeholders.add(t.start(i)).add(t.closed(i) ? t.closeStart(i) : t.end(i));
      }
      for (const kind of READING_KINDS) {
        const r = reading(doc, kind);
        let last = -1;
        for (let i = 0; i <= r.text.length; i++) {
          const s = r.map.toSource(i);
          assert.ok(s >= 0 && s <= src.length);
          assert.ok(s >= last, 'toSource is monotonic');
          last = s;
          if (kind !== 'diplomatic' && i < r.text.length && !(placeholders.has(s) && '[]…'.includes(r.text[i]!)))
            assert.equal(src[s], r.text[i], `${kind} offset ${i}`);
        }
        for (const j of r.junctions) assert.ok(j >= 0 && j <= r.text.length);
      }
    }),
    { numRuns: 1000, includeErrorInReport: true },
  );
});

test('any string: each paragraph read alone, as the preview reads it, is that paragraph of the whole reading', () => {
  // A reading drops a paragraph it leaves empty and joins the rest with their blank lines; read alone, a paragraph
  // gives the same text, mapped to the same source characters, and the counts agree with the revision list.
  fc.assert(
    fc.property(anything, (src) => {
      const doc = parse(src);
      assert.equal(doc.syntax.paragraphs.length, doc.paragraphs.length);
      for (const kind of READING_KINDS) {
        const whole = reading(doc, kind);
        const kept = new Map(whole.paragraphs.map((p) => [p.index, p]));
        for (let index = 0; index < doc.paragraphs.length; index++) {
          const alone = paragraphReading(doc, index, kind);
          const p = kept.get(index);
          if (!p) {
            assert.equal(alone.text, '', `${kind}: paragraph ${index} is dropped from the whole reading`);
            continue;
          }
          // The whole reading's paragraph span holds the paragraph's text (its separator comes before it).
          assert.equal(alone.text, whole.text.slice(p.start, p.end), `${kind} paragraph ${index}`);
          for (let i = 0; i < alone.text.length; i++)
            assert.equal(alone.map.toSource(i), whole.map.toSource(p.start + i), `${kind} paragraph ${index} at ${i}`);
        }
      }
      assert.deepEqual(countRevisionsIn(doc.syntax), countRevisions(revisions(doc)), 'revision counts');
    }),
    { numRuns: 1000, includeErrorInReport: true },
  );
});

test('escaping any text and parsing it gives the text back, in every reading, with no problem', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 60 }), markupish), (text) => {
      // A paragraph is one run of lines: keep the text to one line with no leading or trailing blanks.
      const line = text.replace(/\s+/g, ' ').trim();
      if (line.startsWith('---')) return;
      const doc = parse(escapeText(line));
      for (const kind of READING_KINDS) assert.equal(reading(doc, kind).text, line);
      assert.deepEqual(doc.problems, []);
    }),
    { numRuns: 1000, includeErrorInReport: true },
  );
});

// ---- Generated well-formed transcriptions and the reference evaluator ----

type Part =
  | { t: 'word'; raw: string; value: string }
  | { t: 'del' | 'add' | 'hand'; content: Content }
  | { t: 'space'; kind: 'del' | 'add' }
  | { t: 'subst'; order: 'da' | 'ad'; gap: string; del: Content; add: Content };
/** Tokens (parts glued together) and the separators between them (one fewer). */
interface Content {
  tokens: Part[][];
  seps: string[];
}

const WORDS: Array<[string, string]> = [
  ['a', 'a'],
  ['bc', 'bc'],
  ['Dé', 'Dé'],
  ['word', 'word'],
  ['x\\*', 'x*'],
  ['\\~y', '~y'],
  ['q,', 'q,'],
  ['r.', 'r.'],
  ['(s', '(s'],
  ['t)', 't)'],
  [',', ','],
  ['1\\\\', '1\\'],
];

function generator(seed: number) {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = (): Part => {
    const [raw, value] = WORDS[Math.floor(rnd() * WORDS.length)]!;
    return { t: 'word', raw, value };
  };
  const content = (depth: number, inHand: boolean, lines: boolean): Content => {
    const n = 1 + Math.floor(rnd() * (depth > 2 ? 2 : 4));
    const tokens: Part[][] = [];
    const seps: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) seps.push(lines && rnd() < 0.2 ? '\n' : ' ');
      tokens.push(token(depth, inHand));
    }
    return { tokens, seps };
  };
  const mark = (depth: number, inHand: boolean): Part => {
    const r = rnd();
    if (depth > 4 || r < 0.1) return { t: 'space', kind: rnd() < 0.5 ? 'del' : 'add' };
    if (r < 0.4) return { t: 'del', content: content(depth + 1, inHand, true) };
    if (r < 0.7) return { t: 'add', content: content(depth + 1, inHand, true) };
    if (r < 0.8 && !inHand) return { t: 'hand', content: content(depth + 1, true, true) };
    return {
      t: 'subst',
      order: rnd() < 0.7 ? 'da' : 'ad',
      gap: rnd() < 0.5 ? ' ' : '',
      del: content(depth + 1, inHand, false),
      add: content(depth + 1, inHand, false),
    };
  };
  const token = (depth: number, inHand: boolean): Part[] => {
    const parts: Part[] = [];
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      // Two marks never touch inside a token: a word stands between them.
      const wantMark = depth < 6 && rnd() < 0.45;
      if (wantMark && (parts.length === 0 || parts[parts.length - 1]!.t === 'word')) parts.push(mark(depth, inHand));
      else parts.push(word());
    }
    return parts;
  };
  return { content };
}

/** The del/add kind a part begins or ends with, as far as substitution pairing and tilde runs care. */
function edgeKind(p: Part | undefined, end: 'first' | 'last'): 'del' | 'add' | 'hand' | null {
  if (!p || p.t === 'word') return null;
  if (p.t === 'space') return p.kind;
  if (p.t === 'subst') return (end === 'first') === (p.order === 'da') ? 'del' : 'add';
  return p.t;
}

/** Makes generated content unambiguous: no deletion and insertion side by side across a space (they would pair),
 *  no deletion opening right after a deletion's opener (the tilde runs would merge). */
function tidy(c: Content, inDel: boolean): void {
  c.tokens.forEach((tok, i) => {
    for (const p of tok) {
      if (p.t === 'del') tidy(p.content, true);
      else if (p.t === 'add' || p.t === 'hand') tidy(p.content, false);
      else if (p.t === 'subst') {
        tidy(p.del, true);
        tidy(p.add, false);
      }
    }
    if (i === 0 && inDel && edgeKind(tok[0], 'first') === 'del') tok.unshift({ t: 'word', raw: 'w', value: 'w' });
    if (i > 0 && c.seps[i - 1] !== '\n') {
      const left = edgeKind(c.tokens[i - 1]![c.tokens[i - 1]!.length - 1], 'last');
      const right = edgeKind(tok[0], 'first');
      if ((left === 'del' && right === 'add') || (left === 'add' && right === 'del'))
        tok.unshift({ t: 'word', raw: 'w', value: 'w' });
    }
  });
}

/** Tildes a deletion needs: more than any deletion directly inside it. */
function tildes(c: Content): number {
  let inner = 1;
  for (const tok of c.tokens)
    for (const p of tok) {
      if (p.t === 'del') inner = Math.max(inner, tildes(p.content));
      if (p.t === 'space' && p.kind === 'del') inner = Math.max(inner, 2);
      if (p.t === 'subst') inner = Math.max(inner, tildes(p.del));
    }
  return inner + 1;
}

function write(c: Content, ins: [string, string]): string {
  const part = (p: Part): string => {
    switch (p.t) {
      case 'word':
        return p.raw;
      case 'space':
        return p.kind === 'del' ? '~~ ~~' : `${ins[0]} ${ins[1]}`;
      case 'del': {
        const t = '~'.repeat(tildes(p.content));
        return t + write(p.content, ins) + t;
      }
      case 'add':
        return ins[0] + write(p.content, ins) + ins[1];
      case 'hand':
        return '*' + write(p.content, ins) + '*';
      case 'subst': {
        const t = '~'.repeat(tildes(p.del));
        const d = t + write(p.del, ins) + t;
        const a = ins[0] + write(p.add, ins) + ins[1];
        return p.order === 'da' ? d + p.gap + a : a + p.gap + d;
      }
    }
  };
  return c.tokens.map((tok, i) => (i > 0 ? c.seps[i - 1]! : '') + tok.map(part).join('')).join('');
}

const DROP = Symbol('drop');
const EDGE = Symbol('edge');
type Item = string | typeof DROP | typeof EDGE;

/** A reading as a list of kept text and places where something was dropped or a kept mark's edge stands. */
function items(c: Content, kind: 'draft' | 'final'): Item[] {
  const out: Item[] = [];
  const mark = (keep: boolean, inner: Content | string) => {
    if (!keep) {
      out.push(DROP);
      return;
    }
    out.push(EDGE);
    if (typeof inner === 'string') out.push(inner);
    else out.push(...items(inner, kind));
    out.push(EDGE);
  };
  c.tokens.forEach((tok, i) => {
    if (i > 0) out.push(c.seps[i - 1]!);
    for (const p of tok) {
      if (p.t === 'word') out.push(p.value);
      else if (p.t === 'space') mark((p.kind === 'del') === (kind === 'draft'), ' ');
      else if (p.t === 'hand') mark(true, p.content);
      else if (p.t === 'del') mark(kind === 'draft', p.content);
      else if (p.t === 'add') mark(kind === 'final', p.content);
      else if (p.t === 'subst') {
        const s = p;
        const d = () => mark(kind === 'draft', s.del);
        const a = () => mark(kind === 'final', s.add);
        if (s.order === 'da') {
          d();
          out.push(DROP);
          a();
        } else {
          a();
          out.push(DROP);
          d();
        }
      }
    }
  });
  return out;
}

const OPENING = '([«“„‘¿¡';
const CLOSING = ',.;:!?)]»”…';

/** The joining rules of docs/markup.md ("Spaces and punctuation in the readings"), on plain strings. */
function join(items: Item[]): string {
  // Text with nothing dropped between is one piece, as the source has it.
  const list: Item[] = [];
  for (const item of items) {
    const last = list[list.length - 1];
    if (typeof item === 'string' && typeof last === 'string') list[list.length - 1] = last + item;
    else list.push(item);
  }
  let out = '';
  // What stands before the next text: nothing, a kept mark's edge, or a dropped mark (which decides when both).
  let pending: Item | null = null;
  let skipped = false;
  const endsBlank = () => out.endsWith(' ') || out.endsWith('\t');
  for (const item of list) {
    if (item === DROP) {
      pending = DROP;
      skipped = false;
      continue;
    }
    if (item === EDGE) {
      pending ??= EDGE;
      continue;
    }
    let t = item;
    if (pending) {
      const dropped = pending === DROP;
      if (out === '' || out.endsWith('\n') || endsBlank() || (dropped && OPENING.includes(out[out.length - 1]!))) {
        const trimmed = t.replace(/^[ \t]+/, '');
        if (trimmed.length < t.length) skipped = true;
        t = trimmed;
        if (t === '') continue;
      }
      if (dropped && endsBlank() && (t[0] === '\n' || t[0] === '\r' || (!skipped && CLOSING.includes(t[0]!))))
        out = out.replace(/[ \t]+$/, '');
      if ((t.startsWith('\n') || t.startsWith('\r\n')) && (out === '' || out.endsWith('\n'))) {
        t = t.slice(t[0] === '\n' ? 1 : 2);
        if (t === '') continue;
      }
      pending = null;
    }
    out += t;
  }
  if (pending) {
    out = out.replace(/[ \t]+$/, '');
    if (out.endsWith('\n')) out = out.slice(0, out.endsWith('\r\n') ? -2 : -1);
  }
  return out;
}

test('readings of generated well-formed transcriptions equal the reference evaluator', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.boolean(),
      fc.integer({ min: 1, max: 3 }),
      fc.boolean(),
      (seed, angle, count, header) => {
        const g = generator(seed);
        const paragraphs = Array.from({ length: count }, () => {
          const c = g.content(0, false, true);
          tidy(c, false);
          return c;
        });
        const ins: [string, string] = angle ? ['^<', '>'] : ['^{', '}'];
        const src = (header ? '---\ntitle: T\n---\n' : '') + paragraphs.map((c) => write(c, ins)).join('\n\n');
        const doc = parse(src);
        assert.deepEqual(
          doc.problems.map((p) => p.code),
          [],
          src,
        );
        assert.equal(doc.paragraphs.length, count, src);
        for (const kind of ['draft', 'final'] as const) {
          // Paragraphs are read one by one; one a reading leaves empty goes with the blank line before it.
          const expected = paragraphs
            .map((c) => join(items(c, kind)))
            .filter((t) => t !== '')
            .join('\n\n');
          assert.equal(reading(doc, kind).text, expected, `${kind} of ${JSON.stringify(src)}`);
        }
      },
    ),
    { numRuns: 3000, includeErrorInReport: true },
  );
});
