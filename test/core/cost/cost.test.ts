// The service-cost model by hand: contacts, service and benefit costs per tier, and the one-size-fits-all saving.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPerContact, discountFromLines, parseScheme, serviceCost, serviceCostSheet, tierCostInputs, type SchemeInput } from '../../../src/core/index.ts';
import { mutable, preset } from '../helpers.ts';

const B2B = preset('b2b-value');

describe('cost defaults', () => {
  it('derive the cost per contact from owner and channel (documented table)', () => {
    // VIP: 专属服务团队, monthly visits: 500 × 2; 重要: 客户经理对接, quarterly visits: 500 × 1;
    // 普通: 客户经理, 电话和邮件 → phone 50; 潜在: 统一管理, as needed → e-mail 10 × 0.5.
    expect(B2B.tiers.map(defaultPerContact)).toEqual([1000, 500, 50, 5]);
    expect(B2B.tiers.map((t) => tierCostInputs(t).contactsPerYear)).toEqual([12, 4, 1, 1]);
  });

  it('read a discount from a benefit line "9 折" / "九五折", and take the scheme own figures over defaults', () => {
    const t = mutable(B2B.tiers[1]);
    t.benefits.lines = [{ 'zh-CN': '采购 9 折', 'en-US': '10% off' }];
    expect(discountFromLines(t)).toBe(0.1);
    t.benefits.lines = [{ 'zh-CN': '九五折', 'en-US': '5% off' }];
    expect(discountFromLines(t)).toBe(0.05);
    t.benefits.cost = { perContact: 80, discount: 0.02, perCustomer: 300 };
    expect(tierCostInputs(t)).toMatchObject({ perContact: 80, discount: 0.02, perCustomer: 300, defaulted: { perContact: false, discount: false, perCustomer: false } });
  });
});

describe('serviceCost (b2b-value, hand-checked)', () => {
  // 1 VIP (¥2,000,000), 2 重要 (¥600,000 each), 3 普通 (¥200,000 each), 4 潜在 (¥50,000 each).
  const tier = [0, 1, 1, 2, 2, 2, 3, 3, 3, 3];
  const revenue = [2_000_000, 600_000, 600_000, 200_000, 200_000, 200_000, 50_000, 50_000, 50_000, 50_000];
  const cost = serviceCost(B2B, tier, revenue);

  it('per tier: contacts = cadence × customers, service cost = contacts × cost per contact', () => {
    expect(cost.rows.map((r) => [r.customers, r.contacts, r.serviceCost, r.benefitCost, r.revenue])).toEqual([
      [1, 12, 12_000, 0, 2_000_000],
      [2, 8, 4_000, 0, 1_200_000],
      [3, 3, 150, 0, 600_000],
      [4, 4, 20, 0, 200_000],
    ]);
    expect(cost.total.totalCost).toBe(16_170);
    expect(cost.total.revenue).toBe(4_000_000);
    expect(cost.rows[0]!.revenuePerService).toBeCloseTo(2_000_000 / 12_000, 9);
    expect(cost.total.costShare).toBeCloseTo(16_170 / 4_000_000, 12);
  });

  it('one-size-fits-all: everyone at the VIP cadence and cost, and at the middle tier (重要)', () => {
    // Top: 10 customers × 12 contacts × ¥1,000 = ¥120,000; saving ¥103,830 (86.5%).
    expect(cost.uniformTop).toEqual({ tier: 'vip', totalCost: 120_000, saving: 103_830, savingShare: 103_830 / 120_000 });
    // Middle: 10 × 4 × ¥500 = ¥20,000: tiering saves ¥3,830 (19.2%) against serving everyone as 重要.
    expect(cost.uniformMiddle.tier).toBe('key');
    expect(cost.uniformMiddle.totalCost).toBe(20_000);
    expect(cost.uniformMiddle.saving).toBe(3_830);
  });

  it('benefit costs: discount × revenue + fixed cost × customers; gross profit where margin is given', () => {
    const s = mutable(B2B) as SchemeInput;
    s.tiers[0]!.benefits!.cost = { perContact: 800, discount: 0.05, perCustomer: 10_000 };
    const c = serviceCost(parseScheme(s), tier, revenue, tier.map(() => 0.2));
    // VIP: 12 × 800 = 9,600 service; 0.05 × 2,000,000 + 10,000 = 110,000 benefits.
    expect(c.rows[0]).toMatchObject({ serviceCost: 9_600, benefitCost: 110_000, totalCost: 119_600, grossProfit: 400_000 });
    // Everyone as VIP: 10 × 12 × 800 + 0.05 × 4,000,000 + 10 × 10,000 = 396,000.
    expect(c.uniformTop.totalCost).toBe(396_000);
    expect(c.total.grossProfit).toBe(800_000);
  });

  it('unrated customers and blank revenue are left out / count as 0', () => {
    const c = serviceCost(B2B, [0, -1, 0], [100, 999, NaN]);
    expect(c.rows[0]!.customers).toBe(2);
    expect(c.rows[0]!.revenue).toBe(100);
    expect(c.total.customers).toBe(2);
  });

  it('the sheet: a per-tier Excel Table with a total row, and the comparison with the saving', () => {
    const sheet = serviceCostSheet(cost, B2B, 'zh-CN');
    expect(sheet.kind).toBe('cost');
    expect(sheet.tables.map((t) => t.tableName)).toEqual(['TierBookServiceCost', 'TierBookCostComparison']);
    expect(sheet.tables[0]!.rows[4]!.slice(0, 2)).toEqual(['合计', 10]);
    expect(sheet.tables[1]!.rows[1]).toEqual(['所有客户按"VIP客户(战略客户)"标准服务', 120_000, 0.03, 103_830, 103_830 / 120_000]);
    expect(sheet.tables[1]!.notes).toContain('与所有客户按"VIP客户(战略客户)"标准服务相比，分级服务每年节省 ¥103,830（86.5%）。');
  });
});

describe('properties', () => {
  it('the tiered cost is the sum of the tiers, and serving everyone at the top tier never costs less when the top tier costs most per customer', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: 0, max: 3_000_000 })), { maxLength: 50 }), (xs) => {
        const c = serviceCost(B2B, xs.map((x) => x[0]), xs.map((x) => x[1]));
        expect(c.total.totalCost).toBeCloseTo(c.rows.reduce((s, r) => s + r.totalCost, 0), 6);
        // b2b-value's VIP costs most per customer (12 × ¥1,000, no benefits): uniform-top saves ≥ 0.
        expect(c.uniformTop.saving).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('owner words', () => {
  it('a dedicated account manager (专属客户经理) is a manager, a dedicated team a team', () => {
    const t = mutable(B2B.tiers[0]);
    t.benefits.owner = { 'zh-CN': '专属客户经理', 'en-US': 'Dedicated account manager' };
    // monthly visits by a manager: 500 × 1
    expect(defaultPerContact(t)).toBe(500);
    t.benefits.owner = { 'zh-CN': '专属服务', 'en-US': 'Dedicated service' };
    expect(defaultPerContact(t)).toBe(1000);
  });
});
