// The Office host on the Excel fake: text that looks like a formula stays text, blocks adapt to the bytes,
// generated sheets are laid out like every host lays them out, and the history keeps its Excel Table.
import { describe, expect, it } from 'vitest';
import { layoutTables, sheetValues, type GeneratedSheet } from '../../../src/core/index.ts';
import { HISTORY_TABLE, needsTextPrefix } from '../../../src/hosts/office/index.ts';
import type { CellValue } from '../../../src/port/workbook.ts';
import { FakeExcel, type Scalar } from '../../support/excel-fake/index.ts';
import { hostOn } from './helpers.ts';

const TRICKY = ['=SUM(A1:A3)', '=', '+86 138 0000 0000', '-3 天', '@某人', '12%', '2025-01-01', '1,234', 'TRUE', "'已引号", '00123', '¥3,400', '#N/A', '(1,234)', 'Jan 5', '金卡', ' =x'];

describe('Office host: text stays text', () => {
  it('writes = + - @ and number-, date- and boolean-looking strings as text, from configuration (headers, sheets) and data', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: [['id'], ...TRICKY.map((_, i) => [`K${i}`])] }]);
    const host = hostOn(fake);
    await host.writeColumns({ sheet: 'Data', headerRow: 1, firstRow: 2, columns: [{ col: 1, header: '=HEADER()', values: TRICKY }] });
    await host.replaceSheet({ name: '等级规则', tables: [{ title: '=TITLE', header: ['项目', '值'], rows: TRICKY.map((t) => [t, t]) }] });
    await host.appendRows('等级历史', ['期间', '值'], TRICKY.map((t) => ['2025H2', t]), { col: 0, key: '2025H2' });
    const data = await host.readSheet('Data');
    expect(data.values[0]![1]).toBe('=HEADER()');
    expect(data.values.slice(1).map((r) => r[1])).toEqual(TRICKY);
    const rules = await host.readSheet('等级规则');
    expect(rules.values[0]![0]).toBe('=TITLE');
    expect(rules.values.slice(2).map((r) => r[0])).toEqual(TRICKY);
    const history = await host.readSheet('等级历史');
    expect(history.values.slice(1).map((r) => r[1])).toEqual(TRICKY);
    for (const s of fake.sheets) expect(s.formulas.size, s.name).toBe(0);
    // Plain text goes as it is (no apostrophe needed).
    expect(needsTextPrefix('金卡')).toBe(false);
    expect(needsTextPrefix('VIP客户')).toBe(false);
    expect(fake.sheet('Data').prefixed.size).toBe(TRICKY.filter(needsTextPrefix).length + 1);
  });

  it('the fake would have made formulas of them: the proof is not vacuous', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [] }]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:A3').values = [['=SUM(A1:A3)'], ['+1+1'], ['@x']];
      await context.sync();
    });
    expect(fake.sheet('S').formulas.size).toBe(3);
  });
});

describe('Office host: blocks sized by bytes', () => {
  it('long text: smaller write blocks, every request under the target, the same values back', async () => {
    const n = 6_000;
    const long = (i: number) => `评级依据：年度消费金额 ¥${i} ≥ ¥1,000,000；`.repeat(40);
    const fake = new FakeExcel([{ name: 'Data', values: [['id'], ...Array.from({ length: n }, (_, i) => [`K${i}`])] }]);
    const host = hostOn(fake);
    await host.writeColumns({ sheet: 'Data', headerRow: 1, firstRow: 2, columns: [{ col: 1, header: '评级依据', values: Array.from({ length: n }, (_, i) => long(i)) }] });
    expect(host.stats.writeBlocks).toBeGreaterThan(5);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThanOrEqual(2_600_000);
    const read = await host.readSheet('Data');
    expect(read.values.slice(1).map((r) => r[1])).toEqual(Array.from({ length: n }, (_, i) => long(i)));
    // The first read block is a guess (10,000 rows); once it fails over the response limit, a quarter-size retry and the
    // measured bytes per row keep every later response in bounds.
    expect(fake.syncs.filter((s) => s.failed).length).toBeLessThanOrEqual(1);
    for (const s of fake.syncs) if (!s.failed) expect(s.responseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('reads adapt to the bytes per row; a block over the response limit is retried smaller', async () => {
    const n = 4_000;
    const fake = new FakeExcel([{ name: 'Wide', values: Array.from({ length: n }, (_, r) => Array.from({ length: 10 }, (_, c) => `${'字'.repeat(60)}${r}:${c}`)) }]);
    const host = hostOn(fake);
    const read = await host.readSheet('Wide');
    expect(read.values.length).toBe(n);
    expect(read.values[n - 1]![9]).toBe(`${'字'.repeat(60)}${n - 1}:9`);
    // The first block (10,000 rows asked, ~7 MB) fails with ResponsePayloadSizeLimitExceeded and is retried at a quarter.
    expect(fake.syncs.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    const ok = fake.syncs.filter((s) => !s.failed);
    for (const s of ok) expect(s.responseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('never asks for more than 5,000,000 cells at once', async () => {
    const fake = new FakeExcel([{ name: 'S', values: [['a']] }]);
    fake.sheet('S').set(30, 16_000, 'far right');
    const host = hostOn(fake);
    const read = await host.readSheet('S');
    expect(read.values.length).toBe(31);
    expect(read.values[30]![16_000]).toBe('far right');
  });
});

describe('Office host: generated sheets', () => {
  const sheet: GeneratedSheet = {
    name: '等级分布',
    tables: [
      { title: '等级分布 — 方案', notes: ['说明一', '说明二'], header: ['客户等级', '客户数', '占比'], rows: [['金卡', 3, 0.3], ['银卡', 7, 0.7], ['合计', 10, 1]], numberFormats: [null, '#,##0', '0.0%'], rowFills: ['#FFD966', '#D9D9D9', null] },
      { title: '明细', header: ['客户编号', '客户等级'], rows: [['K1', '金卡'], ['K2', '银卡']], tableName: 'TierBookMoves' },
    ],
    widths: [14, 10],
    freezeRows: 2,
  };

  it('lays tables out exactly as core layoutTables / sheetValues, with formats, a table, widths and frozen rows', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const host = hostOn(fake);
    await host.replaceSheet(sheet);
    const want = sheetValues(sheet);
    const got = (await host.readSheet('等级分布')).values;
    expect(got.map((r) => r.slice(0, 3))).toEqual(want.map((r) => Array.from({ length: 3 }, (_, c) => (r[c] ?? null) as CellValue)));
    const s = fake.sheet('等级分布');
    const [p0, p1] = layoutTables(sheet.tables);
    expect(s.formatAt(p0!.titleRow! - 1, 0, 'bold')).toBe(true);
    expect(s.formatAt(p0!.headerRow - 1, 1, 'fill')).toBe('#D9D9D9');
    expect(s.numberFormatAt(p0!.firstDataRow - 1, 2)).toBe('0.0%');
    expect(fake.fillAt('等级分布', p0!.firstDataRow - 1, 0)).toBe('#FFD966');
    expect(fake.fillAt('等级分布', p0!.firstDataRow, 2)).toBe('#D9D9D9');
    expect(fake.fillAt('等级分布', p0!.firstDataRow + 1, 0)).toBeNull();
    const table = fake.tables.find((t) => t.name === 'TierBookMoves')!;
    expect(table.rect).toEqual({ r0: p1!.headerRow - 1, c0: 0, rows: 3, cols: 2 });
    expect(s.frozenRows).toBe(1);
    expect(s.columnWidths.get(0)).toBeGreaterThan(s.columnWidths.get(1)!);
  });

  it('replacing keeps the sheet where it is and leaves nothing of the old content', async () => {
    const fake = new FakeExcel([{ name: 'Data', values: [['x']] }]);
    const host = hostOn(fake);
    await host.replaceSheet(sheet);
    await host.replaceSheet({ name: '等级分布', tables: [{ header: ['只有'], rows: [['一行']] }] });
    expect(fake.sheets.map((s) => s.name)).toEqual(['Data', '等级分布']);
    expect(fake.values('等级分布')).toEqual([['只有'], ['一行']]);
    expect(fake.tables.filter((t) => fake.sheets.includes(t.sheet))).toEqual([]);
    expect(fake.sheet('等级分布').frozenRows).toBe(0);
  });
});

describe('Office host: the history table', () => {
  for (const api of ['1.13', '1.8']) {
    it(`keeps the Excel Table ${HISTORY_TABLE} over the rows as periods are added and replaced (ExcelApi ${api})`, async () => {
      const fake = new FakeExcel([{ name: 'Data', values: [['x']] }], { supported: { ExcelApi: api } });
      const host = hostOn(fake);
      const header = ['期间', '客户编号', '客户等级'];
      const rows = (p: string, n: number): Scalar[][] => Array.from({ length: n }, (_, i) => [p, `K${i}`, i % 2 ? '金卡' : '银卡']);
      await host.appendRows('等级历史', header, rows('2025H1', 5), { col: 0, key: '2025H1' });
      await host.appendRows('等级历史', header, rows('2025H2', 4), { col: 0, key: '2025H2' });
      const table = () => fake.tables.find((t) => t.name === HISTORY_TABLE)!;
      expect(table().rect).toEqual({ r0: 0, c0: 0, rows: 10, cols: 3 });
      // Re-running 2025H1 with fewer customers: its rows go, the new ones come last, the table shrinks to fit.
      await host.appendRows('等级历史', header, rows('2025H1', 2), { col: 0, key: '2025H1' });
      const values = fake.values('等级历史');
      expect(values.map((r) => r[0])).toEqual(['期间', '2025H2', '2025H2', '2025H2', '2025H2', '2025H1', '2025H1']);
      expect(table().rect).toEqual({ r0: 0, c0: 0, rows: 7, cols: 3 });
      expect(fake.tables.length).toBe(1);
    });
  }
});
