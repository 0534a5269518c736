// The three action lists on hand-made customers, every membership and order checked by hand.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionLists, actionSheet, loc, type HeldTier, type HistoryRecord } from '../../../src/core/index.ts';
import { crit, makeScheme, preset, records, run } from '../helpers.ts';

const B2B = preset('b2b-value');
// b2b-value: VIP ≥ ¥1,000,000 且 ≥ 5 年 · 重要 ≥ ¥500,000 且 ≥ 3 年 · 普通 ≥ ¥100,000 · 潜在.
const CUSTOMERS = records([
  { annualSpend: 900_000, cooperationYears: 6 }, // C1 重要; VIP ¥100,000 short (10%) → upgrade, ¥1,000,000 implied
  { annualSpend: 800_000, cooperationYears: 6 }, // C2 重要; ¥200,000 short (20%) → no
  { annualSpend: 450_000, cooperationYears: 4 }, // C3 普通; 重要 ¥50,000 short (10%) → upgrade, ¥500,000
  { annualSpend: 450_000, cooperationYears: 2 }, // C4 普通; 1 year short of 3 (33%) → no upgrade
  { annualSpend: 90_000, cooperationYears: 1 }, //  C5 潜在; ¥10,000 short of 普通 (10%) → upgrade, ¥100,000
  { annualSpend: 1_050_000, cooperationYears: 5, recencyDays: 30 }, // C6 VIP; spend 5% above ¥1,000,000 → downgrade (years at 5 are no risk: years only grow)
  { annualSpend: 1_500_000, cooperationYears: 10, recencyDays: 200 }, // C7 VIP; 200 days > 50% of 365 → churn
  { annualSpend: 520_000, cooperationYears: 8, recencyDays: 10 }, // C8 重要; spend 4% above ¥500,000 → downgrade
  { annualSpend: 105_000, cooperationYears: 1 }, // C9 普通; 5% above ¥100,000 → downgrade
  { annualSpend: 600_000, cooperationYears: 4, recencyDays: 20 }, // C10 重要; spend fell 40% (¥1,000,000 → ¥600,000) → churn
]);

const prev = (id: string, spend: number): HistoryRecord => ({ period: '2024', id, name: null, tier: 'key', score: null, metrics: { annualSpend: spend }, gradedAt: null });

describe('action lists (b2b-value)', () => {
  const result = run(B2B, CUSTOMERS);
  const lists = actionLists(result, { previous: new Map([['C10', prev('C10', 1_000_000)], ['C8', prev('C8', 600_000)]]) });
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

  it('close to the next tier: every unmet condition within 15%, sorted by the revenue the upgrade implies', () => {
    expect(ids(lists.upgrade)).toEqual(['C1', 'C3', 'C5']);
    expect(lists.upgrade.map((x) => x.value)).toEqual([1_000_000, 500_000, 100_000]);
    expect(lists.upgrade.map((x) => x.target)).toEqual(['vip', 'key', 'regular']);
    expect(lists.upgrade[0]!.detail['zh-CN']).toBe('年度消费金额还差 ¥100,000 升至VIP客户(战略客户)');
    expect(lists.upgrade[0]!.owner?.['zh-CN']).toBe('客户经理对接');
    expect(lists.upgrade[0]!.cadence).toBe('quarterly');
  });

  it('at risk of downgrade: within 10% above the own tier threshold, sorted by value', () => {
    expect(ids(lists.downgrade)).toEqual(['C6', 'C8', 'C9']);
    expect(lists.downgrade[0]!.detail['zh-CN']).toBe('年度消费金额 ¥1,050,000 仅高出门槛 ¥1,000,000 5%');
    expect(lists.downgrade[1]!.detail['en-US']).toBe('Annual spend ¥520,000 only 4% above the threshold ¥500,000');
    expect(lists.downgrade.every((x) => x.periodsLeft === null)).toBe(true);
  });

  it('at risk of churn: top tiers only, long without a purchase or spend down more than 30%', () => {
    expect(ids(lists.churn)).toEqual(['C7', 'C10']);
    expect(lists.churn[0]!.detail['zh-CN']).toBe('已 200 天未消费（流失判定 365 天）');
    expect(lists.churn[1]!.detail['zh-CN']).toBe('消费较上期下降 40%（¥1,000,000 → ¥600,000）');
    // The value at stake of a falling customer is what it used to bring.
    expect(lists.churn[1]!.value).toBe(1_000_000);
  });

  it('the thresholds are options', () => {
    const wide = actionLists(result, { options: { upgradeDistance: 0.25, downgradeMargin: 0.01, churnRecencyShare: 0.9 } });
    expect(ids(wide.upgrade)).toEqual(['C1', 'C2', 'C3', 'C5']);
    expect(ids(wide.downgrade)).toEqual([]);
    expect(ids(wide.churn)).toEqual([]);
  });

  it('a customer the review policy keeps is on the downgrade list with the periods left, and on no upgrade list', () => {
    const r = run(B2B, CUSTOMERS);
    r.tier[3] = 1; // C4 kept in 重要 (computed 普通)
    const h: HeldTier = { index: 3, kept: 'key', computed: 'regular', periodsBelow: 1, note: loc('', ''), reason: loc('', ''), gap: loc('', ''), mark: loc('保级', 'Kept') };
    const l = actionLists(r, { held: new Map([[3, h]]) });
    const c4 = l.downgrade.find((x) => x.id === 'C4')!;
    expect(c4.periodsLeft).toBe(1);
    expect(c4.detail['zh-CN']).toBe('保级中：本期计算等级为普通客户，已连续 1 期未达标，再 1 期未达标将降级');
    expect(l.upgrade.some((x) => x.id === 'C4')).toBe(false);
  });

  it('the sheet holds one Excel Table per list, titled with its count', () => {
    const sheet = actionSheet(lists, B2B, 'zh-CN');
    expect(sheet.kind).toBe('actions');
    expect(sheet.tables.map((t) => t.title)).toEqual(['冲刺升级（3 位）', '降级预警（3 位）', '流失预警（2 位）']);
    expect(sheet.tables.map((t) => t.tableName)).toEqual(['TierBookUpgrade', 'TierBookDowngrade', 'TierBookChurn']);
    expect(sheet.tables[0]!.rows[0]).toEqual(['C1', null, '客户经理对接', '每季度至少拜访一次', '重要客户', '年度消费金额还差 ¥100,000 升至VIP客户(战略客户)', 'VIP客户(战略客户)', 1_000_000]);
  });
});

describe('action lists in the other modes', () => {
  it('RFM: within one score of the next segment', () => {
    const scheme = makeScheme(
      { kind: 'rfm', segments: [{ tier: 't1', f: [4, 5] }] },
      [crit('recencyDays', { unit: 'days', direction: 'lower' }), crit('orderCount', { unit: 'count' }), crit('annualSpend', { unit: 'currency' })],
      2,
    );
    // F scores 1..5 over 5 customers: orders 1..5 → F = 1..5.
    const r = run(scheme, records([1, 2, 3, 4, 5].map((n) => ({ recencyDays: 10, orderCount: n, annualSpend: 100 * n }))));
    const l = actionLists(r);
    // F = 3 is one score short of 4; F = 1, 2 are further.
    expect(l.upgrade.map((x) => x.id)).toEqual(['C3']);
    expect(l.downgrade).toEqual([]);
  });

  it('points: the score within 15% of the next line, and within 10% above its own', () => {
    const scheme = makeScheme(
      {
        kind: 'points',
        criteria: [{ metric: 's', weight: 1, bands: [{ min: 0, max: 40, points: 0 }, { min: 40, max: 45, points: 45 }, { min: 45, max: 55, points: 52 }, { min: 55, points: 100 }] }],
        tierBands: [{ tier: 't1', minScore: 50 }],
      },
      [crit('s')],
      2,
    );
    // Scores: 45 (5 short of 50 = 10%: close), 52 (4% above the line: at risk), 100 and 0 (neither).
    const l = actionLists(run(scheme, records([{ s: 42 }, { s: 50 }, { s: 60 }, { s: 10 }])));
    expect(l.upgrade.map((x) => x.id)).toEqual(['C1']);
    expect(l.downgrade.map((x) => x.id)).toEqual(['C2']);
    expect(l.downgrade[0]!.detail['zh-CN']).toBe('总分 52 仅高出本级分数线 50 4%');
  });
});

describe('properties', () => {
  it('every customer on the upgrade list is graded below the top, never overridden, and lists are sorted by value', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ s: fc.integer({ min: 0, max: 2_000_000 }), y: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 40 }), (rows) => {
        const r = run(B2B, records(rows.map((x) => ({ annualSpend: x.s, cooperationYears: x.y }))));
        const l = actionLists(r);
        for (const x of l.upgrade) expect(r.tier[x.index]).toBeGreaterThan(0);
        for (const key of ['upgrade', 'downgrade', 'churn'] as const)
          for (let i = 1; i < l[key].length; i++) expect(l[key][i - 1]!.value).toBeGreaterThanOrEqual(l[key][i]!.value);
        // Exactly the customers whose every unmet condition of the next tier is within 15% (thresholds by hand).
        const next: [number, number][] = [[1_000_000, 5], [500_000, 3], [100_000, 0]];
        const expected = rows.flatMap((x, i) => {
          const t = r.tier[i]!;
          if (t <= 0) return [];
          const [s, y] = next[t - 1]!;
          return Math.max(0, s - x.s) <= 0.15 * s && Math.max(0, y - x.y) <= 0.15 * y ? [`C${i + 1}`] : [];
        });
        expect(l.upgrade.map((x) => x.id).sort()).toEqual(expected.sort());
      }),
      { numRuns: 60 },
    );
  });
});
