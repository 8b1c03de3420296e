// The witness a transcription is compared with (the header's `witness:` line, or a file named on the command
// line): where it is, and reading it. One loader and one set of messages for the editor and the command line; the
// core checks and prepares the text (core/collate/witness.ts).
import { MAX_WITNESS_BYTES, witnessFromText, witnessPath, type WitnessLoad } from '../core/index';
import type { Files } from './files';
import { describeFailure, megabytes, readText } from './read-text';
import { canonicalUri, displayLocation, fileUri, isAbsolutePath, resolvePath } from './uris';

/** Where a witness is: its URI, and its name as the user wrote it (for messages). */
export interface WitnessTarget {
  uri: string;
  name: string;
}

/**
 * Where a header's witness value leads, or why it leads nowhere. Relative paths start from `folder`, the
 * transcription's folder (null for an unsaved document); `self` is the transcription's own URI, if it has one.
 */
export function witnessTarget(value: string, folder: string | null, self?: string): WitnessTarget | { error: string } {
  const name = witnessPath(value);
  if (!name) return { error: 'The witness line names no file.' };
  let uri: string;
  if (folder !== null) uri = resolvePath(folder, name);
  else if (isAbsolutePath(name)) uri = fileUri(name);
  else {
    return {
      error: `The witness ${name} cannot be found: this transcription is not saved in a folder yet (relative paths start from the transcription's folder).`,
    };
  }
  if (self !== undefined && canonicalUri(self) === canonicalUri(uri))
    return { error: 'A transcription cannot be its own witness.' };
  return { uri, name };
}

/** A witness read from a file: what was loaded, and the file's version (its size and modification time). */
export interface WitnessFile {
  load: WitnessLoad;
  /** Equal for two reads of an unchanged file; null when nothing was read (a missing file). */
  version: string | null;
  /** True when no file is there at all. */
  missing: boolean;
}

/** Reads a witness file; `previous` is returned as it is when the file has not changed since. Never rejects. */
export async function loadWitnessFile(
  files: Files,
  target: WitnessTarget,
  previous?: WitnessFile,
): Promise<WitnessFile> {
  if (previous?.version) {
    const stat = await files.stat(target.uri).catch(() => null);
    if (stat && `${stat.mtime}:${stat.size}` === previous.version) return previous;
  }
  const read = await readText(files, target.uri, MAX_WITNESS_BYTES);
  if (read.ok) {
    return {
      load: witnessFromText(target.name, read.text),
      version: `${read.stat.mtime}:${read.stat.size}`,
      missing: false,
    };
  }
  const where = displayLocation(target.uri);
  let error: string;
  if (read.kind === 'missing') error = `The witness ${target.name} was not found (looked for ${where}).`;
  else if (read.kind === 'too-large')
    error = `The witness ${target.name} is too large to compare (${megabytes(read.size)}; the limit is ${megabytes(read.limit)}).`;
  else error = `The witness ${target.name} ${describeFailure(read)}.`;
  return { load: { error }, version: null, missing: read.kind === 'missing' };
}
