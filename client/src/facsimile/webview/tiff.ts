// TIFF in the webview: browsers cannot show it, so its bytes are decoded here, into an ImageBitmap the viewer
// draws. UTIF (utif2, a maintained decoder) reads the file's structure and decodes the variants browsers have no
// decoder for (LZW, Deflate, PackBits, uncompressed, old-style JPEG). JPEG-compressed TIFF, what archives deliver,
// is handed to the browser's own JPEG decoder strip by strip (or tile by tile), each strip with the file's shared
// JPEG tables put in front: measured on the Kant sample's 3-megapixel TIFF, UTIF's JavaScript JPEG decoder takes
// seconds where the browser's takes a fraction of one. Runs the same in vscode.dev.
import * as UTIF from 'utif2';

type Tag = number[] | Uint8Array | undefined;

export async function decodeTiff(bytes: ArrayBuffer, name: string): Promise<ImageBitmap> {
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(bytes);
  } catch (e) {
    throw new Error(`${name} is not a TIFF file Emend can read (${e instanceof Error ? e.message : String(e)}).`, {
      cause: e,
    });
  }
  const ifd = ifds[0];
  if (!ifd) throw new Error(`${name} holds no image.`);
  const tag = (n: number) => ifd[`t${n}`] as Tag;
  const compression = tag(259)?.[0] ?? 1;
  const width = Number(tag(256)?.[0] ?? 0),
    height = Number(tag(257)?.[0] ?? 0);
  if (!width || !height) throw new Error(`${name}: the TIFF states no image size.`);
  if (compression === 7) {
    try {
      return await decodeJpegTiff(new Uint8Array(bytes), ifd, width, height);
    } catch {
      // Fall through to UTIF's own decoder, which knows more corner cases.
    }
  }
  try {
    UTIF.decodeImage(bytes, ifd);
  } catch (e) {
    throw new Error(
      `${name} uses a TIFF variant the decoder cannot read (compression ${compression}: ${e instanceof Error ? e.message : String(e)}); save it as JPEG, or as an uncompressed or LZW TIFF.`,
      { cause: e },
    );
  }
  const rgba = UTIF.toRGBA8(ifd);
  if (rgba.length < width * height * 4)
    throw new Error(`${name}: the decoder found no pixels in this TIFF (an unsupported variant).`);
  return createImageBitmap(
    new ImageData(
      new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, width * height * 4),
      width,
      height,
    ),
  );
}

/** JPEG-in-TIFF through the browser: each strip or tile is a JPEG stream once the shared tables (tag 347) lead it. */
async function decodeJpegTiff(
  file: Uint8Array<ArrayBuffer>,
  ifd: UTIF.IFD,
  width: number,
  height: number,
): Promise<ImageBitmap> {
  const tag = (n: number) => ifd[`t${n}`] as Tag;
  const tables = tag(347) as Uint8Array | undefined;
  const tiled = tag(324) !== undefined;
  const offsets = (tiled ? tag(324) : tag(273)) as number[];
  const counts = (tiled ? tag(325) : tag(279)) as number[];
  const tileW = tiled ? Number(tag(322)![0]) : width;
  const tileH = tiled ? Number(tag(323)![0]) : Number(tag(278)?.[0] ?? height);
  const across = Math.ceil(width / tileW);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  for (let k = 0; k < offsets.length; k++) {
    let part: Uint8Array<ArrayBuffer> = file.subarray(offsets[k]!, offsets[k]! + counts[k]!);
    if (tables && tables.length > 4) {
      // The tables' stream without its end marker, then the strip's without its start marker.
      const joined = new Uint8Array(tables.length - 2 + part.length - 2);
      joined.set(tables.subarray(0, tables.length - 2), 0);
      joined.set(part.subarray(2), tables.length - 2);
      part = joined;
    }
    const bmp = await createImageBitmap(new Blob([part], { type: 'image/jpeg' }));
    ctx.drawImage(bmp, (k % across) * tileW, Math.floor(k / across) * tileH);
    bmp.close();
  }
  return canvas.transferToImageBitmap();
}
