// Draws TierBook's add-in icons (16, 32, 64, 80 and 128 px PNG) into assets/: a blue rounded square with three
// tier bars (gold, silver, bronze), anti-aliased by supersampling. A tiny PNG encoder on fflate's zlib, so the
// icons are reproducible from this script: node --import tsx scripts/make-icons.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { zlibSync } from 'fflate';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An RGBA image (row-major, 4 bytes per pixel) as PNG bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter method, no interlace
  const raw = new Uint8Array(height * (1 + width * 4));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Inside a rounded rectangle (unit coordinates). */
function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const BLUE: RGBA = [0x2f, 0x55, 0x97, 255];
const BARS: { color: RGBA; width: number }[] = [
  { color: [0xff, 0xc0, 0x00, 255], width: 0.62 },
  { color: [0xd9, 0xd9, 0xd9, 255], width: 0.48 },
  { color: [0xe0, 0x8a, 0x4f, 255], width: 0.34 },
];

/** The colour at a point of the unit square. */
function shade(x: number, y: number): RGBA {
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return [0, 0, 0, 0];
  for (let i = 0; i < BARS.length; i++) {
    const top = 0.2 + i * 0.22;
    if (inRoundRect(x, y, 0.19, top, 0.19 + BARS[i]!.width, top + 0.15, 0.05)) return BARS[i]!.color;
  }
  return BLUE;
}

export function drawIcon(size: number, samples = 4): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          acc[0]! += r * a;
          acc[1]! += g * a;
          acc[2]! += b * a;
          acc[3]! += a;
        }
      const o = (py * size + px) * 4;
      const alpha = acc[3]!;
      rgba[o] = alpha ? Math.round(acc[0]! / alpha) : 0;
      rgba[o + 1] = alpha ? Math.round(acc[1]! / alpha) : 0;
      rgba[o + 2] = alpha ? Math.round(acc[2]! / alpha) : 0;
      rgba[o + 3] = Math.round(alpha / (samples * samples));
    }
  return encodePng(size, size, rgba);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(import.meta.dirname, '../assets');
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`written: ${path.relative(process.cwd(), file)}`);
  }
}
