// Orders aggregated from a grid of cells (a sheet as the hosts read it), row by row: see orders.ts for the
// definitions. The coded form (orders.ts) reads each distinct value once and is what the CSV byte reader
// feeds; a grid holds one value per cell anyway, and coding it first costs more than it saves, so grids
// keep this loop; both feed the same tally (orders-tally.ts). Tests hold the two equal (test/hosts/file/csv-bytes.test.ts, fuzz and Online Retail).
import type { CellValue } from '../cells.ts';
import { parseNumber } from '../values/number.ts';
import { DateReader, requiredIssue, rowCustomer, type Field } from './common.ts';
import { idKey } from './keys.ts';
import type { OrderColumns, OrdersAggregate, OrdersOptions } from './orders-types.ts';
import type { PeriodWindow } from './period.ts';
import { OrderTally, orderSetup } from './orders-tally.ts';

export function aggregateOrderGrid(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  cols: OrderColumns,
  window: PeriodWindow | null,
  opts: OrdersOptions = {},
): OrdersAggregate {
  const { useAmount, origin, allCols } = orderSetup(cols, firstRow, opts);
  const tally = new OrderTally(window);
  const customers = tally.customers;
  const issues = tally.issues;
  // Lines of one invoice are consecutive: remember the last one instead of building its key again.
  let lastInvText: CellValue | undefined;
  let lastInvCustomer = -1;
  let lastInv = -1;
  const dates = new DateReader();

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
      if (who.counted) tally.rowsWithoutCustomer++;
      continue;
    }
    const c = customers.slot(who.key);

    const d = dates.read(row[cols.date]);
    if (!d.ok || d.value === null) {
      issues.push(requiredIssue(origin, r, cols.date, 'date', d)!);
      tally.skip(c);
      continue;
    }
    const date = d.value;
    if (!tally.dated(date)) continue;

    let amount: number;
    if (useAmount) {
      amount = readNumber(row, r, cols.amount!, 'amount');
    } else {
      const q = readNumber(row, r, cols.quantity!, 'quantity');
      const p = readNumber(row, r, cols.unitPrice!, 'unitPrice');
      amount = q * p;
    }
    if (amount !== amount) {
      tally.skip(c);
      continue;
    }

    const invText = cols.orderId === undefined ? undefined : row[cols.orderId];
    let inv = -1;
    if (invText !== undefined && invText !== null) {
      if (invText === lastInvText && c === lastInvCustomer) {
        inv = lastInv;
      } else {
        const invKey = idKey(invText);
        if (invKey !== null) inv = tally.invoice(c, invKey);
        lastInvText = invText;
        lastInvCustomer = c;
        lastInv = inv;
      }
    }
    tally.line(c, date, amount, inv);
  }
  return tally.finish(opts);
}
