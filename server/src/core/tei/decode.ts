// Bytes of an XML file to text: byte-order marks, the XML declaration's encoding, and clear refusals for
// binary or mis-encoded files. Pure (TextDecoder is part of every JavaScript runtime Emend runs on).

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

export function decodeXmlBytes(bytes: Uint8Array): DecodeResult {
  let label = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    label = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    label = 'utf-16be';
    start = 2;
  } else if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) label = 'utf-16le';
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) label = 'utf-16be';
  else {
    const head = latin1(bytes.subarray(0, 256));
    const decl = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
    if (decl) label = decl[1]!.toLowerCase();
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) {
      return { ok: false, error: 'This file holds NUL bytes: it looks binary, not like an XML text file.' };
    }
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return {
      ok: false,
      error: `The file declares the encoding "${label}", which Emend cannot read; save it as UTF-8.`,
    };
  }
  try {
    return { ok: true, text: decoder.decode(bytes.subarray(start)) };
  } catch {
    return {
      ok: false,
      error: `The file is not valid ${label.toUpperCase()} text (is it binary, or saved in another encoding without saying so in its <?xml … encoding="…"?> declaration?).`,
    };
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
