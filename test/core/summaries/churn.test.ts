// Churn by tier (流失分析): denominators are the tier's customers at the start (new customers excluded),
// recency-based churn, revenue lost from the earlier snapshot, definitions next to the table.
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core/index.ts';
import { churnByTier, churnTables } from '../../../src/core/summaries/index.ts';
import { churnSheet } from '../../../src/core/summaries/tables.ts';
import { activityScheme, period, rec } from './records.ts';

const s = activityScheme(); // tiers top > mid > low, churn after 180 days, revenue = annual spend
const r = (p: string, id: string, tier: string | null, spend: number, recency: number) => rec(p, id, tier, { annualSpend: spend, recencyDays: recency });

// 2025Q1 → 2025Q2
//   top: T1 stays; T2 disappears (¥15,000 lost)
//   mid: M1 listed but 200 days without a purchase (¥4,000 lost); M2, M4 stay; M3 disappears (¥3,000 lost)
//   low: L1 stays
//   N1–N3 are new in Q2
const q1 = [
  r('2025Q1', 'T1', 'top', 20_000, 5),
  r('2025Q1', 'T2', 'top', 15_000, 10),
  r('2025Q1', 'M1', 'mid', 4_000, 20),
  r('2025Q1', 'M2', 'mid', 5_000, 40),
  r('2025Q1', 'M3', 'mid', 3_000, 60),
  r('2025Q1', 'M4', 'mid', 6_000, 15),
  r('2025Q1', 'L1', 'low', 500, 90),
];
const q2 = [
  r('2025Q2', 'T1', 'top', 22_000, 3),
  r('2025Q2', 'M1', 'mid', 4_000, 200),
  r('2025Q2', 'M2', 'mid', 5_500, 30),
  r('2025Q2', 'M4', 'mid', 6_000, 12),
  r('2025Q2', 'L1', 'low', 700, 45),
  r('2025Q2', 'N1', 'low', 300, 5),
  r('2025Q2', 'N2', 'mid', 3_200, 8),
  r('2025Q2', 'N3', 'low', 100, 60),
];

describe('churnByTier', () => {
  const c = churnByTier(s, q1, q2);

  it('per tier: customers at the start, churned, rate, retention, revenue lost', () => {
    expect(c.rows).toEqual([
      { tier: 'top', atStart: 2, churned: 1, churnRate: 0.5, retention: 0.5, revenueAtStart: 35_000, revenueLost: 15_000 },
      { tier: 'mid', atStart: 4, churned: 2, churnRate: 0.5, retention: 0.5, revenueAtStart: 18_000, revenueLost: 7_000 },
      { tier: 'low', atStart: 1, churned: 0, churnRate: 0, retention: 1, revenueAtStart: 500, revenueLost: 0 },
    ]);
    expect(c.totals).toEqual({ atStart: 7, churned: 3, churnRate: 3 / 7, retention: 4 / 7, revenueAtStart: 53_500, revenueLost: 22_000 });
    expect([c.inactive, c.newCustomers, c.lapsedAtStart, c.unratedAtStart]).toEqual([1, 3, 0, 0]);
    expect([c.from, c.to, c.revenueMetric, c.churnDays, c.recencyKnown]).toEqual(['2025Q1', '2025Q2', 'annualSpend', 180, true]);
  });

  it('customers acquired during the period never enter a denominator', () => {
    const more = [...q2, ...Array.from({ length: 10 }, (_, i) => r('2025Q2', `X${i}`, 'top', 50_000, 1))];
    const c2 = churnByTier(s, q1, more);
    expect(c2.rows).toEqual(c.rows);
    expect(c2.newCustomers).toBe(13);
  });

  it('a tier nobody held at the start has no rate (NaN), shown blank', () => {
    const c3 = churnByTier(s, [r('2025Q1', 'A', 'mid', 1_000, 10)], [r('2025Q2', 'A', 'mid', 1_000, 10)]);
    expect(c3.rows[0]).toMatchObject({ tier: 'top', atStart: 0, churned: 0 });
    expect(c3.rows[0]!.churnRate).toBeNaN();
    expect(c3.rows[0]!.retention).toBeNaN();
    expect(churnTables(c3, s, 'zh-CN')[0]!.rows[0]).toEqual(['核心客户', 0, 0, null, null, 0, null]);
  });

  it('a customer already lapsed at the start is not churned again; unrated ones are not counted', () => {
    const c4 = churnByTier(
      s,
      [r('2025Q1', 'Z', 'low', 100, 400), r('2025Q1', 'U', null, 900, 10), r('2025Q1', 'A', 'low', 200, 10)],
      [r('2025Q2', 'Z', 'low', 100, 490), r('2025Q2', 'A', 'low', 200, 20)],
    );
    expect(c4.rows[2]).toMatchObject({ atStart: 1, churned: 0 });
    expect([c4.lapsedAtStart, c4.unratedAtStart]).toEqual([1, 1]);
  });

  it('skipping a period: churned Q1 → Q2, new Q2 → Q3', () => {
    const salon = getPreset('salon-spend')!;
    const p1 = period('2025Q1', [['X', 'gold', 12_000], ['Y', 'silver', 6_000]]);
    const p2 = period('2025Q2', [['Y', 'silver', 6_000]]);
    const p3 = period('2025Q3', [['X', 'gold', 12_000], ['Y', 'silver', 6_000]]);
    const a = churnByTier(salon, p1, p2);
    expect(a.rows[1]).toEqual({ tier: 'gold', atStart: 1, churned: 1, churnRate: 1, retention: 0, revenueAtStart: 12_000, revenueLost: 12_000 });
    expect(a.newCustomers).toBe(0);
    const b = churnByTier(salon, p2, p3);
    expect(b.totals).toMatchObject({ atStart: 1, churned: 0, churnRate: 0 });
    expect(b.newCustomers).toBe(1);
  });

  it('without the revenue metric in history, revenue reads 0 and the table leaves the columns out', () => {
    const c5 = churnByTier(s, [rec('2025Q1', 'A', 'top', { recencyDays: 3 })], []);
    expect(c5.revenueMetric).toBeNull();
    expect(c5.rows[0]).toMatchObject({ atStart: 1, churned: 1, revenueLost: 0 });
    const t = churnTables(c5, s, 'en-US')[0]!;
    expect(t.header).toEqual(['Tier', 'Customers at start', 'Churned', 'Churn rate', 'Retention']);
    expect(t.notes).toContain('History holds no Annual spend, so revenue lost is not shown.');
  });
});

describe('churnTables', () => {
  const c = churnByTier(s, q1, q2);

  it('zh: definitions above the table, one row per tier and the total', () => {
    const [t] = churnTables(c, s, 'zh-CN');
    expect(t!.title).toBe('流失分析：2025Q1 → 2025Q2');
    expect(t!.notes).toEqual([
      '流失客户：2025Q1 在册、到 2025Q2 不在客户名单中，或 2025Q2 期末已超过 180 天无消费的客户。',
      '流失率 = 期初该等级客户中流失的人数 ÷ 期初该等级客户数（期内新增客户不计入分母）；留存率 = 1 − 流失率。',
      '流失收入 = 流失客户在 2025Q1 的"年度消费金额"；流失收入占比 = 流失收入 ÷ 该等级客户在 2025Q1 的"年度消费金额"合计。',
      '2025Q2 新增客户 3 位（含流失后重新消费的客户），不计入流失率分母。流失客户中有 1 位仍在名单中，但已超过 180 天无消费。',
    ]);
    expect(t!.header).toEqual(['客户等级', '期初客户数', '流失客户数', '流失率', '留存率', '流失收入', '流失收入占比']);
    expect(t!.rows).toEqual([
      ['核心客户', 2, 1, 0.5, 0.5, 15_000, 15_000 / 35_000],
      ['活跃客户', 4, 2, 0.5, 0.5, 7_000, 7_000 / 18_000],
      ['一般客户', 1, 0, 0, 1, 0, 0],
      ['合计', 7, 3, 3 / 7, 4 / 7, 22_000, 22_000 / 53_500],
    ]);
    expect(t!.numberFormats).toEqual([null, '#,##0', '#,##0', '0.0%', '0.0%', '"¥"#,##0', '0.0%']);
    expect(t!.rowFills).toEqual(['#F4B183', '#FFD966', '#E2EFDA', null]);
  });

  it('en: the same definitions in English', () => {
    const [t] = churnTables(c, s, 'en-US');
    expect(t!.title).toBe('Churn: 2025Q1 → 2025Q2');
    expect(t!.notes![0]).toBe('Churned: listed in 2025Q1 and no longer listed in 2025Q2, or without a purchase for more than 180 days at the end of 2025Q2.');
    expect(t!.notes![1]).toBe(
      'Churn rate = customers of the tier at the start who churned ÷ customers of the tier at the start (customers acquired during the period are not counted); retention = 1 − churn rate.',
    );
    expect(t!.header).toEqual(['Tier', 'Customers at start', 'Churned', 'Churn rate', 'Retention', 'Revenue lost', 'Share of revenue lost']);
    expect(t!.rows[3]![0]).toBe('Total');
  });

  it('says so when history holds no recency and churn can only be told by absence', () => {
    const salon = getPreset('salon-spend')!;
    const c2 = churnByTier(salon, period('2024', [['A', 'gold', 12_000]]), period('2025', [['B', 'gold', 11_000]]));
    expect(churnTables(c2, salon, 'zh-CN')[0]!.notes![0]).toBe('流失客户：2024 在册、到 2025 不在客户名单中的客户（历史记录中没有"距最近消费天数"，无法按 365 天无消费判断）。');
    expect(churnSheet(c2, salon, 'en-US').name).toBe('Churn');
  });
});
