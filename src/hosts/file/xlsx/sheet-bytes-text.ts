// The text of a sheet's cells, decoded from its bytes as the text scanner (sheet-scan.ts) reads it: entities
// and _xHHHH_ decoded, repeated texts made once (interned).
import { decodeOoxmlString, unescapeXml } from "./xml.ts";
import { UTF8, ascii, TEXT_BYTE, CACHE_MASK } from "./sheet-bytes-scan.ts";

/** Texts of one sheet's bytes: scan() a text, then read it with text() or raw(). */
export class ByteText {
  /** The text just scanned: 4 when it has a non-ASCII byte, 2 when &, _ (entities, _xHHHH_); a hash of its bytes. */
  private textFlags = 0;
  private textHash = 0;
  /** Strings made lately, by a hash of their bytes: where their bytes are, how many, the string. */
  private readonly cacheFrom = new Int32Array(CACHE_MASK + 1).fill(-1);
  private readonly cacheLength = new Int32Array(CACHE_MASK + 1);
  private readonly cacheText: string[] = new Array<string>(CACHE_MASK + 1).fill(
    "",
  );

  constructor(private readonly b: Uint8Array) {}

  /** Scans text from `a` to the next `<` (returned; -1 at the end), noting its bytes for text() and raw(). */
  scan(a: number): number {
    const b = this.b;
    let flags = 0;
    let h = 0x811c9dc5;
    let i = a;
    for (;;) {
      const c = b[i]!;
      const k = TEXT_BYTE[c];
      if (k !== 0) {
        if (k === 1) break;
        if (k === undefined) return -1;
        flags |= k;
      }
      h = Math.imul(h ^ c, 0x01000193);
      i++;
    }
    this.textFlags = flags;
    this.textHash = h;
    return i;
  }

  /** The text just scanned (b[a, e)) as the text scanner reads a string: entities and _xHHHH_ decoded. */
  text(a: number, e: number): string {
    if (this.textFlags & 2)
      return decodeOoxmlString(unescapeXml(UTF8.decode(this.b.subarray(a, e))));
    return this.interned(a, e);
  }

  /**
   * The string of b[a, e), the one made before when the same bytes came up lately (ids, products, cities
   * repeat down a column): fewer strings to make, keep and collect.
   */
  private interned(a: number, e: number): string {
    const b = this.b;
    const n = e - a;
    const slot = (this.textHash ^ n) & CACHE_MASK;
    const from = this.cacheFrom[slot]!;
    if (from >= 0 && this.cacheLength[slot] === n) {
      let k = 0;
      while (k < n && b[from + k] === b[a + k]) k++;
      if (k === n) return this.cacheText[slot]!;
    }
    const s =
      this.textFlags === 0 ? ascii(b, a, e) : UTF8.decode(b.subarray(a, e));
    this.cacheFrom[slot] = a;
    this.cacheLength[slot] = n;
    this.cacheText[slot] = s;
    return s;
  }

  /** The raw text b[a, e) as the text scanner slices it. */
  raw(a: number, e: number): string {
    return this.textFlags & 4
      ? UTF8.decode(this.b.subarray(a, e))
      : ascii(this.b, a, e);
  }
}
