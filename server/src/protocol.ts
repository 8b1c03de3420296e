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
