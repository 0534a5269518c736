// CSV files as a sheet: decode the bytes (UTF-8, UTF-16, or the GB18030 / Big5 / Shift_JIS that Excel writes),
// split them into rows (RFC 4180 quoting, any line ending, comma / tab / semicolon detected), and hand
// the cells over as text. Runs in Node and in the browser: TextDecoder is the only platform API used.
//
// Cells stay text on purpose: "00123" is an id, not 123, and "1,234" may be a number with a
// thousands separator or two fields — the core parser decides, knowing the column's unit.
import { loc, type Localized } from '../../core/index.ts';
import type { CellValue } from '../../port/workbook.ts';
import { detectEncoding, type CsvEncoding } from './csv-encoding.ts';
import { sniffDelimiter, type CsvDelimiter } from './csv-delimiter.ts';

export type { CsvEncoding };
export type { CsvDelimiter };

export interface CsvSheet {
  sheetName: string;
  /** Row r is sheet row r + 1; every row has the same length (the widest row), blanks are null. */
  values: CellValue[][];
  encoding: CsvEncoding;
  /** The file began with a byte-order mark. */
  bom: boolean;
  delimiter: CsvDelimiter;
  /** What the reader had to guess (an unterminated quote), said to the user. */
  warnings: Localized[];
}

// ───────────────────────────── decoding ─────────────────────────────

/**
 * Decode a CSV file's bytes (the BOM is never part of the text): see `detectEncoding` — a BOM decides,
 * else strict UTF-8, else the one of GB18030 / Big5 / Shift_JIS that reads cleanly and convincingly;
 * otherwise a CsvError that names the encodings tried and --encoding.
 */
export function decodeCsv(bytes: Uint8Array, encoding?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const d = detectEncoding(bytes, encoding);
  return { text: d.text, encoding: d.encoding };
}

// ───────────────────────────── splitting ─────────────────────────────

const QUOTE = 34;
const CR = 13;
const LF = 10;


/**
 * Split CSV text into rows of fields. RFC 4180 quoting ("" escapes a quote; delimiters and line breaks
 * inside quotes are data), CRLF / LF / CR line endings, delimiter detected from the first lines (or
 * given by Excel's "sep=;" first line, which is then dropped). Empty lines in the middle stay (as a row
 * holding one empty field) so row numbers match what Excel shows; trailing empty lines are dropped.
 * Lenient like Excel: a quote inside an unquoted field is text, text after a closing quote is appended,
 * and an unterminated quote runs to the end of the file — `unterminatedQuoteLine` then says on which line
 * (1-based, as a text editor counts) it opened, so the reader can warn.
 */
export function parseCsv(
  text: string,
  options?: { delimiter?: CsvDelimiter },
): { rows: string[][]; delimiter: CsvDelimiter; unterminatedQuoteLine?: number } {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let delimiter = options?.delimiter;
  const sep = /^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/.exec(text.slice(start, start + 12));
  if (sep) {
    delimiter ??= sep[1] as CsvDelimiter;
    start += sep[0].length;
  }
  delimiter ??= sniffDelimiter(text.length, (i) => text.charCodeAt(i), start);
  const d = delimiter.charCodeAt(0);

  const rows: string[][] = [];
  const n = text.length;
  // The end of an unquoted field: the next delimiter or line break. The positions of the next of each
  // come from the native indexOf and are kept until the scan passes them (-1: none left; -2: unknown).
  let nextDelimiter = -2;
  let nextLF = -2;
  let nextCR = -2;
  const fieldEnd = (from: number): number => {
    if (nextDelimiter !== -1 && nextDelimiter < from) nextDelimiter = text.indexOf(delimiter, from);
    if (nextLF !== -1 && nextLF < from) nextLF = text.indexOf('\n', from);
    if (nextCR !== -1 && nextCR < from) nextCR = text.indexOf('\r', from);
    let end = n;
    if (nextDelimiter !== -1 && nextDelimiter < end) end = nextDelimiter;
    if (nextLF !== -1 && nextLF < end) end = nextLF;
    if (nextCR !== -1 && nextCR < end) end = nextCR;
    return end;
  };
  let row: string[] = [];
  let i = start;
  let unterminatedQuoteLine: number | null = null;
  // Each iteration reads one field starting at i, then the delimiter or line break after it.
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: find the closing quote that is not followed by another quote.
      let j = i + 1;
      let content = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          unterminatedQuoteLine = lineAt(text, i);
          content += text.slice(j); // unterminated: the rest of the file
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          content += text.slice(j, q + 1); // keep one quote of the pair
          j = q + 2;
          continue;
        }
        content += text.slice(j, q);
        j = q + 1;
        break;
      }
      // Line breaks inside quotes (CRLF, CR) become LF, the line break of an Excel cell.
      field = content.indexOf('\r') === -1 ? content : content.replace(/\r\n?/g, '\n');
      // Text between the closing quote and the next delimiter: keep it, as Excel does.
      const k = j < n ? fieldEnd(j) : n;
      if (k > j) field += text.slice(j, k);
      i = k;
    } else {
      const k = fieldEnd(i);
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) row.push(''); // "a,b," at the very end: a last empty field
      continue;
    }
    // Line break.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  // Trailing empty lines.
  while (rows.length > 0) {
    const last = rows[rows.length - 1]!;
    if (last.length === 1 && last[0] === '') rows.pop();
    else break;
  }
  return { rows, delimiter, ...(unterminatedQuoteLine !== null ? { unterminatedQuoteLine } : {}) };
}

/** The 1-based line of a position (CRLF, LF and CR each end a line). */
function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let k = 0; k < pos; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) line++;
    else if (c === CR && text.charCodeAt(k + 1) !== LF) line++;
  }
  return line;
}

// ───────────────────────────── as a sheet ─────────────────────────────

/** The sheet name Excel gives a CSV file: its base name, without characters a sheet name cannot hold, ≤ 31 chars. */
export function csvSheetName(fileName: string | undefined): string {
  if (!fileName) return 'Sheet1';
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const clean = Array.from(base.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '')).slice(0, 31).join('');
  return clean.trim() === '' ? 'Sheet1' : clean;
}

/** Said when a quote is never closed: the rest of the file became one cell. */
export function unterminatedQuoteWarning(line: number): Localized {
  return loc(
    `第 ${line} 行有一个引号（"）没有闭合：从那里到文件末尾都读成了同一个单元格，请检查这一行`,
    `Line ${line} opens a quote (") that is never closed: everything from there to the end of the file was read as one cell; check that line`,
  );
}

/**
 * Read a CSV file as one sheet: cells as text (never converted to numbers, so "00123" survives),
 * empty fields as null, rows padded with null to the widest row (the used area, as Excel shows it).
 */
export function readCsv(bytes: Uint8Array, options?: { fileName?: string; delimiter?: CsvDelimiter; encoding?: CsvEncoding }): CsvSheet {
  const { text, encoding, bom } = detectEncoding(bytes, options?.encoding);
  const { rows, delimiter, unterminatedQuoteLine } = parseCsv(text, options?.delimiter ? { delimiter: options.delimiter } : undefined);
  const warnings: Localized[] = unterminatedQuoteLine === undefined ? [] : [unterminatedQuoteWarning(unterminatedQuoteLine)];
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  // The parsed rows become the sheet's rows in place (no second copy of a million-row file).
  const values = rows as CellValue[][];
  for (let r = 0; r < rows.length; r++) {
    const row = values[r]!;
    for (let c = 0; c < row.length; c++) if (row[c] === '') row[c] = null;
    for (let c = row.length; c < width; c++) row.push(null);
  }
  return { sheetName: csvSheetName(options?.fileName), values, encoding, bom, delimiter, warnings };
}
