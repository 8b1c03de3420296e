// The host in memory, for tests: files set by URI, folders implied by the files below them, errors on demand, and
// watchers told of every change.
import { FileError, type Disposable, type FileStat, type Host, type WatchTarget } from './files';
import { baseName, canonicalUri } from './uris';

export class MemoryHost implements Host {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly failing = new Map<string, FileError>();
  private readonly watchers = new Set<{ target: WatchTarget; onChange: (uri: string) => void }>();
  private clock = 1;
  /** Every read, in order (to test caching). */
  readonly reads: string[] = [];

  /** Creates or replaces a file (text is stored as UTF-8), and tells the watchers. */
  set(uri: string, content: string | Uint8Array): void {
    const key = canonicalUri(uri)!;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(key, { bytes, mtime: this.clock++ });
    this.changed(key);
  }

  delete(uri: string): void {
    const key = canonicalUri(uri)!;
    this.files.delete(key);
    this.changed(key);
  }

  /** Makes every operation on `uri` fail with this error (until `set` or `delete`). */
  fail(uri: string, error: FileError): void {
    this.failing.set(canonicalUri(uri)!, error);
  }

  async stat(uri: string): Promise<FileStat | null> {
    const key = canonicalUri(uri);
    if (key === null) throw new FileError('unavailable', `${uri} is not a URI`);
    const error = this.failing.get(key);
    if (error) throw error;
    const file = this.files.get(key);
    if (file) return { type: 'file', size: file.bytes.length, mtime: file.mtime };
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return { type: 'directory', size: 0, mtime: 0 };
    return null;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const kind = await this.stat(uri);
    if (!kind) throw new FileError('not-found', 'no such file or directory');
    if (kind.type === 'directory') throw new FileError('is-a-directory', 'is a directory');
    this.reads.push(uri);
    return this.files.get(canonicalUri(uri)!)!.bytes;
  }

  watch(target: WatchTarget, onChange: (uri: string) => void): Disposable {
    const watcher = { target, onChange };
    this.watchers.add(watcher);
    return { dispose: () => this.watchers.delete(watcher) };
  }

  private changed(uri: string): void {
    this.failing.delete(uri);
    for (const w of [...this.watchers]) {
      const hit = 'uri' in w.target ? canonicalUri(w.target.uri) === uri : baseName(uri) === w.target.fileName;
      if (hit) w.onChange(uri);
    }
  }
}
