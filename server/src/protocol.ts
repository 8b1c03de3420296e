// Custom messages between the extension (client) and the language server, beyond standard LSP: one typed
// RequestType or NotificationType per message, imported by both sides (as rust-analyzer's lsp_ext.ts and
// vscode-eslint's shared messages are). `client.sendRequest(ReadingRequest, params)` and
// `connection.onRequest(ReadingRequest, handler)` take the params and result types from the object, so a mismatched
// pairing, a misspelt field or a renamed message fails to compile instead of failing on the wire.
// Every message names its parameters (ParameterStructures.byName): a request whose params are not an object (null,
// an array) is answered with InvalidParams by the JSON-RPC layer before any handler runs.
import { NotificationType, ParameterStructures, RequestType } from 'vscode-languageserver-protocol';

/** A request from the client to the server, answered with R. */
function request<P, R>(method: string): RequestType<P, R, void> {
  return new RequestType<P, R, void>(method, ParameterStructures.byName);
}

/** A request from the server to the client, answered with R or an error carrying E. */
function serverRequest<P, R, E>(method: string): RequestType<P, R, E> {
  return new RequestType<P, R, E>(method, ParameterStructures.byName);
}

/** A notification (no answer), either way. */
function notification<P>(method: string): NotificationType<P> {
  return new NotificationType<P>(method, ParameterStructures.byName);
}

export type ReadingKindParam = 'draft' | 'final' | 'diplomatic';

/** The text of one reading of an open document. */
export const ReadingRequest = request<ReadingParams, ReadingResult>('emend/reading');
export interface ReadingParams {
  uri: string;
  kind: ReadingKindParam;
}
export interface ReadingResult {
  text: string;
}

/**
 * A position mapped between an open transcription and one of its readings: `toSource` from a place in the reading to
 * where it comes from in the transcription, `toReading` the other way (left-out text maps to where it would stand).
 */
export const MapPositionRequest = request<MapPositionParams, MapPositionResult>('emend/mapPosition');
export interface MapPositionParams {
  uri: string;
  kind: ReadingKindParam;
  position: { line: number; character: number };
  direction: 'toSource' | 'toReading';
}
export interface MapPositionResult {
  position: { line: number; character: number };
}

/** Every revision (deletion, insertion, substitution, other hand) in document order, for navigation. */
export const RevisionsRequest = request<RevisionsParams, RevisionsResult>('emend/revisions');
export interface RevisionsParams {
  uri: string;
}
export interface PositionParam {
  line: number;
  character: number;
}
export interface RangeParam {
  start: PositionParam;
  end: PositionParam;
}
export interface RevisionItem {
  kind: 'del' | 'add' | 'subst' | 'hand';
  /** One line, as in the hover: `Substitution: eliminate → relieve`. */
  summary: string;
  range: RangeParam;
  /** How many revisions enclose this one (0 in running text). */
  depth: number;
}
export interface RevisionsResult {
  revisions: RevisionItem[];
}

/** The next or previous revision from a position, wrapping round the document; null when there are none. */
export const NextRevisionRequest = request<NextRevisionParams, NextRevisionResult>('emend/nextRevision');
export interface NextRevisionParams {
  uri: string;
  position: PositionParam;
  direction: 'next' | 'previous';
}
export type NextRevisionResult = { revision: RevisionItem; index: number; total: number; wrapped: boolean } | null;

/** The next or previous editorial mark (unclear, gap, supplied, note, page or column break) from `position`. */
export const NextEditorialMarkRequest = request<NextRevisionParams, NextEditorialMarkResult>('emend/nextEditorialMark');
export type NextEditorialMarkResult = {
  mark: { range: RangeParam; summary: string };
  index: number;
  total: number;
  wrapped: boolean;
} | null;

/**
 * Counts for the status bar. Deletions and insertions count the marks on the page (a substitution is one of each,
 * and is also counted among the substitutions). Problem counts are not here: the client takes them from the
 * diagnostics VS Code shows, so they match the Problems panel under the user's severities.
 */
export const StatsRequest = request<StatsParams, StatsResult>('emend/stats');
export interface StatsParams {
  uri: string;
}
export interface StatsResult {
  deletions: number;
  insertions: number;
  substitutions: number;
  hands: number;
  paragraphs: number;
}

/**
 * Toggle a mark on a selection (the Mark as Deleted / Inserted / In Another Hand / Supplied / Unclear commands, Add
 * Editorial Note, and Insert Gap, which inserts `_{}` after the selection and removes an empty gap at the cursor). `version` is the
 * document version the selection belongs to; a stale version is refused rather than applied at the wrong place.
 * Either edits to apply and the selection to leave, or a message saying why nothing was changed.
 */
export const ToggleMarkRequest = request<ToggleMarkParams, ToggleMarkResult>('emend/toggleMark');
export interface ToggleMarkParams {
  uri: string;
  version: number;
  range: RangeParam;
  kind: 'del' | 'add' | 'hand' | 'supplied' | 'unclear' | 'note' | 'gap';
}
export type ToggleMarkResult =
  | { edits: { range: RangeParam; newText: string }[]; selection: RangeParam; action: 'wrap' | 'unwrap' }
  | { message: string };

/** The page number Insert Page Break suggests at `position`: the previous page break's plus one ('' for none). */
export const PageNumberRequest = request<PageNumberParams, PageNumberResult>('emend/pageNumber');
export interface PageNumberParams {
  uri: string;
  position: { line: number; character: number };
}
export interface PageNumberResult {
  n: string;
}

/** Insert Page Break: `|page{n | image}` on a line of its own before the line of `position`. */
export const InsertPageBreakRequest = request<InsertPageBreakParams, ToggleMarkResult>('emend/insertPageBreak');
export interface InsertPageBreakParams {
  uri: string;
  version: number;
  position: { line: number; character: number };
  n: string;
  image: string;
}

export type PlacementParam = 'above' | 'below' | 'margin' | 'over' | 'inline';

/** The placement of the insertion under `position`, or a message when there is none. */
export const PlacementRequest = request<PlacementParams, PlacementResult>('emend/placement');
export interface PlacementParams {
  uri: string;
  position: { line: number; character: number };
}
export type PlacementResult = { placement: PlacementParam } | { message: string };

/** Set Placement of Insertion: rewrites the keyword of the insertion under `position`. */
export const SetPlacementRequest = request<SetPlacementParams, ToggleMarkResult>('emend/setPlacement');
export interface SetPlacementParams {
  uri: string;
  version: number;
  position: { line: number; character: number };
  placement: PlacementParam;
}

/**
 * Where a double click in the preview leads: the paragraph block starting at source `line`, `textOffset` characters
 * into its text as `view` shows it (a side-by-side column is the draft or final view), back to a source position.
 */
export const PreviewPlaceRequest = request<PreviewPlaceParams, PreviewPlaceResult>('emend/previewPlace');
export interface PreviewPlaceParams {
  uri: string;
  view: 'diplomatic' | 'draft' | 'final';
  line: number;
  textOffset: number;
}
export interface PreviewPlaceResult {
  /** Null when no paragraph starts at `line` (the document changed since the preview was drawn). */
  position: PositionParam | null;
}

/** One view of an open document as HTML (the preview, export). Views come from server/src/core/render/views.ts. */
export const RenderRequest = request<RenderParams, RenderResult>('emend/render');
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
export interface RenderViewInfo {
  id: string;
  label: string;
  description: string;
}
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

/** The edit that writes the `witness:` header line (Emend: Compare with Witness…). `path` as it should be written. */
export const WitnessHeaderEditRequest = request<WitnessHeaderEditParams, WitnessHeaderEditResult>(
  'emend/witnessHeaderEdit',
);
export interface WitnessHeaderEditParams {
  uri: string;
  path: string;
}
export interface WitnessHeaderEditResult {
  edits: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }>;
  /** Set when no edit can be made (e.g. a path with a line break). */
  error?: string;
}

/** Server → client: the witness files the open transcriptions name, so the client forwards their unsaved text. */
export const WatchWitnessesNotification = notification<WatchWitnessesParams>('emend/watchWitnesses');
export interface WatchWitnessesParams {
  uris: string[];
}

/** Client → server: the text of a witness open in an editor (text null once it is closed). */
export const WitnessTextNotification = notification<WitnessTextParams>('emend/witnessText');
export interface WitnessTextParams {
  uri: string;
  version: number;
  text: string | null;
}

/** The collation of a transcription with its witness, for the preview's collation view. */
export const CollationRequest = request<CollationParams, CollationResult>('emend/collation');
export interface CollationParams {
  uri: string;
}
export interface CollationResult {
  /** The view's HTML body fragment (everything escaped), or null when the document names no witness. */
  html: string | null;
  /** Share of the transcription's words that agree with the witness, or null. */
  agreement: number | null;
  /** Why there is no collation (no witness named, witness unavailable). */
  message?: string;
}

/**
 * The review of a transcription against its witness, for the Witness Findings list: the findings to act on and every
 * variant, in the document's order, each with its level under the user's settings (`off`: hidden in the editor).
 */
export const FindingsRequest = request<FindingsParams, FindingsResult>('emend/findings');
export interface FindingsParams {
  uri: string;
}
export interface FindingFix {
  title: string;
  preferred: boolean;
  edits: Array<{ range: RangeParam; newText: string }>;
}
export interface FindingItem {
  code: string;
  /** `finding`, or the kind of variant (`substitution`, `misreading`, `paratext`, …). */
  group: string;
  level: 'error' | 'warning' | 'information' | 'hint' | 'off';
  range: RangeParam;
  /** One line: the fix of a finding, `ours ] theirs` for a variant. */
  label: string;
  message: string;
  /** Zero-based line in the witness file. */
  witnessLine: number;
  fixes: FindingFix[];
}
export interface FindingsResult {
  /** The document version the findings (and their fixes' ranges) belong to. */
  version: number;
  /** The witness as the header names it, and its file's URI; null when there is no collation. */
  witness: { name: string; uri: string } | null;
  /** Why there is no collation (no witness named, witness unavailable). */
  message?: string;
  agreement: number | null;
  items: FindingItem[];
}

/**
 * Client → server: where the cursors are in an Emend editor (the active end of each selection), sent as they move,
 * and with no cursors when the editor stops being the active one. The server holds back the problems of the mark
 * being typed at a cursor until the transcriber pauses or leaves it (lsp/typing.ts); a client that never sends this
 * gets every problem at once.
 */
export const CursorsNotification = notification<CursorsParams>('emend/cursors');
export interface CursorsParams {
  uri: string;
  /** The document version the positions belong to. */
  version: number;
  cursors: PositionParam[];
}

/** A TEI P5 document of an open transcription (docs/tei.md). `options` override the `emend.tei.*` settings. */
export const ExportTeiRequest = request<ExportTeiParams, ExportTeiResult>('emend/exportTei');
export interface ExportTeiParams {
  uri: string;
  options?: Record<string, unknown>;
  /** Where the TEI will be written, if known: the facsimile's image names are made relative to its folder. */
  target?: string;
}
export interface ExportTeiResult {
  xml: string;
  /** What the user should know (errors in the transcription, characters XML cannot hold, bad settings). */
  warnings: string[];
}

/** A TEI file as markup. Give the file's bytes (`base64`, so that its declared encoding is honoured) or its `text`. */
export const ImportTeiRequest = request<ImportTeiParams, ImportTeiResult>('emend/importTei');
export interface ImportTeiParams {
  base64?: string;
  text?: string;
}
export type ImportTeiResult = { markup: string; warnings: string[] } | { error: string };

/** Server → client: a witness changed, so these transcriptions' collations (and collation views) may read differently. */
export const CollationChangedNotification = notification<CollationChangedParams>('emend/collationChanged');
export interface CollationChangedParams {
  uris: string[];
}

/** Server → client: a `.emend.json` changed, so readings, previews and exports made with its options (supplied
 *  text, gaps) may read differently: the client renders its open views again. */
export const ProjectFileChangedNotification = notification<Record<string, never>>('emend/projectFileChanged');

// ---- The editor's file system, for the server (server -> client) ----
// A server that cannot read a URI itself (another scheme than file:, or any URI in the browser, where the server
// runs in a web worker) asks the client, which answers through VS Code's workspace.fs. The client says it answers
// these with `initializationOptions.fileAccess` (InitializationOptions); lsp/client-files.ts asks, and
// client/src/server/file-access.ts answers. A failure is a ResponseError whose `data` is a FileErrorData.

/** What the client announces in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /** The client answers FileStatRequest and ReadFileRequest. */
  fileAccess?: boolean;
  /** The URI of the extension's docs folder, where diagnostics link to (the server's own guess otherwise). */
  documentation?: string;
  /**
   * Restricted Mode (an untrusted workspace): the workspace's folders (URIs). The server then reads no file outside
   * them and fetches nothing from the web (host/restricted-files.ts). Absent: no limit.
   */
  restrictedTo?: string[];
}

/** What is at a URI, or null when nothing is. */
export const FileStatRequest = serverRequest<FileStatParams, FileStatResult, FileErrorData>('emend/fs/stat');
export interface FileStatParams {
  uri: string;
}
export type FileStatResult = { type: 'file' | 'directory' | 'other'; size: number; mtime: number } | null;

/** A file's bytes, in base64 (encodeBase64 / decodeBase64 below). */
export const ReadFileRequest = serverRequest<ReadFileParams, ReadFileResult, FileErrorData>('emend/fs/readFile');
export interface ReadFileParams {
  uri: string;
}
export interface ReadFileResult {
  base64: string;
}

/** The `data` of a file request's error: what kind of failure (the host's FileErrorKind). */
export interface FileErrorData {
  kind: 'not-found' | 'permission-denied' | 'is-a-directory' | 'unavailable';
}

/** Server -> client requests, which the server itself does not answer. */
export const SERVER_TO_CLIENT_REQUESTS: readonly RequestType<unknown, unknown, unknown>[] = [
  FileStatRequest,
  ReadFileRequest,
];

/** Bytes as base64, the way JSON carries them (btoa and atob exist in Node and in browsers alike). */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The facsimile of an open transcription (docs/facsimile.md): its page images (as the header names them, and where
 * they are: a URI, or the https address of an IIIF resource), and the link of every word of its diplomatic
 * reading to a box on a page. Words are in document order, so the word at an offset is a binary search.
 */
export const FacsimileRequest = request<FacsimileParams, FacsimileResult>('emend/facsimile');
export interface FacsimileParams {
  uri: string;
}
export interface FacsimilePageInfo {
  /** The image as the header names it. */
  image: string;
  /** The image's URI (any scheme the editor reads), an `https:` URL (IIIF), or null when the name leads nowhere. */
  location: string | null;
  /** jpeg, png, webp, tiff, or iiif; null when unknown (unreadable). */
  format: string | null;
  width: number;
  height: number;
}
export interface FacsimileWordInfo {
  start: number;
  end: number;
  page: number;
  /** [x, y, w, h] in image pixels, or null. */
  box: [number, number, number, number] | null;
  approximate: boolean;
}
export interface FacsimileResult {
  uri: string;
  version: number;
  pages: FacsimilePageInfo[];
  words: FacsimileWordInfo[];
  /** Whether the header names a layout at all (without one, words have no boxes). */
  hasLayout: boolean;
  /** One line per problem with an image or the layout. */
  errors: string[];
}

/**
 * A box drawn on the facsimile for the words the editor's selection touches (or the word at the cursor): the server
 * answers with the PAGE XML file that records the link (the layout the header names with the box added, or a new
 * file beside the transcription) and the header edit that names a new file; the client writes the file and applies
 * the edit. Nothing is written by the server.
 */
export const FacsimileDrawRequest = request<FacsimileDrawParams, FacsimileDrawResult>('emend/facsimileDraw');
export interface FacsimileDrawParams {
  uri: string;
  /** The document's version the selection belongs to: refused if the server's differs. */
  version: number;
  /** The selection, UTF-16 offsets into the document. */
  start: number;
  end: number;
  /** The page drawn on (0 = the first image) and the box, [x, y, w, h] in pixels of its image. */
  page: number;
  box: [number, number, number, number];
}
export type FacsimileDrawResult =
  | { error: string }
  | {
      /** The layout file to write: its URI, its name as the header writes it, its new text, and whether it is new. */
      layout: { uri: string; name: string; text: string; created: boolean };
      /** Edits of the transcription (the `layout:` header line when the file is new; otherwise none). */
      headerEdits: Array<{
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
        newText: string;
      }>;
      /** The words linked, as the reading has them, how many, and how many earlier boxes for them were replaced. */
      linked: string;
      wordCount: number;
      replaced: number;
    };
