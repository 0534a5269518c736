// Summaries against the rules of real Excel that the fake learnt from issue 14 (see the fake's README): a chart
// over PivotTable cells is a PivotChart; office.js's own bulk-write overhead counts toward 5 MB; a refresh drops
// fields whose source column was renamed; PivotTable names are unique per sheet only; tables do not grow from
// block writes; a table name given as a string can resolve to another table or a defined name.
import { describe, expect, it } from 'vitest';
import { MIX_SOURCE, summarySpecs } from '../../../src/run/summary-specs.ts';
import { gradeWorkbook } from '../../../src/run/grade-workbook.ts';
import type { SummarySpec } from '../../../src/port/workbook.ts';
import { PAYLOAD_LIMIT, type FakeExcel, type PivotModel, type Scalar } from '../../support/excel-fake/index.ts';
import { customerRows, fakeWith, hostOn } from './helpers.ts';

const SHEET = '客户名单';

/** The PivotTable's count column summed over its item lines (grand total left out). */
function pivotCount(p: PivotModel): number {
  let n = 0;
  for (let r = p.output.r0 + 1; r < p.output.r0 + p.output.rows - 1; r++) n += Number(p.sheet.get(r, p.output.c0 + p.rows.length) ?? 0);
  return n;
}

async function gradedWithSummaries(fake: FakeExcel, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  const run = await gradeWorkbook(hostOn(fake), { lang, today: 45_900 });
  const report = await hostOn(fake).summaries(summarySpecs(run, lang, { existingSheets: fake.sheets.map((s) => s.name) }));
  return { run, report };
}

function addCustomers(fake: FakeExcel, from: number, to: number): void {
  const more = customerRows(to);
  const s = fake.sheet(SHEET);
  for (let r = from + 1; r <= to; r++) more[r]!.forEach((v, c) => s.set(r, c, v));
  s.touch();
}

describe('summaries in Excel, by the rules of real Excel', () => {
  it('the tier-mix chart charts a plain range of counts beside the PivotTable, never PivotTable cells (no PivotChart)', async () => {
    const fake = fakeWith(customerRows(1_000));
    const { run } = await gradedWithSummaries(fake);
    const mix = fake.pivots.find((p) => p.name === 'TierBookMix')!;
    const chart = fake.charts.find((c) => c.name === 'TierBookMixChart')!;
    expect(chart.pivot).toBeNull();
    expect(chart.source.sheet).toBe(mix.sheet);
    const { r0, c0, rows, cols } = chart.source.rect;
    expect(cols).toBe(2);
    expect(c0).toBeGreaterThanOrEqual(mix.output.c0 + mix.output.cols);
    // Header, then one line per tier: its label and its count (the core's numbers), no total line.
    const tiers = run.scheme.tiers.map((t) => t.label['zh-CN']);
    expect(rows).toBe(tiers.length + 1);
    for (let i = 0; i < tiers.length; i++) {
      expect(mix.sheet.get(r0 + 1 + i, c0)).toBe(tiers[i]);
      const want = run.mix.rows.find((x) => x.tier === run.scheme.tiers[i]!.id)!.customers;
      expect(mix.sheet.get(r0 + 1 + i, c0 + 1) ?? 0).toBe(want);
    }
    // A re-run with fewer customers: the same chart (none added), its numbers rewritten, still no PivotChart.
    fake.sheet(SHEET).rows.splice(700, 301);
    fake.sheet(SHEET).touch();
    const again = await gradedWithSummaries(fake);
    expect(fake.charts).toHaveLength(1);
    expect(fake.charts[0]!.pivot).toBeNull();
    const counted = tiers.reduce((n, _, i) => n + Number(mix.sheet.get(r0 + 1 + i, c0 + 1) ?? 0), 0);
    expect(counted).toBe(again.run.mix.graded);
  });

  it('340,000 customers: the source’s number formats are chunked with the values, every request under 5 MB counting office.js’s own split', async () => {
    const n = 340_000;
    const money = '"¥"#,##0';
    const rows: Scalar[][] = Array.from({ length: n }, (_, i) => [1 + (i % 3), ['钻石', '金卡', '银卡'][i % 3]!, `K${i + 1}`, 1000 + i, 1000 + i]);
    const spec: SummarySpec = {
      key: 'mix',
      sheet: '等级分布',
      title: '等级分布',
      source: { sheet: MIX_SOURCE, tableName: MIX_SOURCE, header: ['等级序号', '客户等级', '客户编号', '收入', '收入（占比）'], rows, numberFormats: [null, null, null, money, money], hidden: true },
      pivot: { name: 'TierBookMix', rows: ['等级序号', '客户等级'], values: [{ field: '客户编号', caption: '客户数', summarizeBy: 'count' }] },
      fallback: [{ header: ['客户等级', '客户数'], rows: [['钻石', 113_334], ['金卡', 113_333], ['银卡', 113_333], ['合计', n]] }],
      chart: { name: 'TierBookMixChart', type: 'column', title: '各等级客户数', fallbackValueCol: 1 },
    };
    const fake = fakeWith([['客户编号'], ['K1']], { supported: { ExcelApi: '1.13' } });
    const report = await hostOn(fake).summaries([spec]);
    expect(report.results[0]!.mode).toBe('pivot-created');
    expect(fake.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const src = fake.sheet(MIX_SOURCE);
    expect(src.numberFormatAt(n, 3)).toBe(money);
    expect(src.numberFormatAt(1, 4)).toBe(money);
    expect(pivotCount(fake.pivots[0]!)).toBe(n);
  }, 120_000);

  it('a language switch renames the source headers: the PivotTable is rebuilt on the new fields, not refreshed into an empty one', async () => {
    const fake = fakeWith(customerRows(800));
    await gradedWithSummaries(fake, 'zh-CN');
    const { run, report } = await gradedWithSummaries(fake, 'en-US');
    expect(report.results[0]!.mode).toBe('pivot-created');
    const mix = fake.pivots.filter((p) => p.name === 'TierBookMix');
    expect(mix).toHaveLength(1);
    expect(mix[0]!.rows).toEqual(['Tier rank', 'Tier']);
    expect(mix[0]!.data.map((d) => d.name)).toEqual(['Customers', 'Total revenue', 'Share of revenue']);
    expect(pivotCount(mix[0]!)).toBe(run.mix.graded);
    expect(mix[0]!.sheet.name).toBe('等级分布');
  });

  it('revenue disappearing from the source (fewer fields) rebuilds the PivotTable without it', async () => {
    const fake = fakeWith(customerRows(500));
    const run = await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900 });
    const [spec] = summarySpecs(run, 'zh-CN');
    await hostOn(fake).summaries([spec!]);
    const noRevenue: SummarySpec = {
      ...spec!,
      source: { ...spec!.source, header: spec!.source.header.slice(0, 3), rows: spec!.source.rows.map((r) => r.slice(0, 3)), numberFormats: [null, null, null] },
      pivot: { ...spec!.pivot, values: spec!.pivot.values.slice(0, 1) },
    };
    const report = await hostOn(fake).summaries([noRevenue]);
    expect(report.results[0]!.mode).toBe('pivot-created');
    const mix = fake.pivots.find((p) => p.name === 'TierBookMix')!;
    expect(mix.data.map((d) => d.name)).toEqual(['客户数']);
    expect(pivotCount(mix)).toBe(run.mix.graded);
  });

  it('PivotTable names are unique per sheet: a copied summary sheet’s PivotTable of the same name is left alone', async () => {
    const fake = fakeWith(customerRows(600));
    await gradedWithSummaries(fake);
    // The user copies 等级分布 (Excel keeps the PivotTable's name on the copy) and the copy comes first.
    const mix = fake.pivots.find((p) => p.name === 'TierBookMix')!;
    const copy = fake.addSheet('等级分布 (2)', []);
    fake.sheets.splice(fake.sheets.indexOf(copy), 1);
    fake.sheets.unshift(copy);
    fake.pivots.unshift({ ...mix, sheet: copy, refreshes: 0, rows: [...mix.rows], data: [...mix.data], fields: [...mix.fields] });
    addCustomers(fake, 600, 650);
    const { run, report } = await gradedWithSummaries(fake);
    expect(report.results[0]!.sheet).toBe('等级分布');
    const ours = fake.pivots.find((p) => p.name === 'TierBookMix' && p.sheet.name === '等级分布')!;
    const theirs = fake.pivots.find((p) => p.name === 'TierBookMix' && p.sheet === copy)!;
    expect(ours.refreshes + (report.results[0]!.mode === 'pivot-created' ? 1 : 0)).toBeGreaterThanOrEqual(1);
    expect(pivotCount(ours)).toBe(run.mix.graded);
    expect(theirs.refreshes).toBe(0);
    expect(fake.pivots).toHaveLength(2);
  });

  it('without Table.resize (ExcelApi 1.8) the source table grows by rows.add, and the PivotTable counts every customer', async () => {
    const fake = fakeWith(customerRows(1_000), { supported: { ExcelApi: '1.8' } });
    await gradedWithSummaries(fake);
    addCustomers(fake, 1_000, 1_700);
    const { run, report } = await gradedWithSummaries(fake);
    expect(run.mix.graded).toBeGreaterThan(1_000);
    expect(report.results[0]!.mode).toBe('pivot-refreshed');
    expect(fake.tables.find((t) => t.name === MIX_SOURCE)!.rect.rows).toBe(1 + run.mix.graded);
    expect(pivotCount(fake.pivots.find((p) => p.name === 'TierBookMix')!)).toBe(run.mix.graded);
  });

  it('without Table.resize the history table grows too: every period’s rows are inside it', async () => {
    const fake = fakeWith(customerRows(300), { supported: { ExcelApi: '1.8' } });
    await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', period: '2025H1', today: 45_900 });
    await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', period: '2025H2', today: 45_900 });
    const history = fake.tables.find((t) => t.name === 'TierBookHistory')!;
    expect(history.rect.rows).toBe(fake.sheet(history.sheet.name).usedValues()!.rows);
    expect(history.rect.rows).toBe(1 + 600);
  });

  it('a table of the source’s name on another sheet (or a defined name) never becomes the PivotTable’s source', async () => {
    for (const clash of ['table', 'name'] as const) {
      const fake = fakeWith(customerRows(400));
      const mine = fake.addSheet('我的数据', [
        ['项目', '金额'],
        ['A', 1],
      ]);
      if (clash === 'table') fake.tables.push({ id: '{U1}', name: MIX_SOURCE, sheet: mine, rect: { r0: 0, c0: 0, rows: 2, cols: 2 }, style: 'TableStyleLight1' });
      else fake.names.push({ name: MIX_SOURCE, formula: "='我的数据'!$A$1:$B$2", visible: true });
      const first = await gradedWithSummaries(fake);
      const mix = fake.pivots.find((p) => p.name === 'TierBookMix')!;
      expect('table' in mix.source && mix.source.table.sheet.name, clash).toBe(MIX_SOURCE);
      expect(pivotCount(mix), clash).toBe(first.run.mix.graded);
      // And again: the source table is found on its own sheet, whatever Excel named it.
      addCustomers(fake, 400, 450);
      const second = await gradedWithSummaries(fake);
      expect(second.report.results[0]!.mode, clash).toBe('pivot-refreshed');
      expect(pivotCount(fake.pivots.find((p) => p.name === 'TierBookMix')!), clash).toBe(second.run.mix.graded);
      expect(fake.sheet('我的数据').get(1, 1), clash).toBe(1);
    }
  });
});
