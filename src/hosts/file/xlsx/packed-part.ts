// A part deflated while it is written: a 1,000,000-row sheet is about 240 MB of XML, which the CLI would
// otherwise hold whole until the save. Only with a codec that can deflate in pieces (Node's zlib: each
// batch ends in a sync flush, so batches concatenate into one stream); parts that stay small are kept as
// chunks and compressed on save as before (same level, same bytes). See zip.ts ZipCodec.stream.

/** What a packed part holds: the deflated stream (final block included), its CRC-32 and sizes. */
export interface PackedPart {
  payload: Uint8Array[];
  crc: number;
  size: number;
}

/** A part's new content: UTF-8 chunks, or already deflated. */
export type PartContent = Uint8Array[] | PackedPart;

export const isPacked = (c: PartContent): c is PackedPart => !Array.isArray(c);

/** A codec that deflates in pieces (perhaps on another thread, while the next piece is being written). */
export interface StreamingDeflate {
  /**
   * Starts deflating a piece into deflate blocks ending in a sync flush (no final block): such pieces
   * concatenate into one stream. The piece is handed over (its memory may be moved): not to be touched after.
   */
  submit(data: Uint8Array, level: number): number;
  /** A submitted piece's blocks and the CRC-32 of its bytes (waiting for them if need be). */
  take(ticket: number): { deflated: Uint8Array; crc: number };
  /** An empty final block, ending a stream of pieces. */
  end(level: number): Uint8Array;
}

/** Parts up to this size are compressed on save at level 6; bigger ones at level 1 (see zip.ts levelFor). */
export const SMALL_PART = 4_000_000;
/** Chunks at least this big are deflated alone; smaller ones are gathered into batches of about BATCH bytes. */
const ALONE = 256 << 10;
const BATCH = 1 << 20;

/** A place in the part whose bytes come later (a sheet's <dimension>, known once its rows are written). */
export interface Slot {
  bytes: Uint8Array | null;
}

interface Piece {
  /** The deflating piece, or null for a slot (deflated once it is filled, at the end). */
  ticket: number | null;
  slot: Slot | null;
  size: number;
}

/** Takes a part's chunks in order, deflating them once the part is known to be big. */
export class PartPacker {
  private held: (Uint8Array | Slot)[] = [];
  private heldSize = 0;
  private streaming = false;
  private pieces: Piece[] = [];
  private staged: Uint8Array[] = [];
  private stagedSize = 0;

  constructor(private readonly z: StreamingDeflate) {}

  add(chunk: Uint8Array | Slot): void {
    if (!this.streaming) {
      this.held.push(chunk);
      if (chunk instanceof Uint8Array) this.heldSize += chunk.length;
      if (this.heldSize > SMALL_PART) {
        this.streaming = true;
        const held = this.held;
        this.held = [];
        for (const c of held) this.feed(c);
      }
      return;
    }
    this.feed(chunk);
  }

  private feed(c: Uint8Array | Slot): void {
    if (!(c instanceof Uint8Array)) {
      this.flush();
      this.pieces.push({ ticket: null, slot: c, size: 0 });
    } else if (c.length >= ALONE) {
      this.flush();
      this.deflate(c);
    } else if (c.length > 0) {
      this.staged.push(c);
      this.stagedSize += c.length;
      if (this.stagedSize >= BATCH) this.flush();
    }
  }

  private flush(): void {
    if (!this.stagedSize) return;
    const b = this.staged.length === 1 ? this.staged[0]! : concat(this.staged);
    this.staged = [];
    this.stagedSize = 0;
    this.deflate(b);
  }

  private deflate(b: Uint8Array): void {
    const size = b.length;
    this.pieces.push({ ticket: this.z.submit(b, 1), slot: null, size });
  }

  /** The chunks (a small part, compressed on save) or the packed part. */
  finish(): PartContent {
    if (!this.streaming) return this.held.map((c) => (c instanceof Uint8Array ? c : (c.bytes ?? EMPTY)));
    this.flush();
    const payload: Uint8Array[] = [];
    let crc = 0;
    let size = 0;
    for (const p of this.pieces) {
      if (p.slot) {
        const b = p.slot.bytes ?? EMPTY;
        if (!b.length) continue;
        p.size = b.length;
        p.ticket = this.z.submit(b, 1);
      }
      const { deflated, crc: pieceCrc } = this.z.take(p.ticket!);
      payload.push(deflated);
      crc = size === 0 ? pieceCrc : crc32Combine(crc, pieceCrc, p.size);
      size += p.size;
    }
    payload.push(this.z.end(1));
    this.pieces = [];
    return { payload, crc, size };
  }
}

const EMPTY = new Uint8Array(0);

/** The chunks as one array (the chunk itself when there is one). */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

// CRC-32 of two pieces joined, from the CRC of each (zlib's crc32_combine: multiplying by x^(8·len2) mod P).
const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) mod P for k = 0..31. */
const X2N = (() => {
  const t = new Array<number>(32);
  let p = 0x40000000; // x^1
  t[0] = p;
  for (let n = 1; n < 32; n++) t[n] = p = multModP(p, p);
  return t;
})();

/** x^(n·2^k) mod P. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n % 2) p = multModP(X2N[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  return (multModP(x2nModP(len2, 3), crc1) ^ crc2) >>> 0;
}
