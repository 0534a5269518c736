// Churn by tier (流失分析): which of each tier's customers at the start of a period are gone by its end,
// and the revenue they took with them. Computed from two history snapshots (one period each).
import type { HistoryRecord } from '../history.ts';
import type { Scheme } from '../scheme/schema.ts';

/** The metric history records for days since the last purchase (as of the period end). */
export const RECENCY_METRIC = 'recencyDays';

/** Why a customer counts as churned: no longer listed, or listed but without a purchase for too long. */
export type ChurnReason = 'absent' | 'inactive';

/** One period's records by customer id, and that period (null when there are none). */
export interface Snapshot {
  period: string | null;
  byId: Map<string, HistoryRecord>;
}

/**
 * Index one period's records. Records of several periods are a caller's mistake (the tables would mix
 * periods silently), so they throw.
 */
export function oneSnapshot(records: readonly HistoryRecord[], what: string): Snapshot {
  const byId = new Map<string, HistoryRecord>();
  let period: string | null = null;
  for (const r of records) {
    if (period === null) period = r.period;
    else if (r.period !== period) throw new RangeError(`${what}: records of more than one period (${period}, ${r.period}); pass one period's snapshot`);
    byId.set(r.id, r);
  }
  return { period, byId };
}

/** Listed, but without a purchase for more than churnDays at the snapshot's period end (churnDays null: never). */
export function isLapsed(r: HistoryRecord, churnDays: number | null): boolean {
  const recency = r.metrics[RECENCY_METRIC];
  return churnDays !== null && recency !== undefined && Number.isFinite(recency) && recency > churnDays;
}

/**
 * An active customer of a snapshot: listed and not lapsed. Churn and new customers are both measured on
 * it, so a customer lapsed at both ends is not counted as churning again every period, and one buying
 * again after lapsing comes back as new.
 */
export function isActive(r: HistoryRecord | undefined, churnDays: number | null): r is HistoryRecord {
  return r !== undefined && !isLapsed(r, churnDays);
}

/**
 * Why a customer active at the start has churned by the end, or null when it has not: `absent` when the
 * later snapshot no longer lists it; `inactive` when it does but has lapsed (recencyDays > churnDays).
 */
export function churnReason(later: ReadonlyMap<string, HistoryRecord>, id: string, churnDays: number | null): ChurnReason | null {
  const now = later.get(id);
  if (!now) return 'absent';
  return isLapsed(now, churnDays) ? 'inactive' : null;
}

/** Whether any record carries recencyDays (else churn can only be told by absence). */
export function hasRecency(...snapshots: ReadonlyMap<string, HistoryRecord>[]): boolean {
  for (const snap of snapshots) for (const r of snap.values()) if (r.metrics[RECENCY_METRIC] !== undefined) return true;
  return false;
}

/** Tier index of a record, -1 when unrated or when the tier is one the scheme no longer has. */
export function tierIndexOf(scheme: Scheme, tier: string | null): number {
  return tier === null ? -1 : scheme.tiers.findIndex((t) => t.id === tier);
}

/** The metric counted as revenue: the scheme's value metric, else annual spend. */
export function churnRevenueMetric(scheme: Scheme): string {
  return scheme.valueMetric ?? 'annualSpend';
}

export interface ChurnCounts {
  /** Customers of the tier in the earlier snapshot (the denominator; customers acquired later are not in it). */
  atStart: number;
  /** Of those, customers churned by the later snapshot. */
  churned: number;
  /** churned ÷ atStart; NaN when atStart is 0. */
  churnRate: number;
  /** 1 − churnRate; NaN when atStart is 0. */
  retention: number;
  /** Revenue of atStart customers in the earlier snapshot. */
  revenueAtStart: number;
  /** Revenue of the churned customers in the earlier snapshot. */
  revenueLost: number;
}

export interface ChurnRow extends ChurnCounts {
  tier: string;
}

export interface TierChurn {
  /** The earlier and later periods (null for an empty snapshot). */
  from: string | null;
  to: string | null;
  rows: ChurnRow[];
  totals: ChurnCounts;
  /** Churned customers still listed at the end but inactive for more than churnDays (included in churned). */
  inactive: number;
  /** Customers active at the end but not at the start (acquired, or buying again after lapsing): outside every denominator. */
  newCustomers: number;
  /** Customers listed at the start but already lapsed then (churned in an earlier period): not counted again. */
  lapsedAtStart: number;
  /** Customers listed at the start without a tier (unrated, or a tier the scheme no longer has): not counted. */
  unratedAtStart: number;
  /** The revenue metric, or null when the earlier snapshot holds no value of it (revenue then reads 0). */
  revenueMetric: string | null;
  churnDays: number;
  /** Whether the snapshots carry recencyDays; without it churn is told by absence alone. */
  recencyKnown: boolean;
}

function counts(atStart: number, churned: number, revenueAtStart: number, revenueLost: number): ChurnCounts {
  const churnRate = atStart > 0 ? churned / atStart : NaN;
  return { atStart, churned, churnRate, retention: atStart > 0 ? 1 - churnRate : NaN, revenueAtStart, revenueLost };
}

/**
 * Churn per tier between two snapshots. A customer active at the start has churned when the later snapshot
 * does not list it, or lists it with more than review.churnDays days since its last purchase (recencyDays,
 * when history holds it). The churn rate of a tier is the churned share of the customers holding that tier
 * at the start; revenue lost is the churned customers' revenue in the earlier snapshot (blank revenue
 * counts as 0, as in the tier mix).
 */
export function churnByTier(scheme: Scheme, earlier: readonly HistoryRecord[], later: readonly HistoryRecord[]): TierChurn {
  const start = oneSnapshot(earlier, 'churnByTier earlier');
  const end = oneSnapshot(later, 'churnByTier later');
  const churnDays = scheme.review.churnDays;
  const metric = churnRevenueMetric(scheme);
  const k = scheme.tiers.length;
  const atStart = new Array<number>(k).fill(0);
  const churned = new Array<number>(k).fill(0);
  const revenue = new Array<number>(k).fill(0);
  const lost = new Array<number>(k).fill(0);
  let inactive = 0;
  let unratedAtStart = 0;
  let lapsedAtStart = 0;
  let hasRevenue = false;
  for (const [id, r] of start.byId) {
    if (!isActive(r, churnDays)) {
      lapsedAtStart++;
      continue;
    }
    const t = tierIndexOf(scheme, r.tier);
    if (t < 0) {
      unratedAtStart++;
      continue;
    }
    const v = r.metrics[metric];
    const value = v !== undefined && Number.isFinite(v) ? v : 0;
    if (v !== undefined && Number.isFinite(v)) hasRevenue = true;
    atStart[t]!++;
    revenue[t]! += value;
    const why = churnReason(end.byId, id, churnDays);
    if (why) {
      churned[t]!++;
      lost[t]! += value;
      if (why === 'inactive') inactive++;
    }
  }
  let newCustomers = 0;
  for (const [id, r] of end.byId) if (isActive(r, churnDays) && !isActive(start.byId.get(id), churnDays)) newCustomers++;
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    from: start.period,
    to: end.period,
    rows: scheme.tiers.map((def, t) => ({ tier: def.id, ...counts(atStart[t]!, churned[t]!, revenue[t]!, lost[t]!) })),
    totals: counts(sum(atStart), sum(churned), sum(revenue), sum(lost)),
    inactive,
    newCustomers,
    lapsedAtStart,
    unratedAtStart,
    revenueMetric: hasRevenue ? metric : null,
    churnDays,
    recencyKnown: hasRecency(start.byId, end.byId),
  };
}
