// Saving in the page's worker: the big new parts (a graded 100,000-row sheet is over 100 MB of XML) are
// deflated by the browser's own zlib (CompressionStream, native code) before the package is written, instead
// of by fflate in JavaScript (several seconds). Small parts are left to the save, compressed as before.
import type { PackedPart } from '../file/xlsx/packed-part.ts';

/** Parts smaller than this are not worth a stream of their own. */
export const DEFLATE_AHEAD_MIN_SIZE = 1 << 20;

/**
 * The chunks deflated as one stream by the platform's zlib, with their CRC-32 and size; null where it is
 * missing or fails (the save then compresses the part itself). Written as a gzip member: zlib puts the
 * CRC-32 and size in its trailer, so the CRC is not computed again in JavaScript.
 */
export async function deflateNative(chunks: readonly Uint8Array[]): Promise<PackedPart | null> {
  if (typeof CompressionStream === 'undefined') return null;
  try {
    const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(new CompressionStream('gzip'));
    const gz = new Uint8Array(await new Response(stream).arrayBuffer());
    // zlib's gzip header: 10 bytes, deflate (8), no flags (no name, comment or extra field).
    if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] !== 0) return null;
    const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
    const crc = view.getUint32(gz.length - 8, true);
    let size = 0;
    for (const c of chunks) size += c.length;
    // The trailer's size is modulo 2^32; a part that big cannot be written to a zip without ZIP64 anyway.
    if (view.getUint32(gz.length - 4, true) !== size % 2 ** 32) return null;
    return { payload: [gz.subarray(10, gz.length - 8)], crc, size };
  } catch {
    return null;
  }
}
