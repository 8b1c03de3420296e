// One analysis of one version of a document: parsed once, readings and line index computed on first use.
// Everything that needs the markup's meaning (diagnostics, hovers, previews, exports, collation) starts here,
// so the markup is parsed once per document version, in one way.
import { parse, type ParsedDocument } from './parser';
import { CHUNK_TARGET, reading, type Reading, type ReadingKind } from './readings';
import { LineIndex } from './lines';

export class Analysis {
  private parsed: ParsedDocument | undefined;
  private index: LineIndex | undefined;
  private readonly readings = new Map<ReadingKind, Reading>();

  /** `chunkTarget`: how long the readings' chunks of text grow (CHUNK_TARGET; the tests vary it). */
  constructor(
    readonly source: string,
    private readonly chunkTarget = CHUNK_TARGET,
  ) {}

  get doc(): ParsedDocument {
    return (this.parsed ??= parse(this.source));
  }

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.source));
  }

  reading(kind: ReadingKind): Reading {
    let r = this.readings.get(kind);
    if (!r) {
      r = reading(this.doc, kind, { chunkTarget: this.chunkTarget });
      this.readings.set(kind, r);
    }
    return r;
  }
}

export function analyze(source: string): Analysis {
  return new Analysis(source);
}
