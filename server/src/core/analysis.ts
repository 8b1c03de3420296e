// One analysis of one version of a document: parsed once, readings and line index computed on first use.
// Everything that needs the markup's meaning (diagnostics, hovers, previews, exports, collation) starts here,
// so the markup is parsed once per document version, in one way.
import { parse, type ParsedDocument } from './parser';
import { reading, type Reading, type ReadingKind, type ReadingOptions } from './readings';
import { LineIndex } from './lines';

/** What analyses of the same text share: the parse, the line index and the readings. */
interface Shared {
  parsed?: ParsedDocument;
  index?: LineIndex;
  /** Keyed by kind and the reading options, so one analysis serves readings made with different settings. */
  readings: Map<string, Reading>;
}

export class Analysis {
  private shared: Shared = { readings: new Map() };

  /** `options`: how supplied text and gaps show when `reading()` is not told (settings, `.emend.json`, CLI flags). */
  constructor(
    readonly source: string,
    readonly options: Pick<ReadingOptions, 'supplied' | 'gap'> = {},
  ) {}

  get doc(): ParsedDocument {
    return (this.shared.parsed ??= parse(this.source));
  }

  get lines(): LineIndex {
    return (this.shared.index ??= new LineIndex(this.source));
  }

  /** The same analysis (one parse, one line index, one cache of readings) whose readings default to `options`:
   *  what the server hands the features that show readings, made with the document's settings. */
  withOptions(options: Pick<ReadingOptions, 'supplied' | 'gap'>): Analysis {
    if (options.supplied === this.options.supplied && options.gap === this.options.gap) return this;
    const other = new Analysis(this.source, options);
    other.shared = this.shared;
    return other;
  }

  reading(kind: ReadingKind, options: Pick<ReadingOptions, 'supplied' | 'gap'> = this.options): Reading {
    const supplied = options.supplied ?? 'brackets',
      gap = options.gap ?? 'ellipsis';
    const key = `${kind} ${supplied} ${gap}`;
    let r = this.shared.readings.get(key);
    if (!r) {
      r = reading(this.doc, kind, { supplied, gap });
      this.shared.readings.set(key, r);
    }
    return r;
  }
}

export function analyze(source: string, options: Pick<ReadingOptions, 'supplied' | 'gap'> = {}): Analysis {
  return new Analysis(source, options);
}
