// What kind of image a file is and how large, from its first bytes (JPEG, PNG, WebP, TIFF): enough to place a
// layout on it and to say clearly why a file cannot be shown. Reads headers only, never decodes pixels.

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
  /** TIFF only: the compression code of the first image (1 none, 5 LZW, 7 JPEG, 8 Deflate, …). */
  compression?: number;
}

/** On failure, `needs` (TIFF only) says how many leading bytes would let the header be read: a TIFF may keep its
 *  image directory after the pixels, past the head the caller read. */
export type ImageInfoResult = { ok: true; info: ImageInfo } | { ok: false; error: string; needs?: number };

/** How many leading bytes `imageInfo` may need (TIFF directories can lie further in; see tiffInfo). */
export const IMAGE_HEAD_BYTES = 256 * 1024;

export function imageInfo(name: string, bytes: Uint8Array): ImageInfoResult {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegInfo(name, b);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return ok('png', be32(b, 16), be32(b, 20), name);
  }
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpInfo(name, b);
  if (b.length >= 8 && ((b[0] === 0x49 && b[1] === 0x49) || (b[0] === 0x4d && b[1] === 0x4d))) return tiffInfo(name, b);
  return {
    ok: false,
    error: `${name} is not an image Emend can show (JPEG, PNG, WebP or TIFF)${b.length === 0 ? ': the file is empty' : ''}.`,
  };
}

function ok(format: ImageFormat, width: number, height: number, name: string, compression?: number): ImageInfoResult {
  if (!(width > 0 && height > 0))
    return { ok: false, error: `${name} is a damaged ${format.toUpperCase()} file (no size in its header).` };
  const info: ImageInfo = { format, width, height };
  if (compression !== undefined) info.compression = compression;
  return { ok: true, info };
}

function be16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function be32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
}
function ascii(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let k = 0; k < n && o + k < b.length; k++) s += String.fromCharCode(b[o + k]!);
  return s;
}

/** Walks the JPEG markers to the first start-of-frame. */
function jpegInfo(name: string, b: Uint8Array): ImageInfoResult {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return { ok: false, error: `${name} is a damaged JPEG file.` };
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      o += 2;
      continue;
    }
    const len = be16(b, o + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return ok('jpeg', be16(b, o + 7), be16(b, o + 5), name);
    }
    o += 2 + len;
  }
  return { ok: false, error: `${name} is a JPEG file whose size Emend cannot find (damaged or cut short).` };
}

function webpInfo(name: string, b: Uint8Array): ImageInfoResult {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X')
    return ok(
      'webp',
      1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)),
      1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)),
      name,
    );
  if (chunk === 'VP8 ') return ok('webp', (b[26]! | (b[27]! << 8)) & 0x3fff, (b[28]! | (b[29]! << 8)) & 0x3fff, name);
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return ok('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, name);
  }
  return { ok: false, error: `${name} is a WebP file of a kind Emend does not know.` };
}

/** The first image file directory of a TIFF: width, height and compression. */
function tiffInfo(name: string, b: Uint8Array): ImageInfoResult {
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b[o]! | (b[o + 1]! << 8) : be16(b, o));
  const u32 = (o: number) => (le ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000 : be32(b, o));
  const magic = u16(2);
  if (magic === 43)
    return {
      ok: false,
      error: `${name} is a BigTIFF file, which Emend cannot read; save it as an ordinary TIFF or JPEG.`,
    };
  if (magic !== 42) return { ok: false, error: `${name} is not a TIFF file (damaged header).` };
  const ifd = u32(4);
  if (ifd + 2 > b.length) {
    return {
      ok: false,
      error: `${name}: the TIFF's image directory lies past its first ${b.length} bytes (damaged or cut short).`,
    };
  }
  const count = u16(ifd);
  let width = 0,
    height = 0,
    compression = 1;
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > b.length) break;
    const tag = u16(e),
      type = u16(e + 2);
    const value = type === 3 ? u16(e + 8) : u32(e + 8);
    if (tag === 256) width = value;
    else if (tag === 257) height = value;
    else if (tag === 259) compression = value;
  }
  return ok('tiff', width, height, name, compression);
}

/** Whether a `facsimile:` value names an IIIF resource (an Image API info.json or a Presentation manifest). */
export function isIiifUrl(value: string): boolean {
  return /^https:\/\//i.test(value);
}

/** The image format a path's extension names, or null. */
export function formatOfPath(path: string): ImageFormat | null {
  const dot = path.lastIndexOf('.');
  const ext = dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'png') return 'png';
  if (ext === 'webp') return 'webp';
  if (ext === 'tif' || ext === 'tiff') return 'tiff';
  return null;
}
