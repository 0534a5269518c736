// The output sink for rewriting a part: pieces are either new text or ranges of the original text. It
// turns a 100,000-row sheet into UTF-8 chunks without ever building the whole new string: ranges of an
// ASCII original are copied straight from its bytes (no re-encoding, no copy at all).

export interface Sink {
  /** Appends new text. */
  str(s: string): void;
  /** Appends text that is all ASCII in the common case (markup, references, numbers): no encoder call. */
  ascii(s: string): void;
  /** Appends a non-negative integer in decimal. */
  uint(n: number): void;
  /** Appends bytes (fixed markup, encoded once). */
  raw(b: Uint8Array): void;
  /**
   * Appends `before`, `s`, `after` when the XML text of `s` is `s` with only & < > escaped (isEscapedOnly:
   * no control character, `_`, U+FFFE/U+FFFF or lone surrogate, no whitespace at either end); else appends
   * nothing and returns false. Most cells of a big sheet, Chinese or not: encoded and escaped in one pass.
   */
  escapedText(before: Uint8Array, s: string, after: Uint8Array): boolean;
  /**
   * Appends the unstyled cells values[from..to] of row `row` while each is text as escapedText takes it
   * or a finite number, `opens[c]` being `<c r="` and the column's letters; returns the first column it
   * did not write (to + 1 when it wrote them all). Empty cells are skipped. Most cells of a big sheet.
   */
  plainCells(values: readonly CellValue[], from: number, to: number, row: number, opens: readonly Uint8Array[], m: PlainCellMarkup): number;
  /** Appends the original text [start, end). */
  orig(start: number, end: number): void;
  /** Reserves a place for text known only later (e.g. <dimension>, written before the rows it describes). */
  slot(): number;
  fill(slot: number, s: string): void;
}

import type { CellValue } from '../../../port/workbook.ts';
import { numberText } from './xml.ts';
import type { PartPacker, PartContent, Slot } from './packed-part.ts';
import { XlsxError } from './errors.ts';

/** The fixed bytes around an unstyled cell's value: `" t="inlineStr"><is><t>`, `</t></is></c>`, `"><v>`, `</v></c>`. */
export interface PlainCellMarkup {
  plainText: Uint8Array;
  textClose: Uint8Array;
  plainNumber: Uint8Array;
  valueClose: Uint8Array;
}

const ENCODER = new TextEncoder();
/** Room for one plain cell's markup, reference and number: text adds up to 5 bytes a character (`&amp;`). */
const CELL_ROOM = 128;
/** Longer text goes the careful way (the room it needs is reserved up front). */
const TEXT_MAX = 4096;
const EMPTY = new Uint8Array(0);
const CHUNK = 1 << 20;

/**
 * Collects UTF-8 chunks. Text is encoded straight into 1 MB buffers (no joining of small strings);
 * long ranges of an ASCII original are referenced as sub-arrays of its bytes.
 */
export class ByteSink implements Sink {
  private readonly chunks: Uint8Array[] = [];
  private buf = new Uint8Array(CHUNK);
  private pos = 0;
  private readonly rowDigits = new Uint8Array(24);
  private readonly slots = new Map<number, string>();
  /** With a packer, sealed chunks go to it (deflated as they come) instead of being kept. */
  private readonly packSlots: Slot[] = [];

  /**
   * @param src the original text
   * @param srcBytes its UTF-8 bytes when every character is ASCII (string index = byte offset), else null
   */
  constructor(
    private readonly src: string,
    private readonly srcBytes: Uint8Array | null,
    private readonly packer: PartPacker | null = null,
  ) {}

  private push(c: Uint8Array): void {
    if (this.packer) this.packer.add(c);
    else this.chunks.push(c);
  }

  str(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.pos + s.length * 3 > this.buf.length) {
      this.seal();
      if (s.length * 3 > CHUNK) {
        this.push(ENCODER.encode(s));
        return;
      }
    }
    this.pos += ENCODER.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  ascii(s: string): void {
    const n = s.length;
    if (n > CHUNK) return this.str(s);
    if (this.pos + n > this.buf.length) this.seal();
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        // Not ASCII after all: the rest goes through the encoder.
        this.pos = p;
        return this.str(s.slice(i));
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  raw(b: Uint8Array): void {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.seal();
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i]!;
    this.pos = p;
  }

  escapedText(before: Uint8Array, s: string, after: Uint8Array): boolean {
    const n = s.length;
    if (n > TEXT_MAX) return false;
    if (this.pos + before.length + 5 * n + after.length > this.buf.length) this.seal();
    const buf = this.buf;
    buf.set(before, this.pos);
    const p = escapedUtf8(buf, this.pos + before.length, s);
    // What was copied before a refusal is left beyond pos, as if never written.
    if (p < 0) return false;
    buf.set(after, p);
    this.pos = p + after.length;
    return true;
  }

  plainCells(values: readonly CellValue[], from: number, to: number, row: number, opens: readonly Uint8Array[], m: PlainCellMarkup): number {
    // The row number's digits, once for all its cells.
    const digits = this.rowDigits;
    let nd = 0;
    for (let x = row; ; x = Math.floor(x / 10)) {
      digits[nd++] = 48 + (x % 10);
      if (x < 10) break;
    }
    let c = from;
    for (; c <= to; c++) {
      const v = values[c];
      if (v === null || v === undefined) continue;
      const isText = typeof v === 'string';
      if (!isText && (typeof v !== 'number' || !Number.isFinite(v))) return c;
      const open = opens[c]!;
      const len = isText ? v.length : 0;
      if (len > TEXT_MAX) return c;
      if (this.pos + CELL_ROOM + 5 * len > this.buf.length) this.seal();
      const buf = this.buf;
      let p = this.pos;
      buf.set(open, p);
      p += open.length;
      for (let i = nd - 1; i >= 0; i--) buf[p++] = digits[i]!;
      if (isText) {
        // The fixed markup by set(): a byte loop over it costs more than the call.
        buf.set(m.plainText, p);
        // As escapedText: anything else goes the careful way, and what was copied is left beyond pos.
        p = escapedUtf8(buf, p + m.plainText.length, v);
        if (p < 0) return c;
        buf.set(m.textClose, p);
        p += m.textClose.length;
      } else {
        buf.set(m.plainNumber, p);
        p += m.plainNumber.length;
        if (Number.isSafeInteger(v) && v >= 0) p = writeUint(buf, p, v);
        else {
          const t = numberText(v);
          for (let i = 0; i < t.length; i++) buf[p++] = t.charCodeAt(i);
        }
        buf.set(m.valueClose, p);
        p += m.valueClose.length;
      }
      this.pos = p;
    }
    return c;
  }

  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) return this.ascii(String(n));
    if (this.pos + 16 > this.buf.length) this.seal();
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    // Digits are written from the last one back.
    this.pos += digits;
    for (let p = this.pos - 1; p >= this.pos - digits; p--) {
      this.buf[p] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
  }

  orig(start: number, end: number): void {
    if (end <= start) return;
    if (this.srcBytes) {
      const n = end - start;
      if (n >= 4096) {
        this.seal();
        this.push(this.srcBytes.subarray(start, end));
        return;
      }
      if (this.pos + n > this.buf.length) this.seal();
      this.buf.set(this.srcBytes.subarray(start, end), this.pos);
      this.pos += n;
    } else if (end - start < 256) this.origChars(start, end);
    else this.str(this.src.slice(start, end));
  }

  /** A short range of the original copied character by character while ASCII (no slice, no encoder call). */
  private origChars(start: number, end: number): void {
    if (this.pos + (end - start) > this.buf.length) this.seal();
    const src = this.src;
    const buf = this.buf;
    let p = this.pos;
    for (let i = start; i < end; i++) {
      const c = src.charCodeAt(i);
      if (c > 127) {
        this.pos = p;
        return this.str(src.slice(i, end));
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  slot(): number {
    this.seal();
    if (this.packer) {
      const slot: Slot = { bytes: null };
      this.packer.add(slot);
      return this.packSlots.push(slot) - 1;
    }
    this.chunks.push(EMPTY);
    return this.chunks.length - 1;
  }

  fill(slot: number, s: string): void {
    if (this.packer) this.packSlots[slot]!.bytes = ENCODER.encode(s);
    else this.slots.set(slot, s);
  }

  /** Closes the current buffer (keeping only the bytes written) and starts a new one. */
  private seal(): void {
    if (this.pos > 0) {
      this.push(this.buf.subarray(0, this.pos));
      this.buf = new Uint8Array(CHUNK);
      this.pos = 0;
    }
  }

  finish(): Uint8Array[] {
    if (this.packer) throw new XlsxError('internal', '内部错误：打包写入须以 finishPart() 结束。', 'Internal error: a packing sink ends with finishPart().');
    this.seal();
    for (const [i, s] of this.slots) this.chunks[i] = ENCODER.encode(s);
    return this.chunks;
  }

  /** The part's content: its chunks, or (with a packer, for a big part) the part already deflated. */
  finishPart(): PartContent {
    if (!this.packer) return this.finish();
    this.seal();
    return this.packer.finish();
  }
}

/** A non-negative safe integer's digits at buf[p]; returns the position after them. */
function writeUint(buf: Uint8Array, p: number, n: number): number {
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  const end = p + digits;
  for (let k = end - 1; k >= p; k--) {
    buf[k] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return end;
}


/** Whitespace beyond ASCII, as /\s/ has it: at either end of a text it needs xml:space="preserve". */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `s` as the UTF-8 of its <t> text when that is `s` with only & < > escaped (see Sink.escapedText), written
 * at buf[p] (room: 5 bytes a character); the position after it, or -1 when `s` needs the careful way.
 */
function escapedUtf8(buf: Uint8Array, p: number, s: string): number {
  const n = s.length;
  if (n > 0) {
    const a = s.charCodeAt(0);
    const z = s.charCodeAt(n - 1);
    if (a === 32 || z === 32 || (a > 127 && isWideSpace(a)) || (z > 127 && isWideSpace(z))) return -1;
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      // Controls and `_` (a _xHHHH_ look-alike) are encoded the careful way.
      if (c < 32 || c === 95) return -1;
      if (c === 38 || c === 60 || c === 62) {
        buf[p++] = 38;
        if (c === 38) {
          buf[p++] = 97;
          buf[p++] = 109;
          buf[p++] = 112;
        } else {
          buf[p++] = c === 60 ? 108 : 103;
          buf[p++] = 116;
        }
        buf[p++] = 59;
      } else buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one 4-byte character; a lone surrogate goes the careful way.
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c >= 0xdc00 || d < 0xdc00 || d > 0xdfff) return -1;
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      buf[p++] = 0xf0 | (cp >> 18);
      buf[p++] = 0x80 | ((cp >> 12) & 63);
      buf[p++] = 0x80 | ((cp >> 6) & 63);
      buf[p++] = 0x80 | (cp & 63);
      i++;
    } else {
      if (c >= 0xfffe) return -1;
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 63);
      buf[p++] = 0x80 | (c & 63);
    }
  }
  return p;
}
