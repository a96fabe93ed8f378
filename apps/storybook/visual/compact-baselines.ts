/**
 * Rewrites the visual baselines smaller, pixel for pixel the same: Vitest writes RGBA at a low
 * compression level; an opaque screenshot needs no alpha, and adaptive row filters with zlib's
 * level 9 make the files about 30 % smaller, and every baseline update adds them to the history.
 * Deterministic, so an unchanged picture is written byte for byte as it was (no diff in git).
 * `npm run test:update-screenshots` runs it after Vitest has written new baselines.
 *
 * Usage: tsx visual/compact-baselines.ts [folder]   (default: visual/baselines)
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const RGB = 2;
const RGBA = 6;

interface Image {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA), 8 bits a channel. */
  channels: 3 | 4;
  /** Rows of pixels, unfiltered. */
  pixels: Buffer;
}

function chunks(file: Buffer): { type: string; data: Buffer }[] {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const found: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    found.push({
      type: file.toString('latin1', at + 4, at + 8),
      data: file.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return found;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The predictor of filter `type` for byte `i` of a row, given the unfiltered row above. */
function predict(type: number, row: Buffer, above: Buffer, i: number, bpp: number): number {
  const a = i >= bpp ? row[i - bpp]! : 0;
  const b = above[i]!;
  const c = i >= bpp ? above[i - bpp]! : 0;
  switch (type) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    default:
      return paeth(a, b, c);
  }
}

function decode(file: Buffer): Image {
  const parts = chunks(file);
  const header = parts.find((part) => part.type === 'IHDR')!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  const [depth, colorType, interlace] = [header[8], header[9], header[12]];
  if (depth !== 8 || (colorType !== RGB && colorType !== RGBA) || interlace !== 0) {
    throw new Error(
      `unexpected PNG format (depth ${depth}, color type ${colorType}, interlace ${interlace})`,
    );
  }
  const channels = colorType === RGBA ? 4 : 3;
  const filtered = inflateSync(
    Buffer.concat(parts.filter((part) => part.type === 'IDAT').map((p) => p.data)),
  );
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  let above: Buffer = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const type = filtered[y * (stride + 1)]!;
    const source = filtered.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++) row[i] = (source[i]! + predict(type, row, above, i, channels)) & 0xff;
    above = row;
  }
  return { width, height, channels, pixels };
}

/** Drops the alpha channel when every pixel is opaque. */
function opaque(image: Image): Image {
  if (image.channels === 3) return image;
  const count = image.width * image.height;
  for (let p = 0; p < count; p++) if (image.pixels[p * 4 + 3] !== 255) return image;
  const pixels = Buffer.alloc(count * 3);
  for (let p = 0; p < count; p++) image.pixels.copy(pixels, p * 3, p * 4, p * 4 + 3);
  return { ...image, channels: 3, pixels };
}

/** Each row with the filter whose output has the smallest sum of magnitudes (the usual heuristic). */
function filterRows({ width, height, channels, pixels }: Image): Buffer {
  const stride = width * channels;
  const out = Buffer.alloc((stride + 1) * height);
  const candidate = Buffer.alloc(stride);
  let above: Buffer = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    let best = Number.POSITIVE_INFINITY;
    for (let type = 0; type <= 4; type++) {
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const value = (row[i]! - predict(type, row, above, i, channels)) & 0xff;
        candidate[i] = value;
        sum += value < 128 ? value : 256 - value;
      }
      if (sum < best) {
        best = sum;
        out[y * (stride + 1)] = type;
        candidate.copy(out, y * (stride + 1) + 1);
      }
    }
    above = row;
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encode(image: Image): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, image.channels === 4 ? RGBA : RGB, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filterRows(image), { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The same pixels, as small as this encoder makes them. */
export function compactPng(file: Buffer): Buffer {
  return encode(opaque(decode(file)));
}

function pngsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return pngsUnder(path);
    return name.endsWith('.png') ? [path] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? fileURLToPath(new URL('./baselines', import.meta.url));
  let before = 0;
  let after = 0;
  let rewritten = 0;
  for (const path of pngsUnder(folder)) {
    const file = readFileSync(path);
    const compact = compactPng(file);
    before += file.length;
    if (compact.length < file.length) {
      writeFileSync(path, compact);
      rewritten += 1;
    }
    after += Math.min(compact.length, file.length);
  }
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
  console.log(`visual baselines: ${rewritten} rewritten, ${kb(before)} → ${kb(after)}`);
}
