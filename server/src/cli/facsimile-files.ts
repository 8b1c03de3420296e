// The facsimile's files on the command line: page images (their headers only) and layout files, named in the
// header relative to the transcription, read from disk with the same one-line reasons as the editor.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  IMAGE_HEAD_BYTES,
  imageInfo,
  isIiifUrl,
  layoutTooLarge,
  MAX_LAYOUT_BYTES,
  readLayout,
  type ImageLoad,
  type LayoutLoad,
} from '../core/index';
import { describeError } from './inputs';

function readHead(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function loadImageFile(name: string, path: string): ImageLoad {
  if (isIiifUrl(name)) return { name, remote: true };
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { name, error: `The image ${name} is a folder, not a file.` };
    let r = imageInfo(name, readHead(path, Math.min(st.size, IMAGE_HEAD_BYTES)));
    if (!r.ok && r.needs !== undefined && r.needs <= st.size + 12 * 64)
      r = imageInfo(name, readHead(path, Math.min(st.size, r.needs)));
    return r.ok ? { name, info: r.info } : { name, error: r.error };
  } catch (e) {
    return { name, error: `The image ${name} cannot be read: ${describeError(e)}.` };
  }
}

export function loadLayoutFile(name: string, path: string): LayoutLoad {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: `The layout file ${name} is a folder, not a file.` };
    if (st.size > MAX_LAYOUT_BYTES) return { ok: false, error: layoutTooLarge(name, st.size) };
    return readLayout(name, readFileSync(path));
  } catch (e) {
    return { ok: false, error: `The layout file ${name} cannot be read: ${describeError(e)}.` };
  }
}

/** Resolves a header path against the transcription's folder (the working directory for standard input). */
export function besideTranscription(transcriptionPath: string | null, cwd: string, name: string): string {
  return resolve(transcriptionPath === null ? cwd : dirname(transcriptionPath), name);
}
