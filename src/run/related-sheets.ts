// Related sheets: an orders export (订单记录), interactions (互动记录) and satisfaction (满意度) fill the
// metrics the customer sheet does not have, joined by customer id; an orders export alone is enough.
import {
  aggregateInteractions,
  aggregateOrders,
  aggregateSatisfaction,
  detectHeaderRow,
  gather,
  generatedSheetOf,
  interactionColumns,
  joinById,
  orderColumns,
  outputColumnOf,
  satisfactionColumns,
  type CodedSheet,
  type CustomerTable,
  type DataIssue,
  type OrdersAggregate,
  type PeriodWindow,
  type Scheme,
} from '../core/index.ts';
import type { SheetInfo, SheetValues, WorkbookPort } from '../port/workbook.ts';

export interface RelatedSheet<C> {
  sheet: string;
  /** Rows after the header. */
  rows: SheetValues['values'];
  firstRow: number;
  cols: C;
}

type OrderCols = NonNullable<ReturnType<typeof orderColumns>>;

/** Rows looked at for the header: detectHeaderRow reads 30 and the 6 below them. */
const HEAD_ROWS = 40;

export interface Related {
  /** Orders: as rows, or (a host with readColumns) only the mapped columns, coded. */
  orders: (Omit<RelatedSheet<OrderCols>, 'rows'> & { rows: SheetValues['values'] | CodedSheet }) | null;
  interactions: RelatedSheet<NonNullable<ReturnType<typeof interactionColumns>>> | null;
  satisfaction: RelatedSheet<NonNullable<ReturnType<typeof satisfactionColumns>>> | null;
}

/** Look through the other visible sheets for orders, interactions and satisfaction tables. */
export async function findRelatedSheets(port: WorkbookPort, sheets: SheetInfo[], exclude: string | null, own?: { sheets: ReadonlyMap<string, unknown> }): Promise<Related> {
  const found: Related = { orders: null, interactions: null, satisfaction: null };
  for (const info of sheets) {
    if (!info.visible || info.lastRow < 2 || info.name === exclude || (own ? own.sheets.has(info.name) : generatedSheetOf(info.name))) continue;
    // A host that codes columns (a CSV) is asked for the header rows first, then only for an orders export's columns.
    const coded = port.readColumns !== undefined;
    let values = await port.readSheet(info.name, coded ? { lastRow: HEAD_ROWS } : undefined);
    const header = detectHeaderRow(values.values, values.firstRow);
    if (!header) continue;
    const firstRow = header.row + 1;
    // On a sheet we graded before (it carries our output columns, "Tier" and "Score" among them), those
    // columns are ours, not a satisfaction score; a lone "Score" header on a survey sheet is the user's.
    const ours = header.headers.filter((h) => outputColumnOf(h)).length >= 2;
    const headers = ours ? header.headers.map((h) => (outputColumnOf(h) ? null : h)) : header.headers;
    const orders = orderColumns(headers);
    if (orders && !found.orders) {
      const cols = [orders.customerId, orders.date, orders.amount, orders.quantity, orders.unitPrice, orders.orderId].filter((c) => c !== undefined);
      const rows = coded ? await port.readColumns!(info.name, cols, firstRow) : values.values.slice(header.index + 1);
      found.orders = { sheet: info.name, rows, firstRow, cols: orders };
      continue;
    }
    if (coded) values = await port.readSheet(info.name);
    const rows = values.values.slice(header.index + 1);
    const interactions = interactionColumns(headers);
    if (interactions && !found.interactions) {
      found.interactions = { sheet: info.name, rows, firstRow, cols: interactions };
      continue;
    }
    const satisfaction = satisfactionColumns(headers);
    if (satisfaction && !found.satisfaction) found.satisfaction = { sheet: info.name, rows, firstRow, cols: satisfaction };
  }
  return found;
}

/** Metric → the related sheet that supplies it when the customer sheet has no column for it. */
export function metricsFromRelated(related: Related): Map<string, string> {
  const out = new Map<string, string>();
  if (related.orders) for (const m of ['annualSpend', 'orderCount', 'avgOrderValue', 'recencyDays']) out.set(m, related.orders.sheet);
  if (related.satisfaction) for (const m of ['satisfaction', 'nps']) out.set(m, related.satisfaction.sheet);
  if (related.interactions) out.set('interactions', related.interactions.sheet);
  return out;
}

/** Aggregate the orders of the period; recency counts from the last purchase up to the period end, even if it was earlier. */
export function aggregatePeriodOrders(
  orders: NonNullable<Related['orders']>,
  window: PeriodWindow | null,
  asOf: number | undefined,
): { inPeriod: OrdersAggregate; upToEnd: OrdersAggregate } {
  // A run without a period aggregates once to find the latest order, then again to that same day: reuse it.
  const cached = aggregated.get(orders);
  if (cached && cached.window === window && (asOf === undefined || Object.is(asOf, cached.result.inPeriod.asOf))) return cached.result;
  const result = aggregateUncached(orders, window, asOf);
  aggregated.set(orders, { window, result });
  return result;
}

const aggregated = new WeakMap<object, { window: PeriodWindow | null; result: { inPeriod: OrdersAggregate; upToEnd: OrdersAggregate } }>();

function aggregateUncached(orders: NonNullable<Related['orders']>, window: PeriodWindow | null, asOf: number | undefined): { inPeriod: OrdersAggregate; upToEnd: OrdersAggregate } {
  const opts = { sheet: orders.sheet, ...(asOf !== undefined ? { asOf } : {}) };
  const inPeriod = aggregateOrders(orders.rows, orders.firstRow, orders.cols, window, opts);
  const upToEnd = window ? aggregateOrders(orders.rows, orders.firstRow, orders.cols, { start: -Infinity, end: window.end }, opts) : inPeriod;
  return { inPeriod, upToEnd };
}

/**
 * Fill the metrics the scheme declares and the customer table lacks, from the related sheets. A customer
 * without orders in the period has spend 0 and 0 orders (a fact, not a blank); recency stays blank when it
 * never bought. Ids found only in a related sheet are reported.
 */
export function fillFromRelated(table: CustomerTable, scheme: Scheme, related: Related, window: PeriodWindow | null, asOf: number): DataIssue[] {
  const declared = new Set(scheme.criteria.map((c) => c.metric));
  const lacks = (m: string) => declared.has(m) && !table.metrics[m];
  const notes: DataIssue[] = [];
  const o = related.orders;
  if (o && (lacks('annualSpend') || lacks('orderCount') || lacks('avgOrderValue') || lacks('recencyDays'))) {
    const { inPeriod, upToEnd } = aggregatePeriodOrders(o, window, asOf);
    const join = joinById(table.ids, inPeriod, { sheet: o.sheet });
    const joinAll = upToEnd === inPeriod ? join : joinById(table.ids, upToEnd, { sheet: o.sheet });
    const put = (metric: string, values: Float64Array, missing: number, index: Int32Array, agg: OrdersAggregate) => {
      if (!lacks(metric)) return;
      const col = gather(values, index, missing);
      let invalid: Uint8Array | null = null;
      if (agg.incomplete) for (let i = 0; i < table.size; i++) if (index[i]! >= 0 && agg.incomplete[index[i]!]) (invalid ??= new Uint8Array(table.size))[i] = 1;
      table.metrics[metric] = { values: col, invalid };
    };
    put('annualSpend', inPeriod.spend, 0, join.index, inPeriod);
    put('orderCount', inPeriod.orders, 0, join.index, inPeriod);
    put('avgOrderValue', inPeriod.avgOrderValue, 0, join.index, inPeriod);
    put('recencyDays', upToEnd.recencyDays, NaN, joinAll.index, upToEnd);
    table.issues.push(...inPeriod.issues.filter((x) => x.code !== 'orphan-id'));
    notes.push(...join.issues);
  }
  const s = related.satisfaction;
  if (s && (lacks('satisfaction') || lacks('nps'))) {
    const agg = aggregateSatisfaction(s.rows, s.firstRow, s.cols, window, { sheet: s.sheet });
    const join = joinById(table.ids, agg, { sheet: s.sheet });
    if (lacks('satisfaction')) table.metrics.satisfaction = { values: gather(agg.average, join.index), invalid: null };
    if (lacks('nps')) table.metrics.nps = { values: gather(agg.latest, join.index), invalid: null };
    table.issues.push(...agg.issues);
    notes.push(...join.issues);
  }
  const it = related.interactions;
  if (it && lacks('interactions')) {
    const agg = aggregateInteractions(it.rows, it.firstRow, it.cols, window, { sheet: it.sheet, asOf });
    const join = joinById(table.ids, agg, { sheet: it.sheet });
    table.metrics.interactions = { values: gather(agg.count, join.index, 0), invalid: null };
    table.issues.push(...agg.issues);
    notes.push(...join.issues);
  }
  return notes;
}
