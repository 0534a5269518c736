// The sample workbook (npm run build:sample): generated data in the template's sheets grades out of the box.
import { describe, it, expect } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { SAMPLE_HEADERS, generateSample } from '../../scripts/sample/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { XlsxWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { sampleCsv, sampleWorkbook } from '../../scripts/sample-workbook.ts';
import { TEMPLATE_SHEETS } from '../../scripts/template.ts';

describe('sample workbook', () => {
  it('holds the generated tables and grades with the default scheme, messy cells reported not fatal', async () => {
    const opts = { customers: 1500, seed: 4, messy: true };
    const bytes = sampleWorkbook(opts);
    const names = TEMPLATE_SHEETS['zh-CN'];
    const t = generateSample(opts);
    const book = XlsxWorkbook.open(bytes);
    expect(book.listSheets().map((s) => s.name)).toEqual([names.customers, names.orders, names.interactions, names.satisfaction]);
    expect(book.readSheet(names.orders).values).toEqual(t.orders);
    expect(book.readSheet(names.customers).values).toEqual(t.customers);

    const run = await gradeWorkbook(FileWorkbook.open(bytes, 's.xlsx'), { lang: 'zh-CN', period: '2025H2', gradedAt: new Date('2026-01-01T00:00:00Z') });
    expect(run.scheme.id).toBe('b2b-value');
    expect(run.schemeSource).toBe('default');
    expect(run.related).toEqual({ orders: names.orders, interactions: names.interactions, satisfaction: names.satisfaction });
    expect(run.customers.table.size).toBe(1501); // the row pasted twice is there
    const b2b = getPreset('b2b-value')!;
    for (const row of run.mix.rows.filter((r) => b2b.tiers.some((x) => x.id === r.tier))) {
      const tier = b2b.tiers.find((x) => x.id === row.tier)!;
      expect(row.customerShare, row.tier).toBeGreaterThan(tier.expectedShare!.min - 0.04);
      expect(row.customerShare, row.tier).toBeLessThan(tier.expectedShare!.max + 0.04);
    }
    // the messy cells: a handful of unreadable or blank ones, each reported, and the duplicate id
    const codes = run.result.issues.map((i) => i.code);
    expect(codes).toContain('duplicate-id'); // the row pasted twice
    expect(codes).toContain('not-a-number'); // 待定
    expect(codes).toContain('excel-error'); // #N/A
    expect(codes.every((c) => ['duplicate-id', 'not-a-number', 'excel-error', 'blank'].includes(c))).toBe(true); // the readable texts read
    expect(codes.length).toBeLessThan(40);
  });

  it('CSV: each table streams to CSV our CSV reader reads back', () => {
    const opts = { customers: 200, seed: 9, lang: 'en-US' as const };
    const text = [...sampleCsv(opts, 'orders')].join('');
    expect(text.startsWith('\uFEFF' + SAMPLE_HEADERS['en-US'].orders.join(',') + '\r\n')).toBe(true);
    const t = generateSample(opts);
    const book = FileWorkbook.open(new TextEncoder().encode(text), 'orders.csv');
    return book.listSheets().then(async ([info]) => {
      const values = (await book.readSheet(info!.name)).values;
      expect(values).toHaveLength(t.orders.length);
      expect(values[1]![0]).toBe(t.orders[1]![0]);
      expect(values[1]![2]).toBe(String(t.orders[1]![2]));
      expect(values[1]![1]).toMatch(/^2025-\d{2}-\d{2}$/);
    });
  });
});
