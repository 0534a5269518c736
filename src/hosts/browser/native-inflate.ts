// Opening a workbook in the page's worker: the big parts (a 100,000-row sheet is 80 MB of XML) are inflated
// by the browser's own zlib (DecompressionStream, native code) before the file host reads them, instead of
// by fflate in JavaScript. The file host's codec stays synchronous: this one hands out what was inflated
// ahead, and inflates anything else (small parts, or where the browser cannot) with fflate as before.
import { FFLATE, readZip, type ZipCodec } from '../file/xlsx/zip.ts';

/** Parts smaller than this are not worth a stream of their own. */
const AHEAD_MIN_SIZE = 1 << 20;
/** The parts opening reads: sheets and the shared strings (not images or pivot caches, which may never be read). */
const READ_ON_OPEN = /(^|\/)(worksheets\/[^/]+|sharedStrings)\.xml$/i;

/** A codec for the package in `bytes`: its big deflated parts already inflated natively. */
export async function inflatedAhead(bytes: Uint8Array, minSize = AHEAD_MIN_SIZE): Promise<ZipCodec> {
  if (typeof DecompressionStream === 'undefined') return FFLATE;
  let entries: ReturnType<typeof readZip>;
  try {
    entries = readZip(bytes);
  } catch {
    return FFLATE; // opening the file says what is wrong with it
  }
  // Keyed by where the part's compressed bytes start in the file: the package reads its parts from `bytes` too.
  const ready = new Map<number, Uint8Array>();
  // What the browser inflated has passed its CRC-32 there (see inflateNative): not computed again in JavaScript.
  const checked = new WeakMap<Uint8Array, number>();
  // One at a time: a part's stream holds its output twice until it is joined, so at most one part is doubled.
  for (const e of entries) {
    if (e.method !== 8 || !e.raw || e.size < minSize || !READ_ON_OPEN.test(e.name)) continue;
    const data = await inflateNative(e.raw, e.crc, e.size);
    if (data && data.length === e.size) {
      ready.set(e.raw.byteOffset, data);
      checked.set(data, e.crc);
    }
  }
  return {
    ...FFLATE,
    inflate(raw, size) {
      const data = raw.buffer === bytes.buffer ? ready.get(raw.byteOffset) : undefined;
      if (!data || data.length !== size) return FFLATE.inflate(raw, size);
      // Handed out once: the package keeps what it needs (and checks its CRC-32, as for any part).
      ready.delete(raw.byteOffset);
      return data;
    },
    crc32(chunks) {
      const known = chunks.length === 1 ? checked.get(chunks[0]!) : undefined;
      return known ?? FFLATE.crc32(chunks);
    },
  };
}

/**
 * Raw deflate → bytes through the browser's zlib; null where it is missing or the data is damaged (fflate then
 * says so). The deflate data goes in as a gzip member with the zip entry's CRC-32 and size in its trailer:
 * zlib checks both as it inflates (native code, a fraction of the JavaScript CRC's time), and fails on a mismatch.
 */
async function inflateNative(raw: Uint8Array, crc: number, size: number): Promise<Uint8Array | null> {
  try {
    const header = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    const trailer = new Uint8Array(8);
    const view = new DataView(trailer.buffer);
    view.setUint32(0, crc, true);
    view.setUint32(4, size, true);
    const stream = new Blob([header, raw as Uint8Array<ArrayBuffer>, trailer]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}
