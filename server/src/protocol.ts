// Custom requests between the extension (client) and the language server, beyond standard LSP.
// Pure types and names: imported by both sides, so a rename breaks the build rather than the wire.

export type ReadingKindParam = 'draft' | 'final' | 'diplomatic';

/** The text of one reading of an open document. */
export const ReadingRequest = 'emend/reading';
export interface ReadingParams { uri: string; kind: ReadingKindParam }
export interface ReadingResult { text: string }

/** Every revision (deletion, insertion, substitution, other hand) in document order, for navigation. */
export const RevisionsRequest = 'emend/revisions';
export interface RevisionsParams { uri: string }
export interface RevisionItem {
  kind: 'del' | 'add' | 'subst' | 'hand';
  /** One line, as in the hover: `Substitution: eliminate → relieve`. */
  summary: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
export interface RevisionsResult { revisions: RevisionItem[] }

/** Counts for the status bar. */
export const StatsRequest = 'emend/stats';
export interface StatsParams { uri: string }
export interface StatsResult { deletions: number; insertions: number; substitutions: number; hands: number; errors: number; warnings: number }

/** One view of an open document as HTML (the preview, export). Views come from server/src/core/render/views.ts. */
export const RenderRequest = 'emend/render';
export interface RenderParams {
  uri: string;
  /** A view id from `RenderResult.views` (diplomatic, final, draft, side-by-side, …). */
  view: string;
  /** Also return the whole self-contained page (inline CSS, no scripts) in `page`, for export. */
  page?: boolean;
}
export interface RenderBlock {
  /** Unchanged while the block's content is unchanged, so the preview can keep its DOM node. */
  key: string;
  /** Zero-based source lines the block comes from; null for blocks without a source (column headings). */
  line: number | null;
  endLine: number | null;
  html: string;
}
export interface RenderViewInfo { id: string; label: string; description: string }
export interface RenderResult {
  uri: string;
  /** The document version rendered. */
  version: number;
  view: string;
  /** Every view the server can render, in switcher order. */
  views: RenderViewInfo[];
  blocks: RenderBlock[];
  /** The header's title, if any. */
  title: string | null;
  lineCount: number;
  page?: string;
}
