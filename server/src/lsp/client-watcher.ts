// Host.watch for the server: the client watches files (workspace/didChangeWatchedFiles, registered dynamically, as
// LSP recommends: the editor's watcher works for remote and virtual workspaces and costs the server nothing) and
// reports changes; this module keeps the registrations in step with what is watched and hands each change to the
// watchers it concerns. Clients that cannot register watchers dynamically report nothing, and nothing is re-read
// until the documents change.
import {
  DidChangeWatchedFilesNotification,
  type ClientCapabilities,
  type Connection,
  type Disposable as LspDisposable,
  type FileSystemWatcher,
} from 'vscode-languageserver';
import type { Disposable, WatchTarget } from '../host/files';
import { baseName, canonicalUri, parentFolder } from '../host/uris';

interface Watcher {
  target: WatchTarget;
  /** The canonical URI of a file target. */
  uri: string | null;
  onChange: (uri: string) => void;
}

/** Re-registering the file targets waits this long, so a burst of changes registers once. */
const REGISTER_DELAY_MS = 50;

export class ClientWatcher {
  private readonly watchers = new Set<Watcher>();
  private ready = false;
  private names: { key: string; registration?: Promise<LspDisposable> } = { key: '' };
  private files: { key: string; registration?: Promise<LspDisposable>; timer?: ReturnType<typeof setTimeout> } = {
    key: '',
  };

  constructor(
    private readonly connection: Connection,
    private readonly capabilities: () => ClientCapabilities,
  ) {
    connection.onDidChangeWatchedFiles((params) => {
      for (const change of params.changes ?? []) {
        const uri = typeof change?.uri === 'string' ? canonicalUri(change.uri) : null;
        if (uri === null) continue;
        for (const w of [...this.watchers]) {
          const hit = w.uri !== null ? w.uri === uri : baseName(uri) === (w.target as { fileName: string }).fileName;
          if (hit) w.onChange(uri);
        }
      }
    });
  }

  watch(target: WatchTarget, onChange: (uri: string) => void): Disposable {
    const watcher: Watcher = { target, uri: 'uri' in target ? canonicalUri(target.uri) : null, onChange };
    this.watchers.add(watcher);
    this.changed();
    return {
      dispose: () => {
        this.watchers.delete(watcher);
        this.changed();
      },
    };
  }

  /** The client has sent `initialized`: registrations may start. */
  initialized(): void {
    this.ready = true;
    this.changed();
  }

  private changed(): void {
    if (!this.ready || !this.capabilities().workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    // Names (`**/.emend.json`) change rarely: registered at once. Files come and go as documents name them.
    const names = [...new Set([...this.watchers].flatMap((w) => ('fileName' in w.target ? [w.target.fileName] : [])))];
    const namesKey = names.sort().join('\n');
    if (namesKey !== this.names.key) {
      this.names = {
        key: namesKey,
        registration: this.register(
          names.map((n) => ({ globPattern: `**/${globEscape(n)}` })),
          this.names.registration,
        ),
      };
    }
    if (this.files.timer) return;
    this.files.timer = setTimeout(() => {
      this.files.timer = undefined;
      const uris = [...new Set([...this.watchers].flatMap((w) => (w.uri !== null ? [w.uri] : [])))].sort();
      const key = uris.join('\n');
      if (key === this.files.key) return;
      this.files = {
        key,
        registration: this.register(
          uris.map((u) => this.fileWatcher(u)),
          this.files.registration,
        ),
      };
    }, REGISTER_DELAY_MS);
  }

  private fileWatcher(uri: string): FileSystemWatcher {
    const folder = parentFolder(uri);
    const name = globEscape(baseName(uri));
    return this.capabilities().workspace?.didChangeWatchedFiles?.relativePatternSupport && folder
      ? { globPattern: { baseUri: folder, pattern: name } }
      : { globPattern: `**/${name}` };
  }

  /** Registers `watchers` (if any) and then drops the previous registration. */
  private register(
    watchers: FileSystemWatcher[],
    previous: Promise<LspDisposable> | undefined,
  ): Promise<LspDisposable> | undefined {
    const next = watchers.length
      ? this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers })
      : undefined;
    next?.catch(() => undefined);
    if (previous)
      void previous.then(
        (d) => d.dispose(),
        () => undefined,
      );
    return next;
  }
}

/** Escapes the glob characters of a file name. */
function globEscape(name: string): string {
  let out = '';
  for (const ch of name) out += '*?[]{}!'.includes(ch) ? `[${ch}]` : ch;
  return out;
}
