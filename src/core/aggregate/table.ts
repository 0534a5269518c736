// Aggregated orders as the table grading consumes.
import type { CustomerTable, MetricColumn } from '../grading/table.ts';
import type { OrdersAggregate } from './orders.ts';

/**
 * A CustomerTable from aggregated orders: annualSpend, orderCount, avgOrderValue and recencyDays (named
 * after the built-in metrics; for a quarter or half-year window "annualSpend" is that period's spend).
 * Customers with a skipped row (`incomplete`) are marked invalid on every metric: their totals miss
 * that row, the row's issue says which cell to fix. Customers without a purchase in the window have a
 * blank recency (NaN), graded by the criterion's blank policy.
 */
export function ordersToTable(agg: OrdersAggregate): CustomerTable {
  const column = (values: Float64Array): MetricColumn => ({ values, invalid: agg.incomplete });
  return {
    size: agg.ids.length,
    ids: agg.ids.slice(),
    names: new Array<string | null>(agg.ids.length).fill(null),
    rows: null,
    metrics: {
      annualSpend: column(agg.spend),
      orderCount: column(agg.orders),
      avgOrderValue: column(agg.avgOrderValue),
      recencyDays: column(agg.recencyDays),
    },
    overrides: null,
    overrideReasons: null,
    issues: agg.issues.slice(),
  };
}
