// Every data issue points at a cell (issue 13): a blank required value at its own cell, and a metric from
// a related sheet at the customer's id cell, naming that sheet.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet('客户');
  customers.addRows([
    ['客户编号', '客户名称', '年度消费金额', '合作年限'],
    ['K1', '甲', 1_200_000, 6],
    ['K2', '乙', 600_000, null],
  ]);
  const orders = wb.addWorksheet('订单记录');
  orders.addRows([
    ['订单号', '客户编号', '订单日期', '金额'],
    ['O1', 'K1', '2025-11-01', 5000],
    ['O2', 'K2', '2025-11-02', -800], // K2 only returned goods: no last purchase
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('data issues point at cells', () => {
  it('a blank required value points at its own cell', async () => {
    const run = await gradeWorkbook(FileWorkbook.open(await book(), 'b.xlsx'), { lang: 'zh-CN' });
    const blank = run.result.issues.find((x) => x.field === 'cooperationYears');
    expect(blank).toMatchObject({ code: 'blank', cell: 'D3', sheet: '客户', row: 3 });
  });

  it('a metric from the orders sheet points at the customer id cell and names the orders sheet', async () => {
    const scheme = getPreset('rfm-5')!;
    const run = await gradeWorkbook(FileWorkbook.open(await book(), 'b.xlsx'), { lang: 'zh-CN', scheme });
    const recency = run.result.issues.find((x) => x.field === 'recencyDays');
    expect(recency).toMatchObject({ code: 'blank', cell: 'A3', sheet: '客户', row: 3 });
    expect(recency!.message['zh-CN']).toContain('（该指标来自工作表"订单记录"）');
    expect(recency!.message['en-US']).toContain('(this metric comes from the sheet "订单记录")');
    expect(run.result.issues.every((x) => x.index === undefined || x.cell !== undefined)).toBe(true);
  });
});
