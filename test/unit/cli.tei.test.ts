import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './cli-helpers';

const TEI =
  '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>to <subst><del>eliminate</del><add>relieve</add></subst> <hi>it</hi></p></body></text></TEI>';

test('render --format tei prints a TEI document, with --tei choices', async () => {
  const r = await runCli(['render', '--format', 'tei', '--tei', 'delRend=overstrike,hands=seg', '-'], {
    cwd: '/',
    stdin: 'a ~~b~~ *c*',
  });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<TEI xmlns="http:\/\/www.tei-c.org\/ns\/1.0">/);
  assert.match(r.stdout, /a <del rend="overstrike">b<\/del> <seg hand="#h2">c<\/seg>/);
  assert.equal(r.stderr, '');
});

test('render --format tei reports bad --tei choices as a usage error', async () => {
  const r = await runCli(['render', '--format', 'tei', '--tei', 'hands=pen,oops', '-'], { cwd: '/', stdin: 'a' });
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    'emend render: --tei: "oops" is not of the form key=value; hands must be "handShift" or "seg", not "pen"\n',
  );
});

test('render --format tei warns on standard error about errors in the transcription', async () => {
  const r = await runCli(['render', '--format', 'tei', '-'], { cwd: '/', stdin: 'a ~~b' });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /^emend render: -: The transcription has 1 error \(first, line 1: /);
});

test('render --format tei --out-dir writes .xml files', async () => {
  const t = tempTree({ 'in/letter.emend': '~~x~~' });
  try {
    const r = await runCli(['render', '--format', 'tei', '--out-dir', 'out', 'in'], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      readFileSync(join(t.dir, 'out', 'letter.xml'), 'utf8'),
      /<title>Transcription of letter\.emend<\/title>/,
    );
  } finally {
    t.cleanup();
  }
});

test('import prints the markup and warns per element kind on standard error', async () => {
  const t = tempTree({ 'a.xml': TEI });
  try {
    const r = await runCli(['import', 'a.xml'], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'to ~~eliminate~~ ^{relieve} it\n');
    assert.equal(
      r.stderr,
      'emend import: a.xml: <hi> ×1: highlighting has no equivalent in the markup; the text is kept.\n',
    );
    const q = await runCli(['import', '--quiet', 'a.xml'], { cwd: t.dir });
    assert.equal(q.stderr, '');
  } finally {
    t.cleanup();
  }
});

test('import -o writes the file, and never replaces one without --force', async () => {
  const t = tempTree({ 'a.xml': TEI, 'kept.emend': 'my ~~work~~' });
  try {
    assert.equal((await runCli(['import', '-o', 'new.emend', 'a.xml'], { cwd: t.dir })).code, 0);
    assert.equal(readFileSync(join(t.dir, 'new.emend'), 'utf8'), 'to ~~eliminate~~ ^{relieve} it\n');
    const refused = await runCli(['import', '-o', 'kept.emend', 'a.xml'], { cwd: t.dir });
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      'emend import: kept.emend exists and emend did not write it from this input; not replaced (use --force to replace it)\n',
    );
    assert.equal(readFileSync(join(t.dir, 'kept.emend'), 'utf8'), 'my ~~work~~');
    assert.equal((await runCli(['import', '-o', 'kept.emend', '--force', '-q', 'a.xml'], { cwd: t.dir })).code, 0);
    assert.equal(readFileSync(join(t.dir, 'kept.emend'), 'utf8'), 'to ~~eliminate~~ ^{relieve} it\n');
  } finally {
    t.cleanup();
  }
});

test('import of a bad file is an error and leaves no output file', async () => {
  const t = tempTree({
    'bad.xml': '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>unclosed',
    'bin.xml': Buffer.from([0, 1, 2, 3]),
  });
  try {
    const r = await runCli(['import', '-o', 'out.emend', 'bad.xml'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^emend import: bad\.xml: This is not well-formed XML \(line 1, column 54: <p> is never closed\)\.\n$/,
    );
    const b = await runCli(['import', '-o', 'out.emend', 'bin.xml'], { cwd: t.dir });
    assert.equal(b.code, 2);
    assert.match(b.stderr, /NUL bytes/);
    assert.equal(existsSync(join(t.dir, 'out.emend')), false);
    assert.deepEqual(readdirSync(t.dir).sort(), ['bad.xml', 'bin.xml']);
  } finally {
    t.cleanup();
  }
});

test('import takes exactly one file', async () => {
  const r = await runCli(['import'], { cwd: '/' });
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'emend import: give exactly one TEI file (got 0; see emend import --help)\n');
});

test('render --format tei of the Kant sample has its page and a zone for each of its 204 words', async () => {
  const kant = join(__dirname, '..', '..', '..', 'samples', 'kant-1784');
  const r = await runCli(['render', '--format', 'tei', 'kant-1784-p484.emend'], { cwd: kant });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(
    r.stdout,
    /<\/teiHeader>\n {2}<facsimile>\n {4}<surface xml:id="facs-s1" ulx="0" uly="0" lrx="1457" lry="2084">\n {6}<graphic url="page.jpg" width="1457px" height="2084px"\/>\n {6}<zone xml:id="facs-z1" ulx="\d+" uly="\d+" lrx="\d+" lry="\d+"\/>\n/,
  );
  assert.equal((r.stdout.match(/<zone /g) ?? []).length, 204);
  assert.equal((r.stdout.match(/<w facs="#facs-z\d+">/g) ?? []).length, 204);
  assert.match(r.stdout, /<p xml:space="preserve"><w facs="#facs-z1">gewiegelt<\/w> <w facs="#facs-z2">worden<\/w>; /);
});

test('render --format tei says what of the facsimile it could not read, and still exports', async () => {
  const t = tempTree({ 'a.emend': '---\nfacsimile: gone.jpg\nlayout: gone.xml\n---\nword' });
  try {
    const r = await runCli(['render', '--format', 'tei', 'a.emend'], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /<surface xml:id="facs-s1">\n {6}<graphic url="gone.jpg"\/>\n {4}<\/surface>/);
    assert.equal(
      r.stderr.replaceAll(t.dir, 'DIR'),
      'emend render: a.emend: facsimile: The layout file gone.xml was not found (looked for DIR/gone.xml).\n' +
        'emend render: a.emend: facsimile: The image gone.jpg was not found (looked for DIR/gone.jpg).\n',
    );
  } finally {
    t.cleanup();
  }
});

test('import -o writes the facsimile’s word boxes as a PAGE XML layout beside the markup, and never over another file', async () => {
  const kant = join(__dirname, '..', '..', '..', 'samples', 'kant-1784');
  const tei = await runCli(['render', '--format', 'tei', join(kant, 'kant-1784-p484.emend')], { cwd: kant });
  assert.equal(tei.code, 0, tei.stderr);
  const t = tempTree({ 'kant.xml': tei.stdout });
  try {
    const r = await runCli(['import', 'kant.xml', '-o', 'out/kant.emend'], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const markup = readFileSync(join(t.dir, 'out', 'kant.emend'), 'utf8');
    // The image, beside the TEI, is named from the markup's folder.
    assert.match(markup, /\nfacsimile: \.\.\/page\.jpg\nlayout: kant\.page\.xml\n---\n/);
    const layout = readFileSync(join(t.dir, 'out', 'kant.page.xml'), 'utf8');
    assert.equal((layout.match(/<Word /g) ?? []).length, 204);
    // Importing again from the same input replaces both (emend wrote them).
    const again = await runCli(['import', 'kant.xml', '-o', 'out/kant.emend'], { cwd: t.dir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stderr, '');
    // A layout file emend did not write is kept, even with --force; the markup then names no layout.
    const u = tempTree({ 'kant.xml': tei.stdout, 'k.page.xml': 'mine' });
    try {
      const f = await runCli(['import', '--force', 'kant.xml', '-o', 'k.emend'], { cwd: u.dir });
      assert.equal(f.code, 0, f.stderr);
      assert.equal(readFileSync(join(u.dir, 'k.page.xml'), 'utf8'), 'mine');
      const m = readFileSync(join(u.dir, 'k.emend'), 'utf8');
      assert.match(m, /\nfacsimile: page\.jpg\n---\n/);
      assert.equal(
        f.stderr,
        'emend import: kant.xml: 204 words point at zones of the facsimile; their boxes are not kept: Emend keeps word boxes in a layout file beside the transcription, and this import writes no file.\n' +
          'emend import: kant.xml: k.page.xml exists and emend did not write it from this input; not replaced.\n',
      );
    } finally {
      u.cleanup();
    }
    // Printed, the markup keeps the image and says the boxes are not kept.
    const printed = await runCli(['import', 'kant.xml'], { cwd: t.dir });
    assert.match(printed.stdout, /\nfacsimile: page\.jpg\n---\n/);
    assert.match(
      printed.stderr,
      /^emend import: kant\.xml: 204 words point at zones of the facsimile; their boxes are not kept/,
    );
  } finally {
    t.cleanup();
  }
});

test('written to a file, the TEI names the images relative to it; imported elsewhere, the markup relative to itself', async () => {
  const t = tempTree({ 'letters/a.emend': '---\nfacsimile: scans/p 1.png\n---\nword' });
  try {
    const r = await runCli(['render', '--format', 'tei', '--out-dir', 'tei', 'letters'], { cwd: t.dir });
    assert.equal(r.code, 0);
    const xml = readFileSync(join(t.dir, 'tei', 'a.xml'), 'utf8');
    assert.match(xml, /<graphic url="\.\.\/letters\/scans\/p%201\.png"\/>/);
    const printed = await runCli(['render', '--format', 'tei', 'letters/a.emend'], { cwd: t.dir });
    assert.match(printed.stdout, /<graphic url="scans\/p%201\.png"\/>/);
    const i = await runCli(['import', 'tei/a.xml', '-o', 'back/again/a.emend'], { cwd: t.dir });
    assert.equal(i.code, 0, i.stderr);
    assert.equal(
      readFileSync(join(t.dir, 'back', 'again', 'a.emend'), 'utf8'),
      '---\ntitle: Transcription of a.emend\nfacsimile: ../../letters/scans/p 1.png\n---\n\nword\n',
    );
  } finally {
    t.cleanup();
  }
});

test('render --format tei with a layout but no facsimile: in the header: the page’s size and zones, no image named', async () => {
  const layout = join(__dirname, '..', '..', '..', 'samples', 'kant-1784', 'ocr-tesseract.page.xml');
  const source = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'kant-1784', 'kant-1784-p484.emend'), 'utf8')
    .replace('facsimile: page.jpg\n', '')
    .replace('layout: ocr-tesseract.page.xml', `layout: ${layout}`);
  const t = tempTree({ 'k.emend': source });
  try {
    const r = await runCli(['render', '--format', 'tei', 'k.emend'], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<surface xml:id="facs-s1" ulx="0" uly="0" lrx="\d+" lry="\d+">\n {6}<zone /);
    assert.doesNotMatch(r.stdout, /<graphic/);
  } finally {
    t.cleanup();
  }
});
