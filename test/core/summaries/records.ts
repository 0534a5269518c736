// History records for the summary tests (not a test file itself).
import { parseScheme, type HistoryRecord, type Scheme, type SchemeInput } from '../../../src/core/index.ts';
import type { PolicyRecord } from '../../../src/core/summaries/index.ts';
import { L } from '../../support/schemes.ts';

/** One history record: the period, id, tier and metrics; the name is 客户<id>. */
export function rec(period: string, id: string, tier: string | null, metrics: Record<string, number> = {}, extra: Partial<PolicyRecord> = {}): PolicyRecord {
  return { period, id, name: `客户${id}`, tier, score: null, metrics, gradedAt: null, ...extra };
}

/** Records of one period from [id, tier, annualSpend] triples. */
export function period(p: string, rows: readonly (readonly [string, string | null, number])[]): HistoryRecord[] {
  return rows.map(([id, tier, spend]) => rec(p, id, tier, { annualSpend: spend }));
}


/**
 * Three tiers graded on spend, orders and recency (fewer days is better), churn after 180 days: small
 * enough to check every number by hand.
 */
export function activityScheme(extra: Partial<SchemeInput> = {}): Scheme {
  return parseScheme({
    id: 'activity',
    name: L('活跃度分级', 'Activity tiers'),
    valueMetric: 'annualSpend',
    tiers: [
      { id: 'top', label: L('核心客户', 'Core'), color: '#F4B183' },
      { id: 'mid', label: L('活跃客户', 'Active'), color: '#FFD966' },
      { id: 'low', label: L('一般客户', 'Occasional'), color: '#E2EFDA' },
    ],
    criteria: [
      { metric: 'annualSpend', label: L('年度消费金额', 'Annual spend'), unit: 'currency' },
      { metric: 'orderCount', label: L('消费次数', 'Orders'), unit: 'count' },
      { metric: 'recencyDays', label: L('距最近消费天数', 'Days since last purchase'), unit: 'days', direction: 'lower' },
    ],
    mode: {
      kind: 'rules',
      rules: [
        { tier: 'top', when: { all: [{ metric: 'annualSpend', op: '>=', value: 10_000 }, { metric: 'orderCount', op: '>=', value: 10 }] } },
        { tier: 'mid', when: { any: [{ metric: 'annualSpend', op: '>=', value: 3_000 }, { metric: 'recencyDays', op: '<=', value: 30 }] } },
      ],
    },
    review: { period: 'quarter', churnDays: 180, downgrade: { policy: 'immediate' } },
    ...extra,
  });
}
