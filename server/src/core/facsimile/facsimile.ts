// The facsimile of a transcription: which page images and layout files its header names, and, once the host has
// read them (the server from disk or an editor, the CLI from disk), the pages and every word's link. The host
// reads; this module decides. One message per thing that went wrong, in `errors`.
import type { Analysis } from '../analysis';
import { headerValue } from '../header';
import { witnessPath } from '../collate/witness';
import { fitToImage, pageSize } from './fit';
import { roundBox } from './geometry';
import type { ImageInfo } from './image-info';
import type { LayoutLoad, LayoutPage } from './layout';
import { linkWords, type LinkedWord, type LinkStats } from './link';
import { markedPages, pageAt } from '../pages';

export interface FacsimileSpec {
  /** Page images as written (paths relative to the transcription, or https URLs of IIIF resources), in page order;
   *  '' for a page whose break names no image. */
  images: string[];
  /** Layout files as written (relative paths). When `layoutPerPage`, one per page ('' for a page with none). */
  layouts: string[];
  /** When page breaks name the images: where each image's page begins in the source, one per image; else empty. */
  pageStarts: number[];
  /** Whether page breaks name layout files (`|page{2 | p2.jpg | p2.page.xml}`): then each page has its own. */
  layoutPerPage: boolean;
}

/**
 * What the header and the page breaks name. Without a page break naming an image, the header's `facsimile:` is the
 * image (of every page). Otherwise each page the breaks make (markedPages) has the image its break names; the first
 * page, the header's `facsimile:` when its break names none (or it is the text before the first break).
 */
export function facsimileSpec(analysis: Analysis): FacsimileSpec {
  const header = analysis.doc.header;
  const value = (key: string) => {
    const f = headerValue(header, key);
    const v = f ? witnessPath(f.value) : '';
    return v ? [v] : [];
  };
  const headerImages = value('facsimile');
  const headerLayouts = value('layout');
  const pages = markedPages(analysis.doc);
  if (!pages.some((p) => p.image || p.layout))
    return { images: headerImages, layouts: headerLayouts, pageStarts: [], layoutPerPage: false };
  // The first page falls back on the header's image and layout.
  const first = (k: number, named: string[]) => (k === 0 ? (named[0] ?? '') : '');
  const layoutPerPage = pages.some((p) => p.layout);
  return {
    images: pages.map((p, k) => witnessPath(p.image) || first(k, headerImages)),
    layouts: layoutPerPage ? pages.map((p, k) => witnessPath(p.layout) || first(k, headerLayouts)) : headerLayouts,
    pageStarts: pages.map((p) => p.start),
    layoutPerPage,
  };
}

/** The message for a page whose image is not named (an empty name in FacsimileSpec.images). */
export function unnamedImage(page: number): string {
  return `Page ${page + 1} has no image: name it in its page break, as in \`|page{12 | p12.jpg}\`.`;
}

/** An image as the host found it: its header read, or why not, or an IIIF resource only the viewer fetches. */
export type ImageLoad =
  { name: string; info: ImageInfo } | { name: string; error: string } | { name: string; remote: true };

export interface FacsimilePage {
  /** The image as the header names it. */
  image: string;
  /** The image's size in pixels (from its header, else from the layout; 0 when neither says). */
  width: number;
  height: number;
}

export interface Facsimile {
  pages: FacsimilePage[];
  /** Layout pages placed on their images, in page order (empty without a layout). */
  layoutPages: LayoutPage[];
  words: LinkedWord[];
  stats: LinkStats;
  /** One line per problem: an image or layout that cannot be read or does not fit. */
  errors: string[];
}

export function buildFacsimile(
  analysis: Analysis,
  images: readonly ImageLoad[],
  layouts: readonly { name: string; load: LayoutLoad }[],
): Facsimile {
  const errors: string[] = [];
  const spec = facsimileSpec(analysis);
  // One layout file for all pages (its pages in order), or with `layoutPerPage` the first page of each page's own
  // file (undefined for a page with none, so that the pages stay paired).
  const layoutPages: (LayoutPage | undefined)[] = [];
  layouts.forEach((l, k) => {
    if (!l.load.ok) errors.push(l.load.error);
    if (!spec.layoutPerPage) {
      if (l.load.ok) layoutPages.push(...l.load.layout.pages);
      return;
    }
    const own = l.load.ok ? l.load.layout.pages : [];
    if (own.length > 1)
      errors.push(`The layout file ${l.name} of page ${k + 1} has ${own.length} pages; its first is used.`);
    layoutPages.push(own[0]);
  });
  for (const img of images) if ('error' in img) errors.push(img.error);
  const count = Math.max(images.length, layoutPages.length);
  const pages: FacsimilePage[] = [];
  const fitted: LayoutPage[] = [];
  for (let p = 0; p < count; p++) {
    const img = images[p] ?? images[images.length - 1];
    const layout = layoutPages[p];
    const name = img?.name ?? layout?.imageName ?? '';
    let size = img && 'info' in img ? { width: img.info.width, height: img.info.height } : null;
    if (!size && layout) size = pageSize(layout);
    pages.push({ image: name, width: size?.width ?? 0, height: size?.height ?? 0 });
    if (!layout) {
      // A page of its own with no layout keeps its place, so the pages after it stay paired with their images.
      if (spec.layoutPerPage) fitted.push(noLayout(name, size));
      continue;
    }
    if (!size) {
      errors.push(
        `The layout's page ${p + 1} states no size in pixels and its image cannot be read, so it cannot be placed.`,
      );
      fitted.push({ ...layout, lines: [] });
      continue;
    }
    const fit = fitToImage(layout, size, name || 'the image');
    if (fit.ok) fitted.push(fit.page);
    else {
      errors.push(fit.error);
      fitted.push({ ...layout, lines: [] });
    }
  }
  const { pageStarts } = spec;
  if (!spec.layoutPerPage && images.length > 1 && layoutPages.length > 0 && layoutPages.length !== images.length) {
    const named = pageStarts.length > 0 ? 'The page breaks make' : 'The header names';
    errors.push(
      `${named} ${images.length} images but the layout has ${layoutPages.length} pages; pages are paired in order.`,
    );
  }
  const { words, stats } = linkWords(analysis, fitted);
  // A word with no box is still on a page when the page breaks say which.
  if (pageStarts.length > 0) {
    for (const w of words) if (w.page < 0) w.page = pageAt(pageStarts, w.start);
  }
  return { pages, layoutPages: fitted, words, stats, errors };
}

function noLayout(imageName: string, size: { width: number; height: number } | null): LayoutPage {
  return { imageName, width: size?.width ?? 0, height: size?.height ?? 0, unit: 'pixel', lines: [] };
}

/** The JSON `emend facsimile --format json` prints (docs/facsimile.md). */
export function facsimileJson(f: Facsimile): object {
  return {
    pages: f.pages.map((p) => ({ image: p.image, width: p.width, height: p.height })),
    words: f.words.map((w) => {
      const b = w.box ? roundBox(w.box) : null;
      return {
        text: w.text,
        start: w.start,
        end: w.end,
        page: w.page,
        box: b ? [b.x, b.y, b.w, b.h] : null,
        approximate: w.approximate,
      };
    }),
  };
}
