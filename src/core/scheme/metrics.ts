// The customer metrics TierBook knows by name. A scheme may also declare any user-defined numeric column.
import { loc, type Localized } from '../i18n.ts';

export const UNITS = ['currency', 'count', 'days', 'years', 'percent', 'score', 'number'] as const;
export type Unit = (typeof UNITS)[number];

/** Whether a larger value is better for the customer's tier (recency: fewer days is better). */
export type Direction = 'higher' | 'lower';

export interface MetricInfo {
  label: Localized;
  unit: Unit;
  direction: Direction;
}

export const BUILTIN_METRICS = {
  annualSpend: { label: loc('年度消费金额', 'Annual spend'), unit: 'currency', direction: 'higher' },
  orderCount: { label: loc('消费次数', 'Orders'), unit: 'count', direction: 'higher' },
  avgOrderValue: { label: loc('平均订单金额', 'Average order value'), unit: 'currency', direction: 'higher' },
  recencyDays: { label: loc('距最近消费天数', 'Days since last purchase'), unit: 'days', direction: 'lower' },
  cooperationYears: { label: loc('合作年限', 'Years of cooperation'), unit: 'years', direction: 'higher' },
  profitMargin: { label: loc('利润率', 'Profit margin'), unit: 'percent', direction: 'higher' },
  clv: { label: loc('客户终身价值', 'Customer lifetime value'), unit: 'currency', direction: 'higher' },
  satisfaction: { label: loc('满意度', 'Satisfaction'), unit: 'score', direction: 'higher' },
  nps: { label: loc('净推荐值', 'NPS'), unit: 'score', direction: 'higher' },
  influence: { label: loc('行业影响力', 'Influence'), unit: 'score', direction: 'higher' },
  growthPotential: { label: loc('增长潜力', 'Growth potential'), unit: 'score', direction: 'higher' },
  strategicImportance: { label: loc('战略重要性', 'Strategic importance'), unit: 'score', direction: 'higher' },
} as const satisfies Record<string, MetricInfo>;

export type BuiltinMetricId = keyof typeof BUILTIN_METRICS;

export function isBuiltinMetric(id: string): id is BuiltinMetricId {
  return Object.prototype.hasOwnProperty.call(BUILTIN_METRICS, id);
}

/**
 * Metrics computed from others when no column holds them. Average order value = spend ÷ orders
 * (0 when there are no orders: a customer without orders has no average to reach a threshold with).
 */
export const DERIVED_METRICS: Partial<Record<BuiltinMetricId, { from: readonly BuiltinMetricId[] }>> = {
  avgOrderValue: { from: ['annualSpend', 'orderCount'] },
};
