import { describe, it, expect } from 'vitest';
import { applyScale, mapColumns, parseUnit } from '../../../src/core/mapping/index.ts';
import { preset } from '../../support/schemes.ts';
import { rulesScheme } from './schemes.ts';

/** The column a header maps to for a field, with a plain id and name around it. */
function only(header: string, field: string, scheme = preset('rfm-5')) {
  const m = mapColumns(['客户编号', '客户名称', header], scheme);
  const c = m.byField[field];
  if (!c) throw new Error(`"${header}" did not map to ${field}: ${JSON.stringify(m.problems)}`);
  expect(c.col).toBe(2);
  return c;
}

describe('units in headers scale the column', () => {
  it.each([
    ['金额（万元）', 10_000],
    ['销售额(万元)', 10_000],
    ['销售额（万）', 10_000],
    ['销售额【万元】', 10_000],
    ['销售额[万元]', 10_000],
    ['销售额［万元］', 10_000],
    ['销售额/万元', 10_000],
    ['销售额 (单位：万元)', 10_000],
    ['销售额万元', 10_000],
    ['消费金额(千元)', 1_000],
    ['Revenue (k)', 1_000],
    ['Revenue (K)', 1_000],
    ['Revenue (¥k)', 1_000],
    ['Revenue (￥K)', 1_000],
    ['Revenue (RMB k)', 1_000],
    ['Revenue (thousands)', 1_000],
    ['Revenue (in thousands)', 1_000],
    ["Revenue (RMB '000)", 1_000],
    ['销售额(百万)', 1_000_000],
    ['销售额（百万元）', 1_000_000],
    ['Revenue (M)', 1_000_000],
    ['Revenue (mn)', 1_000_000],
    ['年度消费金额（亿元）', 100_000_000],
    ['消费金额(元)', 1],
    ['Revenue (¥)', 1],
    ['Revenue (RMB)', 1],
    ['Revenue (USD)', 1],
    ['销售额（含税）', 1],
  ])('%s → ×%d', (header, scale) => {
    const c = only(header, 'annualSpend');
    expect(c.scale).toBe(scale);
    expect(c.unitNote === undefined).toBe(scale === 1);
  });

  it('notes the conversion in both languages', () => {
    expect(only('销售额（万元）', 'annualSpend').unitNote).toEqual({
      'zh-CN': '按万元换算（×10,000）',
      'en-US': 'scaled from ten-thousands (万) (×10,000)',
    });
    expect(only('Revenue (k)', 'annualSpend').unitNote).toEqual({
      'zh-CN': '按千元换算（×1,000）',
      'en-US': 'scaled from thousands (×1,000)',
    });
    expect(only('订单数（千笔）', 'orderCount').unitNote).toEqual({
      'zh-CN': '按千换算（×1,000）',
      'en-US': 'scaled from thousands (×1,000)',
    });
  });

  it('converts months (and days) of cooperation to years', () => {
    const b2b = preset('b2b-value');
    for (const h of ['合作年限（月）', '合作年限(个月)', 'Tenure (months)', 'Years of cooperation (mos)', '合作月数']) {
      const c = only(h, 'cooperationYears', b2b);
      expect(c.scale).toBeCloseTo(1 / 12, 12);
      expect(c.unitNote?.['zh-CN']).toBe('按月换算为年（÷12）');
    }
    expect(only('合作年限（年）', 'cooperationYears', b2b).scale).toBe(1);
    expect(only('合作年限(天)', 'cooperationYears', b2b).scale).toBeCloseTo(1 / 365, 12);
  });

  it('reads recency in days as is, weeks ×7', () => {
    expect(only('最近消费天数(天)', 'recencyDays').scale).toBe(1);
    expect(only('Recency (days)', 'recencyDays').scale).toBe(1);
    expect(only('未消费天数（周）', 'recencyDays').scale).toBe(7);
  });

  it('reads "(%)" on a percent metric as percent points: 12 means 12% → ×0.01', () => {
    const scheme = rulesScheme([{ metric: 'profitMargin', label: { 'zh-CN': '利润率', 'en-US': 'Profit margin' }, unit: 'percent' }]);
    for (const h of ['利润率(%)', '毛利率（％）', '毛利率%', 'Profit margin (%)', 'Margin %']) {
      const c = only(h, 'profitMargin', scheme);
      expect(c.scale).toBe(0.01);
      expect(c.unitNote?.['en-US']).toBe('read as percent (÷100: the header says %, so 12 means 12%)');
    }
    expect(only('利润率', 'profitMargin', scheme).scale).toBe(1);
    expect(only('利润率(‰)', 'profitMargin', scheme).scale).toBe(0.001);
  });

  it('ignores units that do not fit the field (no scaling of text, "%" on a score)', () => {
    const named = mapColumns(['客户编号', '客户名称(全称)', '销售额（万元）'], preset('salon-spend')).byField.name!;
    expect(named.col).toBe(1);
    expect(named.scale).toBe(1);
    const scheme = rulesScheme([{ metric: 'satisfaction', label: { 'zh-CN': '满意度', 'en-US': 'Satisfaction' }, unit: 'score' }]);
    expect(only('满意度(%)', 'satisfaction', scheme).scale).toBe(1);
    expect(only('满意度(1-10分)', 'satisfaction', scheme).scale).toBe(1);
  });

  it('parseUnit by kind', () => {
    expect(parseUnit('万元', 'currency')?.scale).toBe(10_000);
    expect(parseUnit('w', 'currency')?.scale).toBe(10_000);
    expect(parseUnit('万元', 'years')).toBeNull();
    expect(parseUnit('月', 'days')?.scale).toBeCloseTo(365 / 12, 12);
    expect(parseUnit('%', 'number')).toBeNull();
    expect(parseUnit('2024', 'currency')).toBeNull();
    expect(parseUnit('万元', 'text')).toBeNull();
    expect(parseUnit('次', 'count')?.scale).toBe(1);
  });
});

describe('applyScale', () => {
  it('multiplies in place, blanks stay blank', () => {
    const v = Float64Array.from([1.5, NaN, 2, 0]);
    const out = applyScale(v, 10_000);
    expect(out).toBe(v);
    expect([...v]).toEqual([15_000, NaN, 20_000, 0]);
  });

  it('leaves text cells that state their own unit as parsed', () => {
    // 销售额（万元）: 1.5 → ¥15,000; "3万" was already read as 30,000 and "1200元" as 1,200.
    const cells = [1.5, '2.5', '3万', '1200元', null];
    const v = Float64Array.from([1.5, 2.5, 30_000, 1_200, NaN]);
    applyScale(v, 10_000, cells);
    expect([...v]).toEqual([15_000, 25_000, 30_000, 1_200, NaN]);
    // 利润率(%): 12 → 0.12; "15%" was already read as 0.15.
    const m = Float64Array.from([12, 0.15]);
    applyScale(m, 0.01, [12, '15%']);
    expect(m[0]).toBeCloseTo(0.12, 12);
    expect(m[1]).toBe(0.15);
  });

  it('does nothing for scale 1', () => {
    const v = Float64Array.from([3]);
    expect([...applyScale(v, 1)]).toEqual([3]);
  });
});
