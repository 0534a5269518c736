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

/** What one sheet holds as a related table (null: no header), kept while its revision stays (see RelatedMemo). */
interface SheetRoles {
  orders: Related['orders'];
  interactions: Related['interactions'];
  satisfaction: Related['satisfaction'];
}

/**
 * What findRelatedSheets found on each sheet, by name with the sheet's revision: a session on a host that
 * counts its writes (WorkbookPort.revision) reads and aggregates an orders sheet once per walk, and again only
 * after that sheet was written. The same object is kept, so its aggregation (aggregatePeriodOrders) is too.
 */
export type RelatedMemo = Map<string, { revision: number; roles: SheetRoles | null }>;

/** Look through the other visible sheets for orders, interactions and satisfaction tables. */
export async function findRelatedSheets(port: WorkbookPort, sheets: SheetInfo[], exclude: string | null, own?: { sheets: ReadonlyMap<string, unknown> }, memo?: RelatedMemo): Promise<Related> {
  const found: Related = { orders: null, interactions: null, satisfaction: null };
  for (const info of sheets) {
    if (!info.visible || info.lastRow < 2 || info.name === exclude || (own ? own.sheets.has(info.name) : generatedSheetOf(info.name))) continue;
    const roles = await rolesOf(port, info.name, memo);
    if (!roles) continue;
    if (roles.orders && !found.orders) {
      found.orders = roles.orders;
      continue;
    }
    if (roles.interactions && !found.interactions) {
      found.interactions = roles.interactions;
      continue;
    }
    if (roles.satisfaction && !found.satisfaction) found.satisfaction = roles.satisfaction;
  }
  return found;
}

async function rolesOf(port: WorkbookPort, name: string, memo: RelatedMemo | undefined): Promise<SheetRoles | null> {
  const revision = memo && port.revision ? port.revision(name) : null;
  const kept = revision === null ? undefined : memo!.get(name);
  if (kept && kept.revision === revision) return kept.roles;
  const roles = await readRoles(port, name);
  if (revision !== null) memo!.set(name, { revision, roles });
  return roles;
}

/**
 * The sheet as each kind of related table it could be (the caller takes the first free role, in this order).
 * A host that codes columns (a CSV) is asked for the header rows first, then for an orders export only for
 * its mapped columns; the whole sheet is read only when it could be an interactions or satisfaction table.
 */
async function readRoles(port: WorkbookPort, sheet: string): Promise<SheetRoles | null> {
  const coded = port.readColumns !== undefined;
  let values = await port.readSheet(sheet, coded ? { lastRow: HEAD_ROWS } : undefined);
  const header = detectHeaderRow(values.values, values.firstRow);
  if (!header) return null;
  const firstRow = header.row + 1;
  // On a sheet we graded before (it carries our output columns, "Tier" and "Score" among them), those
  // columns are ours, not a satisfaction score; a lone "Score" header on a survey sheet is the user's.
  const ours = header.headers.filter((h) => outputColumnOf(h)).length >= 2;
  const headers = ours ? header.headers.map((h) => (outputColumnOf(h) ? null : h)) : header.headers;
  const orders = orderColumns(headers);
  const interactions = interactionColumns(headers);
  const satisfaction = satisfactionColumns(headers);
  if (coded && (interactions || satisfaction)) values = await port.readSheet(sheet);
  const rows = values.values.slice(header.index + 1);
  let orderRows: SheetValues['values'] | CodedSheet = rows;
  if (orders && coded) {
    const cols = [orders.customerId, orders.date, orders.amount, orders.quantity, orders.unitPrice, orders.orderId].filter((c) => c !== undefined);
    orderRows = await port.readColumns!(sheet, cols, firstRow);
  }
  return {
    orders: orders ? { sheet, rows: orderRows, firstRow, cols: orders } : null,
    interactions: interactions ? { sheet, rows, firstRow, cols: interactions } : null,
    satisfaction: satisfaction ? { sheet, rows, firstRow, cols: satisfaction } : null,
  };
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
  if (cached && sameWindow(cached.window, window) && (asOf === undefined || Object.is(asOf, cached.result.inPeriod.asOf))) return cached.result;
  const result = aggregateUncached(orders, window, asOf);
  aggregated.set(orders, { window, result });
  return result;
}

/** Windows are made afresh for each step: the same period is the same window. */
function sameWindow(a: PeriodWindow | null, b: PeriodWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

const aggregated = new WeakMap<object, { window: PeriodWindow | null; result: { inPeriod: OrdersAggregate; upToEnd: OrdersAggregate } }>();

function aggregateUncached(orders: NonNullable<Related['orders']>, window: PeriodWindow | null, asOf: number | undefined): { inPeriod: OrdersAggregate; upToEnd: OrdersAggregate } {
  const opts = { sheet: orders.sheet, ...(asOf !== undefined ? { asOf } : {}) };
  const inPeriod = aggregateOrders(orders.rows, orders.firstRow, orders.cols, window, opts);
  const upToEnd = window ? ordersUpToEnd(orders, window, asOf) : inPeriod;
  return { inPeriod, upToEnd };
}

/**
 * Every order up to the period's end, aggregated (recency counts from the last purchase, even before the
 * period): one pass per period end and as-of day, kept with the orders, so that the run and its action
 * lists do not scan the orders again.
 */
export function ordersUpToEnd(orders: NonNullable<Related['orders']>, window: PeriodWindow, asOf: number | undefined): OrdersAggregate {
  let byEnd = upToEndKept.get(orders);
  if (!byEnd) upToEndKept.set(orders, (byEnd = new Map()));
  const key = `${window.end}|${asOf ?? 'data'}`;
  let agg = byEnd.get(key);
  if (!agg) {
    agg = aggregateOrders(orders.rows, orders.firstRow, orders.cols, { start: -Infinity, end: window.end }, { sheet: orders.sheet, ...(asOf !== undefined ? { asOf } : {}) });
    byEnd.set(key, agg);
  }
  return agg;
}

const upToEndKept = new WeakMap<object, Map<string, OrdersAggregate>>();

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
