// Orders aggregated from a grid of cells (a sheet as the hosts read it), row by row: see orders.ts for the
// definitions. The coded form (orders.ts) reads each distinct value once and is what the CSV byte reader
// feeds; a grid holds one value per cell anyway, and coding it first costs more than it saves, so grids
// keep this loop. Tests hold the two equal (test/hosts/file/csv-bytes.test.ts, fuzz and Online Retail).
import type { CellValue } from '../cells.ts';
import type { DataIssue } from '../issues.ts';
import { parseNumber } from '../values/number.ts';
import { DateReader, referenceDay, requiredIssue, rowCustomer, type Field, type Origin } from './common.ts';
import { idKey } from './keys.ts';
import type { OrderColumns, OrdersAggregate, OrdersOptions } from './orders-types.ts';
import type { PeriodWindow } from './period.ts';
import { Slots } from './slots.ts';

function isDigits(s: string, from: number): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Sums within this fraction of the gross are float noise (0.1 + 0.2 − 0.3), not money. */
const NOISE = 1e-9;

export function aggregateOrderGrid(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  cols: OrderColumns,
  window: PeriodWindow | null,
  opts: OrdersOptions = {},
): OrdersAggregate {
  const useAmount = cols.amount !== undefined;
  if (!useAmount && (cols.quantity === undefined || cols.unitPrice === undefined)) {
    throw new RangeError('aggregateOrders needs an amount column, or both a quantity and a unit-price column');
  }
  const origin: Origin = { firstRow, ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) };
  const allCols = [cols.customerId, cols.date, cols.amount, cols.quantity, cols.unitPrice, cols.orderId];
  const lo = window === null ? -Infinity : window.start;
  const hi = window === null ? Infinity : window.end + 1; // dates carry a time of day: the end day is whole

  const customers = new Slots(1024);
  const spend = customers.column(0);
  const gross = customers.column(0);
  const lines = customers.column(0);
  const rowOrders = customers.column(0); // orders counted per row (no order id)
  const first = customers.column(NaN);
  const last = customers.column(NaN);
  const skipped = customers.column(0);

  const invoices = new Slots(1024);
  const invCustomer = invoices.column(-1);
  const invTotal = invoices.column(0);
  const invGross = invoices.column(0);
  const invFirst = invoices.column(NaN);
  const invLast = invoices.column(NaN);
  const invCancelId = invoices.column(0); // 1 for "C" + digits
  let numericInvoices = 0;
  let cancelIdInvoices = 0;
  // Lines of one invoice are consecutive: remember the last one instead of building its key again.
  let lastInvText: CellValue | undefined;
  let lastInvCustomer = -1;
  let lastInv = -1;

  const dates = new DateReader();
  const issues: DataIssue[] = [];
  let rowsWithoutCustomer = 0;
  let rowsOutsideWindow = 0;
  let rowsSkipped = 0;
  let latest = -Infinity;

  const readNumber = (row: readonly CellValue[], r: number, col: number, field: Field): number => {
    const p = parseNumber(row[col]);
    const issue = requiredIssue(origin, r, col, field, p);
    if (issue) issues.push(issue);
    return p.ok && p.value !== null ? p.value : NaN;
  };

  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (row === undefined) continue;
    const who = rowCustomer(row, r, cols.customerId, allCols, origin, issues);
    if (who.key === null) {
      if (who.counted) rowsWithoutCustomer++;
      continue;
    }
    const key = who.key;
    const c = customers.slot(key);

    const d = dates.read(row[cols.date]);
    if (!d.ok || d.value === null) {
      issues.push(requiredIssue(origin, r, cols.date, 'date', d)!);
      skipped.data[c] = 1;
      rowsSkipped++;
      continue;
    }
    const date = d.value;
    if (date > latest) latest = date;
    if (!(date >= lo && date < hi)) {
      rowsOutsideWindow++;
      continue;
    }

    let amount: number;
    if (useAmount) {
      amount = readNumber(row, r, cols.amount!, 'amount');
    } else {
      const q = readNumber(row, r, cols.quantity!, 'quantity');
      const p = readNumber(row, r, cols.unitPrice!, 'unitPrice');
      amount = q * p;
    }
    if (amount !== amount) {
      skipped.data[c] = 1;
      rowsSkipped++;
      continue;
    }
    if (amount === 0) amount = 0; // no -0

    spend.data[c]! += amount;
    gross.data[c]! += Math.abs(amount);
    lines.data[c]! += 1;

    const invText = cols.orderId === undefined ? undefined : row[cols.orderId];
    let inv = -1;
    if (invText !== undefined && invText !== null) {
      if (invText === lastInvText && c === lastInvCustomer) {
        inv = lastInv;
      } else {
        const invKey = idKey(invText);
        if (invKey !== null) {
          const before = invoices.size;
          inv = invoices.slot(`${c}\u0001${invKey}`);
          if (invoices.size > before) {
            invCustomer.data[inv] = c;
            if (isDigits(invKey, 0)) numericInvoices++;
            else if ((invKey.charCodeAt(0) | 32) === 99 /* c */ && isDigits(invKey, 1)) {
              invCancelId.data[inv] = 1;
              cancelIdInvoices++;
            }
          }
        }
        lastInvText = invText;
        lastInvCustomer = c;
        lastInv = inv;
      }
    }
    if (inv >= 0) {
      invTotal.data[inv]! += amount;
      invGross.data[inv]! += Math.abs(amount);
      if (amount > 0) {
        if (!(date >= invFirst.data[inv]!)) invFirst.data[inv] = date; // NaN-safe min
        if (!(date <= invLast.data[inv]!)) invLast.data[inv] = date;
      }
    } else if (amount > 0) {
      rowOrders.data[c]! += 1;
      if (!(date >= first.data[c]!)) first.data[c] = date;
      if (!(date <= last.data[c]!)) last.data[c] = date;
    }
  }

  // Orders from invoices.
  const n = customers.size;
  const orders = rowOrders.take(n);
  const firstOrder = first.take(n);
  const lastOrder = last.take(n);
  const cancelRule = cancelIdInvoices > 0 && numericInvoices >= cancelIdInvoices;
  for (let i = 0; i < invoices.size; i++) {
    const total = invTotal.data[i]!;
    if (!(total > NOISE * invGross.data[i]!)) continue; // returns, cancellations, free or empty orders
    if (cancelRule && invCancelId.data[i] === 1) continue;
    const c = invCustomer.data[i]!;
    orders[c]! += 1;
    const f = invFirst.data[i]!;
    const l = invLast.data[i]!;
    if (!(f >= firstOrder[c]!)) firstOrder[c] = f;
    if (!(l <= lastOrder[c]!)) lastOrder[c] = l;
  }

  const spendOut = spend.take(n);
  const avgOrderValue = new Float64Array(n);
  const recencyDays = new Float64Array(n);
  const asOf = opts.asOf ?? referenceDay(window, latest);
  const asOfDay = Math.floor(asOf);
  let incomplete: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (Math.abs(spendOut[i]!) <= NOISE * gross.data[i]!) spendOut[i] = 0;
    const o = orders[i]!;
    avgOrderValue[i] = o > 0 ? spendOut[i]! / o : 0;
    const l = lastOrder[i]!;
    recencyDays[i] = l === l ? asOfDay - Math.floor(l) : NaN;
    if (skipped.data[i] === 1) (incomplete ??= new Uint8Array(n))[i] = 1;
  }

  return {
    ids: customers.keys,
    spend: spendOut,
    orders,
    lines: lines.take(n),
    lastOrder,
    firstOrder,
    recencyDays,
    avgOrderValue,
    incomplete,
    asOf,
    rowsWithoutCustomer,
    rowsOutsideWindow,
    rowsSkipped,
    issues,
  };
}
