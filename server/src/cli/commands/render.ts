// `emend render`: prints a reading of each file as text, or a view as a self-contained HTML page.
// (First cut; the CLI issue completes options, errors and formats.)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliCommand } from '../command';
import { analyze, parse, reading, READING_KINDS, VIEW_IDS, renderPage, type ReadingKind } from '../../core/index';

/** Output formats: each turns a file's text into what is printed. `view` is a reading for text, a view for html. */
const FORMATS: Record<string, { defaultView: string; views: readonly string[]; run(text: string, view: string, file: string): string }> = {
  text: { defaultView: 'final', views: READING_KINDS, run: (text, view) => reading(parse(text), view as ReadingKind).text + '\n' },
  html: { defaultView: 'diplomatic', views: VIEW_IDS, run: (text, view, file) => renderPage(analyze(text), view, { fallbackTitle: file === '-' ? undefined : basename(file) }) },
};

export const render: CliCommand = {
  name: 'render',
  summary: 'Print a reading (draft, final or diplomatic) of each file, or a view of it as an HTML page.',
  help: 'usage: emend render [--format text|html] [--reading draft|final|diplomatic] [--view VIEW] FILE...\n'
    + `  --format text   the reading as plain text (default; --reading defaults to final)\n`
    + `  --format html   a self-contained HTML page (inline CSS, no scripts) of a view: ${VIEW_IDS.join(', ')}\n`
    + '                  (--view or --reading; defaults to diplomatic)\n',
  async run(args, io) {
    let format = 'text';
    let view: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--reading' || a === '--view') {
        const k = args[++i];
        if (!k) { io.stderr(`emend render: ${a} needs a value\n`); return 2; }
        view = k;
      } else if (a === '--format') {
        const f = args[++i];
        if (!f || !(f in FORMATS)) { io.stderr(`emend render: --format takes ${Object.keys(FORMATS).join(' or ')}\n`); return 2; }
        format = f;
      } else files.push(a);
    }
    const fmt = FORMATS[format]!;
    const chosen = view ?? fmt.defaultView;
    if (!fmt.views.includes(chosen)) {
      io.stderr(`emend render: --format ${format} takes a ${format === 'text' ? 'reading' : 'view'}: ${fmt.views.join(', ')}\n`);
      return 2;
    }
    for (const f of files) {
      const text = f === '-' ? (await io.readStdin()).toString('utf8') : readFileSync(f, 'utf8');
      io.stdout(fmt.run(text, chosen, f));
    }
    return 0;
  },
};
