// A1 references, sheet-name quoting and date serials.
import { XlsxError } from './errors.ts';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_383; // XFD, 0-based

/** 0 → "A", 25 → "Z", 26 → "AA" (the core's own). */
import { columnLetter as colName } from '../../../core/cells.ts';

export { colName };

/** "A1" style reference for a 1-based row and 0-based column. */
export function cellRef(row: number, col: number): string {
  return `${colName(col)}${row}`;
}

/**
 * Parses "AB12" (also "$AB$12") into a 1-based row and 0-based column; row is 0 when the reference has
 * no row part ("AB"), col is -1 when it has no column part ("12"). Returns null for anything else.
 */
export function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    letters++;
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    digits++;
  }
  if (i !== n || (letters === 0 && digits === 0) || letters > 3) return null;
  return { row: digits ? row : 0, col: letters ? col - 1 : -1 };
}

/** Parses "A1:C3" (or a single cell "B2") into a range. */
export function parseRange(ref: string): { firstRow: number; lastRow: number; firstCol: number; lastCol: number } | null {
  const [a, b] = ref.split(':');
  const p = a === undefined ? null : parseRef(a);
  const q = b === undefined ? p : parseRef(b);
  if (!p || !q || p.row === 0 || q.row === 0 || p.col < 0 || q.col < 0) return null;
  return {
    firstRow: Math.min(p.row, q.row),
    lastRow: Math.max(p.row, q.row),
    firstCol: Math.min(p.col, q.col),
    lastCol: Math.max(p.col, q.col),
  };
}

/** A range as "A1:C3" (or "A1" for a single cell). */
export function rangeRef(firstRow: number, firstCol: number, lastRow: number, lastCol: number): string {
  const a = cellRef(firstRow, firstCol);
  return firstRow === lastRow && firstCol === lastCol ? a : `${a}:${cellRef(lastRow, lastCol)}`;
}

/** A sheet name as it appears in a formula: quoted when needed, quotes doubled. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseRef(name) && !/^(R|C)(\d*)$/i.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Checks a name for a new sheet against Excel's rules; returns it unchanged or throws. */
export function checkSheetName(name: string): string {
  if (!name || name.length > 31) throw new XlsxError('sheet', `工作表名"${name}"无效：应为 1 到 31 个字符。`, `Invalid sheet name "${name}": it must have 1 to 31 characters.`);
  if (/[[\]:*?/\\]/.test(name)) throw new XlsxError('sheet', `工作表名"${name}"无效：不能包含 [ ] : * ? / \\。`, `Invalid sheet name "${name}": it must not contain [ ] : * ? / \\.`);
  if (name.startsWith("'") || name.endsWith("'")) throw new XlsxError('sheet', `工作表名"${name}"无效：不能以单引号开头或结尾。`, `Invalid sheet name "${name}": it must not start or end with an apostrophe.`);
  if (name.toLowerCase() === 'history') throw new XlsxError('sheet', '工作表名"History"无效：Excel 保留了这个名字。', 'Invalid sheet name "History": Excel reserves it.');
  return name;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An ISO 8601 date-time (as stored in t="d" cells) as an Excel serial. In the 1900 system serials before
 * 1 March 1900 are one less than the day count, because Excel counts a 29 February 1900 that never was.
 */
export function isoToSerial(iso: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(iso.trim());
    if (!t) return null;
    return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(`0.${t[4] ?? 0}`)) / 86400;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + Number(`0.${m[7] ?? 0}`) * 1000;
  if (date1904) return (ms - EPOCH_1904) / DAY_MS;
  const serial = (ms - EPOCH_1900) / DAY_MS;
  return serial < 61 ? serial - 1 : serial;
}
