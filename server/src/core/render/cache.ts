// Rendered paragraphs cached by their exact text, per view. A paragraph's HTML depends only on its own text
// (marks never cross a paragraph), so after a one-character edit only the edited paragraph is rendered again.
// Each distinct text gets a key that stays the same while it is cached, so the preview can keep that block's DOM.

interface Entry {
  key: string;
  html: string;
  /** The render pass that last used the entry. */
  used: number;
}

export class RenderCache {
  private readonly entries = new Map<string, Map<string, Entry>>();
  private next = 1;
  private pass = 0;
  /** Paragraphs rendered (cache misses) in the last pass, for tests and the bench. */
  misses = 0;

  /** Starts a render pass: entries not used during it are dropped when it ends. */
  begin(): void {
    this.pass++;
    this.misses = 0;
  }

  /** Drops what the pass did not use, so the cache holds one document's paragraphs, not its history. */
  end(): void {
    for (const map of this.entries.values()) {
      for (const [text, e] of map) if (e.used !== this.pass) map.delete(text);
    }
  }

  get(view: string, text: string, make: () => string): { key: string; html: string } {
    let map = this.entries.get(view);
    if (!map) this.entries.set(view, (map = new Map()));
    let e = map.get(text);
    if (!e) {
      e = { key: `${view}-${this.next++}`, html: make(), used: this.pass };
      map.set(text, e);
      this.misses++;
    }
    e.used = this.pass;
    return e;
  }
}
