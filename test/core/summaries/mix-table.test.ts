// The tier-mix table (等级分布): customers, revenue, averages and the expected band per tier, the Pareto
// line and the unrated count — numbers checked by hand.
import { describe, expect, it } from 'vitest';
import { getPreset, sheetValues, tierMix, tierMixOf } from '../../../src/core/index.ts';
import { mixTable } from '../../../src/core/summaries/index.ts';
import { mixSheet } from '../../../src/core/summaries/tables.ts';
import { records, run } from '../helpers.ts';

const b2b = getPreset('b2b-value')!; // expected: vip 5–10%, key 15–20%, regular 40–50%, potential 20–30%

// 10 graded customers and 2 unrated: vip 1, key 3, regular 4, potential 2.
const tier = Int16Array.from([0, 1, 1, 1, 2, 2, 2, 2, 3, 3, -1, -1]);
const revenue = Float64Array.from([2_000_000, 800_000, 600_000, 500_000, 300_000, 200_000, 150_000, 100_000, 50_000, 0, 999, NaN]);
const mix = tierMix(b2b, tier, revenue, 'annualSpend');

describe('mixTable', () => {
  it('zh: one row per tier and the total; key (30%) is above its 15–20% band', () => {
    const [t] = mixTable(mix, b2b, 'zh-CN');
    expect(t!.title).toBe('等级分布 — 企业客户价值分级');
    expect(t!.header).toEqual(['客户等级', '客户数', '客户占比', '收入', '收入占比', '户均收入', '预期占比', '超出预期']);
    // Total revenue of the graded customers: 2,000,000 + 1,900,000 + 750,000 + 50,000 = 4,700,000.
    expect(t!.rows).toEqual([
      ['VIP客户(战略客户)', 1, 0.1, 2_000_000, 2_000_000 / 4_700_000, 2_000_000, '5%–10%', null],
      ['重要客户', 3, 0.3, 1_900_000, 1_900_000 / 4_700_000, 1_900_000 / 3, '15%–20%', '偏高'],
      ['普通客户', 4, 0.4, 750_000, 750_000 / 4_700_000, 187_500, '40%–50%', null],
      ['潜在客户', 2, 0.2, 50_000, 50_000 / 4_700_000, 25_000, '20%–30%', null],
      ['合计', 10, 1, 4_700_000, 1, 470_000, null, null],
    ]);
    expect(t!.numberFormats).toEqual([null, '#,##0', '0.0%', '"¥"#,##0', '0.0%', '"¥"#,##0', null, null]);
    expect(t!.rowFills).toEqual(['#F4B183', '#FFD966', '#DDEBF7', '#E2EFDA', null]);
  });

  it('zh: the Pareto line (top 2 of 10 bring ¥2,800,000 of ¥4,700,000 = 59.6%) and the unrated count', () => {
    const [t] = mixTable(mix, b2b, 'zh-CN');
    expect(t!.notes).toEqual([
      '收入按"年度消费金额"计；客户占比以已评级客户为分母。',
      '帕累托：收入最高的前 20% 客户（2 位）贡献了 59.6% 的收入。',
      '未评级客户：2 位（不计入以上统计，原因见"数据问题"列）。',
      '预期占比来自方案设置；客户占比超出预期范围时标注"偏高"或"偏低"。',
    ]);
  });

  it('en: the same in English; a tier under its band is marked Below', () => {
    const low = tierMix(b2b, Int16Array.from([0, 1, 1, 2, 2, 2, 2, 2, 2, 3]), null, null);
    const [t] = mixTable(low, b2b, 'en-US');
    // Without revenue the revenue columns and the Pareto line are left out.
    expect(t!.header).toEqual(['Tier', 'Customers', 'Share of customers', 'Expected share', 'Outside band']);
    expect(t!.rows).toEqual([
      ['VIP (strategic)', 1, 0.1, '5%–10%', null],
      ['Key', 2, 0.2, '15%–20%', null],
      ['Regular', 6, 0.6, '40%–50%', 'Above'],
      ['Potential', 1, 0.1, '20%–30%', 'Below'],
      ['Total', 10, 1, null, null],
    ]);
    expect(t!.notes).toEqual([
      'The scheme has no revenue metric (value metric or annual spend), so revenue is not shown; customer shares are of graded customers.',
      'Unrated customers: 0 (not counted here; see the "Data issues" column).',
      'Expected shares come from the scheme; a share outside its band is marked Above or Below.',
    ]);
  });

  it('without expected bands the flag column stays empty and the band note is left out', () => {
    const salon = getPreset('salon-spend')!;
    const m = tierMix(salon, Int16Array.from([0, 3]), Float64Array.from([30_000, 0]), 'annualSpend');
    const [t] = mixTable(m, salon, 'en-US');
    expect(t!.rows[0]).toEqual(['Diamond Member', 1, 0.5, 30_000, 1, 30_000, null, null]);
    // Empty tiers: no share of revenue is lost, no average exists.
    expect(t!.rows[1]).toEqual(['Gold Member', 0, 0, 0, 0, null, null, null]);
    expect(t!.rows[3]).toEqual(['Regular Member', 1, 0.5, 0, 0, 0, null, null]);
    expect(t!.rows[4]).toEqual(['Total', 2, 1, 30_000, 1, 15_000, null, null]);
    expect(t!.notes).toHaveLength(3);
    expect(t!.notes![1]).toBe('Pareto: the top 20% of customers by revenue (1) bring 100% of revenue.');
  });

  it('empty tiers: no average; zero revenue: no shares and no Pareto figure', () => {
    const m = tierMix(b2b, Int16Array.from([3, 3]), Float64Array.from([0, 0]), 'annualSpend');
    const [t] = mixTable(m, b2b, 'zh-CN');
    expect(t!.rows[0]).toEqual(['VIP客户(战略客户)', 0, 0, 0, null, null, '5%–10%', '偏低']);
    expect(t!.rows[4]).toEqual(['合计', 2, 1, 0, null, 0, null, null]);
    expect(t!.notes![1]).toBe('帕累托：总收入不大于 0，无法计算前 20% 客户的收入占比。');
  });

  it('from a grading run, as a generated sheet', () => {
    const result = run(b2b, records([{ annualSpend: 1_500_000, cooperationYears: 6 }, { annualSpend: 120_000, cooperationYears: 1 }, { annualSpend: '' }]));
    const sheet = mixSheet(tierMixOf(result), b2b, 'zh-CN');
    expect(sheet.name).toBe('等级分布');
    const grid = sheetValues(sheet);
    expect(grid[0]).toEqual(['等级分布 — 企业客户价值分级']);
    expect(grid[2]).toEqual(['帕累托：收入最高的前 20% 客户（1 位）贡献了 92.6% 的收入。']);
    expect(grid[3]).toEqual(['未评级客户：1 位（不计入以上统计，原因见"数据问题"列）。']);
    expect(sheet.widths!.length).toBe(8);
  });
});
