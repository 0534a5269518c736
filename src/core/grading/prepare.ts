// Before any mode runs: find every metric the mode needs, derive what can be derived, apply each
// criterion's blank policy, and mark who cannot be graded. Nothing is guessed.
import { loc } from '../i18n.ts';
import type { DataIssue } from '../issues.ts';
import { DERIVED_METRICS, isBuiltinMetric } from '../scheme/metrics.ts';
import type { Scheme } from '../scheme/schema.ts';
import { modeMetrics } from '../scheme/validate.ts';
import { metricSpec, type CustomerTable, type MetricColumn } from './table.ts';

/** The table lacks a column the scheme needs (a configuration problem, not a data issue). */
export class MissingMetricsError extends Error {
  readonly metrics: string[];
  constructor(metrics: string[]) {
    super(`no column for required metric(s): ${metrics.join(', ')}`);
    this.name = 'MissingMetricsError';
    this.metrics = metrics;
  }
}

export interface Prepared {
  /** Effective values per needed metric: blanks replaced by 0 where the policy says so. */
  values: Record<string, Float64Array>;
  /** 1 for customers that cannot be graded (blank or unreadable required value); null when everyone can. */
  unrated: Uint8Array | null;
  issues: DataIssue[];
}

/** Average order value = spend ÷ orders; 0 without orders; blank or unreadable when either source is. */
function deriveAvgOrderValue(spend: MetricColumn, orders: MetricColumn): MetricColumn {
  const n = spend.values.length;
  const values = new Float64Array(n);
  let invalid: Uint8Array | null = null;
  if (spend.invalid || orders.invalid) {
    for (let i = 0; i < n; i++) if (spend.invalid?.[i] || orders.invalid?.[i]) (invalid ??= new Uint8Array(n))[i] = 1;
  }
  const sv = spend.values;
  const ov = orders.values;
  // Picked by index rather than by branch (orders are often 0): NaN, 0, or the quotient.
  const pick = new Float64Array([NaN, 0, 0]);
  for (let i = 0; i < n; i++) {
    const s = sv[i]!;
    const o = ov[i]!;
    pick[2] = s / o;
    values[i] = pick[(+(o > 0) << 1) | (+(o === 0) & +(s === s))]!;
  }
  return { values, invalid };
}

/** Metric columns available to grading: the table's own, plus derived ones it can make. */
export function resolveColumn(table: CustomerTable, metric: string): MetricColumn | undefined {
  const own = table.metrics[metric];
  if (own) return own;
  if (metric === 'avgOrderValue' && isBuiltinMetric(metric) && DERIVED_METRICS[metric]) {
    const spend = table.metrics.annualSpend;
    const orders = table.metrics.orderCount;
    if (spend && orders) return deriveAvgOrderValue(spend, orders);
  }
  return undefined;
}

/** Which required metrics the table cannot supply. */
export function missingMetrics(scheme: Scheme, table: CustomerTable): string[] {
  return modeMetrics(scheme).filter((m) => !resolveColumn(table, m));
}

export function prepare(scheme: Scheme, table: CustomerTable): Prepared {
  const needed = modeMetrics(scheme);
  // Resolved once: a derived column is a pass over every customer.
  const resolved = new Map(needed.map((m) => [m, resolveColumn(table, m)]));
  const missing = needed.filter((m) => !resolved.get(m));
  if (missing.length) throw new MissingMetricsError(missing);

  const n = table.size;
  const values: Record<string, Float64Array> = {};
  let unrated: Uint8Array | null = null;
  const issues: DataIssue[] = [];
  for (const metric of needed) {
    const col = resolved.get(metric)!;
    const criterion = scheme.criteria.find((c) => c.metric === metric);
    const zeroBlanks = criterion?.missing === 'zero';
    const label = metricSpec(scheme, metric).label;
    let effective = col.values;
    // Most columns are clean: with no unreadable cells, skip ahead to the first blank (if any).
    let start = 0;
    if (col.invalid === null) while (start < n && effective[start] === effective[start]) start++;
    for (let i = start; i < n; i++) {
      if (col.invalid !== null && col.invalid[i] === 1) {
        // Already reported where it was read; the customer simply cannot be graded on it.
        (unrated ??= new Uint8Array(n))[i] = 1;
        continue;
      }
      const v = effective[i]!;
      if (v === v) continue;
      if (zeroBlanks) {
        if (effective === col.values) effective = Float64Array.from(col.values);
        effective[i] = 0;
      } else {
        (unrated ??= new Uint8Array(n))[i] = 1;
        issues.push({
          code: 'blank',
          index: i,
          field: metric,
          ...(table.rows ? { row: table.rows[i] } : {}),
          message: loc(
            `${label['zh-CN']}为空，无法评级（该指标设为空值不评级）`,
            `${label['en-US']} is blank, so the customer is not graded (the criterion leaves blanks unrated)`,
          ),
        });
      }
    }
    values[metric] = effective;
  }
  return { values, unrated, issues };
}
