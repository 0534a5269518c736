// The CSV byte reader's scans (csv-bytes.ts): the bytes straight into the wanted columns' codes, the
// sheet's size, or every row — a loop each, with no call per field (a 540,000-line export has millions of
// fields). All split alike, as parseCsv does: a field opening with a quote runs to the first quote not
// doubled (unterminated: to the end of the file), text after it up to the next delimiter or line break is
// kept; CRLF, LF and CR each end a row. (Skipping the rest of a line with indexOf was slower: a typed
// array's indexOf is no memchr.)
import type { CellValue } from '../../core/index.ts';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Scan from byte `start` to the end, adding each wanted column's field of row r (r ≥ skip) to
 * `byCol[col]` as row r - skip (empty fields left out). Returns the rows (trailing lone empty fields
 * excluded, as parseCsv drops them) and where an unterminated quote opened (-1: none). `hasText(s, e)`:
 * whether a lone field reads as text (a quoted "" does not).
 */
export function scanColumns(
  b: Uint8Array,
  start: number,
  d: number,
  byCol: readonly (Interner | undefined)[],
  skip: number,
  hasText: (start: number, end: number) => boolean,
): { rows: number; unterminatedAt: number } {
  const n = b.length;
  const lastWanted = byCol.length - 1;
  let i = start;
  let row = 0;
  let col = 0;
  let rows = 0;
  let unterminatedAt = -1;
  const stop = stopBytes(d);
  while (i < n) {
    const s = i;
    if (b[i] === QUOTE) {
      const j = quotedEnd(b, i);
      if (j < 0) {
        unterminatedAt = i;
        i = n;
      } else i = j;
    }
    while (i < n && stop[b[i]!] === 0) i++;
    if (col <= lastWanted && row >= skip && i > s) byCol[col]?.add(row - skip, s, i);
    col++;
    if (i >= n) {
      if (col > 1 || (i > s && hasText(s, i))) rows = row + 1;
      break;
    }
    const c = b[i]!;
    if (c === d) {
      i++;
      if (i >= n) {
        rows = row + 1; // "a,b," at the very end: a last empty field
        break;
      }
      continue;
    }
    if (col > 1 || (i > s && hasText(s, i))) rows = row + 1;
    row++;
    col = 0;
    i += c === CR && b[i + 1] === LF ? 2 : 1;
  }
  return { rows, unterminatedAt };
}

/**
 * The sheet's size from the same split (CsvBytes.outline): rows (trailing lone empty fields excluded), the
 * widest row, and the last row and column holding anything — a field holds something when it is not
 * empty, a quoted one when `hasText` (its text is not empty: "" is).
 */
export function scanOutline(
  b: Uint8Array,
  start: number,
  d: number,
  hasText: (start: number, end: number) => boolean,
): { rows: number; width: number; lastRow: number; lastCol: number; unterminatedAt: number } {
  const n = b.length;
  let i = start;
  let row = 0;
  let col = 0;
  let rows = 0;
  let width = 0;
  let lastRow = 0;
  let lastCol = -1;
  let rowLast = -1;
  let unterminatedAt = -1;
  const stop = stopBytes(d);
  while (i < n) {
    const s = i;
    const quoted = b[i] === QUOTE;
    if (quoted) {
      const j = quotedEnd(b, i);
      if (j < 0) {
        unterminatedAt = i;
        i = n;
      } else i = j;
    }
    while (i < n && stop[b[i]!] === 0) i++;
    if (i > s && (!quoted || hasText(s, i))) rowLast = col;
    col++;
    let end = i >= n;
    if (!end) {
      const c = b[i]!;
      if (c === d) {
        i++;
        if (i < n) continue;
        col++; // "a,b," at the very end: a last empty field
        end = true;
      } else i += c === CR && b[i + 1] === LF ? 2 : 1;
    }
    // The row ends here.
    if (col > width) width = col;
    if (rowLast >= 0) {
      lastRow = row + 1;
      if (rowLast > lastCol) lastCol = rowLast;
    }
    if (col > 1 || rowLast >= 0) rows = row + 1;
    rowLast = -1;
    row++;
    col = 0;
    if (end) break;
  }
  return { rows, width: rows === 0 ? 0 : width, lastRow, lastCol, unterminatedAt };
}

/**
 * Every field of the rows, as CsvBytes.sheet reads them: empty → null, else `text(s, e) || null`; texts
 * up to `sharedMax` bytes made once per column and shared by the cells that hold them. Stops after
 * `limit` rows. Returns the rows as split (trailing lone empty fields still there) and the count to keep.
 */
export function scanRows(
  b: Uint8Array,
  start: number,
  d: number,
  limit: number,
  sharedMax: number,
  text: (start: number, end: number) => string,
): { values: CellValue[][]; rows: number; unterminatedAt: number } {
  const n = b.length;
  const values: CellValue[][] = [];
  let current: CellValue[] = [];
  const seen: { codes: Interner; texts: CellValue[] }[] = [];
  let i = start;
  let rows = 0;
  let unterminatedAt = -1;
  const stop = stopBytes(d);
  while (i < n) {
    const s = i;
    if (b[i] === QUOTE) {
      const j = quotedEnd(b, i);
      if (j < 0) {
        unterminatedAt = i;
        i = n;
      } else i = j;
    }
    while (i < n && stop[b[i]!] === 0) i++;
    let v: CellValue = null;
    if (i - s > sharedMax) v = text(s, i) || null;
    else if (i > s) {
      const col = current.length;
      const c = (seen[col] ??= { codes: new Interner(b), texts: [] });
      const code = c.codes.find(s, i);
      if (code === c.texts.length) c.texts.push(text(s, i) || null);
      v = c.texts[code]!;
    }
    current.push(v);
    let end = i >= n;
    if (!end) {
      const c = b[i]!;
      if (c === d) {
        i++;
        if (i < n) continue;
        current.push(null); // "a,b," at the very end: a last empty field
        end = true;
      } else i += c === CR && b[i + 1] === LF ? 2 : 1;
    }
    if (current.length > 1 || v !== null) rows = values.length + 1;
    values.push(current);
    current = [];
    if (end || values.length >= limit) break;
  }
  return { values, rows, unterminatedAt };
}

/** Distinct byte ranges of one column → codes, by an open-addressing hash table over the file's bytes. */
export class Interner {
  private table = new Int32Array(1024).fill(-1);
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private hashes = new Int32Array(256);
  private size = 0;
  private rowCodes = new Int32Array(1024).fill(-1);
  private lastStart = -1;
  private lastEnd = -1;
  private lastCode = -1;

  constructor(private readonly b: Uint8Array) {}

  add(row: number, start: number, end: number): void {
    if (row >= this.rowCodes.length) {
      const next = new Int32Array(Math.max(row + 1, this.rowCodes.length * 2)).fill(-1);
      next.set(this.rowCodes);
      this.rowCodes = next;
    }
    this.rowCodes[row] = this.find(start, end);
  }

  /** The code of the text at [start, end), a new one when it was not seen. */
  find(start: number, end: number): number {
    const b = this.b;
    const len = end - start;
    // The lines of one invoice repeat the line above: compare with it before hashing.
    if (this.lastEnd - this.lastStart === len) {
      const ls = this.lastStart;
      let k = 0;
      while (k < len && b[ls + k] === b[start + k]) k++;
      if (k === len) return this.lastCode;
    }
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const code = this.table[slot]!;
      if (code === -1) break;
      if (this.hashes[code] === h && this.ends[code]! - this.starts[code]! === len) {
        const s = this.starts[code]!;
        let k = 0;
        while (k < len && b[s + k] === b[start + k]) k++;
        if (k === len) return this.remember(start, end, code);
      }
      slot = (slot + 1) & mask;
    }
    const code = this.size++;
    if (code === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
    }
    this.starts[code] = start;
    this.ends[code] = end;
    this.hashes[code] = h;
    this.table[slot] = code;
    if (this.size * 2 > this.table.length) this.rehash();
    return this.remember(start, end, code);
  }

  private remember(start: number, end: number, code: number): number {
    this.lastStart = start;
    this.lastEnd = end;
    this.lastCode = code;
    return code;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let code = 0; code < this.size; code++) {
      let slot = this.hashes[code]! & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = code;
    }
    this.table = table;
  }

  codes(rows: number): Int32Array {
    if (this.rowCodes.length === rows) return this.rowCodes;
    const out = new Int32Array(rows).fill(-1);
    out.set(this.rowCodes.subarray(0, Math.min(rows, this.rowCodes.length)));
    return out;
  }

  values(text: (start: number, end: number) => CellValue): CellValue[] {
    const out = new Array<CellValue>(this.size);
    for (let code = 0; code < this.size; code++) out[code] = text(this.starts[code]!, this.ends[code]!);
    return out;
  }
}

/** The bytes that end an unquoted field (delimiter, LF, CR): one look-up per byte instead of three comparisons. */
function stopBytes(d: number): Uint8Array {
  const stop = new Uint8Array(256);
  stop[d] = stop[LF] = stop[CR] = 1;
  return stop;
}

/** Just past the quoted field opening at `i` ("" inside is a quote), or -1 when its closing quote never comes. */
function quotedEnd(b: Uint8Array, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = b.indexOf(QUOTE, j);
    if (q === -1) return -1;
    if (b[q + 1] !== QUOTE) return q + 1;
    j = q + 2;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
