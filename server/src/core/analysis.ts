// One analysis of one version of a document: parsed once, readings and line index computed on first use.
// Everything that needs the markup's meaning (diagnostics, hovers, previews, exports, collation) starts here,
// so the markup is parsed once per document version, in one way.
import { parse, type ParsedDocument } from './parser';
import { CHUNK_TARGET, reading, type Reading, type ReadingKind, type ReadingOptions } from './readings';
import { LineIndex } from './lines';

export class Analysis {
  private parsed: ParsedDocument | undefined;
  private index: LineIndex | undefined;
  /** Keyed by kind and the reading options, so one analysis serves readings made with different settings. */
  private readonly readings = new Map<string, Reading>();

  /** `chunkTarget`: how long the readings' chunks of text grow (CHUNK_TARGET; the tests vary it).
   *  `options`: how supplied text and gaps show when `reading()` is not told (settings, `.emend.json`, CLI flags). */
  constructor(
    readonly source: string,
    private readonly chunkTarget = CHUNK_TARGET,
    readonly options: Pick<ReadingOptions, 'supplied' | 'gap'> = {},
  ) {}

  get doc(): ParsedDocument {
    return (this.parsed ??= parse(this.source));
  }

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.source));
  }

  reading(kind: ReadingKind, options: Pick<ReadingOptions, 'supplied' | 'gap'> = this.options): Reading {
    const supplied = options.supplied ?? 'brackets',
      gap = options.gap ?? 'ellipsis';
    const key = `${kind} ${supplied} ${gap}`;
    let r = this.readings.get(key);
    if (!r) {
      r = reading(this.doc, kind, { chunkTarget: this.chunkTarget, supplied, gap });
      this.readings.set(key, r);
    }
    return r;
  }
}

export function analyze(source: string, options: Pick<ReadingOptions, 'supplied' | 'gap'> = {}): Analysis {
  return new Analysis(source, CHUNK_TARGET, options);
}
