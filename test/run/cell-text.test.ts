// Text longer than an Excel cell holds (32,767 characters) is cut with a marker, and the run names the cell:
// Excel refuses the value (the Office host's request failed, "Excel did not accept the data sent") and
// repairs an .xlsx holding one.
import { describe, expect, it } from 'vitest';
import { CELL_TEXT_LIMIT, clampText, clampedColumnsSteps, limitCellText } from '../../src/run/cell-text.ts';
import { drain } from '../../src/run/pause.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import type { ColumnsPatch, WorkbookPort } from '../../src/port/workbook.ts';
import { customerRows, fakeWith, hostOn } from '../hosts/office/helpers.ts';

describe('text past 32,767 characters', () => {
  it('a 40,000-character customer name: the run grades, the history cell is cut with a marker, the warning names it', async () => {
    const rows = customerRows(20);
    rows[0] = [...rows[0]!, '客户名称'];
    for (let i = 1; i < rows.length; i++) rows[i] = [...rows[i]!, `客户${i}`];
    const long = '名'.repeat(40_000);
    rows[4]![3] = long;
    const fake = fakeWith(rows);
    const run = await gradeWorkbook(hostOn(fake), { lang: 'zh-CN', today: 45_900, period: '2025H2' });
    // The user's own cell is untouched.
    expect(fake.values('客户名单')[4]![3]).toBe(long);
    const history = fake.values('等级历史');
    const cut = history.flat().find((v) => typeof v === 'string' && v.startsWith('名名名')) as string;
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(cut.endsWith('…[已截断]')).toBe(true);
    const warning = run.warnings.find((w) => w['zh-CN'].includes('32,767'));
    expect(warning?.['zh-CN']).toMatch(/^2 个单元格的文字超过 Excel 单元格 32,767 个字符的上限，已截断并以"…\[已截断\]"结尾：等级历史 的 [A-Z]（客户名称）列，本次新增的第 4 行（40,000 字）、行动清单!B\d+（40,000 字）。原数据未被改动。$/);
    // The same name in the action list (the customer is on one of its lists) is cut the same way.
    expect(fake.values('行动清单').flat().some((v) => typeof v === 'string' && v.startsWith('名名名') && v.endsWith('…[已截断]') && v.length <= CELL_TEXT_LIMIT)).toBe(true);
    expect(warning?.['en-US']).toMatch(/^2 cells would hold more than the 32,767 characters an Excel cell holds and were truncated, ending in "…\[truncated\]": 等级历史, column [A-Z] \(客户名称\), new row 4 of this run \(40,000 characters\), 行动清单!B\d+ \(40,000 characters\)\. Your own data is unchanged\.$/);
  });

  it('output columns name sheet!cell; at most five are listed, the rest counted', async () => {
    const written: ColumnsPatch[] = [];
    const port = { writeColumns: async (p: ColumnsPatch) => void written.push(p) } as unknown as WorkbookPort;
    const limited = limitCellText(port, 'en-US');
    const values = Array.from({ length: 7 }, (_, i) => (i === 1 ? 'ok' : 'x'.repeat(33_000 + i)));
    await limited.port.writeColumns({ sheet: 'Customers', headerRow: 2, firstRow: 3, columns: [{ col: 4, header: 'Reason', values }] });
    expect(written[0]!.columns[0]!.values.map((v) => String(v).length)).toEqual([32_766, 2, 32_766, 32_766, 32_766, 32_766, 32_766]);
    expect(written[0]!.columns[0]!.values[0]).toMatch(/x…\[truncated\]$/);
    expect(limited.warnings()[0]!['en-US']).toBe(
      '6 cells would hold more than the 32,767 characters an Excel cell holds and were truncated, ending in "…[truncated]": Customers!E3 (33,000 characters), Customers!E5 (33,002 characters), Customers!E6 (33,003 characters), Customers!E7 (33,004 characters), Customers!E8 (33,005 characters) and 1 more. Your own data is unchanged.',
    );
  });

  it('the scan of large output columns yields between parts; pausing or not, the same columns and warnings are written', async () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i === 150_001 || i === 7 ? 'y'.repeat(32_800) : i % 3 ? `r${i}` : i));
    const patch: ColumnsPatch = { sheet: 'Customers', headerRow: 1, firstRow: 2, columns: [{ col: 3, header: 'Tier', values: values.map((v) => (typeof v === 'number' ? null : 'Gold')) }, { col: 4, header: 'Reason', values }] };
    const steps = clampedColumnsSteps(patch, 'en-US', () => {});
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThan(4);
    const cuts: string[] = [];
    const columns = drain(clampedColumnsSteps(patch, 'en-US', (v, where) => void cuts.push(`${where()['en-US']} ${String(v).length}`)));
    expect(cuts).toEqual(['Customers!E9 32800', 'Customers!E150003 32800']);
    expect(columns[0]!.values).toBe(patch.columns[0]!.values);
    expect(columns[1]!.values[150_001]).toMatch(/y…\[truncated\]$/);
    const run = async (pause?: () => Promise<void>) => {
      const written: ColumnsPatch[] = [];
      const port = { writeColumns: async (p: ColumnsPatch) => void written.push(p) } as unknown as WorkbookPort;
      const limited = limitCellText(port, 'en-US', pause);
      await limited.port.writeColumns(patch);
      return { written, warnings: limited.warnings() };
    };
    let pauses = 0;
    const pausing = await run(async () => void pauses++);
    expect(pauses).toBeGreaterThan(0);
    expect(pausing).toEqual(await run());
  });

  it('never cuts a character in half', () => {
    const s = '😀'.repeat(20_000);
    const cut = clampText(s, 'zh-CN');
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(cut.replace('…[已截断]', '')).toMatch(/^(😀)+$/u);
    expect(clampText('short', 'en-US')).toBe('short');
  });
});
