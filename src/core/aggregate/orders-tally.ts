// The per-customer tally both order loops feed (orders.ts over coded columns, orders-grid.ts over a grid):
// the customer and invoice slots, each line's sums, the invoice → orders pass and the finishing (spend,
// average order value, recency). The loops only read cells and report what cannot be read; the
// definitions live at the top of orders.ts.
import type { DataIssue } from '../issues.ts';
import { referenceDay, type Origin } from './common.ts';
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

export class OrderTally {
  readonly customers = new Slots(1024);
  private readonly spend = this.customers.column(0);
  private readonly gross = this.customers.column(0);
  private readonly lines = this.customers.column(0);
  private readonly rowOrders = this.customers.column(0); // orders counted per row (no order id)
  private readonly first = this.customers.column(NaN);
  private readonly last = this.customers.column(NaN);
  private readonly skipped = this.customers.column(0);

  private readonly invoices = new Slots(1024);
  private readonly invCustomer = this.invoices.column(-1);
  private readonly invTotal = this.invoices.column(0);
  private readonly invGross = this.invoices.column(0);
  private readonly invFirst = this.invoices.column(NaN);
  private readonly invLast = this.invoices.column(NaN);
  private readonly invCancelId = this.invoices.column(0); // 1 for "C" + digits
  private numericInvoices = 0;
  private cancelIdInvoices = 0;

  readonly issues: DataIssue[] = [];
  rowsWithoutCustomer = 0;
  private rowsOutsideWindow = 0;
  private rowsSkipped = 0;
  private latest = -Infinity;
  private readonly lo: number;
  private readonly hi: number;

  constructor(private readonly window: PeriodWindow | null) {
    this.lo = window === null ? -Infinity : window.start;
    this.hi = window === null ? Infinity : window.end + 1; // dates carry a time of day: the end day is whole
  }

  /** A readable date: true when it falls in the window (else the row is counted as outside). */
  dated(date: number): boolean {
    if (date > this.latest) this.latest = date;
    if (date >= this.lo && date < this.hi) return true;
    this.rowsOutsideWindow++;
    return false;
  }

  /** Customer c's row was skipped as unreadable (its issue is already reported). */
  skip(c: number): void {
    this.skipped.data[c] = 1;
    this.rowsSkipped++;
  }

  /** The invoice slot of customer c's order id (its key, see idKey). */
  invoice(c: number, invKey: string): number {
    const before = this.invoices.size;
    const inv = this.invoices.slot(`${c}\u0001${invKey}`);
    if (this.invoices.size > before) {
      this.invCustomer.data[inv] = c;
      if (isDigits(invKey, 0)) this.numericInvoices++;
      else if ((invKey.charCodeAt(0) | 32) === 99 /* c */ && isDigits(invKey, 1)) {
        this.invCancelId.data[inv] = 1;
        this.cancelIdInvoices++;
      }
    }
    return inv;
  }

  /** A line of customer c in the window: its amount (not NaN) on invoice `inv` (-1: none). */
  line(c: number, date: number, amount: number, inv: number): void {
    if (amount === 0) amount = 0; // no -0
    this.spend.data[c]! += amount;
    this.gross.data[c]! += Math.abs(amount);
    this.lines.data[c]! += 1;
    if (inv >= 0) {
      this.invTotal.data[inv]! += amount;
      this.invGross.data[inv]! += Math.abs(amount);
      if (amount > 0) {
        const f = this.invFirst.data;
        const l = this.invLast.data;
        if (!(date >= f[inv]!)) f[inv] = date; // NaN-safe min
        if (!(date <= l[inv]!)) l[inv] = date;
      }
    } else if (amount > 0) {
      this.rowOrders.data[c]! += 1;
      const f = this.first.data;
      const l = this.last.data;
      if (!(date >= f[c]!)) f[c] = date;
      if (!(date <= l[c]!)) l[c] = date;
    }
  }

  /** Orders from invoices, then spend, average order value and recency per customer. */
  finish(opts: OrdersOptions): OrdersAggregate {
    const n = this.customers.size;
    const orders = this.rowOrders.take(n);
    const firstOrder = this.first.take(n);
    const lastOrder = this.last.take(n);
    const cancelRule = this.cancelIdInvoices > 0 && this.numericInvoices >= this.cancelIdInvoices;
    const invTotal = this.invTotal.data;
    const invGross = this.invGross.data;
    for (let i = 0; i < this.invoices.size; i++) {
      if (!(invTotal[i]! > NOISE * invGross[i]!)) continue; // returns, cancellations, free or empty orders
      if (cancelRule && this.invCancelId.data[i] === 1) continue;
      const c = this.invCustomer.data[i]!;
      orders[c]! += 1;
      const f = this.invFirst.data[i]!;
      const l = this.invLast.data[i]!;
      if (!(f >= firstOrder[c]!)) firstOrder[c] = f;
      if (!(l <= lastOrder[c]!)) lastOrder[c] = l;
    }

    const spendOut = this.spend.take(n);
    const gross = this.gross.data;
    const skipped = this.skipped.data;
    const avgOrderValue = new Float64Array(n);
    const recencyDays = new Float64Array(n);
    const asOf = opts.asOf ?? referenceDay(this.window, this.latest);
    const asOfDay = Math.floor(asOf);
    let incomplete: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      if (Math.abs(spendOut[i]!) <= NOISE * gross[i]!) spendOut[i] = 0;
      const o = orders[i]!;
      avgOrderValue[i] = o > 0 ? spendOut[i]! / o : 0;
      const l = lastOrder[i]!;
      recencyDays[i] = l === l ? asOfDay - Math.floor(l) : NaN;
      if (skipped[i] === 1) (incomplete ??= new Uint8Array(n))[i] = 1;
    }

    return {
      ids: this.customers.keys,
      spend: spendOut,
      orders,
      lines: this.lines.take(n),
      lastOrder,
      firstOrder,
      recencyDays,
      avgOrderValue,
      incomplete,
      asOf,
      rowsWithoutCustomer: this.rowsWithoutCustomer,
      rowsOutsideWindow: this.rowsOutsideWindow,
      rowsSkipped: this.rowsSkipped,
      issues: this.issues,
    };
  }
}

/** What both order loops check and name first: amounts or quantity × price, where messages point, the columns read. */
export function orderSetup(cols: OrderColumns, firstRow: number, opts: OrdersOptions): { useAmount: boolean; origin: Origin; allCols: (number | undefined)[] } {
  const useAmount = cols.amount !== undefined;
  if (!useAmount && (cols.quantity === undefined || cols.unitPrice === undefined)) {
    throw new RangeError('aggregateOrders needs an amount column, or both a quantity and a unit-price column');
  }
  const origin: Origin = { firstRow, ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) };
  return { useAmount, origin, allCols: [cols.customerId, cols.date, cols.amount, cols.quantity, cols.unitPrice, cols.orderId] };
}
