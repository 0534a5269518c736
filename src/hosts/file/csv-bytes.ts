// A CSV file read from its bytes, column by column: only the columns asked for are read, and each cell is
// a code of its column's distinct texts (coded.ts), so a 540,000-line orders export makes a few thousand
// strings instead of one per cell. Splitting follows parseCsv exactly (RFC 4180 quoting, text after a
// closing quote kept, any line ending, "sep=" line, trailing empty lines dropped); the encoding is found
// by detectEncoding, and a file that is not UTF-8 is re-encoded as UTF-8 first (delimiters, quotes and
// line breaks are ASCII, the same bytes in every encoding we read once it is UTF-8).
import type { CellValue, CodedColumn, CodedSheet, Localized } from '../../core/index.ts';
import { detectEncoding, type CsvEncoding } from './csv-encoding.ts';
import { csvSheetName, unterminatedQuoteWarning, type CsvDelimiter, type CsvSheet } from './csv.ts';
import { sepLine, utf8Body } from './csv-utf8.ts';
import { sniffDelimiter } from './csv-delimiter.ts';
import { Interner, scanColumns, scanOutline, scanRows } from './csv-columns.ts';

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Fields up to this many bytes are shared between the cells of a column that hold the same text. */
const SHARED_MAX = 48;

export interface CsvColumns extends CodedSheet {
  sheetName: string;
  /** Sheet row of the first coded row (1-based). */
  firstRow: number;
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: CsvDelimiter;
  warnings: Localized[];
}

/** A CSV file's UTF-8 bytes, where its text starts, and its delimiter. */
export class CsvBytes {
  readonly bytes: Uint8Array;
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
  readonly delimiter: CsvDelimiter;
  readonly sheetName: string;
  private readonly start: number;
  // ignoreBOM: each field is decoded on its own, and a field may start with U+FEFF (text, not a BOM: the
  // file's BOM is skipped before the scan).
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(input: Uint8Array, options?: { fileName?: string; delimiter?: CsvDelimiter; encoding?: CsvEncoding }) {
    // A Node Buffer as a plain view of its bytes (its indexOf and subarray differ), without copying them.
    if (input.constructor !== Uint8Array) input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let body = utf8Body(input, options?.encoding);
    if (!body) {
      // Not UTF-8 (or not provably): the text reader decides, and its text is read as UTF-8 bytes.
      const d = detectEncoding(input, options?.encoding);
      body = { bytes: new TextEncoder().encode(d.text), encoding: d.encoding, bom: d.bom };
    }
    this.bytes = body.bytes;
    this.encoding = body.encoding;
    this.bom = body.bom;
    const b = this.bytes;
    // parseCsv drops one U+FEFF at the start of the text.
    let start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    const sep = sepLine(b, start);
    let delimiter = options?.delimiter;
    if (sep) {
      delimiter ??= sep.delimiter;
      start += sep.length;
    }
    this.delimiter = delimiter ?? sniffDelimiter(b.length, (i) => b[i], start);
    this.start = start;
    this.sheetName = csvSheetName(options?.fileName);
  }

  /** A field's text as parseCsv gives it: quotes undone, line breaks inside quotes as LF. */
  text(start: number, end: number): string {
    const b = this.bytes;
    let raw: string | null = null;
    // Short ASCII (ids, dates, numbers): no decoder call.
    if (end - start <= 32) {
      let k = start;
      while (k < end && b[k]! < 0x80) k++;
      if (k === end) raw = String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
    }
    raw ??= this.decoder.decode(b.subarray(start, end));
    return this.bytes[start] === QUOTE ? unquote(raw) : raw;
  }

  /**
   * The given columns of the rows from sheet row `firstRow` (1-based) on, as codes of their distinct texts.
   * Empty fields are blank (code -1); a quoted empty field is a value that reads as null.
   */
  columns(cols: readonly number[], firstRow = 1): CsvColumns {
    const skip = firstRow - 1;
    const interners = new Map<number, Interner>();
    for (const c of cols) if (!interners.has(c)) interners.set(c, new Interner(this.bytes));
    const byCol: (Interner | undefined)[] = [];
    for (const [c, x] of interners) byCol[c] = x;
    const { rows, unterminatedAt } = scanColumns(this.bytes, this.start, this.delimiter.charCodeAt(0), byCol, skip, (s, e) => this.text(s, e) !== '');
    const count = Math.max(0, rows - skip);
    const columns = new Map<number, CodedColumn>();
    for (const [c, x] of interners) columns.set(c, { codes: x.codes(count), values: x.values((s, e) => this.text(s, e) || null) });
    const warnings = unterminatedAt < 0 ? [] : [unterminatedQuoteWarning(lineAt(this.bytes, unterminatedAt))];
    return { rows: count, columns, firstRow, sheetName: this.sheetName, encoding: this.encoding, bom: this.bom, delimiter: this.delimiter, warnings };
  }

  /**
   * The sheet's size as readCsv would give it, without a string per cell: rows, width (the widest row),
   * the last row and column holding anything (as a workbook lists them), and an unterminated quote's line.
   */
  outline(): { rows: number; width: number; lastRow: number; lastCol: number; unterminatedQuoteLine?: number } {
    const { unterminatedAt, ...size } = scanOutline(this.bytes, this.start, this.delimiter.charCodeAt(0), (s, e) => this.text(s, e) !== '');
    return { ...size, ...(unterminatedAt >= 0 ? { unterminatedQuoteLine: lineAt(this.bytes, unterminatedAt) } : {}) };
  }

  /** The first rows as readCsv reads them, each padded to the widest of them: enough to find the header. */
  head(rows: number): CellValue[][] {
    return this.sheet(rows).values;
  }

  /** The whole file as readCsv reads it (every cell a string or null, rows padded to the widest). */
  sheet(limit = Infinity): CsvSheet {
    // Columns repeat their texts (a date, a price, a country on every line): each distinct short text is
    // made once per column and shared by its cells, which saves most of the strings and their collection.
    const { values, rows, unterminatedAt } = scanRows(this.bytes, this.start, this.delimiter.charCodeAt(0), limit, SHARED_MAX, (s, e) => this.text(s, e));
    const unterminatedQuoteLine = unterminatedAt < 0 ? undefined : lineAt(this.bytes, unterminatedAt);
    values.length = rows;
    let width = 0;
    for (const r of values) if (r.length > width) width = r.length;
    for (const r of values) while (r.length < width) r.push(null);
    const warnings = unterminatedQuoteLine === undefined ? [] : [unterminatedQuoteWarning(unterminatedQuoteLine)];
    return { sheetName: this.sheetName, values, encoding: this.encoding, bom: this.bom, delimiter: this.delimiter, warnings };
  }
}

/** A quoted field's raw text → its value: "" is one quote, CR/CRLF inside the quotes are LF, text after the closing quote kept. */
function unquote(raw: string): string {
  let j = 1;
  let content = '';
  for (;;) {
    const q = raw.indexOf('"', j);
    if (q === -1) {
      content += raw.slice(j); // unterminated: the rest of the file
      j = raw.length;
      break;
    }
    if (raw.charCodeAt(q + 1) === QUOTE) {
      content += raw.slice(j, q + 1);
      j = q + 2;
      continue;
    }
    content += raw.slice(j, q);
    j = q + 1;
    break;
  }
  const field = content.indexOf('\r') === -1 ? content : content.replace(/\r\n?/g, '\n');
  return j < raw.length ? field + raw.slice(j) : field;
}

/** The 1-based line of a byte position (CRLF, LF and CR each end a line), as parseCsv counts. */
export function lineAt(b: Uint8Array, pos: number): number {
  let line = 1;
  for (let k = 0; k < pos; k++) {
    const c = b[k];
    if (c === LF) line++;
    else if (c === CR && b[k + 1] !== LF) line++;
  }
  return line;
}

/** Read the given columns of a CSV file's rows from `firstRow` on (see CsvBytes.columns). */
export function readCsvColumns(
  bytes: Uint8Array,
  cols: readonly number[],
  options?: { fileName?: string; delimiter?: CsvDelimiter; encoding?: CsvEncoding; firstRow?: number },
): CsvColumns {
  return new CsvBytes(bytes, options).columns(cols, options?.firstRow ?? 1);
}
