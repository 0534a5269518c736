// CSV files as a sheet: decode the bytes (UTF-8, UTF-16, or the GB18030 that Chinese Excel writes),
// split them into rows (RFC 4180 quoting, any line ending, comma / tab / semicolon detected), and hand
// the cells over as text. Runs in Node and in the browser: TextDecoder is the only platform API used.
//
// Cells stay text on purpose: "00123" is an id, not 123, and "1,234" may be a number with a
// thousands separator or two fields — the core parser decides, knowing the column's unit.
import type { CellValue } from '../../port/workbook.ts';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvSheet {
  sheetName: string;
  /** Row r is sheet row r + 1; every row has the same length (the widest row), blanks are null. */
  values: CellValue[][];
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

// ───────────────────────────── decoding ─────────────────────────────

function decoder(encoding: CsvEncoding, fatal = false): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal });
  } catch (e) {
    // Node built with small-icu has no GB18030 decoder; browsers and official Node builds do.
    throw new Error(
      `此环境无法解码 ${encoding} 编码的文件 / This runtime cannot decode ${encoding} text (Node needs full ICU)`,
      { cause: e },
    );
  }
}

/**
 * Decode a CSV file's bytes: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, otherwise UTF-8 when
 * the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK and GB2312: what Excel on a Chinese
 * Windows writes for "CSV (逗号分隔)"). The BOM is never part of the text.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: decoder('utf-8').decode(bytes), encoding: 'utf-8' }; // the decoder drops the BOM
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: decoder('utf-8', true).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8. Bytes that are not GB18030 either become U+FFFD rather than failing the whole file.
    let text = decoder('gb18030').decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // GB18030's own BOM, 84 31 95 33
    return { text, encoding: 'gb18030' };
  }
}

// ───────────────────────────── splitting ─────────────────────────────

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const TAB = 9;
const SEMICOLON = 59;

const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';'];
/** Lines looked at to detect the delimiter. */
const SNIFF_LINES = 20;

/**
 * Pick the delimiter from the first lines, counting only characters outside quotes. A delimiter that
 * occurs the same number of times on every line wins (so "1,5;2,3" with decimal commas is
 * semicolon-separated); then the most frequent; comma when none occurs (a single column).
 */
function sniffDelimiter(text: string, from: number): CsvDelimiter {
  const counts: number[][] = [[], [], []]; // per delimiter, per line
  let line = [0, 0, 0];
  let inQuotes = false;
  const n = text.length;
  let lines = 0;
  for (let i = from; i < n && lines < SNIFF_LINES; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes; // "" inside quotes toggles twice: no harm
    else if (inQuotes) continue;
    else if (c === COMMA) line[0]!++;
    else if (c === TAB) line[1]!++;
    else if (c === SEMICOLON) line[2]!++;
    else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      for (let d = 0; d < 3; d++) counts[d]!.push(line[d]!);
      line = [0, 0, 0];
      lines++;
    }
  }
  if (lines < SNIFF_LINES && (line[0]! > 0 || line[1]! > 0 || line[2]! > 0)) {
    for (let d = 0; d < 3; d++) counts[d]!.push(line[d]!);
  }
  let best = -1;
  let bestConsistent = false;
  let bestTotal = 0;
  for (let d = 0; d < 3; d++) {
    const perLine = counts[d]!;
    const total = perLine.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const first = perLine[0] ?? 0;
    const consistent = first > 0 && perLine.every((k) => k === first);
    if (best === -1 || (consistent && !bestConsistent) || (consistent === bestConsistent && total > bestTotal)) {
      best = d;
      bestConsistent = consistent;
      bestTotal = total;
    }
  }
  return best === -1 ? ',' : DELIMITERS[best]!;
}

/**
 * Split CSV text into rows of fields. RFC 4180 quoting ("" escapes a quote; delimiters and line breaks
 * inside quotes are data), CRLF / LF / CR line endings, delimiter detected from the first lines (or
 * given by Excel's "sep=;" first line, which is then dropped). Empty lines in the middle stay (as a row
 * holding one empty field) so row numbers match what Excel shows; trailing empty lines are dropped.
 * Lenient like Excel: a quote inside an unquoted field is text, text after a closing quote is appended,
 * and an unterminated quote runs to the end of the file.
 */
export function parseCsv(text: string, options?: { delimiter?: CsvDelimiter }): { rows: string[][]; delimiter: CsvDelimiter } {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let delimiter = options?.delimiter;
  const sep = /^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/.exec(text.slice(start, start + 12));
  if (sep) {
    delimiter ??= sep[1] as CsvDelimiter;
    start += sep[0].length;
  }
  delimiter ??= sniffDelimiter(text, start);
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
  return { rows, delimiter };
}

// ───────────────────────────── as a sheet ─────────────────────────────

/** The sheet name Excel gives a CSV file: its base name, without characters a sheet name cannot hold, ≤ 31 chars. */
export function csvSheetName(fileName: string | undefined): string {
  if (!fileName) return 'Sheet1';
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const clean = Array.from(base.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '')).slice(0, 31).join('');
  return clean.trim() === '' ? 'Sheet1' : clean;
}

/**
 * Read a CSV file as one sheet: cells as text (never converted to numbers, so "00123" survives),
 * empty fields as null, rows padded with null to the widest row (the used area, as Excel shows it).
 */
export function readCsv(bytes: Uint8Array, options?: { fileName?: string; delimiter?: CsvDelimiter }): CsvSheet {
  const { text, encoding } = decodeCsv(bytes);
  const { rows, delimiter } = parseCsv(text, options?.delimiter ? { delimiter: options.delimiter } : undefined);
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const values: CellValue[][] = new Array<CellValue[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r]!;
    const out: CellValue[] = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) {
      const s = src[c];
      out[c] = s === undefined || s === '' ? null : s;
    }
    values[r] = out;
  }
  return { sheetName: csvSheetName(options?.fileName), values, encoding, delimiter };
}
