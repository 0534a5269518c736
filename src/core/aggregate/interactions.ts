// Contact log (calls, meetings, e-mails, service tickets) → per customer: how many, of which type, when last.
import type { CellValue } from '../cells.ts';
import type { DataIssue } from '../issues.ts';
import { DateReader, referenceDay, requiredIssue, rowCustomer, type Origin } from './common.ts';
import type { PeriodWindow } from './period.ts';
import { Slots, type Column } from './slots.ts';
import { normalizeKey } from '../grading/ids.ts';

export interface InteractionColumns {
  customerId: number;
  date: number;
  /** 电话 / 会议 / 邮件 / 服务 …: counted as typed (spaces, full-width and ASCII case folded). */
  type?: number;
}

export interface InteractionsAggregate {
  /** Distinct customer ids in first-seen order, also those without rows in the window. */
  ids: string[];
  /** Interactions in the window. */
  count: Float64Array;
  /** Per type (as first written, in first-seen order): interactions in the window. Rows without a type count only in `count`. */
  byType: Map<string, Float64Array>;
  /** Serial of the latest interaction in the window; NaN when none. */
  lastDate: Float64Array;
  /** Whole days from the last interaction to `asOf`; NaN when none. */
  daysSinceLast: Float64Array;
  asOf: number;
  rowsWithoutCustomer: number;
  rowsOutsideWindow: number;
  rowsSkipped: number;
  issues: DataIssue[];
}

export function aggregateInteractions(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  cols: InteractionColumns,
  window: PeriodWindow | null,
  opts: { sheet?: string; asOf?: number } = {},
): InteractionsAggregate {
  const origin: Origin = { firstRow, ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}) };
  const lo = window === null ? -Infinity : window.start;
  const hi = window === null ? Infinity : window.end + 1;
  const customers = new Slots(256);
  const count = customers.column(0);
  const last = customers.column(NaN);
  const typeColumns = new Map<string, { label: string; column: Column }>();
  const dates = new DateReader();
  const issues: DataIssue[] = [];
  let rowsWithoutCustomer = 0;
  let rowsOutsideWindow = 0;
  let rowsSkipped = 0;
  let latest = -Infinity;

  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (row === undefined) continue;
    const who = rowCustomer(row, r, cols.customerId, [cols.customerId, cols.date, cols.type], origin, issues);
    if (who.key === null) {
      if (who.counted) rowsWithoutCustomer++;
      continue;
    }
    const key = who.key;
    const c = customers.slot(key);
    const d = dates.read(row[cols.date]);
    if (!d.ok || d.value === null) {
      issues.push(requiredIssue(origin, r, cols.date, 'date', d)!);
      rowsSkipped++;
      continue;
    }
    const date = d.value;
    if (date > latest) latest = date;
    if (!(date >= lo && date < hi)) {
      rowsOutsideWindow++;
      continue;
    }
    count.data[c]! += 1;
    if (!(date <= last.data[c]!)) last.data[c] = date;
    if (cols.type !== undefined) {
      const t = row[cols.type];
      const label = t === null || t === undefined ? '' : normalizeKey(String(t));
      if (label !== '') {
        const k = label.toLowerCase();
        let entry = typeColumns.get(k);
        if (entry === undefined) {
          entry = { label, column: customers.column(0) };
          typeColumns.set(k, entry);
        }
        entry.column.data[c]! += 1;
      }
    }
  }

  const n = customers.size;
  const byType = new Map<string, Float64Array>();
  for (const { label, column } of typeColumns.values()) byType.set(label, column.take(n));
  const lastDate = last.take(n);
  const asOf = opts.asOf ?? referenceDay(window, latest);
  const daysSinceLast = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = lastDate[i]!;
    daysSinceLast[i] = l === l ? Math.floor(asOf) - Math.floor(l) : NaN;
  }
  return {
    ids: customers.keys,
    count: count.take(n),
    byType,
    lastDate,
    daysSinceLast,
    asOf,
    rowsWithoutCustomer,
    rowsOutsideWindow,
    rowsSkipped,
    issues,
  };
}
