// The forms real editions use (issue 15, item 6), one test for each way import misread them, on the editions' own
// encodings: the Shelley-Godwin Archive's <mod>s and carets, the Whitman Archive's metamarks, notes and spans, the
// Faustedition's restorations and page files read whole. The draft and final readings are checked beside the markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, reading } from '../../../server/src/core/index';
import { importTei } from '../../../server/src/core/tei/import';

const NS = 'http://www.tei-c.org/ns/1.0';
const HANDS =
  '<teiHeader><profileDesc><handNotes><handNote xml:id="mws"/><handNote xml:id="pbs"/></handNotes></profileDesc></teiHeader>';
const tei = (body: string) => `<TEI xmlns="${NS}">${HANDS}<text><body>${body}</body></text></TEI>`;

function imported(xml: string): { markup: string; warnings: string[]; draft: string; final: string } {
  const r = importTei(xml);
  assert.ok(r.ok, r.ok ? '' : r.error);
  const doc = parse(r.markup);
  assert.deepEqual(
    doc.problems.filter((p) => p.severity === 'error').map((p) => p.code),
    [],
    r.markup,
  );
  return { ...r, draft: reading(doc, 'draft').text, final: reading(doc, 'final').text };
}

test('a <metamark> is a mark about the text, not text: a caret inside an addition, a note on a zone', () => {
  const r = imported(
    tei('<p>of <add place="sublinear"><metamark function="insert">^</metamark></add><add>the</add> sea</p>'),
  );
  assert.equal(r.markup, 'of ^{the} sea\n');
  assert.equal(r.final, 'of the sea');
  const used = imported(
    `<TEI xmlns="${NS}"><sourceDoc><surface><metamark function="used" rend="line" target="#X2"/>` +
      '<zone xml:id="X2"><line>I am that halfgrown <add>angry</add> boy</line></zone>' +
      '<metamark function="used" target="#X2">Entered - Yes</metamark></surface></sourceDoc></TEI>',
  );
  assert.equal(used.markup, 'I am that halfgrown ^{angry} boy\n');
  assert.ok(
    used.warnings.includes(
      '<metamark> ×2: marks about the text (carets, flags, numbers) are not its text and are left out.',
    ),
  );
});

test('white space inside a <mod> is layout: the word stays whole, and its deletion and addition a substitution', () => {
  const r = imported(
    tei(
      '<p>th<mod>\n        <del rend="overwritten">is</del>\n        <add hand="#pbs">ese</add>\n      </mod> books</p>',
    ),
  );
  assert.equal(r.markup, 'th~~is~~ ^{*ese*} books\n');
  assert.equal(r.draft, 'this books');
  assert.equal(r.final, 'these books');
});

test('an addition in another hand beside a deletion stays a substitution, the hand inside it', () => {
  const r = imported(tei('<p>whil<mod>\n <del type="overwritten">e</del>\n <add hand="#pbs">st</add>\n</mod> it</p>'));
  assert.equal(r.markup, 'whil~~e~~ ^{*st*} it\n');
  assert.equal(r.final, 'whilst it');
  const subst = imported(tei('<p>whil<subst><del>e</del><add hand="#pbs">st</add></subst> it</p>'));
  assert.equal(subst.markup, 'whil~~e~~ ^{*st*} it\n');
  assert.equal(subst.final, 'whilst it');
});

test('<delSpan>…<anchor/> within a paragraph is a deletion; across paragraphs each paragraph’s part is one', () => {
  const moore = imported(
    tei(
      '<lg><l><delSpan rend="verticalStrike" spanTo="#delend01"/> Tis moonlight <del>upon</del> <add>over</add> Oman’s sky</l>' +
        '<l>Her isles of pearl look lovelily<anchor xml:id="delend01"/></l></lg>',
    ),
  );
  assert.equal(moore.markup, '~~~Tis moonlight ~~upon~~ ^{over} Oman’s sky\nHer isles of pearl look lovelily~~~\n');
  assert.equal(moore.final, '');
  assert.equal(moore.draft, 'Tis moonlight upon Oman’s sky\nHer isles of pearl look lovelily');
  const across = imported(tei('<p>kept <delSpan spanTo="#d"/>struck</p><p>struck too<anchor xml:id="d"/> kept</p>'));
  assert.equal(across.markup, 'kept ~~struck~~\n\n~~struck too~~ kept\n');
  assert.equal(across.final, 'kept\n\nkept');
  // An added span in another hand, and one whose end is missing (it reaches to the end, and import says so).
  const added = imported(
    tei('<p>a <addSpan hand="#pbs" spanTo="#z"/>b c<anchor xml:id="z"/> d <delSpan spanTo="#none"/>e</p>'),
  );
  assert.equal(added.markup, 'a ^{*b c*} d ~~e~~\n');
  assert.deepEqual(added.warnings, [
    '1 <delSpan>/<addSpan> whose end is not in the file (#none) reaches to the end of the text.',
  ]);
});

test('an editor’s <note> is a note of the markup, in no reading; the writer’s own stands apart from its neighbours', () => {
  const r = imported(tei('<p>Geschwulscht<note>sic!</note> und <note resp="#ed">An editor’s remark.</note>dann</p>'));
  assert.equal(r.markup, 'Geschwulscht%{sic!} und %{An editor’s remark.}dann\n');
  assert.equal(r.final, 'Geschwulscht und dann');
  assert.deepEqual(r.warnings, []);
  const own = imported(
    tei('<p>stars<note type="authorial" place="inline">?</note>\n<note type="authorial">!</note>gleaming</p>'),
  );
  assert.equal(own.markup, 'stars ? ! gleaming\n');
});

test('a revision inside <choice><orig> is kept: the text as the document has it, not the editor’s', () => {
  const r = imported(
    tei(
      '<p><choice><orig>radiat<subst><del>ing</del><add>ed</add></subst></orig><reg>radiated</reg></choice> heat</p>',
    ),
  );
  assert.equal(r.markup, 'radiat~~ing~~ ^{ed} heat\n');
  assert.equal(r.draft, 'radiating heat');
  assert.equal(r.final, 'radiated heat');
});

test('warnings say what happened: empty elements lose no text, a span’s anchor needs no warning at all', () => {
  const r = imported(
    tei('<p>a<anchor xml:id="x"/> <milestone unit="line"/>b <ptr target="#x"/><space extent="3"/>c <damage/></p>'),
  );
  assert.equal(r.markup, 'a b c\n');
  assert.deepEqual(r.warnings, [
    '<anchor> ×1: a point other elements refer to; there is no text to keep.',
    '<damage> ×1: it holds no text, so nothing is lost.',
    '<milestone> ×1: a boundary marker; there is no text to keep.',
    '<ptr> ×1: a pointer; there is no text to keep.',
    '<space> ×1: a space left blank on the page becomes one space.',
  ]);
  assert.ok(!r.warnings.some((w) => w.includes('its text is kept')));
  const span = imported(tei('<p>a <delSpan spanTo="#e"/>b<anchor xml:id="e"/></p>'));
  assert.deepEqual(span.warnings, []);
});

test('a restoration inside a deletion (the Faustedition’s form) cancels it, as one around it does', () => {
  const inside = imported(
    tei('<p>hervorgehoben <del><restore>hat</restore></del> stellt <del>a <restore>b</restore> c</del></p>'),
  );
  // The deletion splits around the restored word (its spaces stay where the TEI has them, inside).
  assert.equal(inside.markup, 'hervorgehoben hat stellt ~~a ~~b~~ c~~\n');
  assert.equal(inside.final, 'hervorgehoben hat stellt b');
  const around = imported(tei('<p>For I hate this <restore type="marginalStetNote"><del>my</del></restore> body</p>'));
  assert.equal(around.final, 'For I hate this my body');
  // Inside an insertion that was deleted, the restored text stays an insertion.
  const added = imported(tei('<p>x <del><add>a <restore>b</restore></add></del> y</p>'));
  assert.equal(added.draft, 'x y');
  assert.equal(added.final, 'x b y');
});

test('a page file (root <surface>) and an embedded transcription (<sourceDoc>) are read; included files are named', () => {
  const page = imported(
    `<surface xmlns="${NS}"><zone type="main"><line>a <del>b</del></line><line>c</line></zone></surface>`,
  );
  assert.equal(page.markup, 'a ~~b~~\nc\n');
  const embedded = imported(
    `<TEI xmlns="${NS}"><sourceDoc><surface><zone><line>x <add>y</add></line></zone></surface></sourceDoc></TEI>`,
  );
  assert.equal(embedded.markup, 'x ^{y}\n');
  const r = importTei(
    `<TEI xmlns="${NS}" xmlns:xi="http://www.w3.org/2001/XInclude"><sourceDoc><xi:include href="p1.xml"/></sourceDoc></TEI>`,
  );
  assert.ok(!r.ok);
  assert.equal(
    r.error,
    'This file holds no transcription of its own: it includes other files (p1.xml) with <xi:include>, which Emend does not follow. Import those files.',
  );
});

test('a line break inside a word (break="no") is `|-`, which keeps the word whole; a figure’s description is not text', () => {
  const r = imported(tei('<p>Auf<lb break="no"/>klärung</p><figure><figDesc>A bird</figDesc></figure>'));
  assert.equal(r.markup, 'Auf|-\nklärung\n');
  assert.equal(r.final, 'Aufklärung');
});

test('two spaces meeting at an addition’s edge: the one outside it stays, so the draft keeps its space', () => {
  // The Guidelines' Whitman example: white space inside the <add> of the first <mod>, then between the two.
  const r = imported(
    tei(
      '<p><mod type="subst"><del>The</del>\n <add place="above">\n <del>His</del>\n </add>\n</mod>\n <mod type="subst"><del>i</del><add>I</add></mod>ron</p>',
    ),
  );
  assert.equal(r.draft, 'The iron');
  assert.equal(r.final, 'Iron');
});
