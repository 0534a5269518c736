// Issue 12: the xlsx host against files written by other producers (openpyxl, exceljs), graded end to end
// and read back by openpyxl, LibreOffice and the ECMA-376 schemas.
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../../src/hosts/file/file-workbook.ts';
import { gradeWorkbook } from '../../../src/run/grade-workbook.ts';
import { hasSoffice, libreOfficeSheets } from '../../support/libreoffice.ts';
import { openpyxlBook, openpyxlCells } from '../../support/openpyxl.ts';
import { excelJsBytes, text, zipEntries } from './helpers.ts';
import { schemaErrors } from './schema-check.ts';

const HEADER = "['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数']";
const ROWS = "[['C1', '甲', 1200000, 6, 0], ['C2', '乙', 300000, 3, 1], ['C3', '丙', 5000, 1, 0]]";

async function grade(bytes: Uint8Array, period?: string): Promise<Uint8Array> {
  const book = FileWorkbook.open(bytes, 'book.xlsx');
  await gradeWorkbook(book, { lang: 'zh-CN', gradedAt: '2026-01-05T09:00:00Z', today: 46000, ...(period ? { period } : {}) });
  return book.toXlsx();
}

describe('openpyxl workbooks', () => {
  it('stay readable after grading: the sheets we add declare the prefix they use (LibreOffice, jing)', async () => {
    const input = openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)`);
    // openpyxl declares the relationships namespace on each <sheet>, not on <workbook>.
    expect(text(zipEntries(input)['xl/workbook.xml'])).toMatch(/<sheet xmlns:r=/);
    const out = await grade(input, '2025Q4');
    const workbookXml = text(zipEntries(out)['xl/workbook.xml']);
    expect(schemaErrors(workbookXml, 'SpreadsheetML_Workbook')).toBe('');
    const cells = openpyxlCells(out);
    expect(Object.keys(cells)).toEqual(expect.arrayContaining(['客户', '等级规则', '等级历史']));
    expect(cells['客户']!.F1).toEqual(['s', '客户等级']);
    if (!hasSoffice) return;
    const lo = libreOfficeSheets(out, ['客户', '等级规则']);
    expect(lo.get('客户')![0]![5]).toBe('客户等级');
    expect(lo.get('等级规则')!.length).toBeGreaterThan(3);
  });

  it('keep formulas right of the data, with no cached result (openpyxl stores none) or a cached "", header formulas too', async () => {
    const input = openpyxlBook(
      `ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)\n` +
        `ws['G1'] = '=""&"备注"'\nfor i in range(2, 5): ws['F%d' % i] = '=IF(C%d>100000,"大","")' % i`,
    );
    const out = await grade(input);
    const cells = openpyxlCells(out)['客户']!;
    expect(cells.F2).toEqual(['f', '=IF(C2>100000,"大","")']);
    expect(cells.F4).toEqual(['f', '=IF(C4>100000,"大","")']);
    expect(cells.G1).toEqual(['f', '=""&"备注"']);
    // Ours start right of the last formula.
    expect(cells.H1).toEqual(['s', '客户等级']);
    expect(schemaErrors(text(zipEntries(out)['xl/worksheets/sheet1.xml']), 'SpreadsheetML_Worksheet')).toBe('');
  });

  it('read dates of a 1904-date workbook as the same days (every sheet is read this way: customers, orders)', async () => {
    const read = async (epoch: string) => {
      const bytes = openpyxlBook(
        `${epoch}ws = wb.active\nws.title = '客户'\nws.append(['客户编号', '最近购买日期'])\nws.append(['C1', datetime.date(2025, 6, 30)])\nws['B2'].number_format = 'yyyy-mm-dd'\n` +
          `ws.append(['C2', 1234.5])`,
      );
      const book = FileWorkbook.open(bytes, 'book.xlsx');
      return (await book.readSheet('客户')).values;
    };
    const v1900 = await read('');
    const v1904 = await read('from openpyxl.utils.datetime import CALENDAR_MAC_1904\nwb.epoch = CALENDAR_MAC_1904\n');
    expect(v1900[1]![1]).toBe(Date.UTC(2025, 5, 30) / 86400000 + 25569);
    expect(v1904[1]![1]).toBe(v1900[1]![1]);
    // A plain number is no date: left as it is.
    expect(v1904[2]![1]).toBe(1234.5);
  });
});

describe('exceljs workbooks', () => {
  it('keep formulas whose cached result is ""', async () => {
    const input = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('客户');
      ws.addRow(['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数']);
      ws.addRow(['C1', '甲', 1200000, 6, 0, { formula: 'IF(C2>1,"","x")', result: '' }]);
      ws.addRow(['C2', '乙', 300000, 3, 1, { formula: 'IF(C3>1,"","x")', result: '' }]);
    });
    const out = await grade(input);
    const cells = openpyxlCells(out)['客户']!;
    expect(cells.F2).toEqual(['f', '=IF(C2>1,"","x")']);
    expect(cells.G1).toEqual(['s', '客户等级']);
  });
});
