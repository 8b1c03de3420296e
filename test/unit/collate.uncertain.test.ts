// Collation at the transcription's gaps `_{…}` and unclear readings `?{…}` (collate/uncertain.ts): what the witness
// reads there is its suggestion, shown in the hover and the listing, never a variant; supplied text is compared as
// usual; notes and breaks take no part; `|-` joins a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Analysis,
  apparatus,
  apparatusText,
  Collator,
  collationHover,
  collationHtml,
  gapWords,
  witnessFromText,
  witnessProblems,
} from '../../server/src/core/index';
import { parseExtent } from '../../server/src/core/editorial';
import { collateTexts, variantList } from './collate-helpers';

/** Each suggestion as `kind: transcription words | witness words`. */
function suggestionList(c: ReturnType<typeof collateTexts>['c']): string[] {
  const a = c.a.words.texts,
    b = c.b.words.texts;
  return c.suggestions.map(
    (s) => `${s.node.kind}: ${a.slice(s.aFrom, s.aTo).join(' ')} | ${b.slice(s.bFrom, s.bTo).join(' ')}`,
  );
}

test('the witness words opposite a gap are its suggestion, not an addition', () => {
  const { c } = collateTexts('we met _{3 words} and then we left', 'we met in the city and then we left');
  assert.deepEqual(variantList(c), []);
  assert.deepEqual(suggestionList(c), ['gap:  | in the city']);
  assert.deepEqual([...c.suggestedWords], [0, 0, 1, 1, 1, 0, 0, 0, 0]);
  assert.equal(c.agreement, 1);
  // Without the gap the same words are an addition.
  assert.deepEqual(variantList(collateTexts('we met and then we left', 'we met in the city and then we left').c), [
    'addition:  | in the city',
  ]);
});

test('a gap takes no more witness words than its extent allows; the rest are an addition', () => {
  const w = 'we met in the big city and then we left';
  const one = collateTexts('we met _{1 word} and then we left', w).c;
  assert.deepEqual(suggestionList(one), ['gap:  | city']);
  assert.deepEqual(variantList(one), ['addition:  | in the big']);
  // `ca. 2 words` may stand for one more.
  const about = collateTexts('we met _{ca. 2 words} and then we left', w).c;
  assert.deepEqual(suggestionList(about), ['gap:  | the big city']);
  assert.deepEqual(variantList(about), ['addition:  | in']);
});

test('how many witness words a gap may stand for, by its extent', () => {
  const n = (text: string) => gapWords(parseExtent(text));
  assert.deepEqual(
    [
      '3 words',
      'ca. 3 words',
      '2-4 words',
      '5 letters',
      '6 letters',
      'a line',
      '2 lines',
      '',
      '?',
      '? words',
      '3 cm',
    ].map(n),
    [3, 4, 4, 1, 2, 10, 20, 10, 10, 10, 6],
  );
  assert.equal(n('900 lines'), 40);
  assert.equal(gapWords(null), 10);
});

test('a gap with nothing opposite it in the witness is no variant and suggests nothing', () => {
  const { c } = collateTexts('we met _{2 words} and then we left', 'we met and then we left');
  assert.deepEqual(variantList(c), []);
  assert.deepEqual(suggestionList(c), ['gap:  | ']);
});

test('the words around a gap keep their near-equal partners: a gap takes only what nothing else claims', () => {
  const { c } = collateTexts('to reliave _{1 word} concerns you have', 'to relieve the concerms you have');
  assert.deepEqual(suggestionList(c), ['gap:  | the']);
  assert.deepEqual(variantList(c), ['misreading: reliave | relieve', 'misreading: concerns | concerms']);
});

test('unmatched words either side of a gap are two variants, not one across it', () => {
  const { c } = collateTexts('x y _{1 word} z', 'p q r z');
  assert.deepEqual(suggestionList(c), ['gap:  | r']);
  assert.deepEqual(variantList(c), ['substitution: x y | p q']);
  const { c: c2 } = collateTexts('a b x _{1 word} y c', 'a b p r q c');
  assert.deepEqual(suggestionList(c2), ['gap:  | r']);
  assert.deepEqual(variantList(c2), ['substitution: x | p', 'substitution: y | q']);
});

test('what the witness reads at an unclear word is its suggestion, whether it agrees with an alternative or not', () => {
  for (const [witness, reads] of [
    ['the ward is good', 'ward'],
    ['the word is good', 'word'],
    ['the table is good', 'table'],
  ] as const) {
    const { c } = collateTexts('the ?{word|ward} is good', witness);
    assert.deepEqual(variantList(c), [], witness);
    assert.deepEqual(suggestionList(c), [`unclear: word | ${reads}`], witness);
    assert.equal(c.agreement, 1);
  }
  // The same words, the word not marked unclear: a misreading, a substitution.
  assert.deepEqual(variantList(collateTexts('the word is good', 'the ward is good').c), ['misreading: word | ward']);
  assert.deepEqual(variantList(collateTexts('the word is good', 'the table is good').c), [
    'substitution: word | table',
  ]);
});

test('an unclear reading of several words suggests the witness words opposite all of them', () => {
  const { c } = collateTexts('in ?low{the old city|the cold city} we met', 'in thy bold cty we met');
  assert.deepEqual(variantList(c), []);
  assert.deepEqual(suggestionList(c), ['unclear: the old city | thy bold cty']);
});

test('an unclear word the witness lacks is still an omission: there is nothing to suggest', () => {
  const { c } = collateTexts('the ?{word|ward} is good', 'the is good');
  assert.deepEqual(variantList(c), ['omission: word | ']);
  assert.deepEqual(suggestionList(c), ['unclear: word | ']);
});

test('gaps and unclear readings inside a deletion are in no final reading and take no part', () => {
  const { c } = collateTexts('we ~~met _{2 words} ?{and}~~ left', 'we did go left');
  assert.deepEqual(c.suggestions, []);
  assert.deepEqual(variantList(c), ['addition:  | did go']);
  // Inside an insertion they do.
  const { c: c2 } = collateTexts('we ^{met _{1 word}} left', 'we met them left');
  assert.deepEqual(suggestionList(c2), ['gap:  | them']);
  assert.deepEqual(variantList(c2), []);
});

test('supplied text is compared as the words it supplies: agreeing is fine, differing is a variant', () => {
  assert.deepEqual(variantList(collateTexts('we +{did} go home', 'we did go home').c), []);
  assert.deepEqual(variantList(collateTexts('we +{will} go home', 'we did go home').c), ['substitution: will | did']);
  assert.deepEqual(variantList(collateTexts('we +lost{will} go home', 'we go home').c), ['omission: will | ']);
});

test('notes and breaks take no part in the collation, and `|-` joins a word', () => {
  const { c } = collateTexts(
    'exam|-\nple %{a note, with words} is |page{2 | p2.jpg}\nhere |column{2} now',
    'example is here now',
  );
  assert.deepEqual(c.a.words.texts, ['example', 'is', 'here', 'now']);
  assert.deepEqual(variantList(c), []);
  assert.equal(c.agreement, 1);
});

test('a gap described in the reading (`[3 words illegible]`) is no words of the transcription', () => {
  const src = 'we met _{3 words} and then';
  const loaded = witnessFromText('w.txt', 'we met in the city and then');
  assert.ok('witness' in loaded);
  const analysis = new Analysis(src, { gap: 'description' });
  assert.equal(analysis.reading('final').text, 'we met [3 words illegible] and then');
  const c = new Collator(loaded.witness).collate(analysis);
  assert.deepEqual(c.a.words.texts, ['we', 'met', 'and', 'then']);
  assert.deepEqual(suggestionList(c), ['gap:  | in the city']);
  assert.deepEqual(c.variants, []);
});

test('no problem is made of a suggestion', () => {
  const { analysis, c } = collateTexts(
    'we met _{3 words} and the ?{word|ward} was good',
    'we met in the city and the ward was good',
  );
  assert.deepEqual(witnessProblems(analysis, c), []);
});

test('the hover at a gap and at an unclear word says what the witness suggests there (the mark is the line above)', () => {
  const src = 'We met _{3 words} and then\nthe ?{word|ward} was good, _lost{} we left.';
  const { analysis, c } = collateTexts(src, 'We met in the city and then\nthe ward was good, and we left.', 'sent.txt');
  const gap = collationHover(analysis, c, src.indexOf('_{') + 3)!;
  assert.equal(gap.markdown, 'sent\\.txt reads *in the city* here \\(line 1\\)\\: its suggestion\\, not a variant\\.');
  assert.deepEqual([gap.start, gap.end], [src.indexOf('_{'), src.indexOf('} and') + 1]);
  const unclear = collationHover(analysis, c, src.indexOf('?{') + 2)!;
  assert.equal(unclear.markdown, 'sent\\.txt reads *ward* here \\(line 2\\)\\: its suggestion\\, not a variant\\.');
  const lost = collationHover(analysis, c, src.indexOf('_lost'))!;
  assert.equal(lost.markdown, 'sent\\.txt reads *and* here \\(line 2\\)\\: its suggestion\\, not a variant\\.');
});

test('the hover at a gap the witness has nothing for says so', () => {
  const src = 'we met _{2 words} and then';
  const { analysis, c } = collateTexts(src, 'we met and then', 'sent.txt');
  assert.equal(collationHover(analysis, c, src.indexOf('_{'))!.markdown, 'sent\\.txt has nothing here \\(line 1\\)\\.');
});

test('emend collate lists the suggestions after the variants, apart from them, and in its JSON', () => {
  const src = 'We met _{3 words} and then\nthe ?{word|ward} was good.';
  const { analysis, c } = collateTexts(src, 'We met in the city and then\nthe ward was fine.', 'sent.txt');
  const app = apparatus(analysis, c);
  assert.deepEqual(app.suggestions, [
    {
      mark: 'gap',
      description: 'Gap: 3 words, illegible',
      transcription: { line: 1, text: '[…]' },
      witness: { line: 1, text: 'in the city' },
    },
    {
      mark: 'unclear',
      description: 'Unclear: word or ward',
      transcription: { line: 2, text: 'word' },
      witness: { line: 2, text: 'ward' },
    },
  ]);
  assert.equal(
    apparatusText(app, 'letter.emend', 'sent.txt'),
    "letter.emend ~ sent.txt: 87.5% of the transcription's words agree; 0 findings to act on, 1 variant (1 substitution); 2 suggestions at gaps and unclear words.\n" +
      '2  good ] 2  fine  (substitution)\n' +
      '\n' +
      'Suggestions (the witness at gaps and unclear words; not variants):\n' +
      '1  […] ] 1  in the city  (Gap: 3 words, illegible)\n' +
      '2  word ] 2  ward  (Unclear: word or ward)\n',
  );
});

test('the collation view shows a suggestion after its mark, counted apart from the variants', () => {
  const src = 'We met _{3 words} and then\nthe ?{word|ward} was good.';
  const { analysis, c } = collateTexts(src, 'We met in the city and then\nthe ward was good.', 'sent.txt');
  const html = collationHtml(analysis, c);
  assert.match(html, /of the words agree \(8 of 8\); 0 variants; 2 suggestions at gaps and unclear words\./);
  assert.match(
    html,
    /We met \[…\]<span class="emend-suggestion emend-suggestion-gap" title="Gap: 3 words, illegible — the witness reads “in the city”: its suggestion, not a variant">in the city<\/span> and then/,
  );
  assert.match(html, /the word<span class="emend-suggestion emend-suggestion-unclear" [^>]*>ward<\/span> was good\./);
  assert.doesNotMatch(html, /emend-filter/);
});

test('an edit that makes a word unclear is collated again, on the incremental path too', () => {
  const loaded = witnessFromText('w.txt', 'alpha beta gamma delta table epsilon zeta eta');
  assert.ok('witness' in loaded);
  const collator = new Collator(loaded.witness, { incrementalFrom: 0 });
  const first = collator.collate(new Analysis('alpha beta gamma delta word epsilon zeta eta'));
  assert.deepEqual(
    first.variants.map((v) => v.kind),
    ['substitution'],
  );
  const second = collator.collate(new Analysis('alpha beta gamma delta ?{word} epsilon zeta eta'));
  assert.deepEqual(second.variants, []);
  assert.equal(second.suggestions.length, 1);
  assert.deepEqual([second.suggestions[0]!.bFrom, second.suggestions[0]!.bTo], [4, 5]);
});
