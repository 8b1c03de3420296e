// Rendering figures: each view of a 1 MB transcription from scratch, and a live update after a one-character edit
// in a 100 KB transcription (parse + render with the preview's paragraph cache), against markdown-it rendering
// the same text.
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { analyze, renderDocument, RenderCache, VIEW_IDS } from '../server/src/core/index';
import type { Row } from './table';
import { timeMs } from './table';
import type { Suite } from './bench';

/**
 * The sample letter's paragraphs repeated to `bytes`, each numbered so that no two paragraphs are the same text
 * (the render cache would otherwise render a repeated paragraph once and flatter the figure).
 */
export function transcription(bytes: number): string {
  const paragraphs = readFileSync('samples/reagan-1985-draft.emend', 'utf8')
    .trim()
    .split(/\n\s*\n/);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = paragraphs.map((p, j) => `§${i + 1}.${j + 1} ${p}`).join('\n\n') + '\n\n';
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return parts.join('');
}

const html = (blocks: { html: string }[]) => blocks.map((b) => b.html).join('\n');

export const renderSuite: Suite = {
  name: 'render',
  run(): Row[] {
    const rows: Row[] = [];
    const big = transcription(1_000_000);
    const md = new MarkdownIt();
    const anchor = timeMs(() => md.render(big), 5, 1);
    // The collation view's cost is the collation's (bench/collate.ts); without a witness it renders a note.
    for (const view of VIEW_IDS.filter((v) => v !== 'collation')) {
      const ours = timeMs(() => html(renderDocument(analyze(big), view).blocks), 5, 1);
      rows.push({
        task: `render 1 MB, ${view} view (parse+render)`,
        ours,
        anchor: 'markdown-it render 1 MB',
        anchorFigure: anchor,
        unit: 'ms',
      });
    }

    const text = transcription(100_000);
    const middle = text.indexOf('As for our substantive', text.length >> 1);
    for (const view of ['diplomatic', 'side-by-side']) {
      const cache = new RenderCache();
      renderDocument(analyze(text), view, cache);
      let k = 0;
      let misses = 0;
      const ours = timeMs(
        () => {
          // One keystroke: a different character each time, so the edited paragraph is never a cache hit.
          const ch = String.fromCharCode(97 + (k++ % 26));
          const edited = text.slice(0, middle) + ch + text.slice(middle);
          const out = html(renderDocument(analyze(edited), view, cache).blocks);
          misses = cache.misses;
          return out;
        },
        21,
        3,
      );
      const full = timeMs(() => md.render(text), 21, 3);
      rows.push({
        task: `update after 1-char edit, 100 KB, ${view} (edit to HTML)`,
        ours,
        anchor: 'markdown-it render 100 KB',
        anchorFigure: full,
        unit: 'ms',
        note: `goal < 16 ms; ${misses} paragraph re-rendered`,
      });
    }
    return rows;
  },
};
