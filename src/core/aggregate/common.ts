// What the aggregations share: reading a row's cells and reporting the ones we cannot read.
import type { CellValue } from '../cells.ts';
import { loc, type Localized } from '../i18n.ts';
import { a1, type DataIssue, type IssueCode } from '../issues.ts';
import { parseDate } from '../values/date.ts';
import { isExcelError, type Parsed } from '../values/result.ts';
import { idKey } from './keys.ts';

/** What the columns of a transaction sheet are called in messages. */
export const FIELD_LABELS = {
  customerId: loc('客户编号', 'Customer ID'),
  date: loc('日期', 'Date'),
  amount: loc('金额', 'Amount'),
  quantity: loc('数量', 'Quantity'),
  unitPrice: loc('单价', 'Unit price'),
  orderId: loc('订单号', 'Order ID'),
  type: loc('类型', 'Type'),
  score: loc('评分', 'Score'),
} as const satisfies Record<string, Localized>;

export type Field = keyof typeof FIELD_LABELS;

const ROW_SKIPPED = loc('（该行未计入）', ' (the row was not counted)');

/** Where an aggregation reads from, for messages. */
export interface Origin {
  sheet?: string;
  /** 1-based sheet row of values[0]. */
  firstRow: number;
}

/** An issue about one cell of a skipped row: sheet, row, A1 reference, the column's name, what was typed. */
export function cellIssue(
  origin: Origin,
  r: number,
  col: number,
  field: Field,
  code: IssueCode,
  message: Localized,
  value: string | undefined,
): DataIssue {
  const row = origin.firstRow + r;
  const label = FIELD_LABELS[field];
  const issue: DataIssue = {
    code,
    row,
    cell: a1(row, col),
    field,
    message: loc(
      `${label['zh-CN']}：${message['zh-CN']}${ROW_SKIPPED['zh-CN']}`,
      `${label['en-US']}: ${message['en-US']}${ROW_SKIPPED['en-US']}`,
    ),
  };
  if (origin.sheet !== undefined) issue.sheet = origin.sheet;
  if (value !== undefined) issue.value = value;
  return issue;
}

export const BLANK_MESSAGE = loc('单元格为空', 'the cell is empty');

/** A parse failure as a cell issue. */
export function failureIssue(
  origin: Origin,
  r: number,
  col: number,
  field: Field,
  failure: Extract<Parsed<unknown>, { ok: false }>,
): DataIssue {
  return cellIssue(origin, r, col, field, failure.code, failure.message, failure.raw);
}

/** The issue for a required cell that is blank or unreadable, or null when `parsed` holds a value. */
export function requiredIssue(origin: Origin, r: number, col: number, field: Field, parsed: Parsed<unknown>): DataIssue | null {
  if (!parsed.ok) return failureIssue(origin, r, col, field, parsed);
  return parsed.value === null ? cellIssue(origin, r, col, field, 'blank', BLANK_MESSAGE, undefined) : null;
}

/**
 * parseDate with a one-entry memory: transaction sheets repeat the same date text on consecutive
 * rows (every line of an invoice), so most rows skip the parse.
 */
export class DateReader {
  private lastText: string | null = null;
  private lastResult: Parsed<number> | null = null;
  read(cell: CellValue | undefined): Parsed<number> {
    if (typeof cell === 'string') {
      if (cell === this.lastText && this.lastResult !== null) return this.lastResult;
      const result = parseDate(cell);
      this.lastText = cell;
      this.lastResult = result;
      return result;
    }
    return parseDate(cell);
  }
}

/** True when none of the given columns holds anything (a blank line inside the data). */
export function blankRow(row: readonly CellValue[], cols: readonly (number | undefined)[]): boolean {
  for (const c of cols) {
    if (c === undefined) continue;
    const v = row[c];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}

/** The reference day of recency: the window's last day, or the day of the latest date in the data. */
export function referenceDay(window: { end: number } | null, latest: number): number {
  return window !== null ? window.end : Number.isFinite(latest) ? Math.floor(latest) : NaN;
}

/**
 * The customer a row belongs to: its id key, or null when the row has none — a blank id on a row with data,
 * or an id cell holding an Excel error (reported). Fully blank rows return null without counting.
 */
export function rowCustomer(
  row: readonly CellValue[],
  r: number,
  idCol: number,
  usedCols: readonly (number | undefined)[],
  origin: Origin,
  issues: DataIssue[],
): { key: string | null; counted: boolean } {
  const key = idKey(row[idCol]);
  if (key === null) return { key: null, counted: !blankRow(row, usedCols) };
  if (key.charCodeAt(0) === 35 /* # */ && isExcelError(key)) {
    issues.push(cellIssue(origin, r, idCol, 'customerId', 'excel-error', loc(`单元格是 Excel 错误值 ${key}`, `the cell holds the Excel error ${key}`), key));
    return { key: null, counted: true };
  }
  return { key, counted: false };
}
