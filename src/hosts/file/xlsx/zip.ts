// A minimal zip container reader/writer. Entries we do not change are written back with their original
// compressed bytes, CRC and sizes (so their content is byte-identical and costs no recompression); changed
// entries are deflated through a codec: fflate by default (works in Node and browsers alike, Uint8Array
// only), or the platform's native zlib when the host has one (see ../node-zip.ts).
import { Deflate, inflateSync, type DeflateOptions } from 'fflate';
import { XlsxError } from './errors.ts';
import { concat, type PackedPart, type StreamingDeflate } from './packed-part.ts';

/** The compression primitives of a zip archive (raw deflate, no zlib or gzip framing). */
export interface ZipCodec {
  /** Inflates an entry whose uncompressed size is `size`; throws on damaged data. */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  /** Deflates the chunks, in order, as one stream. */
  deflate(chunks: readonly Uint8Array[], level: number): Uint8Array[];
  /** CRC-32 of the chunks, in order. */
  crc32(chunks: readonly Uint8Array[]): number;
  /** Deflating in pieces, when the codec can (big new parts are then compressed as they are written). */
  stream?: StreamingDeflate;
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date of the entry. */
  time: number;
  date: number;
  /** General purpose flags of the original entry (bit 3, the data descriptor, is dropped on write). */
  flags: number;
  /** The original compressed bytes; null for an entry created or replaced in this session. */
  raw: Uint8Array | null;
  /** The original uncompressed bytes, once decompressed. */
  data: Uint8Array | null;
  /** New content (UTF-8 chunks, in order) for an entry created or replaced in this session. */
  chunks: Uint8Array[] | null;
  /** New content already deflated (a big part written through a packer); wins over raw, data and chunks. */
  packed: PackedPart | null;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0;
}

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');

/** True when the bytes start like an OLE compound file: an encrypted (password-protected) Office file or an .xls. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/** Reads the central directory; entry data stays compressed until asked for. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEocd(bytes);
  if (eocd < 0) throw new XlsxError('not-zip', '这不是 .xlsx 工作簿（文件不是 zip 压缩包）。', 'The file is not an .xlsx workbook (it is not a zip archive).');
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_EOCD64_LOCATOR) {
    throw new XlsxError('unsupported', '工作簿以 ZIP64 格式存储，暂不支持读取。请在 Excel 中重新保存后再试。', 'The workbook is stored as a ZIP64 archive, which this reader does not support.');
  }
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    throw new XlsxError('unsupported', '工作簿以 ZIP64 格式存储，暂不支持读取。请在 Excel 中重新保存后再试。', 'The workbook is stored as a ZIP64 archive, which this reader does not support.');
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (u32(bytes, p) !== SIG_CENTRAL) throw new XlsxError('corrupt', '工作簿已损坏：无法读取其 zip 目录。', 'The workbook is damaged: its zip directory is unreadable.');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? UTF8.decode(nameBytes) : decodeLegacyName(nameBytes);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) {
      throw new XlsxError('encrypted', '工作簿已加密。请在 Excel 中取消密码后再试。', 'The workbook is encrypted. Remove its password in Excel and try again.');
    }
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new XlsxError('unsupported', '工作簿以 ZIP64 格式存储，暂不支持读取。请在 Excel 中重新保存后再试。', 'The workbook is stored as a ZIP64 archive, which this reader does not support.');
    }
    if (u32(bytes, localOffset) !== SIG_LOCAL) throw new XlsxError('corrupt', `工作簿已损坏：无法读取条目 ${name}。`, `The workbook is damaged: entry ${name} is unreadable.`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new XlsxError('corrupt', `工作簿已损坏：条目 ${name} 不完整（文件被截断）。`, `The workbook is damaged: entry ${name} is truncated.`);
    const raw = bytes.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, method, crc, compressedSize, size, time, date, flags, raw, data: null, chunks: null, packed: null });
  }
  return entries;
}

function decodeLegacyName(b: Uint8Array): string {
  // Names without the UTF-8 flag are CP437 by the spec; in practice writers put UTF-8 there too.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return LATIN1.decode(b);
  }
}

function findEocd(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && u32(bytes, i) === SIG_EOCD) return i;
  }
  return -1;
}

/** The uncompressed bytes of an entry: its new content, or the original (decompressed once, cached). */
export function entryData(entry: ZipEntry, codec: ZipCodec = FFLATE): Uint8Array {
  // Read back only when a part written this session is read again: inflated each time, never kept.
  if (entry.packed) return codec.inflate(concat(entry.packed.payload), entry.packed.size);
  if (entry.chunks) return concat(entry.chunks);
  if (entry.data) return entry.data;
  const raw = entry.raw;
  if (!raw) throw new XlsxError('corrupt', `工作簿已损坏：条目 ${entry.name} 没有数据。`, `Entry ${entry.name} has no data.`);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = codec.inflate(raw, entry.size);
    } catch {
      throw new XlsxError('corrupt', `工作簿已损坏：条目 ${entry.name} 无法解压。`, `The workbook is damaged: entry ${entry.name} cannot be decompressed.`);
    }
  } else throw new XlsxError('unsupported', `条目 ${entry.name} 使用了不支持的 zip 压缩方式 ${entry.method}。`, `Entry ${entry.name} uses zip compression method ${entry.method}, which is not supported.`);
  // A damaged entry can still inflate: its checksum says so (and a copy of it would be as damaged).
  if (data.length !== entry.size || codec.crc32([data]) !== entry.crc) {
    throw new XlsxError('corrupt', `工作簿已损坏：部件 ${entry.name} 校验和（CRC-32）不符。`, `The workbook is damaged: part ${entry.name} fails its checksum (CRC-32).`);
  }
  entry.data = data;
  return data;
}

/** A new entry (content set later through `chunks`). */
export function newEntry(name: string): ZipEntry {
  const { time, date } = dosNow();
  return { name, method: 8, crc: 0, compressedSize: 0, size: 0, time, date, flags: 0, raw: null, data: null, chunks: [], packed: null };
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

/** CRC-32 tables for slicing-by-4 (four bytes per step). */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** CRC-32 of the chunks, in order. */
export function crc32(chunks: readonly Uint8Array[]): number {
  const t = CRC_TABLES;
  let c = -1;
  for (const d of chunks) {
    let i = 0;
    const n = d.length;
    for (; i + 4 <= n; i += 4) {
      c ^= d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24);
      c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
    }
    for (; i < n; i++) c = t[(c ^ d[i]!) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ -1) >>> 0;
}

function deflateChunks(chunks: readonly Uint8Array[], level: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const stream = new Deflate({ level: level as DeflateOptions['level'] }, (chunk) => out.push(chunk));
  for (const c of chunks) if (c.length) stream.push(c, false);
  stream.push(new Uint8Array(0), true);
  return out;
}

/** The portable codec: fflate and a JavaScript CRC-32. */
export const FFLATE: ZipCodec = {
  inflate: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
  deflate: deflateChunks,
  crc32,
};

/** Big parts (a 100,000-row sheet) use the fastest level: it costs a little size and saves seconds. */
function levelFor(size: number): number {
  return size > 4_000_000 ? 1 : 6;
}

const UTF8_ENC = new TextEncoder();

/** Writes the entries, in order, as a zip archive. */
export function writeZip(entries: readonly ZipEntry[], codec: ZipCodec = FFLATE): Uint8Array {
  interface Prepared {
    entry: ZipEntry;
    name: Uint8Array;
    flags: number;
    method: number;
    crc: number;
    payload: readonly Uint8Array[];
    compressedSize: number;
    size: number;
    offset: number;
  }
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = UTF8_ENC.encode(entry.name);
    // eslint-disable-next-line no-control-regex
    const utf8Flag = /[^\u0000-\u007f]/.test(entry.name) ? 0x800 : 0;
    let method: number;
    let crc: number;
    let payload: readonly Uint8Array[];
    let size: number;
    let flags: number;
    if (entry.packed) {
      ({ crc, size, payload } = entry.packed);
      method = 8;
      flags = utf8Flag;
    } else if (!entry.chunks && entry.raw) {
      // Unchanged: the original compressed bytes, CRC and sizes, once they are checked (a corrupt input
      // must not give an equally corrupt output without a word).
      if (!entry.data) {
        entryData(entry, codec);
        entry.data = null;
      }
      ({ method, crc, size } = entry);
      payload = [entry.raw];
      flags = (entry.flags & ~0x8 & ~0x800) | utf8Flag;
    } else {
      const chunks = entry.chunks ?? [entryData(entry, codec)];
      size = 0;
      for (const c of chunks) size += c.length;
      crc = codec.crc32(chunks);
      const deflated = codec.deflate(chunks, levelFor(size));
      let deflatedSize = 0;
      for (const c of deflated) deflatedSize += c.length;
      if (deflatedSize < size) {
        method = 8;
        payload = deflated;
      } else {
        method = 0;
        payload = chunks;
      }
      flags = utf8Flag;
    }
    let compressedSize = 0;
    for (const c of payload) compressedSize += c.length;
    if (offset > 0xfffffffe || compressedSize > 0xfffffffe || size > 0xfffffffe) {
      throw new XlsxError('unsupported', '工作簿太大，无法写入（需要 ZIP64 格式）。', 'The workbook is too large to write (it would need a ZIP64 archive).');
    }
    prepared.push({ entry, name, flags, method, crc, payload, compressedSize, size, offset });
    offset += 30 + name.length + compressedSize;
  }
  let cdSize = 0;
  for (const p of prepared) cdSize += 46 + p.name.length;
  const out = new Uint8Array(offset + cdSize + 22);
  const view = new DataView(out.buffer);
  let o = 0;
  for (const p of prepared) {
    view.setUint32(o, SIG_LOCAL, true);
    view.setUint16(o + 4, 20, true);
    view.setUint16(o + 6, p.flags, true);
    view.setUint16(o + 8, p.method, true);
    view.setUint16(o + 10, p.entry.time, true);
    view.setUint16(o + 12, p.entry.date, true);
    view.setUint32(o + 14, p.crc, true);
    view.setUint32(o + 18, p.compressedSize, true);
    view.setUint32(o + 22, p.size, true);
    view.setUint16(o + 26, p.name.length, true);
    view.setUint16(o + 28, 0, true);
    out.set(p.name, o + 30);
    o += 30 + p.name.length;
    for (const c of p.payload) {
      out.set(c, o);
      o += c.length;
    }
  }
  const cdStart = o;
  for (const p of prepared) {
    view.setUint32(o, SIG_CENTRAL, true);
    view.setUint16(o + 4, 20, true);
    view.setUint16(o + 6, 20, true);
    view.setUint16(o + 8, p.flags, true);
    view.setUint16(o + 10, p.method, true);
    view.setUint16(o + 12, p.entry.time, true);
    view.setUint16(o + 14, p.entry.date, true);
    view.setUint32(o + 16, p.crc, true);
    view.setUint32(o + 20, p.compressedSize, true);
    view.setUint32(o + 24, p.size, true);
    view.setUint16(o + 28, p.name.length, true);
    // extra, comment, disk, internal attrs = 0
    view.setUint32(o + 38, 0, true);
    view.setUint32(o + 42, p.offset, true);
    out.set(p.name, o + 46);
    o += 46 + p.name.length;
  }
  if (prepared.length > 0xffff) throw new XlsxError('unsupported', '工作簿的部件太多，无法写入。', 'The workbook has too many parts to write.');
  view.setUint32(o, SIG_EOCD, true);
  view.setUint16(o + 8, prepared.length, true);
  view.setUint16(o + 10, prepared.length, true);
  view.setUint32(o + 12, o - cdStart, true);
  view.setUint32(o + 16, cdStart, true);
  return out;
}
