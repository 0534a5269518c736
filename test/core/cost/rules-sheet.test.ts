// Costs on the rules sheet: shown with the figure in force, editable, optional (older sheets keep working).
import { describe, expect, it } from 'vitest';
import { schemeFromSheet, schemeToSheet, serviceCost, sheetValues, type CellValue } from '../../../src/core/index.ts';
import { preset } from '../helpers.ts';

const B2B = preset('b2b-value');

function grid(lang: 'zh-CN' | 'en-US' = 'zh-CN'): { values: CellValue[][]; header: number; cols: Record<string, number> } {
  const values = sheetValues(schemeToSheet(B2B, lang));
  const header = values.findIndex((r) => r.includes(lang === 'zh-CN' ? '每次联系成本' : 'Cost per contact'));
  const h = values[header]!;
  const at = (zh: string, en: string) => h.indexOf(lang === 'zh-CN' ? zh : en);
  return { values, header, cols: { perContact: at('每次联系成本', 'Cost per contact'), discount: at('折扣比例', 'Discount'), perCustomer: at('每客户年度权益成本', 'Benefit cost per customer per year') } };
}

describe('costs on the rules sheet', () => {
  it('every tier shows the cost per contact, discount and benefit cost in force (defaults included)', () => {
    const { values, header, cols } = grid();
    expect([1, 2, 3, 4].map((k) => values[header + k]![cols.perContact!])).toEqual([1000, 500, 50, 5]);
    expect([1, 2, 3, 4].map((k) => values[header + k]![cols.discount!])).toEqual([0, 0, 0, 0]);
  });

  it('an edited figure is read back as the tier own cost and used by the cost model', () => {
    const { values, header, cols } = grid('en-US');
    values[header + 1]![cols.perContact!] = 800;
    values[header + 1]![cols.perCustomer!] = '¥5,000';
    values[header + 2]![cols.discount!] = '3%';
    const read = schemeFromSheet(values);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.scheme.tiers[0]!.benefits.cost).toEqual({ perContact: 800, perCustomer: 5000 });
    expect(read.scheme.tiers[1]!.benefits.cost).toEqual({ discount: 0.03 });
    const c = serviceCost(read.scheme, [0, 1], [1_000_000, 100_000]);
    expect(c.rows[0]!.totalCost).toBe(12 * 800 + 5000);
    expect(c.rows[1]!.totalCost).toBe(4 * 500 + 3000);
  });

  it('a sheet written before costs (no cost columns) reads as before: defaults apply', () => {
    const { values, cols } = grid();
    const drop = new Set(Object.values(cols));
    const old = values.map((r) => r.filter((_, c) => !drop.has(c)));
    const read = schemeFromSheet(old);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.scheme).toEqual(B2B);
  });

  it('a discount that is no share names its cell', () => {
    const { values, header, cols } = grid();
    values[header + 1]![cols.discount!] = 5;
    const read = schemeFromSheet(values);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const col = String.fromCharCode(65 + cols.discount!);
    expect(read.problems[0]!.cell).toBe(`${col}${header + 2}`);
  });
});
