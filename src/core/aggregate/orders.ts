// Orders / transactions sheet → per-customer totals for a period: spend, order count, first and last
// purchase, recency, average order value. One pass, one slot per customer, typed columns.
//
// Definitions (the tests pin each one):
// - spend: the sum of every row's amount in the window — returns and cancellations (negative rows)
//   reduce it. Amount = the amount column, else quantity × unit price.
// - orders: with an order-id column, the customer's distinct order ids in the window whose lines sum to
//   more than 0 (an invoice with many lines is one order; a return or cancellation is no order). Ids
//   written "C" + digits are cancellations, as in UCI Online Retail, when most order ids in the sheet
//   are plain digits (so a shop numbering every order "C…" is not misread). Without an order-id
//   column (or on a row whose order id is blank): each row with a positive amount is one order.
// - first / last purchase: the dates of the purchases counted as orders (their positive lines).
// - a row whose date or amount cannot be read is reported and skipped, never counted as 0; the
//   customer is marked `incomplete` because its totals miss that row.
import type { CellValue } from '../cells.ts';
import { loc } from '../i18n.ts';
import { parseDate } from '../values/date.ts';
import { parseNumber } from '../values/number.ts';
import { isExcelError, type Parsed } from '../values/result.ts';
import { isBlankValue, type CodedColumn, type CodedSheet } from './coded.ts';
import { aggregateOrderGrid } from './orders-grid.ts';
import { cellIssue, requiredIssue, type Field } from './common.ts';
import { idKey } from './keys.ts';
import type { PeriodWindow } from './period.ts';
import { OrderTally, orderSetup } from './orders-tally.ts';

import type { OrderColumns, OrdersAggregate, OrdersOptions } from './orders-types.ts';
export type { OrderColumns, OrdersAggregate, OrdersOptions };

/** A customer slot not yet looked up; no customer (a blank id); an id cell holding an Excel error. */
const UNKNOWN = -3;
const NO_CUSTOMER = -1;
const EXCEL_ERROR = -2;

function blankColumn(rows: number): CodedColumn {
  return { codes: new Int32Array(rows).fill(-1), values: [] };
}

/** f of a row's value, computed once per distinct value (code < 0: the blank cell). */
function perValue<T>(col: CodedColumn, f: (v: CellValue) => T): (code: number) => T {
  const done: (T | undefined)[] = new Array<T | undefined>(col.values.length);
  let blank: { v: T } | null = null;
  return (code) => {
    if (code < 0) return (blank ??= { v: f(null) }).v;
    let v = done[code];
    if (v === undefined) done[code] = v = f(col.values[code]!);
    return v;
  };
}

/** A column's numbers (or date serials), each distinct value parsed once; NaN where it cannot be read. */
class Numbers {
  private readonly value: Float64Array;
  private readonly read: Uint8Array;
  constructor(
    private readonly col: CodedColumn,
    private readonly parse: (v: CellValue) => Parsed<number>,
  ) {
    this.value = new Float64Array(col.values.length);
    this.read = new Uint8Array(col.values.length);
  }
  /** Row r's number, or NaN (then `failure(r)` says why). */
  at(r: number): number {
    const code = this.col.codes[r]!;
    if (code < 0) return NaN; // blank: failure(r) reports it
    if (this.read[code] === 1) return this.value[code]!;
    const p = this.parse(this.col.values[code]!);
    this.read[code] = 1;
    return (this.value[code] = p.ok && p.value !== null ? p.value : NaN);
  }
  /** Why row r cannot be read (parsed again: only unreadable rows get here). */
  failure(r: number): Parsed<number> {
    const code = this.col.codes[r]!;
    return this.parse(code < 0 ? null : this.col.values[code]!);
  }
}

/** True when none of the used columns holds anything on row r (a blank line inside the data). */
function blankRow(used: readonly CodedColumn[], blank: readonly ((code: number) => boolean)[], r: number): boolean {
  for (let k = 0; k < used.length; k++) {
    const code = used[k]!.codes[r]!;
    if (code >= 0 && !blank[k]!(code)) return false;
  }
  return true;
}

/**
 * Aggregate an orders sheet: `values` are the rows after the header (row r is sheet row firstRow + r), as
 * a grid or as coded columns (see coded.ts; the CSV byte reader's form). Both give the same result.
 */
export function aggregateOrders(
  values: readonly (readonly CellValue[])[] | CodedSheet,
  firstRow: number,
  cols: OrderColumns,
  window: PeriodWindow | null,
  opts: OrdersOptions = {},
): OrdersAggregate {
  const { useAmount, origin, allCols } = orderSetup(cols, firstRow, opts);
  if (!('columns' in values)) return aggregateOrderGrid(values, firstRow, cols, window, opts);
  const sheet = values;
  const column = (col: number | undefined): CodedColumn => (col !== undefined && sheet.columns.get(col)) || blankColumn(sheet.rows);
  const tally = new OrderTally(window);
  const customers = tally.customers;
  const issues = tally.issues;
  // Lines of one invoice are consecutive: remember the last one instead of building its key again.
  let lastInvCode = -2;
  let lastInvCustomer = -1;
  let lastInv = -1;

  // Each distinct value is read once: its customer slot, date, number, invoice key.
  const idCol = column(cols.customerId);
  const slotOf = new Int32Array(idCol.values.length).fill(UNKNOWN);
  const used = allCols.filter((c): c is number => c !== undefined).map(column);
  const usedBlank = used.map((col) => perValue(col, isBlankValue));
  const dateCol = column(cols.date);
  const dates = new Numbers(dateCol, parseDate);
  const numberCols = useAmount ? [column(cols.amount)] : [column(cols.quantity), column(cols.unitPrice)];
  const numbers = numberCols.map((col) => new Numbers(col, parseNumber));
  const numberColIndex = useAmount ? [cols.amount!] : [cols.quantity!, cols.unitPrice!];
  const numberFields: Field[] = useAmount ? ['amount'] : ['quantity', 'unitPrice'];
  const invCol = cols.orderId === undefined ? null : column(cols.orderId);
  const invKeyOf = invCol ? perValue(invCol, idKey) : null;

  for (let r = 0; r < sheet.rows; r++) {
    const idCode = idCol.codes[r]!;
    let c = idCode < 0 ? NO_CUSTOMER : slotOf[idCode]!;
    if (c === UNKNOWN) {
      const key = idKey(idCol.values[idCode]);
      if (key === null) c = NO_CUSTOMER;
      else if (key.charCodeAt(0) === 35 /* # */ && isExcelError(key)) c = EXCEL_ERROR;
      else c = customers.slot(key);
      slotOf[idCode] = c;
    }
    if (c < 0) {
      if (c === EXCEL_ERROR) {
        const key = idKey(idCol.values[idCode])!;
        issues.push(cellIssue(origin, r, cols.customerId, 'customerId', 'excel-error', loc(`单元格是 Excel 错误值 ${key}`, `the cell holds the Excel error ${key}`), key));
        tally.rowsWithoutCustomer++;
      } else if (!blankRow(used, usedBlank, r)) tally.rowsWithoutCustomer++;
      continue;
    }

    const date = dates.at(r);
    if (date !== date) {
      issues.push(requiredIssue(origin, r, cols.date, 'date', dates.failure(r))!);
      tally.skip(c);
      continue;
    }
    if (!tally.dated(date)) continue;

    let amount = numbers[0]!.at(r);
    if (numbers.length === 2) amount *= numbers[1]!.at(r);
    if (amount !== amount) {
      // Each unreadable cell of the row is reported.
      for (let k = 0; k < numbers.length; k++)
        if (numbers[k]!.at(r) !== numbers[k]!.at(r)) issues.push(requiredIssue(origin, r, numberColIndex[k]!, numberFields[k]!, numbers[k]!.failure(r))!);
      tally.skip(c);
      continue;
    }

    const invCode = invCol ? invCol.codes[r]! : -1;
    let inv = -1;
    if (invCode >= 0) {
      if (invCode === lastInvCode && c === lastInvCustomer) {
        inv = lastInv;
      } else {
        const invKey = invKeyOf!(invCode);
        if (invKey !== null) inv = tally.invoice(c, invKey);
        lastInvCode = invCode;
        lastInvCustomer = c;
        lastInv = inv;
      }
    }
    tally.line(c, date, amount, inv);
  }
  return tally.finish(opts);
}
