// Caches one Analysis per open document version: the markup is parsed once per edit, whoever asks.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/index';

export class AnalysisCache {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {
    documents.onDidClose((e) => this.cache.delete(e.document.uri));
  }

  get(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const hit = this.cache.get(uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyze(doc.getText());
    this.cache.set(uri, { version: doc.version, analysis });
    return analysis;
  }
}
