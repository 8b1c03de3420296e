// The witness of a transcription on the command line: the path given, or the header's `witness:` line relative to
// the transcription's folder; read with the size checked first and decoded by the core (same messages as the editor).
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  collate,
  headerValue,
  MAX_WITNESS_BYTES,
  witnessFromBytes,
  witnessPath,
  type Analysis,
  type CollationSource,
  type WitnessLoad,
} from '../core/index';
import { describeError } from './inputs';

/** Reads and checks a witness file: the size before reading, then binary and UTF-8. */
export function loadWitnessFile(name: string, path: string): WitnessLoad {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { error: `The witness ${name} is a directory, not a file.` };
    if (st.size > MAX_WITNESS_BYTES)
      return {
        error: `The witness ${name} is too large to compare (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_WITNESS_BYTES / 1048576} MB).`,
      };
    return witnessFromBytes(name, readFileSync(path));
  } catch (e) {
    return { error: `The witness ${name} cannot be read: ${describeError(e)}.` };
  }
}

/**
 * The witness the header names, resolved from the transcription's path (null for standard input: from `cwd`), or
 * null when the header names none.
 */
export function headerWitness(analysis: Analysis, transcriptionPath: string | null, cwd: string): WitnessLoad | null {
  const field = headerValue(analysis.doc.header, 'witness');
  const path = field ? witnessPath(field.value) : '';
  if (!path) return null;
  const base = transcriptionPath === null ? cwd : dirname(transcriptionPath);
  return loadWitnessFile(path, resolve(base, path));
}

/** What the collation view shows for a transcription on the command line. */
export function collationSource(analysis: Analysis, transcriptionPath: string | null, cwd: string): CollationSource {
  const loaded = headerWitness(analysis, transcriptionPath, cwd);
  if (!loaded) return { message: 'No witness to compare with: name one in the header (witness: path).' };
  if ('error' in loaded) return { message: loaded.error };
  return { collation: collate(analysis, loaded.witness) };
}
