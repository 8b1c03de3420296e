// The witness of a transcription on the command line: the file given, or the one the header's `witness:` line
// names relative to the transcription's folder (the current folder for standard input). Read by the host's one
// witness loader (host/witness-file.ts), so the messages are the editor's.
import { dirname, resolve } from 'node:path';
import {
  collate,
  headerValue,
  witnessUnavailable,
  type Analysis,
  type CollationSource,
  type Problem,
} from '../core/index';
import { witnessProblems, type Severities, type WitnessLoad } from '../core/index';
import { nodeFiles } from '../host/node';
import { loadWitnessFile, witnessTarget } from '../host/witness-file';
import { fileUri } from '../host/uris';

/** Reads the witness file `name` (as the user wrote it), relative to `cwd`. */
export async function loadWitness(name: string, cwd: string): Promise<WitnessLoad> {
  return (await loadWitnessFile(nodeFiles, { uri: fileUri(resolve(cwd, name)), name })).load;
}

/**
 * The witness the header names, resolved from the transcription's path (null for standard input: from `cwd`), or
 * null when the header names none.
 */
export async function headerWitness(
  analysis: Analysis,
  transcriptionPath: string | null,
  cwd: string,
): Promise<WitnessLoad | null> {
  const field = headerValue(analysis.doc.header, 'witness');
  if (!field) return null;
  const folder = fileUri(transcriptionPath === null ? cwd : dirname(transcriptionPath));
  const target = witnessTarget(
    field.value,
    folder,
    transcriptionPath === null ? undefined : fileUri(transcriptionPath),
  );
  if ('error' in target) return { error: target.error };
  return (await loadWitnessFile(nodeFiles, target)).load;
}

/** The editor's witness problems: the header's witness compared with the transcription, or why it cannot be. */
export async function witnessCheck(
  analysis: Analysis,
  transcriptionPath: string | null,
  cwd: string,
  severities: Severities = {},
): Promise<Problem[]> {
  const field = headerValue(analysis.doc.header, 'witness');
  const loaded = await headerWitness(analysis, transcriptionPath, cwd);
  if (!field || !loaded) return [];
  if ('error' in loaded) return [witnessUnavailable(field, loaded.error)];
  return witnessProblems(analysis, collate(analysis, loaded.witness), { severities });
}

/** What the collation view shows for a transcription on the command line. */
export async function collationSource(
  analysis: Analysis,
  transcriptionPath: string | null,
  cwd: string,
): Promise<CollationSource> {
  const loaded = await headerWitness(analysis, transcriptionPath, cwd);
  if (!loaded) return { message: 'No witness to compare with: name one in the header (witness: path).' };
  if ('error' in loaded) return { message: loaded.error };
  return { collation: collate(analysis, loaded.witness) };
}
