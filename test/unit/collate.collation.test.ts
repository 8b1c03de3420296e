import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis, collate, Collator, witnessFromText, witnessPath } from '../../server/src/core/index';
import { collateTexts, variantList } from './collate-helpers';

test('the transcription is compared through its final reading', () => {
  const { c } = collateTexts('to ~~eliminate~~ ^{relieve} the concerns', 'to relieve the concerns');
  assert.deepEqual(c.a.words.texts, ['to', 'relieve', 'the', 'concerns']);
  assert.deepEqual(c.variants, []);
  assert.equal(c.agreement, 1);
});

test('words map back to their source ranges in the transcription, inside marks too', () => {
  const src = 'to ~~eliminate~~ ^{relieve} the';
  const { c } = collateTexts(src, 'to relieve the');
  assert.equal(src.slice(c.a.srcStarts[1]!, c.a.srcEnds[1]!), 'relieve');
  assert.equal(src.slice(c.a.srcStarts[2]!, c.a.srcEnds[2]!), 'the');
});

test('the header block is not compared', () => {
  const { c } = collateTexts('---\ntitle: Letter\nwitness: sent.txt\n---\nDear Sir', 'Dear Sir');
  assert.deepEqual(c.a.words.texts, ['Dear', 'Sir']);
});

test('an .emend witness is compared through its final reading, with offsets in its own source', () => {
  const witnessSource = 'we ~~shall~~ ^{will} find';
  const loaded = witnessFromText('other.emend', witnessSource);
  assert.ok('witness' in loaded);
  const c = collate(new Analysis('we will find'), loaded.witness);
  assert.deepEqual(c.b.words.texts, ['we', 'will', 'find']);
  assert.equal(witnessSource.slice(c.b.srcStarts[1]!, c.b.srcEnds[1]!), 'will');
  assert.equal(c.agreement, 1);
});

test('agreement is the share of transcription words matched to an equal or near-equal word', () => {
  const { c } = collateTexts('we had agreed to speak frankly', 'we agreed to speak fromkly');
  assert.equal(c.agreement, 5 / 6);
  assert.deepEqual(variantList(c), ['omission: had | ', 'misreading: frankly | fromkly']);
});

test('an empty witness loads and every word is an omission', () => {
  const { c } = collateTexts('one two', '');
  assert.equal(c.agreement, 0);
  assert.deepEqual(variantList(c), ['omission: one two | ']);
});

test('after an edit the collator re-aligns around it and gives what a fresh collation gives', () => {
  const witness =
    'Now that we are broth home and facing the task of leading our countries into a more constructive relationship with each other';
  const loaded = witnessFromText('w.txt', witness);
  assert.ok('witness' in loaded);
  const collator = new Collator(loaded.witness, { incrementalFrom: 0 });
  const before =
    'Now that we are both home and facing the task of leading our countries into a more constructive relationship with each other';
  collator.collate(new Analysis(before));
  for (const edited of [
    before.replace('constructive', 'productive'),
    before.replace('facing the task', 'facing ~~the~~ ^{a} task'),
    before + ' and more',
    'So ' + before,
    before.replace('our countries', ''),
  ]) {
    const again = collator.collate(new Analysis(edited));
    const fresh = collate(new Analysis(edited), loaded.witness);
    assert.deepEqual(variantList(again), variantList(fresh), edited);
    assert.equal(again.agreement, fresh.agreement);
  }
});

test("an edit that leaves the final reading's words alone keeps the alignment", () => {
  const loaded = witnessFromText('w.txt', 'a b c d');
  assert.ok('witness' in loaded);
  const collator = new Collator(loaded.witness, { incrementalFrom: 0 });
  const first = collator.collate(new Analysis('a b c d'));
  const second = collator.collate(new Analysis('a b ~~x~~ c d'));
  assert.equal(second.alignment, first.alignment);
});

test('a small document is aligned afresh on every version, so the result does not depend on the editing history', () => {
  const witness = 'alpha beta gamma delta epsilon alpha zeta';
  const loaded = witnessFromText('w.txt', witness);
  assert.ok('witness' in loaded);
  const collator = new Collator(loaded.witness);
  const versions = [
    'alpha beta gamma delta epsilon alpha zeta',
    'alpha gamma beta delta alpha zeta',
    'beta alpha gamma epsilon alpha zeta eta',
  ];
  for (const v of versions) collator.collate(new Analysis(v));
  assert.deepEqual(
    variantList(collator.collate(new Analysis(versions[2]!))),
    variantList(collate(new Analysis(versions[2]!), loaded.witness)),
  );
});

test('the incremental path aligns afresh after refreshEvery incremental versions', () => {
  const loaded = witnessFromText('w.txt', 'a b c d e f');
  assert.ok('witness' in loaded);
  const collator = new Collator(loaded.witness, { incrementalFrom: 0, refreshEvery: 2 });
  const first = collator.collate(new Analysis('a b c d e f'));
  const second = collator.collate(new Analysis('a b c d e f'));
  const third = collator.collate(new Analysis('a b c d e f'));
  const fourth = collator.collate(new Analysis('a b c d e f'));
  // Unchanged words keep the alignment object while incremental; after two incremental versions, a fresh one.
  assert.equal(second.alignment, first.alignment);
  assert.notEqual(fourth.alignment, first.alignment);
  assert.deepEqual(variantList(third), []);
});

test('a witness path may be quoted in the header', () => {
  assert.equal(witnessPath(' "letters/as sent.txt" '), 'letters/as sent.txt');
  assert.equal(witnessPath("'a.txt'"), 'a.txt');
  assert.equal(witnessPath('"a.txt'), '"a.txt');
  assert.equal(witnessPath('plain.txt'), 'plain.txt');
});
