import { describe, it, expect } from 'vitest';
import type { CellInput } from '../../src/core/index.ts';
import { gradeOne, preset, records, tiersOf } from './helpers.ts';

/**
 * Rows for one threshold: the value exactly at it, just below (−0.01, −1) and just above (+0.01, +1).
 * `inclusive` (≥) puts the value at the threshold in the higher tier; a strict ">" puts it below.
 */
function edges(threshold: number, above: string, below: string, inclusive = true): [number, string][] {
  return [
    [threshold, inclusive ? above : below],
    [threshold - 0.01, below],
    [threshold - 1, below],
    [threshold + 0.01, above],
    [threshold + 1, above],
  ];
}

type Row = [string, Record<string, CellInput>, string];

/** Grade every row in one table and compare the tier of each. */
function expectTiers(schemeId: string, rows: readonly Row[]): void {
  const s = preset(schemeId);
  const got = tiersOf(s, records(rows.map((r) => r[1])));
  expect(rows.map((r, i) => `${r[0]} → ${got[i]}`)).toEqual(rows.map((r) => `${r[0]} → ${r[2]}`));
}

describe('salon-spend: diamond ≥ 20,000, gold ≥ 10,000, silver ≥ 5,000, regular otherwise', () => {
  const rows: Row[] = [
    ...edges(20_000, 'diamond', 'gold'),
    ...edges(10_000, 'gold', 'silver'),
    ...edges(5_000, 'silver', 'regular'),
  ].map(([v, t]) => [`spend ${v}`, { annualSpend: v }, t]);

  it.each(rows)('%s', (_name, values, tier) => {
    expect(gradeOne(preset('salon-spend'), values).tier).toBe(tier);
  });

  it('the same thresholds, graded in one table, and far from every threshold', () => {
    expectTiers('salon-spend', [
      ...rows,
      ['zero', { annualSpend: 0 }, 'regular'],
      ['negative (refunds)', { annualSpend: -100 }, 'regular'],
      ['huge', { annualSpend: 1e12 }, 'diamond'],
      ['text "¥20,000"', { annualSpend: '¥20,000' }, 'diamond'],
      ['text "1万"', { annualSpend: '1万' }, 'gold'],
      ['text "4,999.99元"', { annualSpend: '4,999.99元' }, 'regular'],
    ]);
  });
});

describe('b2b-value: vip ≥1,000,000 & ≥5 yrs; key ≥500,000 & ≥3 yrs; regular ≥100,000; potential otherwise', () => {
  const rows: Row[] = [
    // spend thresholds, years comfortably above every years threshold
    ...edges(1_000_000, 'vip', 'key').map(([v, t]): Row => [`spend ${v}, 10 yrs`, { annualSpend: v, cooperationYears: 10 }, t]),
    ...edges(500_000, 'key', 'regular').map(([v, t]): Row => [`spend ${v}, 10 yrs`, { annualSpend: v, cooperationYears: 10 }, t]),
    ...edges(100_000, 'regular', 'potential').map(([v, t]): Row => [`spend ${v}, 0 yrs`, { annualSpend: v, cooperationYears: 0 }, t]),
    // years thresholds, spend comfortably above the spend threshold of the tier
    ...edges(5, 'vip', 'key').map(([y, t]): Row => [`spend 2,000,000, ${y} yrs`, { annualSpend: 2_000_000, cooperationYears: y }, t]),
    ...edges(3, 'key', 'regular').map(([y, t]): Row => [`spend 600,000, ${y} yrs`, { annualSpend: 600_000, cooperationYears: y }, t]),
  ];

  it.each(rows)('%s', (_name, values, tier) => {
    expect(gradeOne(preset('b2b-value'), values).tier).toBe(tier);
  });

  it('every condition of a tier must hold (combinations)', () => {
    expectTiers('b2b-value', [
      ['both exactly at vip', { annualSpend: 1_000_000, cooperationYears: 5 }, 'vip'],
      ['vip spend, 4 yrs → key', { annualSpend: 1_500_000, cooperationYears: 4 }, 'key'],
      ['vip spend, 2 yrs → regular', { annualSpend: 5_000_000, cooperationYears: 2 }, 'regular'],
      ['vip spend, 0 yrs → regular', { annualSpend: 1_000_000, cooperationYears: 0 }, 'regular'],
      ['key spend, 30 yrs → key', { annualSpend: 999_999.99, cooperationYears: 30 }, 'key'],
      ['key spend, 2.99 yrs → regular', { annualSpend: 500_000, cooperationYears: 2.99 }, 'regular'],
      ['regular spend, 30 yrs → regular', { annualSpend: 100_000, cooperationYears: 30 }, 'regular'],
      ['below regular spend, 30 yrs → potential', { annualSpend: 99_999, cooperationYears: 30 }, 'potential'],
      ['both exactly at key', { annualSpend: 500_000, cooperationYears: 3 }, 'key'],
      ['nothing', { annualSpend: 0, cooperationYears: 0 }, 'potential'],
    ]);
  });

  it('a blank years cell leaves the customer unrated (criterion policy "unrated")', () => {
    const g = gradeOne(preset('b2b-value'), { annualSpend: 2_000_000, cooperationYears: '' });
    expect(g.tier).toBeNull();
    expect(g.issues.map((i) => [i.code, i.field])).toEqual([['blank', 'cooperationYears']]);
  });
});

describe('crm-activity: diamond spend > 5,000 & orders > 10; gold orders > 10; silver avg ≥ 500; regular', () => {
  const rows: Row[] = [
    // spend ">" 5,000 with 11 orders (the gold rule holds, so below means gold)
    ...edges(5_000, 'diamond', 'gold', false).map(([v, t]): Row => [`spend ${v}, 11 orders`, { annualSpend: v, orderCount: 11 }, t]),
    // orders ">" 10 with spend 6,000: at or below 10 the derived average 6000/orders ≥ 500 gives silver
    ...edges(10, 'diamond', 'silver', false).map(([o, t]): Row => [`spend 6,000, ${o} orders`, { annualSpend: 6_000, orderCount: o }, t]),
    // orders ">" 10 with spend 1,000: gold above, the average (≤ 111) is far below 500
    ...edges(10, 'gold', 'regular', false).map(([o, t]): Row => [`spend 1,000, ${o} orders`, { annualSpend: 1_000, orderCount: o }, t]),
    // average order ≥ 500 from an explicit column (spend and orders far from every other threshold)
    ...edges(500, 'silver', 'regular').map(([a, t]): Row => [`avg column ${a}`, { annualSpend: 100, orderCount: 1, avgOrderValue: a }, t]),
  ];

  it.each(rows)('%s', (_name, values, tier) => {
    expect(gradeOne(preset('crm-activity'), values).tier).toBe(tier);
  });

  it('average order = spend ÷ orders when there is no avgOrderValue column', () => {
    expectTiers('crm-activity', [
      ['5,000 / 10 = 500 → silver', { annualSpend: 5_000, orderCount: 10 }, 'silver'],
      ['4,999.9 / 10 = 499.99 → regular', { annualSpend: 4_999.9, orderCount: 10 }, 'regular'],
      ['1,000 / 2 = 500 → silver', { annualSpend: 1_000, orderCount: 2 }, 'silver'],
      ['999 / 2 = 499.5 → regular', { annualSpend: 999, orderCount: 2 }, 'regular'],
      ['500 / 1 → silver', { annualSpend: 500, orderCount: 1 }, 'silver'],
      ['no orders: average 0 → regular', { annualSpend: 4_000, orderCount: 0 }, 'regular'],
      ['no orders, spend > 5,000: still regular', { annualSpend: 9_000, orderCount: 0 }, 'regular'],
      ['no orders, no spend → regular', { annualSpend: 0, orderCount: 0 }, 'regular'],
    ]);
    const g = gradeOne(preset('crm-activity'), { annualSpend: 1_000, orderCount: 2 });
    expect(g.reason['zh-CN']).toBe('平均订单金额 ¥500 ≥ ¥500');
  });

  it('an explicit avgOrderValue column wins over the derivation', () => {
    expectTiers('crm-activity', [
      ['derived 100, column 600 → silver', { annualSpend: 1_000, orderCount: 10, avgOrderValue: 600 }, 'silver'],
      ['derived 1,000, column 10 → regular', { annualSpend: 5_000, orderCount: 5, avgOrderValue: 10 }, 'regular'],
      ['no orders, column 500 → silver', { annualSpend: 0, orderCount: 0, avgOrderValue: 500 }, 'silver'],
    ]);
  });

  it('a blank in the explicit column is a blank, not a derivation', () => {
    const g = gradeOne(preset('crm-activity'), { annualSpend: 6_000, orderCount: 5, avgOrderValue: '' });
    expect(g.tier).toBeNull();
    expect(g.issues.map((i) => [i.code, i.field])).toEqual([['blank', 'avgOrderValue']]);
  });

  it('an unreadable spend makes the derived average unreadable too: unrated, never 0', () => {
    const g = gradeOne(preset('crm-activity'), { annualSpend: '待定', orderCount: 3 });
    expect(g.tier).toBeNull();
    expect(g.issues.map((i) => i.code)).toEqual(['not-a-number']);
  });
});

describe('b2b-weighted: band points × weight (50/25/25) → score 0–100 → vip ≥ 80, key ≥ 60, regular ≥ 35', () => {
  // spend bands ≥1M 100, ≥500k 80, ≥200k 60, ≥100k 40, ≥50k 20, else 0
  // years bands ≥8 100, ≥5 80, ≥3 60, ≥1 30, else 0
  // growth bands ≥8 100, ≥6 70, ≥4 40, ≥0 10 (blank counts as 0 → 10 points)
  const cases: [string, Record<string, CellInput>, number, string][] = [
    // 100×.5 + 80×.25 + 70×.25 = 50 + 20 + 17.5
    ['1.25M, 6 yrs, growth 7', { annualSpend: 1_250_000, cooperationYears: 6, growthPotential: 7 }, 87.5, 'vip'],
    // 100×.5 + 80×.25 + 40×.25 = 50 + 20 + 10 → exactly at the vip line
    ['1M, 5 yrs, growth 4', { annualSpend: 1_000_000, cooperationYears: 5, growthPotential: 4 }, 80, 'vip'],
    // growth 3.99 falls to the 10-point band: 50 + 20 + 2.5
    ['1M, 5 yrs, growth 3.99', { annualSpend: 1_000_000, cooperationYears: 5, growthPotential: 3.99 }, 72.5, 'key'],
    // 60×.5 + 80×.25 + 40×.25 = 30 + 20 + 10 → exactly at the key line
    ['200k, 5 yrs, growth 4', { annualSpend: 200_000, cooperationYears: 5, growthPotential: 4 }, 60, 'key'],
    // 40×.5 + 80×.25 + 40×.25 = 20 + 20 + 10
    ['199,999.99, 5 yrs, growth 4', { annualSpend: 199_999.99, cooperationYears: 5, growthPotential: 4 }, 50, 'regular'],
    // 20×.5 + 60×.25 + 40×.25 = 10 + 15 + 10 → exactly at the regular line
    ['50k, 3 yrs, growth 4', { annualSpend: 50_000, cooperationYears: 3, growthPotential: 4 }, 35, 'regular'],
    // 0 + 15 + 10
    ['49,999.99, 3 yrs, growth 4', { annualSpend: 49_999.99, cooperationYears: 3, growthPotential: 4 }, 25, 'potential'],
    // 80×.5 + 60×.25 + 10×.25 = 40 + 15 + 2.5; blank growth counts as 0 → 10 points
    ['550k, 3 yrs, growth blank', { annualSpend: 550_000, cooperationYears: 3, growthPotential: '' }, 57.5, 'regular'],
    // 100×.5 + 100×.25 + 100×.25
    ['top of every band', { annualSpend: 3_000_000, cooperationYears: 8, growthPotential: 10 }, 100, 'vip'],
    // 0 + 0 + 10×.25 (years 0.99 below the 1-year band)
    ['nothing', { annualSpend: 0, cooperationYears: 0.99, growthPotential: 0 }, 2.5, 'potential'],
    // 80×.5 + 100×.25 + 70×.25 = 40 + 25 + 17.5
    ['500k, 8 yrs, growth 6', { annualSpend: 500_000, cooperationYears: 8, growthPotential: 6 }, 82.5, 'vip'],
    // 80×.5 + 30×.25 + 40×.25 = 40 + 7.5 + 10
    ['500k, 1 yr, growth 5', { annualSpend: 500_000, cooperationYears: 1, growthPotential: 5 }, 57.5, 'regular'],
  ];

  it.each(cases)('%s → score %d', (_name, values, score, tier) => {
    const g = gradeOne(preset('b2b-weighted'), values);
    expect(g.score).toBe(score);
    expect(g.tier).toBe(tier);
  });

  it('every band edge of every criterion earns the band (value = min qualifies)', () => {
    const s = preset('b2b-weighted');
    const base = { annualSpend: 0, cooperationYears: 0, growthPotential: 0 }; // 0 + 0 + 2.5
    const spend: [number, number][] = [[1_000_000, 100], [999_999.99, 80], [500_000, 80], [499_999, 60], [200_000, 60], [100_000, 40], [50_000, 20], [49_999.99, 0]];
    for (const [v, pts] of spend) expect(gradeOne(s, { ...base, annualSpend: v }).score, `spend ${v}`).toBe(pts * 0.5 + 2.5);
    const years: [number, number][] = [[8, 100], [7.99, 80], [5, 80], [3, 60], [2.99, 30], [1, 30], [0.99, 0]];
    for (const [v, pts] of years) expect(gradeOne(s, { ...base, cooperationYears: v }).score, `years ${v}`).toBe(pts * 0.25 + 2.5);
    const growth: [number, number][] = [[8, 100], [7.99, 70], [6, 70], [4, 40], [3.99, 10], [0, 10]];
    for (const [v, pts] of growth) expect(gradeOne(s, { ...base, growthPotential: v }).score, `growth ${v}`).toBe(pts * 0.25);
  });

  it('growth outside 0–10 or unreadable is a data issue and unrated, even though blanks count as 0', () => {
    const s = preset('b2b-weighted');
    for (const bad of [11, -1, '待定', '#N/A']) {
      const g = gradeOne(s, { annualSpend: 2_000_000, cooperationYears: 10, growthPotential: bad });
      expect(g.tier, String(bad)).toBeNull();
      expect(g.score).toBeNull();
      expect(g.issues).toHaveLength(1);
      expect(g.issues[0]!.field).toBe('growthPotential');
    }
  });

  it('explains the score and the points short of the next tier', () => {
    const g = gradeOne(preset('b2b-weighted'), { annualSpend: 550_000, cooperationYears: 3, growthPotential: '' });
    expect(g.reason['zh-CN']).toBe(
      '总分 57.5 ≥ 35：年度消费金额 ¥550,000 得 80 分（权重 50%）；合作年限 3 年 得 60 分（权重 25%）；增长潜力 0 分 得 10 分（权重 25%）',
    );
    expect(g.gap?.tier).toBe('key');
    expect(g.gap?.text['zh-CN']).toMatch(/^还差 2\.5 分升至重要客户/);
    expect(g.gap?.text['en-US']).toMatch(/^2\.5 points short of Key/);
  });
});
