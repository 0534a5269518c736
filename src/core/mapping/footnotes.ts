// Where a hand-kept list's customers end: a 合计/Total line closes the data, and lines with text in the
// first column only (注：…, 制表人：张三, 数据来源：ERP, a section line) are notes, wherever they stand.
// Neither is a customer; the caller says how many rows were taken as notes.
import type { CellValue } from '../cells.ts';
import { cleanCellText } from '../values/fullwidth.ts';
import type { ColumnMapping } from './columns.ts';
import { isBlankRow } from './header-row.ts';

/** A grand total ends the data; a subtotal is skipped where it stands. */
const GRAND_TOTAL = /^(合计|总计|共计|总合计|汇总|total|totals|grand total|sum)[:：]?$/i;
const SUBTOTAL = /^(小计|subtotal|sub-total|sub total)[:：]?$/i;

/** Fields that say who a row is, not what was measured. */
const WHO = new Set(['id', 'name', 'override', 'overrideReason']);

export interface SplitRows {
  /** Indexes (into the sheet's values) of the customers' rows. */
  rows: number[];
  /** Indexes of rows taken as notes (notes between customers, and everything under the total row). */
  notes: number[];
  /** Index of the total row that ends the data, if any. */
  total: number | null;
}

function isFilled(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined && (typeof v !== 'string' || cleanCellText(v) !== '');
}

/** The first text of a row, without spaces, for the 合计/Total test. */
function firstText(row: readonly CellValue[], skip: ReadonlySet<number>): string | undefined {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (skip.has(c) || !isFilled(v)) continue;
    return typeof v === 'string' ? cleanCellText(v).replace(/\s+/g, '') : undefined;
  }
  return undefined;
}

/** A total line: its id cell is blank or says 合计 itself, and its first text says 合计/Total. */
function totalKind(row: readonly CellValue[], mapping: ColumnMapping, skip: ReadonlySet<number>): 'grand' | 'sub' | null {
  const text = firstText(row, skip);
  if (text === undefined) return null;
  const kind = GRAND_TOTAL.test(text) ? 'grand' : SUBTOTAL.test(text) ? 'sub' : null;
  if (kind === null) return null;
  const idCol = mapping.byField.id?.col;
  const id = idCol !== undefined ? row[idCol] : undefined;
  if (isFilled(id) && !(typeof id === 'string' && (GRAND_TOTAL.test(cleanCellText(id)) || SUBTOTAL.test(cleanCellText(id))))) return null;
  return kind;
}

/** Text in one cell only, in the table's first column, and no mapped metric holds anything. */
function isNote(row: readonly CellValue[], firstCol: number, metricCols: ReadonlySet<number>, skip: ReadonlySet<number>): boolean {
  let at = -1;
  for (let c = 0; c < row.length; c++) {
    if (skip.has(c) || !isFilled(row[c])) continue;
    if (at !== -1) return false;
    at = c;
  }
  return at !== -1 && at <= firstCol && !metricCols.has(at) && typeof row[at] === 'string';
}

/**
 * Split the rows under the header into customers and notes. `headers` is the header row (its first
 * filled cell is the table's first column); our own output columns are not looked at.
 */
export function splitDataRows(
  values: readonly (readonly CellValue[])[],
  headerIndex: number,
  headers: readonly (string | null)[],
  mapping: ColumnMapping,
): SplitRows {
  const steps = splitDataRowsSteps(values, headerIndex, headers, mapping);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** Rows between two yields of splitDataRowsSteps. */
const ROWS_PER_STEP = 16_384;

/** splitDataRows, yielding every few thousand rows (a caller on a UI thread gives the thread back between them). */
export function* splitDataRowsSteps(
  values: readonly (readonly CellValue[])[],
  headerIndex: number,
  headers: readonly (string | null)[],
  mapping: ColumnMapping,
): Generator<void, SplitRows> {
  const skip = new Set(mapping.outputColumns.map((o) => o.col));
  const firstCol = Math.max(0, headers.findIndex((h) => h !== null && h !== undefined && cleanCellText(String(h)) !== ''));
  const metricCols = new Set(mapping.columns.filter((m) => !WHO.has(m.field)).map((m) => m.col));
  const rows: number[] = [];
  const notes: number[] = [];
  let total: number | null = null;
  // dataRows(), row by row: blank rows are skipped.
  for (let r = headerIndex + 1; r < values.length; r++) {
    if ((r - headerIndex) % ROWS_PER_STEP === 0) yield;
    if (isBlankRow(values[r])) continue;
    const row = values[r]!;
    if (total !== null) {
      if (row.some((v, c) => !skip.has(c) && isFilled(v))) notes.push(r);
      continue;
    }
    const kind = totalKind(row, mapping, skip);
    if (kind === 'grand' && rows.length > 0) total = r;
    else if (kind !== null) continue;
    else if (isNote(row, firstCol, metricCols, skip)) notes.push(r);
    else rows.push(r);
  }
  return { rows, notes, total };
}
