// `emend facsimile FILE`: where every word of a transcription stands on its page images, through the layout file
// (PAGE XML or ALTO) its header names: a table for people, or `--format json` for scripts (docs/facsimile.md).
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { optionsHelp, parseCommandArgs, type OptionSpec } from '../args';
import { expandInputs, readInput } from '../inputs';
import { loadNamedLayout, loadPageImage } from '../../host/facsimile-files';
import { nodeFiles } from '../../host/node';
import { fileUri } from '../../host/uris';
import {
  analyze,
  buildFacsimile,
  facsimileJson,
  facsimileSpec,
  LineIndex,
  roundBox,
  type Facsimile,
} from '../../core/index';

const OPTIONS: OptionSpec[] = [
  {
    name: 'format',
    short: 'f',
    value: 'FORMAT',
    choices: ['text', 'json'],
    default: 'text',
    help: 'text: a line per word; json: {"pages": [{"image", "width", "height"}], "words": [{"text", "start", "end", "page", "box", "approximate"}]}',
  },
];

const HELP = [
  'usage: emend facsimile [--format text|json] FILE',
  '',
  'Links every word of the transcription FILE to its place on the page image(s), through the layout file that',
  "FILE's header names (`facsimile: page.jpg` and `layout: page.xml`, relative to FILE's folder; the layout is PAGE",
  "XML or ALTO as OCR and HTR tools export it). Words are aligned with the layout's text tolerating misreadings.",
  '',
  'Each word gets the box [x, y, width, height] in pixels of its page image (origin top left) of the layout word it',
  "matches; a word the layout lacks gets its line's box, marked approximate; a word that cannot be placed gets",
  'none (null in JSON). start and end are UTF-16 offsets into FILE.',
  '',
  'options:',
  optionsHelp(OPTIONS),
  '',
  'exit status: 0 linked, 1 linked but an image or layout had a problem (said on standard error), 2 usage error',
  'or an unreadable transcription, or a header that names no layout.',
].join('\n');

export const facsimileCommand: CliCommand = {
  name: 'facsimile',
  summary: 'Link the words of a transcription to their places on its page images.',
  help: HELP,
  async run(args, io) {
    const parsed = parseCommandArgs('facsimile', () => HELP, args, OPTIONS, io);
    if (typeof parsed === 'number') return parsed;
    const files = parsed.positionals;
    if (files.length !== 1) {
      io.stderr('emend facsimile: give one transcription (see emend facsimile --help)\n');
      return 2;
    }
    const file = files[0]!;
    const { inputs, errors } = expandInputs([file], io);
    if (
      errors.length ||
      inputs.length !== 1 ||
      (inputs[0]!.path !== null && inputs[0]!.path !== resolve(io.cwd, file))
    ) {
      io.stderr(`emend facsimile: ${errors[0] ?? `${file}: give one transcription file, not a directory`}\n`);
      return 2;
    }
    const read = await readInput(inputs[0]!, io);
    if (!read.ok) {
      io.stderr(`emend facsimile: ${read.error}\n`);
      return 2;
    }
    const analysis = analyze(read.text);
    const spec = facsimileSpec(analysis);
    if (spec.layouts.length === 0) {
      io.stderr(
        `emend facsimile: ${file} names no layout file in its header; add \`layout: page.xml\` (PAGE XML or ALTO) beside \`facsimile: image\`\n`,
      );
      return 2;
    }
    const folder = fileUri(inputs[0]!.path === null ? io.cwd : dirname(inputs[0]!.path));
    const images = await Promise.all(spec.images.map((name, k) => loadPageImage(nodeFiles, name, k, folder)));
    const layouts = await Promise.all(
      spec.layouts.map(async (name) => ({ name, load: await loadNamedLayout(nodeFiles, name, folder) })),
    );
    const f = buildFacsimile(analysis, images, layouts);
    for (const e of f.errors) io.stderr(`emend facsimile: ${e}\n`);
    io.stdout(
      parsed.options.format === 'json' ? JSON.stringify(facsimileJson(f)) + '\n' : facsimileText(f, read.text, file),
    );
    return f.errors.length ? 1 : 0;
  },
};

/** The text format: a summary, the pages, then a line per word (`LINE:COL  word  page N  x y w h`). */
export function facsimileText(f: Facsimile, source: string, name: string): string {
  const lines = new LineIndex(source);
  const s = f.stats;
  const out = [
    `${name}: ${s.words} words: ${s.placed} on their word, ${s.approximate} on their line only, ${s.unplaced} not placed`,
  ];
  f.pages.forEach((p, k) => out.push(`page ${k + 1}: ${p.image || '(no image)'}, ${p.width} × ${p.height} px`));
  const width = Math.max(4, ...f.words.map((w) => w.text.length));
  for (const w of f.words) {
    const pos = lines.positionAt(w.start);
    const where = `${pos.line + 1}:${pos.character + 1}`.padEnd(8);
    if (!w.box) {
      out.push(`${where}${w.text.padEnd(width)}  not placed`);
      continue;
    }
    const b = roundBox(w.box);
    out.push(
      `${where}${w.text.padEnd(width)}  page ${w.page + 1}  x ${b.x} y ${b.y} w ${b.w} h ${b.h}${w.approximate ? '  (its line)' : ''}`,
    );
  }
  return out.join('\n') + '\n';
}
