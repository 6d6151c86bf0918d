import { crc32, inflateSync } from 'node:zlib';

/**
 * A small PNG reader for tests, independent of the library that wrote the file: checks the
 * signature and every chunk's CRC, reads IHDR, inflates IDAT and undoes the row filters, giving the
 * pixels as RGBA. Only what a chart is written as: 8 bits per channel, RGB or RGBA, not interlaced.
 */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
  /** Chunk types in file order. */
  chunks: string[];
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | null = null;
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in chunk ${type}`);
    chunks.push(type);
    if (type === 'IHDR') {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, colorType: data[9]!, interlace: data[12]! };
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (header === null || chunks[0] !== 'IHDR' || chunks.at(-1) !== 'IEND') throw new Error('IHDR first and IEND last are required');
  const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 0;
  if (header.depth !== 8 || channels === 0 || header.interlace !== 0)
    throw new Error(`unsupported PNG: depth ${header.depth}, colour type ${header.colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * channels;
  if (raw.length !== header.height * (stride + 1))
    throw new Error(`image data is ${raw.length} bytes, not ${header.height * (stride + 1)}`);
  const rows = new Uint8Array(header.height * stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter} in row ${y}`);
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i++) {
    for (let k = 0; k < 3; k++) pixels[i * 4 + k] = rows[i * channels + k]!;
    pixels[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return { width: header.width, height: header.height, pixels, chunks };
}

/** How many pixels within `tolerance` of an `#rrggbb` colour (fully opaque ones only), optionally inside a box. */
export function countColor(
  png: DecodedPng,
  hex: string,
  options: { tolerance?: number; box?: { x0: number; y0: number; x1: number; y1: number } } = {},
): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const tolerance = options.tolerance ?? 8;
  const { x0, y0, x1, y1 } = options.box ?? { x0: 0, y0: 0, x1: png.width, y1: png.height };
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (
        png.pixels[i + 3] === 255 &&
        Math.abs(png.pixels[i]! - r!) <= tolerance &&
        Math.abs(png.pixels[i + 1]! - g!) <= tolerance &&
        Math.abs(png.pixels[i + 2]! - b!) <= tolerance
      )
        count++;
    }
  }
  return count;
}
