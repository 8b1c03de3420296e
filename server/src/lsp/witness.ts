// The second witness in the editor: finds the file the header's `witness:` line names (relative to the
// transcription), reads it from an open editor or from disk, keeps one Collator per transcription so edits are
// re-aligned incrementally, and hands the core's problems to diagnostics. Watches the witness files
// (workspace/didChangeWatchedFiles, registered dynamically) and the unsaved text of open witnesses (forwarded by
// the client), and asks the client to pull diagnostics again when a witness changes.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Disposable, type ResponseError } from 'vscode-languageserver/node';
import {
  Collator,
  collationHover,
  collationHtml,
  headerValue,
  witnessPath,
  MAX_WITNESS_BYTES,
  witnessFromBytes,
  witnessFromText,
  witnessHeaderEdit,
  witnessProblems,
  witnessUnavailable,
  type Analysis,
  type Collation,
  type Problem,
  type WitnessLoad,
} from '../core/index';
import {
  CollationChangedNotification,
  CollationRequest,
  WatchWitnessesNotification,
  WitnessHeaderEditRequest,
  WitnessTextNotification,
  type CollationChangedParams,
  type CollationResult,
  type WitnessHeaderEditResult,
  type WitnessTextParams,
} from '../protocol';
import type { Feature, ServerContext } from './context';
import { addProblemSource } from './diagnostics';
import { addHoverSection, fileWitnessStatus, setWitnessStatusProvider } from './hover';
import { refreshDiagnostics } from './settings';
import { analysisFor, field, invalid } from './request-params';

/** Where a witness line leads: the witness's URI and file path, or why it leads nowhere. */
export type WitnessTarget = { uri: string; path: string; name: string } | { error: string };

export function resolveWitness(transcriptionUri: string, value: string): WitnessTarget {
  const name = witnessPath(value);
  if (!name) return { error: 'The witness line names no file.' };
  let path: string;
  try {
    if (isAbsolute(name)) path = name;
    else if (transcriptionUri.startsWith('file:')) path = resolve(dirname(fileURLToPath(transcriptionUri)), name);
    else
      return {
        error: `The witness ${name} cannot be found: this transcription is not saved in a folder yet (relative paths start from the transcription's folder).`,
      };
    return { uri: pathToFileURL(path).toString(), path, name };
  } catch (e) {
    return { error: `The witness path ${name} is not usable: ${(e as Error).message}` };
  }
}

interface Entry {
  /** What the witness was loaded from: `editor:<version>` or `disk:<mtime>:<size>`. */
  key: string;
  load: WitnessLoad;
}

/** Reads witnesses, from the editor when open there, else from disk; cached by version or modification time. */
export class WitnessStore {
  private readonly entries = new Map<string, Entry>();
  /** Unsaved text of witnesses open in the editor that the language client does not sync (not `.emend`). */
  readonly forwarded = new Map<string, { version: number; text: string }>();

  constructor(private readonly ctx: ServerContext) {}

  load(target: { uri: string; path: string; name: string }): Entry {
    const open = this.ctx.documents.get(target.uri);
    const fwd = this.forwarded.get(target.uri);
    let key: string;
    if (open) key = `editor:${open.version}`;
    else if (fwd) key = `forwarded:${fwd.version}`;
    else {
      try {
        const st = statSync(target.path);
        if (!st.isFile())
          return { key: 'folder', load: { error: `The witness ${target.name} is a folder, not a file.` } };
        if (st.size > MAX_WITNESS_BYTES) {
          return {
            key: `big:${st.size}`,
            load: {
              error: `The witness ${target.name} is too large to compare (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_WITNESS_BYTES / 1048576} MB).`,
            },
          };
        }
        key = `disk:${st.mtimeMs}:${st.size}`;
      } catch (e) {
        return { key: 'missing', load: { error: describeError(e, target) } };
      }
    }
    const hit = this.entries.get(target.uri);
    if (hit && hit.key === key) return hit;
    let load: WitnessLoad;
    if (open) load = witnessFromText(target.name, open.getText());
    else if (fwd) load = witnessFromText(target.name, fwd.text);
    else {
      try {
        load = witnessFromBytes(target.name, readFileSync(target.path));
      } catch (e) {
        load = { error: describeError(e, target) };
      }
    }
    const entry = { key, load };
    this.entries.set(target.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

function describeError(e: unknown, target: { path: string; name: string }): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return `The witness ${target.name} was not found (looked for ${target.path}).`;
  if (code === 'EACCES' || code === 'EPERM') return `The witness ${target.name} cannot be read: permission denied.`;
  if (code === 'EISDIR') return `The witness ${target.name} is a folder, not a file.`;
  return `The witness ${target.name} cannot be read: ${(e as Error).message}`;
}

type CollationFor = { collation: Collation } | { error: string; line: true } | null;

/** Per transcription: its witness, the collator kept for incremental re-alignment, and the last collation. */
export class Collations {
  private readonly byUri = new Map<
    string,
    { witnessUri: string; key: string; collator: Collator; analysis?: Analysis; collation?: Collation }
  >();
  /** The witness each transcription names, loaded or not (a missing witness is watched too: it may appear). */
  private readonly targets = new Map<string, string>();

  constructor(readonly store: WitnessStore) {}

  /** The collation of the document with its witness, an error for the header line, or null when it names none. */
  for(uri: string, analysis: Analysis): CollationFor {
    const field = headerValue(analysis.doc.header, 'witness');
    if (!field) {
      this.drop(uri);
      return null;
    }
    const target = resolveWitness(uri, field.value);
    if ('error' in target) {
      this.drop(uri);
      return { error: target.error, line: true };
    }
    this.targets.set(uri, target.uri);
    if (target.uri === uri) return { error: 'A transcription cannot be its own witness.', line: true };
    const entry = this.store.load(target);
    if ('error' in entry.load) return { error: entry.load.error, line: true };
    let kept = this.byUri.get(uri);
    if (!kept || kept.witnessUri !== target.uri || kept.key !== entry.key) {
      kept = { witnessUri: target.uri, key: entry.key, collator: new Collator(entry.load.witness) };
      this.byUri.set(uri, kept);
    }
    if (kept.analysis !== analysis || !kept.collation) {
      kept.collation = kept.collator.collate(analysis);
      kept.analysis = analysis;
    }
    return { collation: kept.collation };
  }

  drop(uri: string): void {
    this.byUri.delete(uri);
    this.targets.delete(uri);
  }

  /** The transcriptions that name `witnessUri` as their witness. */
  naming(witnessUri: string): string[] {
    return [...this.targets].filter(([, w]) => w === witnessUri).map(([t]) => t);
  }

  /** URIs of the witnesses of every transcription collated so far. */
  witnessUris(): string[] {
    return [...new Set(this.targets.values())];
  }
}

let collations: Collations | undefined;

/** The collation for hovers and views (undefined before the feature is registered). */
export function collationFor(uri: string, analysis: Analysis): CollationFor {
  return collations ? collations.for(uri, analysis) : null;
}

/** The witness problems of a document: one `witness-unavailable` on the header line, or the collation's problems. */
export function witnessProblemsFor(uri: string, analysis: Analysis): Problem[] {
  const field = headerValue(analysis.doc.header, 'witness');
  if (!field) return [];
  const r = collationFor(uri, analysis);
  if (!r) return [];
  if ('error' in r) return [witnessUnavailable(field, r.error)];
  return witnessProblems(analysis, r.collation);
}

export const witness: Feature = {
  register(ctx) {
    const store = new WitnessStore(ctx);
    const all = new Collations(store);
    collations = all;
    addProblemSource((_ctx, uri, analysis) => {
      const problems = witnessProblemsFor(uri, analysis);
      watchLater(ctx, all);
      return problems;
    });

    const changed = (uri: string) => {
      if (!all.witnessUris().includes(uri)) return;
      store.forget(uri);
      refresh(ctx);
      void ctx.connection.sendNotification(CollationChangedNotification, {
        uris: all.naming(uri),
      } satisfies CollationChangedParams);
    };
    addHoverSection((_ctx, uri, analysis, offset) => {
      const r = all.for(uri, analysis);
      return r && 'collation' in r ? collationHover(analysis, r.collation, offset) : null;
    });
    setWitnessStatusProvider((statusCtx, uri, analysis, path) => {
      const target = resolveWitness(uri, path);
      // No place to look (an empty path, an unsaved transcription): the plain status says so.
      if ('error' in target) return fileWitnessStatus(statusCtx, uri, analysis, witnessPath(path));
      const r = all.for(uri, analysis);
      const location = target.path;
      if (!r) return undefined;
      if ('error' in r) {
        // A missing file is simply "not found"; a file that is there but unusable says why.
        const plain = fileWitnessStatus(statusCtx, uri, analysis, witnessPath(path));
        return plain && !plain.found ? plain : { location, found: false, detail: r.error };
      }
      const c = r.collation;
      return {
        location,
        found: true,
        detail: `${c.b.words.length} words; ${(c.agreement * 100).toFixed(1)}% of the transcription's words agree; ${c.variants.length} variant${c.variants.length === 1 ? '' : 's'}`,
      };
    });
    ctx.onDidChangeWatchedFiles((params) => {
      for (const c of params.changes) changed(c.uri);
    });
    ctx.connection.onNotification(WitnessTextNotification, (p: WitnessTextParams) => {
      if (p.text === null) store.forwarded.delete(p.uri);
      else store.forwarded.set(p.uri, { version: p.version, text: p.text });
      changed(p.uri);
    });
    // An `.emend` witness open in the editor is synced like any transcription: its edits count at once.
    ctx.documents.onDidChangeContent((e) => changed(e.document.uri));
    ctx.documents.onDidClose((e) => {
      all.drop(e.document.uri);
      changed(e.document.uri);
    });

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

    ctx.connection.onRequest(CollationRequest, (p: unknown): CollationResult | ResponseError => {
      const analysis = analysisFor(ctx, p);
      if (!('doc' in analysis)) return analysis;
      const r = all.for(field(p, 'uri') as string, analysis);
      if (!r)
        return {
          html: null,
          agreement: null,
          message:
            'This transcription names no witness: add a `witness:` line to its header (Emend: Compare with Witness…).',
        };
      if ('error' in r) return { html: null, agreement: null, message: r.error };
      return { html: collationHtml(analysis, r.collation), agreement: r.collation.agreement };
    });
  },
};

let watchTimer: ReturnType<typeof setTimeout> | undefined;
let watched = '';
let registration: Promise<Disposable> | undefined;

/** Keeps the client watching exactly the witness files in use (debounced; re-registered when the set changes). */
function watchLater(ctx: ServerContext, all: Collations): void {
  if (watchTimer) return;
  watchTimer = setTimeout(() => {
    watchTimer = undefined;
    const uris = all.witnessUris().sort();
    const key = uris.join('\n');
    if (key === watched) return;
    watched = key;
    void ctx.connection.sendNotification(WatchWitnessesNotification, { uris });
    const caps = ctx.clientCapabilities().workspace?.didChangeWatchedFiles;
    if (!caps?.dynamicRegistration) return;
    const previous = registration;
    const watchers = uris.map((u) => {
      const path = fileURLToPath(u);
      return caps.relativePatternSupport
        ? { globPattern: { baseUri: pathToFileURL(dirname(path)).toString(), pattern: globEscape(basename(path)) } }
        : { globPattern: `**/${globEscape(basename(path))}` };
    });
    registration = watchers.length
      ? ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers })
      : undefined;
    if (previous)
      void previous.then(
        (d) => d.dispose(),
        () => undefined,
      );
  }, 50);
}

/** Escapes the glob characters of a file name. */
function globEscape(name: string): string {
  let out = '';
  for (const ch of name) out += '*?[]{}!'.includes(ch) ? `[${ch}]` : ch;
  return out;
}

/** Asks the client to pull diagnostics again (a witness changed, so every transcription naming it may differ). */
/** Asks pulling clients to pull again and re-pushes to clients that do not pull (and never leaves a rejection unhandled). */
function refresh(ctx: ServerContext): void {
  refreshDiagnostics(ctx);
}
