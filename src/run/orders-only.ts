// The orders-only path of the run: an orders export with no customer sheet becomes customers of their own
// (one per distinct id, aggregated), graded onto a sheet TierBook writes; and what stops such a run.
import { a1, columnLetter, loc, type Lang, type Scheme, metricSpec, ordersToTable, type PeriodWindow, type CustomerTable } from '../core/index.ts';
import type { CellValue, ColumnWrite, GeneratedSheet } from '../port/workbook.ts';
import { aggregatePeriodOrders, type Related } from './related-sheets.ts';
import { currenciesOf, type ColumnCurrencies } from './currency.ts';
import { RunError } from './errors.ts';
import { type CustomerSheet } from './read-customers.ts';

/** Customers made from an orders export: one per distinct id, graded onto a sheet of their own. */
export function customersFromOrders(related: Related, window: PeriodWindow | null, asOf: number, sheet: string): CustomerSheet {
  const { inPeriod, upToEnd } = aggregatePeriodOrders(related.orders!, window, asOf);
  const all = ordersToTable(inPeriod);
  // Recency counts from the last purchase up to the period end, even when it was before the period.
  all.metrics.recencyDays = { values: upToEnd.recencyDays, invalid: upToEnd.incomplete };
  // The customers of a period are the ids with rows in it; one who bought nothing then is not graded then
  // (and shows as churned or new in the movement between periods).
  const keep: number[] = [];
  for (let i = 0; i < all.size; i++) if (!window || inPeriod.lines[i]! > 0) keep.push(i);
  const table = subsetTable(all, keep);
  table.rows = table.ids.map((_, i) => i + 2);
  return {
    sheet,
    generated: true,
    table,
    sheetRows: table.rows,
    headerRow: 1,
    headerCells: [],
    lastRow: table.size + 1,
    lastUserCol: ORDER_SHEET_METRICS.length,
    mapping: { columns: [], byField: {}, outputColumns: [], unmapped: [], problems: [] },
    outputCols: {},
    noteRows: [],
    warnings: [],
    asOf,
    currencies: [],
  };
}

/** The customers at the given positions, issues re-indexed. */
function subsetTable(table: CustomerTable, keep: readonly number[]): CustomerTable {
  if (keep.length === table.size) return table;
  const at = new Map(keep.map((i, k) => [i, k]));
  const pick = <T,>(xs: readonly T[]) => keep.map((i) => xs[i]!);
  const metrics: CustomerTable['metrics'] = {};
  for (const [m, col] of Object.entries(table.metrics)) {
    const values = Float64Array.from(keep, (i) => col.values[i]!);
    const invalid = col.invalid ? Uint8Array.from(keep, (i) => col.invalid![i]!) : null;
    metrics[m] = { values, invalid };
  }
  return {
    size: keep.length,
    ids: pick(table.ids),
    names: pick(table.names),
    rows: table.rows ? pick(table.rows) : null,
    metrics,
    overrides: table.overrides ? pick(table.overrides) : null,
    overrideReasons: table.overrideReasons ? pick(table.overrideReasons) : null,
    issues: table.issues.filter((x) => x.index === undefined || at.has(x.index)).map((x) => (x.index === undefined ? x : { ...x, index: at.get(x.index)! })),
  };
}

const ORDER_SHEET_METRICS = ['annualSpend', 'orderCount', 'avgOrderValue', 'recencyDays'] as const;

/** The customers sheet of an orders-only run: id, the aggregated metrics, then the output columns. */
export function customersSheet(customers: CustomerSheet, scheme: Scheme, lang: Lang, columns: ColumnWrite[]): GeneratedSheet {
  const { table } = customers;
  const labels = ORDER_SHEET_METRICS.map((m) => metricSpec(scheme, m).label[lang]);
  const header = [loc('客户编号', 'Customer ID')[lang], ...labels, ...columns.map((c) => c.header)];
  const rows = table.ids.map((id, i) => [
    id,
    ...ORDER_SHEET_METRICS.map((m) => {
      const v = table.metrics[m]?.values[i];
      return v !== undefined && Number.isFinite(v) ? v : null;
    }),
    ...columns.map((c) => c.values[i] ?? null),
  ]);
  const tierCol = columns.findIndex((c) => c.fills);
  const fills = tierCol >= 0 ? columns[tierCol]!.fills! : undefined;
  return {
    name: customers.sheet,
    kind: 'customers',
    tables: [
      {
        header,
        rows,
        numberFormats: [null, '#,##0.00', '0', '#,##0.00', '0', ...columns.map((c) => c.numberFormat ?? null)],
        ...(fills ? { rowFills: fills } : {}),
        tableName: 'TierBookCustomers',
      },
    ],
    widths: [14, 14, 10, 14, 12, ...columns.map((c) => c.width ?? 12)],
    freezeRows: 2,
  };
}

/** Schemes that grade from orders alone (spend, order count, recency): the hint for an orders export. */
const ORDERS_ONLY_SCHEMES = ['rfm-5', 'abc-revenue'];

/**
 * The run stops: the scheme needs metrics nothing supplies. Says which, in words, and what the sheet has;
 * what to do next is an advice code the host words (the command line's --scheme / --map, the pane's steps).
 */
export function missingMetrics(scheme: Scheme, customers: CustomerSheet, metrics: readonly string[]): RunError {
  const labels = (lang: Lang) => metrics.map((m) => metricSpec(scheme, m).label[lang]);
  const need = loc(`方案"${scheme.name['zh-CN']}"还需要：${labels('zh-CN').join('、')}`, `The scheme "${scheme.name['en-US']}" also needs: ${labels('en-US').join(', ')}`);
  if (customers.generated)
    return new RunError('missing-columns', {
      lines: [
        {
          message: loc(
            `只有订单记录，能算出的是消费金额、订单数、平均订单金额和最近消费天数；${need['zh-CN']}。`,
            `With only an orders export, spend, order count, average order and days since last purchase are known. ${need['en-US']}.`,
          ),
          advice: { kind: 'orders-scheme', schemes: ORDERS_ONLY_SCHEMES },
        },
      ],
    });
  const headers = [...customers.mapping.columns, ...customers.mapping.unmapped].sort((a, b) => a.col - b.col).map((c) => c.header);
  const found = headers.length ? loc(`表头中有：${headers.join('、')}`, `Headers found: ${headers.join(', ')}`) : loc('没有找到任何列名', 'no column names were found');
  return new RunError('missing-columns', {
    lines: [
      {
        message: loc(
          `工作表"${customers.sheet}"缺少评级所需的列。${need['zh-CN']}。${found['zh-CN']}`,
          `Sheet "${customers.sheet}" lacks columns needed for grading. ${need['en-US']}. ${found['en-US']}`,
        ),
        advice: { kind: 'choose-columns' },
      },
    ],
  });
}

/** The currencies the orders sheet's amount (or unit price) cells show. */
export function ordersCurrencies(related: Related): ColumnCurrencies[] {
  const o = related.orders;
  if (!o) return [];
  const col = o.cols.amount ?? o.cols.unitPrice;
  if (col === undefined) return [];
  const rows = o.rows;
  let cells: CellValue[];
  if ('columns' in rows) {
    const coded = rows.columns.get(col);
    cells = coded ? Array.from(coded.codes, (k) => (k < 0 ? null : coded.values[k]!)) : new Array<CellValue>(rows.rows).fill(null);
  } else cells = rows.map((r) => r[col] ?? null);
  const found = currenciesOf(o.sheet, columnLetter(col), cells, (i) => a1(o.firstRow + i, col));
  return found ? [found] : [];
}
