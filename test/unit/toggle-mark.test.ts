import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, parse, reading, toggleMark, type MarkKind, type TextEdit } from '../../server/src/core/index';

function apply(src: string, edits: TextEdit[]): string {
  let out = '';
  let k = 0;
  for (const e of edits) {
    out += src.slice(k, e.start) + e.newText;
    k = e.end;
  }
  return out + src.slice(k);
}

/** Toggles on the selection written as `[…]` (or a cursor `|`) in `marked`; returns the new text with the new selection as `[…]`. */
function toggle(marked: string, kind: MarkKind): string {
  let src: string, start: number, end: number;
  if (marked.includes('|')) {
    start = end = marked.indexOf('|');
    src = marked.replace('|', '');
  } else {
    start = marked.indexOf('[');
    end = marked.indexOf(']') - 1;
    src = marked.replace('[', '').replace(']', '');
  }
  const r = toggleMark(analyze(src), start, end, kind);
  if (!r.ok) return `refused: ${r.message}`;
  const out = apply(src, r.edits);
  return (
    out.slice(0, r.selection.start) +
    '[' +
    out.slice(r.selection.start, r.selection.end) +
    ']' +
    out.slice(r.selection.end)
  );
}

test('wrapping a selection as deleted, inserted and in another hand', () => {
  assert.equal(toggle('a [word] here', 'del'), 'a ~~[word]~~ here');
  assert.equal(toggle('a [word] here', 'add'), 'a ^{[word]} here');
  assert.equal(toggle('a [word] here', 'hand'), 'a *[word]* here');
});

test('spaces at the edges of the selection stay outside the mark', () => {
  assert.equal(toggle('a[ word ]here', 'del'), 'a ~~[word]~~ here');
});

test('toggling a marked selection unwraps it, whether the selection is the whole mark or its content', () => {
  assert.equal(toggle('a [~~word~~] here', 'del'), 'a [word] here');
  assert.equal(toggle('a ~~[word]~~ here', 'del'), 'a [word] here');
  assert.equal(toggle('a ^<[word]> here', 'add'), 'a [word] here');
  assert.equal(toggle('a [*word*] here', 'hand'), 'a [word] here');
});

test('a selection inside a mark of the same kind unwraps that mark', () => {
  assert.equal(toggle('~~one [two] three~~', 'del'), '[one two three]');
});

test('wrap then unwrap gives back the original text', () => {
  const src = 'Dear Mr. General Secretary: RR';
  for (const kind of ['del', 'add', 'hand'] as const) {
    const r1 = toggleMark(analyze(src), 5, 8, kind);
    assert.ok(r1.ok);
    const wrapped = apply(src, r1.edits);
    const r2 = toggleMark(analyze(wrapped), r1.selection.start, r1.selection.end, kind);
    assert.ok(r2.ok);
    assert.equal(r2.action, 'unwrap');
    assert.equal(apply(wrapped, r2.edits), src);
  }
});

test('a deletion around a deletion gets more tildes, so the inner one still closes first', () => {
  const out = toggle('[a ~~b~~ c]', 'del');
  assert.equal(out, '~~~[a ~~b~~ c]~~~');
  const plain = out.replace('[', '').replace(']', '');
  assert.equal(reading(parse(plain), 'final').text, '');
  assert.equal(reading(parse(plain), 'draft').text, 'a b c');
});

test('a mark of another kind nests inside an existing mark', () => {
  assert.equal(toggle('^{new [old] words}', 'del'), '^{new ~~[old]~~ words}');
  assert.equal(toggle('~~a [b] c~~', 'add'), '~~a ^{[b]} c~~');
});

test('a selection holding whole marks is wrapped around them', () => {
  assert.equal(toggle('[to ~~eliminate~~ ^{relieve} the] end', 'hand'), '*[to ~~eliminate~~ ^{relieve} the]* end');
});

test('the insertion spelling follows the one the document mostly uses', () => {
  assert.equal(toggle('^<a> ^<b> ^{c} [d]', 'add'), '^<a> ^<b> ^{c} ^<[d]>');
  assert.equal(toggle('^{a} ^<b> [d]', 'add'), '^{a} ^<b> ^{[d]}');
});

test('a literal closer inside the selection is escaped so the new mark does not end early', () => {
  assert.equal(toggle('[a } b]', 'add'), '^{[a \\} b]}');
  assert.equal(toggle('[x ~ y]', 'del'), '~~[x \\~ y]~~');
  assert.equal(toggle('[a \\} b]', 'add'), '^{[a \\} b]}');
  const out = toggle('[a } b]', 'add').replace('[', '').replace(']', '');
  assert.equal(reading(parse(out), 'final').text, 'a } b');
});

test('a cursor in a word marks that word; a cursor in a marked word unmarks it', () => {
  assert.equal(toggle('very worr|isome indeed', 'del'), 'very ~~[worrisome]~~ indeed');
  assert.equal(toggle('very ~~worr|isome~~ indeed', 'del'), 'very [worrisome] indeed');
});

test('a cursor between words inserts an empty mark to type into, or unwraps the mark around it', () => {
  assert.equal(toggle('a | b', 'add'), 'a ^{[]} b');
  assert.equal(toggle('a ^{b |c} d', 'add'), 'a [b c] d');
});

test('a selection across a blank line is refused', () => {
  assert.match(toggle('a [b\n\nc] d', 'del'), /^refused: .*blank line/);
});

test('a selection that cuts through a mark is refused', () => {
  assert.match(toggle('a [b ~~c] d~~', 'del'), /^refused: .*cuts through a deletion/);
  assert.match(toggle('a ^[{b} c]', 'hand'), /^refused: .*cuts through an? insertion/);
});

test('a selection inside an escape is refused', () => {
  assert.match(toggle('a \\[~ b]', 'add'), /^refused: .*escape/);
});

test('text in another hand cannot go inside or around another hand', () => {
  assert.equal(toggle('*a [b] c*', 'add'), '*a ^{[b]} c*');
  assert.match(toggle('*a ~~[b]~~ c*', 'hand'), /^refused: .*another hand/);
  assert.match(toggle('[a *b* c]', 'hand'), /^refused: .*another hand/);
});

test('a deletion right after another reads as two deletions', () => {
  assert.equal(toggle('~~a~~[b]', 'del'), '~~a~~~~[b]~~');
  assert.equal(reading(parse('~~a~~~~b~~ c'), 'final').text, 'c');
  assert.equal(reading(parse('~~a~~~~b~~ c'), 'draft').text, 'ab c');
});

test('a deletion whose text begins with another deletion cannot be written with tildes, and is refused', () => {
  assert.match(toggle('[~~x~~ y]', 'del'), /^refused: .*tildes/);
});

test('the header block cannot be marked', () => {
  assert.match(toggle('---\ntitle: [A letter]\n---\nText', 'del'), /^refused: .*header/);
});

test('only delimiters and backslashes are ever added or removed: the text is kept', () => {
  const src = 'To ~~eliminate~~ ^{relieve} the *RR* concerns } you have ~ expressed.';
  const strip = (t: string): string => t.replace(/[~^{}<>*\\]/g, '');
  for (let s = 0; s < src.length; s += 3) {
    for (let e = s; e <= src.length; e += 5) {
      for (const kind of ['del', 'add', 'hand'] as const) {
        const r = toggleMark(analyze(src), s, e, kind);
        if (!r.ok) continue;
        const out = apply(src, r.edits);
        assert.equal(strip(out), strip(src), `${kind} on [${s}, ${e})`);
        assert.ok(
          r.edits.every(
            (ed) => /^[~^{}<>*\\]*$/.test(ed.newText) && /^[~^{}<>*\\]*$/.test(src.slice(ed.start, ed.end)),
          ),
        );
      }
    }
  }
});

test('on any text and any selection, toggling never throws, never loses text, and a wrap then unwrap restores the text', async () => {
  const fc = (await import('fast-check')).default;
  const piece = fc.constantFrom(
    'a',
    'word ',
    ' ',
    '~',
    '~~',
    '~~~',
    '^{',
    '^<',
    '}',
    '>',
    '*',
    '\\',
    '\\~',
    '{',
    '\n',
    '\n\n',
    '---\n',
    'é',
    '😀',
  );
  const strip = (t: string): string => t.replace(/[~^{}<>*\\]/g, '');
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('del', 'add', 'hand'),
      (src, a, b, kind: MarkKind) => {
        const s = a % (src.length + 1),
          e = b % (src.length + 1);
        const r = toggleMark(analyze(src), s, e, kind);
        if (!r.ok) {
          assert.ok(r.message.length > 0);
          return;
        }
        const out = apply(src, r.edits);
        assert.equal(strip(out), strip(src));
        assert.ok(r.selection.start <= r.selection.end && r.selection.end <= out.length);
        const back = toggleMark(analyze(out), r.selection.start, r.selection.end, kind);
        if (r.action === 'wrap' && r.selection.end > r.selection.start && back.ok) {
          assert.equal(back.action, 'unwrap');
          const escaped = r.edits.some((ed) => ed.newText === '\\');
          if (escaped) assert.equal(strip(apply(out, back.edits)), strip(src));
          else assert.equal(apply(out, back.edits), src, `wrap then unwrap of [${s}, ${e}) in ${JSON.stringify(src)}`);
        }
      },
    ),
    { numRuns: 2000, seed: 42 },
  );
});
