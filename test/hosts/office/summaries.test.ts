// Native summaries: PivotTables on Excel Tables (tier mix; movement from the history), a chart of the mix,
// refreshed rather than duplicated on a re-run; static tables (and a notice) without ExcelApi 1.8.
import { describe, expect, it } from 'vitest';
import { sheetValues } from '../../../src/core/index.ts';
import { tierMovement } from '../../../src/core/summaries/movement.ts';
import { STATIC_NOTICE } from '../../../src/hosts/office/index.ts';
import { MIX_SOURCE, currentRecords, summarySpecs } from '../../../src/run/summary-specs.ts';
import { gradeWorkbook, type RunResult } from '../../../src/run/grade-workbook.ts';
import type { FakeExcel, Scalar } from '../../support/excel-fake/index.ts';
import { customerRows, fakeWith, hostOn } from './helpers.ts';

const SHEET = '客户名单';

/** Pivot output as label → values (rows after the header, without the grand total). */
function pivotRows(fake: FakeExcel, name: string): Map<string, Scalar[]> {
  const p = fake.pivots.find((x) => x.name === name)!;
  const s = p.sheet;
  const out = new Map<string, Scalar[]>();
  for (let r = p.output.r0 + 1; r < p.output.r0 + p.output.rows - 1; r++) {
    const row = Array.from({ length: p.output.cols }, (_, c) => s.get(r, p.output.c0 + c)!);
    out.set(String(row[p.rows.length - 1]), row.slice(p.rows.length));
  }
  return out;
}

async function twoPeriods(fake: FakeExcel): Promise<RunResult> {
  await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', period: '2025H1', today: 45_900 });
  // Half a year later: some customers spend more, some are gone.
  const s = fake.sheet(SHEET);
  for (let r = 1; r < s.rows.length; r += 4) s.set(r, 1, (s.get(r, 1) as number) * 6);
  s.rows.splice(s.rows.length - 50, 50);
  s.touch();
  return gradeWorkbook(hostOn(fake), { lang: 'zh-CN', period: '2025H2', today: 45_900 });
}

describe('summaries in Excel', () => {
  it('builds the tier-mix and movement PivotTables from Excel Tables, with a chart; the numbers are the core’s', async () => {
    const fake = fakeWith(customerRows(2_000));
    const run = await twoPeriods(fake);
    const host = hostOn(fake);
    const specs = summarySpecs(run, 'zh-CN', { period: '2025H2', existingSheets: fake.sheets.map((s) => s.name) });
    expect(specs.map((s) => s.key)).toEqual(['mix', 'movement']);
    const s0 = fake.syncCount;
    const report = await host.summaries(specs);
    expect(fake.syncCount - s0).toBeLessThanOrEqual(30);
    expect(report.notice).toBeNull();
    // The period runs built them (mix in 2025H1, movement in 2025H2); asking again refreshes, never duplicates.
    expect(run.summaries?.native?.results.map((r) => [r.sheet, r.mode])).toEqual([
      ['等级分布', 'pivot-refreshed'],
      ['等级变动', 'pivot-created'],
    ]);
    expect(run.summaries?.churn).toBe('流失分析');
    expect(report.results.map((r) => [r.sheet, r.mode, r.chart])).toEqual([
      ['等级分布', 'pivot-refreshed', true],
      ['等级变动', 'pivot-refreshed', false],
    ]);
    expect(fake.pivots.filter((p) => p.name === 'TierBookMix')).toHaveLength(1);

    const mix = fake.pivots.find((p) => p.name === 'TierBookMix')!;
    expect(mix.rows).toEqual(['等级序号', '客户等级']);
    expect(mix.data.map((d) => [d.name, d.field, d.summarizeBy, d.showAs])).toEqual([
      ['客户数', '客户编号', 'Count', null],
      ['收入合计', '收入', 'Sum', null],
      ['收入占比', '收入（占比）', 'Sum', 'PercentOfGrandTotal'],
    ]);
    expect(mix.layoutType).toBe('Tabular');
    expect([...mix.subtotalsOff]).toEqual(['等级序号']);
    expect('table' in mix.source && mix.source.table.name).toBe(MIX_SOURCE);
    expect(fake.sheet(MIX_SOURCE).visibility).toBe('Hidden');
    const rows = pivotRows(fake, 'TierBookMix');
    for (const r of run.mix.rows) {
      const label = run.scheme.tiers.find((t) => t.id === r.tier)!.label['zh-CN'];
      if (r.customers === 0) continue;
      expect(rows.get(label)![0]).toBe(r.customers);
      expect(rows.get(label)![1] as number).toBeCloseTo(r.revenue, 6);
      expect(rows.get(label)![2] as number).toBeCloseTo(r.revenueShare, 9);
    }
    // The chart: tier names and counts, without the grand total, over a plain range right of the PivotTable
    // (over PivotTable cells it would be a PivotChart of every value field).
    const chart = fake.charts.find((c) => c.name === 'TierBookMixChart')!;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.sheet.name).toBe('等级分布');
    expect(chart.pivot).toBeNull();
    expect(chart.source.rect).toEqual({ r0: mix.output.r0, c0: mix.output.c0 + mix.output.cols + 1, rows: run.scheme.tiers.length + 1, cols: 2 });
    expect(chart.position?.start).toBe('Range');

    // Movement: rows = earlier tier (and 新客户), columns = tier now (and 流失), counts = the core's matrix.
    const move = fake.pivots.find((p) => p.name === 'TierBookMovement')!;
    expect(move.rows).toEqual(['上期序号', '上期等级']);
    expect(move.columns).toEqual(['本期等级或状态']);
    const m = tierMovement(run.scheme, [...run.previous!.values()], currentRecords(run, '2025H2', 'zh-CN'));
    const header = Array.from({ length: move.output.cols }, (_, c) => move.sheet.get(move.output.r0, move.output.c0 + c));
    const labels = [...run.scheme.tiers.map((t) => t.label['zh-CN']), '新客户'];
    const cols = [...run.scheme.tiers.map((t) => t.label['zh-CN']), '流失'];
    const got = pivotRows(fake, 'TierBookMovement');
    m.matrix.forEach((line, i) =>
      line.forEach((n, j) => {
        const c = header.indexOf(cols[j]!);
        const cell = got.get(labels[i]!)?.[c - 2];
        expect(cell ?? 0, `${labels[i]} → ${cols[j]}`).toBe(n === 0 ? (cell ?? 0) : n);
      }),
    );
    expect(m.churned).toBeGreaterThan(0);
  });

  it('a re-run refreshes the same PivotTables and chart (none added), and the source table follows the data', async () => {
    const fake = fakeWith(customerRows(1_000));
    const first = await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    await hostOn(fake).summaries(summarySpecs(first, 'zh-CN'));
    const s = fake.sheet(SHEET);
    s.rows.splice(600, 400);
    s.touch();
    const second = await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    const report = await hostOn(fake).summaries(summarySpecs(second, 'zh-CN', { existingSheets: fake.sheets.map((x) => x.name) }));
    expect(report.results.map((r) => r.mode)).toEqual(['pivot-refreshed']);
    expect(fake.pivots.length).toBe(1);
    expect(fake.pivots[0]!.refreshes).toBe(1);
    expect(fake.charts.length).toBe(1);
    expect(fake.tables.find((t) => t.name === MIX_SOURCE)!.rect.rows).toBe(1 + second.mix.graded);
    const total = [...pivotRows(fake, 'TierBookMix').values()].reduce((n, r) => n + (r[0] as number), 0);
    expect(total).toBe(second.mix.graded);
    expect(fake.sheets.filter((x) => x.name === '等级分布').length).toBe(1);
  });

  it('without ExcelApi 1.8: the same summaries as static tables, a chart, and the user told why', async () => {
    const fake = fakeWith(customerRows(500), { supported: { ExcelApi: '1.7' } });
    const run = await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    const specs = summarySpecs(run, 'zh-CN');
    const report = await hostOn(fake).summaries(specs);
    expect(report.notice).toEqual(STATIC_NOTICE);
    expect(report.notice!['zh-CN']).toContain('ExcelApi 1.8');
    expect(report.results).toEqual([{ key: 'mix', sheet: '等级分布', mode: 'static', chart: true }]);
    expect(fake.pivots).toEqual([]);
    const want = sheetValues({ name: '等级分布', tables: specs[0]!.fallback }).map((r) => r.map((v) => v ?? ''));
    const got = fake.values('等级分布');
    want.forEach((row, r) => row.forEach((v, c) => expect(got[r]?.[c] ?? '', `${r},${c}`).toBe(v)));
    expect(fake.charts.length).toBe(1);
    // Running again replaces, not duplicates.
    await hostOn(fake).summaries(specs);
    expect(fake.charts.length).toBe(1);
    expect(fake.sheets.filter((x) => x.name === '等级分布').length).toBe(1);
  });
});
