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

/** The edit that writes the `witness:` header line (Emend: Compare with Witness…). `path` as it should be written. */
export const WitnessHeaderEditRequest = 'emend/witnessHeaderEdit';
export interface WitnessHeaderEditParams { uri: string; path: string }
export interface WitnessHeaderEditResult {
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>;
  /** Set when no edit can be made (e.g. a path with a line break). */
  error?: string;
}

/** Server → client: the witness files the open transcriptions name, so the client forwards their unsaved text. */
export const WatchWitnessesNotification = 'emend/watchWitnesses';
export interface WatchWitnessesParams { uris: string[] }

/** Client → server: the text of a witness open in an editor (text null once it is closed). */
export const WitnessTextNotification = 'emend/witnessText';
export interface WitnessTextParams { uri: string; version: number; text: string | null }

/** The collation of a transcription with its witness, for the preview's collation view. */
export const CollationRequest = 'emend/collation';
export interface CollationParams { uri: string }
export interface CollationResult {
  /** The view's HTML body fragment (everything escaped), or null when the document names no witness. */
  html: string | null;
  /** Share of the transcription's words that agree with the witness, or null. */
  agreement: number | null;
  /** Why there is no collation (no witness named, witness unavailable). */
  message?: string;
}
