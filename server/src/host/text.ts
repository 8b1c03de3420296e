// A file's bytes as text: UTF-8 only (with or without a byte-order mark), checked by the platform's own decoder
// (TextDecoder with `fatal`), with a reason that says where the trouble is, as a line and a column the editor would
// show (columns in UTF-16 code units, as `emend check` prints them), and the byte and its offset in the file.

export type Decoded = { text: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 text, refusing UTF-16, binary content (a NUL byte) and invalid UTF-8 with a reason phrase. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { error: 'is UTF-16 text; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return { error: `is a binary file, not text: ${where(bytes, nul)} holds a NUL byte (offset ${nul} in the file)` };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      error: `is not valid UTF-8: ${where(bytes, bad)} holds the byte 0x${hex} (offset ${bad} in the file); save it as UTF-8`,
    };
  }
}

/**
 * The offset of the first byte of the first ill-formed sequence, for bytes the strict decoder refused. A prefix
 * decodes in streaming mode until its end reaches past that byte's sequence, so a binary search over prefix
 * lengths finds it; what the longest good prefix decodes to, encoded again, is exactly the bytes before it.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(bytes.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  return encodedLength(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, good), { stream: true }));
}

function decodes(prefix: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function encodedLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** `line L, column C` of a byte offset: 1-based, as the editor shows them (\n, \r\n and a lone \r end lines). */
function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // The line up to the offset is well-formed (the offset is the first trouble), so it decodes; its length in
  // UTF-16 units is the column. A byte-order mark at the start of the file is not shown, so not counted.
  const before = new TextDecoder('utf-8', { ignoreBOM: lineStart > 0 }).decode(bytes.subarray(lineStart, offset));
  return `line ${line}, column ${before.length + 1}`;
}
