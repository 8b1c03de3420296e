// The second witness in the editor. Witnesses (a service on the server's context) finds the file the header's
// `witness:` line names (host/witness-file.ts, relative to the transcription), reads it from an open editor, from
// unsaved text the client forwards, or through the host, keeps one Collator per transcription so edits are
// re-aligned incrementally, and gives the collation to diagnostics, hovers and the preview. It watches the witness
// files through the host (from the moment a transcription names one) and tells the client which files to forward; when a witness changes, `onChange` runs with
// the transcriptions that name it. The `witness` feature below installs the messages.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Collator,
  collationHover,
  collationHtml,
  headerValue,
  witnessFromText,
  witnessHeaderEdit,
  witnessProblems,
  witnessUnavailable,
  type Analysis,
  type Collation,
  type HoverText,
  type Problem,
  type Severities,
  type WitnessLoad,
  type WitnessStatus,
} from '../core/index';
import type { Disposable, Host } from '../host/files';
import { loadWitnessFile, witnessTarget, type WitnessFile, type WitnessTarget } from '../host/witness-file';
import { canonicalUri, displayLocation, parentFolder } from '../host/uris';
import {
  CollationRequest,
  WitnessHeaderEditRequest,
  WitnessTextNotification,
  type CollationResult,
  type WitnessHeaderEditResult,
} from '../protocol';
import type { Feature } from './context';
import { analysisFor, field, invalid } from './request-params';

/** A transcription's collation with its witness, why there is none (`missing`: no file there), or null: none named. */
export type CollationFor = { collation: Collation; witnessUri: string } | { error: string; missing: boolean } | null;

interface Kept {
  witnessUri: string;
  /** What the witness was loaded from: `editor:<version>`, `forwarded:<version>` or `disk:<mtime>:<size>`. */
  key: string;
  collator: Collator;
  analysis?: Analysis;
  collation?: Collation;
}

export class Witnesses {
  /** Per transcription (canonical URI): its witness's collator and last collation. */
  private readonly kept = new Map<string, Kept>();
  /** Per transcription: the witness it names, loaded or not (a missing witness is watched too: it may appear). */
  private readonly targets = new Map<string, string>();
  /** Witness files read through the host, by canonical URI. */
  private readonly files = new Map<string, WitnessFile>();
  /** Unsaved text of witnesses open in the editor that the language client does not sync (not `.emend`). */
  private readonly forwarded = new Map<string, { version: number; text: string }>();
  private readonly watches = new Map<string, Disposable>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private announced = '';

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly host: Host,
    private readonly on: {
      /** A witness changed: these transcriptions' collations may read differently. */
      change(transcriptions: string[]): void;
      /** The set of witness files in use changed (the client forwards their unsaved text). */
      watched(witnessUris: string[]): void;
    },
  ) {}

  /** The collation of the document with its witness, an error for the header line, or null when it names none. */
  async collation(uri: string, analysis: Analysis): Promise<CollationFor> {
    const key = canonicalUri(uri) ?? uri;
    const field = headerValue(analysis.doc.header, 'witness');
    const target = field ? witnessTarget(field.value, parentFolder(uri), uri) : null;
    if (!target || 'error' in target) {
      this.drop(key);
      return target ? { error: target.error, missing: false } : null;
    }
    const witnessUri = canonicalUri(target.uri) ?? target.uri;
    this.use(key, witnessUri);
    const { load, from, missing } = await this.load({ uri: witnessUri, name: target.name });
    if ('error' in load) return { error: load.error, missing };
    let kept = this.kept.get(key);
    if (!kept || kept.witnessUri !== witnessUri || kept.key !== from) {
      kept = { witnessUri, key: from, collator: new Collator(load.witness) };
      this.kept.set(key, kept);
    }
    if (kept.analysis !== analysis || !kept.collation) {
      kept.collation = kept.collator.collate(analysis);
      kept.analysis = analysis;
    }
    return { collation: kept.collation, witnessUri };
  }

  /** The witness problems of a document: one `witness-unavailable` on the header line, or the collation's. */
  async problems(uri: string, analysis: Analysis, severities: Severities = {}): Promise<Problem[]> {
    const field = headerValue(analysis.doc.header, 'witness');
    if (!field) {
      this.drop(canonicalUri(uri) ?? uri);
      return [];
    }
    const r = await this.collation(uri, analysis);
    if (!r) return [];
    if ('error' in r) return [witnessUnavailable(field, r.error)];
    return witnessProblems(analysis, r.collation, { severities });
  }

  /** What the witness reads at a place of the transcription, for the hover. */
  async hover(uri: string, analysis: Analysis, offset: number): Promise<HoverText | null> {
    const r = await this.collation(uri, analysis);
    return r && 'collation' in r ? collationHover(analysis, r.collation, offset) : null;
  }

  /** Where the header's witness is and what became of it, for the hover on the `witness:` line. */
  async status(uri: string, analysis: Analysis, value: string): Promise<WitnessStatus | undefined> {
    const target = witnessTarget(value, parentFolder(uri), uri);
    if ('error' in target) {
      // No name at all, or no folder to look in (the core's hover then says it was not checked).
      return value.trim() ? undefined : { location: '(empty)', found: false, detail: 'the witness line names no file' };
    }
    const location = displayLocation(target.uri);
    const r = await this.collation(uri, analysis);
    if (!r) return undefined;
    if ('error' in r) return r.missing ? { location, found: false } : { location, found: true, error: r.error };
    const c = r.collation;
    const variants = `${c.variants.length} variant${c.variants.length === 1 ? '' : 's'}`;
    return {
      location,
      found: true,
      detail: `${c.b.words.length} words; ${(c.agreement * 100).toFixed(1)}% of the transcription's words agree; ${variants}`,
    };
  }

  /** Unsaved text of a witness open in the editor (null: closed or saved, the file counts again). */
  forward(uri: string, version: number, text: string | null): void {
    const key = canonicalUri(uri) ?? uri;
    if (text === null) this.forwarded.delete(key);
    else this.forwarded.set(key, { version, text });
    this.changed(key);
  }

  /** An open document changed or closed: if it is a witness (an `.emend` one, synced like any transcription), its
   *  transcriptions read differently; if it is a transcription that closed, its collation is dropped. */
  documentChanged(uri: string, closed: boolean): void {
    const key = canonicalUri(uri) ?? uri;
    if (closed) this.drop(key);
    this.changed(key);
  }

  private async load(target: WitnessTarget): Promise<{ load: WitnessLoad; from: string; missing: boolean }> {
    const open = this.documents.get(target.uri);
    if (open)
      return { load: witnessFromText(target.name, open.getText()), from: `editor:${open.version}`, missing: false };
    const fwd = this.forwarded.get(target.uri);
    if (fwd) return { load: witnessFromText(target.name, fwd.text), from: `forwarded:${fwd.version}`, missing: false };
    const file = await loadWitnessFile(this.host, target, this.files.get(target.uri));
    this.files.set(target.uri, file);
    return { load: file.load, from: `disk:${file.version}`, missing: file.missing };
  }

  /** A witness (by canonical URI) may read differently now. */
  private changed(witnessUri: string): void {
    const naming = [...this.targets].filter(([, w]) => w === witnessUri).map(([t]) => t);
    if (naming.length === 0) return;
    this.files.delete(witnessUri);
    this.on.change(naming);
  }

  private use(transcription: string, witnessUri: string): void {
    const previous = this.targets.get(transcription);
    if (previous === witnessUri) return;
    this.targets.set(transcription, witnessUri);
    if (!this.watches.has(witnessUri))
      this.watches.set(
        witnessUri,
        this.host.watch({ uri: witnessUri }, (changed) => this.changed(changed)),
      );
    if (previous !== undefined) this.release(previous);
    this.announceLater();
  }

  private drop(transcription: string): void {
    this.kept.delete(transcription);
    const previous = this.targets.get(transcription);
    if (previous === undefined) return;
    this.targets.delete(transcription);
    this.release(previous);
    this.announceLater();
  }

  /** Stops watching a witness no transcription names any more. */
  private release(witnessUri: string): void {
    if ([...this.targets.values()].includes(witnessUri)) return;
    this.watches.get(witnessUri)?.dispose();
    this.watches.delete(witnessUri);
    this.files.delete(witnessUri);
  }

  /** Tells the client which witness files are in use (debounced: documents come and go in bursts). */
  private announceLater(): void {
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = undefined;
      const uris = [...new Set(this.targets.values())].sort();
      if (uris.join('\n') === this.announced) return;
      this.announced = uris.join('\n');
      this.on.watched(uris);
    }, 50);
  }
}

/** The witness's messages: unsaved witness text from the client, the header edit and the collation view. */
export const witness: Feature = {
  register(ctx) {
    ctx.connection.onNotification(WitnessTextNotification, (p: unknown) => {
      const uri = field(p, 'uri');
      const version = field(p, 'version');
      const text = field(p, 'text');
      if (typeof uri !== 'string' || typeof version !== 'number' || (text !== null && typeof text !== 'string')) return;
      ctx.witnesses.forward(uri, version, text);
    });
    ctx.documents.onDidChangeContent((e) => ctx.witnesses.documentChanged(e.document.uri, false));
    ctx.documents.onDidClose((e) => ctx.witnesses.documentChanged(e.document.uri, true));

    ctx.connection.onRequest(WitnessHeaderEditRequest, (p: unknown) => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const path = field(p, 'path');
      if (typeof path !== 'string') return invalid('Expected `path`, the witness path to write, as a string.');
      const r = witnessHeaderEdit(analysis, path);
      if ('error' in r) return { edits: [], error: r.error };
      const result: WitnessHeaderEditResult = {
        edits: r.edits.map((e) => ({
          range: { start: analysis.lines.positionAt(e.start), end: analysis.lines.positionAt(e.end) },
          newText: e.newText,
        })),
      };
      return result;
    });

    ctx.connection.onRequest(CollationRequest, async (p: unknown) => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const r = await ctx.witnesses.collation(field(p, 'uri') as string, analysis);
      const result: CollationResult = !r
        ? {
            html: null,
            agreement: null,
            message:
              'This transcription names no witness: add a `witness:` line to its header (Emend: Compare with Witness…).',
          }
        : 'error' in r
          ? { html: null, agreement: null, message: r.error }
          : { html: collationHtml(analysis, r.collation), agreement: r.collation.agreement };
      return result;
    });
  },
};
