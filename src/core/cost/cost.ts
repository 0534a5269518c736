// What the tiers cost (服务成本): per tier, what serving its customers at its cadence costs against what they
// bring in — and the handbook's question, what serving everyone one way (the top tier's, the middle tier's)
// would cost instead. Figures are per year: cadences are contacts per year, revenue is the value metric.
import type { GradeResult } from '../grading/grade.ts';
import type { Scheme } from '../scheme/schema.ts';
import { revenueMetricOf } from '../summaries/mix.ts';
import { tierCostInputs, type TierCostInputs } from './defaults.ts';

export interface TierCostRow {
  tier: string;
  customers: number;
  inputs: TierCostInputs;
  /** Contacts per year: cadence × customers. */
  contacts: number;
  serviceCost: number;
  /** Discount × revenue + fixed benefit cost × customers. */
  benefitCost: number;
  totalCost: number;
  revenue: number;
  /** Revenue × margin summed over customers; null when no margin is mapped. */
  grossProfit: number | null;
  /** Total cost ÷ revenue; NaN without revenue. */
  costShare: number;
  /** Revenue per 1 of service cost; NaN without service cost. */
  revenuePerService: number;
}

/** The same customers all served one way. */
export interface UniformScenario {
  /** The tier whose service everyone gets. */
  tier: string;
  totalCost: number;
  /** Uniform cost − tiered cost (positive: tiering saves that much). */
  saving: number;
  /** saving ÷ uniform cost; NaN when the uniform cost is 0. */
  savingShare: number;
}

export interface ServiceCost {
  rows: TierCostRow[];
  total: Omit<TierCostRow, 'tier' | 'inputs'>;
  /** Everyone at the top tier's service, and at the middle tier's. */
  uniformTop: UniformScenario;
  uniformMiddle: UniformScenario;
  revenueMetric: string | null;
  marginMetric: string | null;
}

/** The margin metric, when the data holds one (gross profit = revenue × margin). */
export const MARGIN_METRIC = 'profitMargin';

/** The middle tier of k tiers: for 4 tiers the 2nd, for 3 the 2nd, for 7 the 4th. */
export function middleTierIndex(k: number): number {
  return Math.floor((k - 1) / 2);
}

function costOf(inputs: TierCostInputs, customers: number, revenue: number): { contacts: number; serviceCost: number; benefitCost: number } {
  const contacts = inputs.contactsPerYear * customers;
  const serviceCost = contacts * inputs.perContact;
  const benefitCost = inputs.discount * revenue + inputs.perCustomer * customers;
  return { contacts, serviceCost, benefitCost };
}

function row(tier: string, inputs: TierCostInputs, customers: number, revenue: number, grossProfit: number | null) {
  const c = costOf(inputs, customers, revenue);
  const totalCost = c.serviceCost + c.benefitCost;
  return {
    tier,
    inputs,
    customers,
    ...c,
    totalCost,
    revenue,
    grossProfit,
    costShare: revenue > 0 ? totalCost / revenue : NaN,
    revenuePerService: c.serviceCost > 0 ? revenue / c.serviceCost : NaN,
  };
}

/**
 * The cost model over tiers and per-customer revenue (and margin). Revenue blanks count as 0, as in the mix;
 * unrated customers (tier −1) are left out.
 */
export function serviceCost(scheme: Scheme, tier: ArrayLike<number>, revenue: ArrayLike<number> | null, margin: ArrayLike<number> | null = null, metrics: { revenue?: string | null; margin?: string | null } = {}): ServiceCost {
  const k = scheme.tiers.length;
  const n = new Array<number>(k).fill(0);
  const rev = new Array<number>(k).fill(0);
  const gp = new Array<number>(k).fill(0);
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i]!;
    if (t < 0 || t >= k) continue;
    n[t]!++;
    const r = revenue ? revenue[i]! : 0;
    const x = Number.isFinite(r) ? r : 0;
    rev[t]! += x;
    const m = margin ? margin[i]! : NaN;
    if (Number.isFinite(m)) gp[t]! += x * m;
  }
  const inputs = scheme.tiers.map(tierCostInputs);
  const rows = scheme.tiers.map((t, i) => row(t.id, inputs[i]!, n[i]!, rev[i]!, margin ? gp[i]! : null));
  const sum = (f: (r: TierCostRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const customers = sum((r) => r.customers);
  const totalRevenue = sum((r) => r.revenue);
  const serviceTotal = sum((r) => r.serviceCost);
  const totalCost = sum((r) => r.totalCost);
  const total = {
    customers,
    contacts: sum((r) => r.contacts),
    serviceCost: serviceTotal,
    benefitCost: sum((r) => r.benefitCost),
    totalCost,
    revenue: totalRevenue,
    grossProfit: margin ? sum((r) => r.grossProfit ?? 0) : null,
    costShare: totalRevenue > 0 ? totalCost / totalRevenue : NaN,
    revenuePerService: serviceTotal > 0 ? totalRevenue / serviceTotal : NaN,
  };
  const uniform = (t: number): UniformScenario => {
    const c = costOf(inputs[t]!, customers, totalRevenue);
    const cost = c.serviceCost + c.benefitCost;
    const saving = cost - totalCost;
    return { tier: scheme.tiers[t]!.id, totalCost: cost, saving, savingShare: cost > 0 ? saving / cost : NaN };
  };
  return {
    rows,
    total,
    uniformTop: uniform(0),
    uniformMiddle: uniform(middleTierIndex(k)),
    revenueMetric: revenue ? (metrics.revenue ?? null) : null,
    marginMetric: margin ? (metrics.margin ?? null) : null,
  };
}

/** The cost model of a grading result: revenue from the scheme's value metric, margin when mapped. */
export function serviceCostOf(result: GradeResult): ServiceCost {
  const metric = revenueMetricOf(result.scheme);
  const column = (m: string | null) => (m ? (result.values[m] ?? result.table.metrics[m]?.values ?? null) : null);
  const revenue = column(metric);
  const margin = column(MARGIN_METRIC);
  return serviceCost(result.scheme, result.tier, revenue, margin, { revenue: metric, margin: margin ? MARGIN_METRIC : null });
}
