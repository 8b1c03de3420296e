// A witness as the collation reads it: a plain-text file, or another `.emend` transcription whose final reading is
// compared. Reading the file and decoding its bytes is the host's business (host/witness-file.ts, one loader for
// the server and the CLI); text from an open editor comes here directly.
import { LineIndex } from '../lines';
import { Analysis } from '../analysis';

/** Witnesses larger than this are not compared (a clear diagnostic instead of a stalled editor). */
export const MAX_WITNESS_BYTES = 16 * 1024 * 1024;

export interface Witness {
  /** The name shown to the user (the path as written in the header, or as given on the command line). */
  name: string;
  /** The witness file's text. */
  source: string;
  /** The text compared: the file itself, or the final reading of an `.emend` witness. */
  text: string;
  /** Maps an offset in `text` to an offset in `source`. */
  toSource(offset: number): number;
  lines: LineIndex;
}

export type WitnessLoad = { witness: Witness } | { error: string };

/** The path a header's `witness:` value names: trimmed, and without one pair of surrounding quotes if present. */
export function witnessPath(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1).trim();
  return v;
}

/** Whether a path names an Emend transcription (compared through its final reading). */
export function isEmendPath(path: string): boolean {
  return /\.emend$/i.test(path);
}

/** A witness from text already decoded (e.g. the contents of an open editor). */
export function witnessFromText(name: string, source: string): WitnessLoad {
  if (source.length > MAX_WITNESS_BYTES) return { error: `The witness ${name} is too large to compare.` };
  if (source.indexOf('\0') >= 0) return { error: `The witness ${name} looks like a binary file, not text.` };
  const lines = new LineIndex(source);
  if (!isEmendPath(name)) return { witness: { name, source, text: source, toSource: (o) => o, lines } };
  const final = new Analysis(source).reading('final');
  return { witness: { name, source, text: final.text, toSource: (o) => final.map.toSource(o), lines } };
}
