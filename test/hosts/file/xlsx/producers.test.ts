// Issue 12: the xlsx host against files written by other producers (openpyxl, exceljs), graded end to end
// and read back by openpyxl, LibreOffice and the ECMA-376 schemas.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../../../src/hosts/file/file-workbook.ts';
import { XlsxError } from '../../../../src/hosts/file/xlsx/index.ts';
import { RunError } from '../../../../src/run/errors.ts';
import { gradeWorkbook } from '../../../../src/run/grade-workbook.ts';
import { hasSoffice, libreOfficeSheets } from '../../../support/libreoffice.ts';
import { openpyxlBook, openpyxlCells } from '../../../support/openpyxl.ts';
import { excelJsBytes, text, zipEntries } from './helpers.ts';
import { schemaErrors } from './schema-check.ts';

const HEADER = "['客户编号', '客户名称', '年度消费金额', '合作年限', '逾期次数']";
const ROWS = "[['C1', '甲', 1200000, 6, 0], ['C2', '乙', 300000, 3, 1], ['C3', '丙', 5000, 1, 0]]";

async function grade(bytes: Uint8Array, period?: string): Promise<Uint8Array> {
  const book = FileWorkbook.open(bytes, 'book.xlsx');
  await gradeWorkbook(book, { lang: 'zh-CN', gradedAt: new Date('2026-01-05T09:00:00Z'), today: 46000, ...(period ? { period } : {}) });
  return book.toXlsx();
}

describe('openpyxl workbooks', () => {
  it('stay readable after grading: the sheets we add declare the prefix they use (LibreOffice, jing)', async () => {
    const input = openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)`);
    // openpyxl declares the relationships namespace on each <sheet>, not on <workbook>.
    expect(text(zipEntries(input)['xl/workbook.xml'])).toMatch(/<sheet xmlns:r=/);
    const out = await grade(input, '2025Q4');
    const parts = zipEntries(out);
    const workbookXml = text(parts['xl/workbook.xml']);
    expect(schemaErrors(workbookXml, 'SpreadsheetML_Workbook')).toBe('');
    // Every sheet we patched or generated (customers, rules, history, mix and the records under its PivotTable,
    // the action list and the service cost) is valid too.
    const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
    expect(sheets.length).toBe(7);
    for (const p of sheets) expect(schemaErrors(text(parts[p]), 'SpreadsheetML_Worksheet'), p).toBe('');
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

/** The package rebuilt with one part changed by `edit` (every entry stored uncompressed when `stored`). */
function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string, stored = false): Uint8Array {
  const entries = zipEntries(bytes);
  entries[part] = new TextEncoder().encode(edit(text(entries[part])));
  return zipSync(entries, { level: stored ? 0 : 6 });
}

describe('damaged and extreme inputs', () => {
  const customers = () => openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)`);

  it('check the checksum of every part they copy, and say the file is damaged (both languages)', async () => {
    const clean = withPart(customers(), 'docProps/core.xml', (x) => x, true);
    // Flip one byte of a stored part that grading copies as it is: its CRC-32 no longer matches.
    const at = Buffer.from(clean).indexOf('openpyxl');
    expect(at).toBeGreaterThan(0);
    const damaged = clean.slice();
    damaged[at] = 'O'.charCodeAt(0);
    const book = FileWorkbook.open(damaged, 'book.xlsx');
    await gradeWorkbook(book, { lang: 'zh-CN', today: 46000 });
    const error = (() => {
      try {
        book.toXlsx();
      } catch (e) {
        return e as XlsxError;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(XlsxError);
    expect(error!.text['en-US']).toMatch(/damaged: part docProps\/core\.xml fails its checksum/);
    expect(error!.text['zh-CN']).toMatch(/已损坏.*docProps\/core\.xml.*校验和/);
  });

  it('say so when a row lies past Excel’s last row, instead of dropping its customer', async () => {
    const input = withPart(customers(), 'xl/worksheets/sheet1.xml', (x) =>
      x.replace('</sheetData>', '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>C9</t></is></c></row></sheetData>'),
    );
    const book = FileWorkbook.open(input, 'book.xlsx');
    const run = gradeWorkbook(book, { lang: 'zh-CN', today: 46000 });
    await expect(run).rejects.toThrow(XlsxError);
    await expect(run).rejects.toMatchObject({ text: { 'zh-CN': expect.stringMatching(/工作表"客户".*第 1048577 行.*1048576/) } });
  });

  it('say there is no room for the output columns when the data reaches column XFD', async () => {
    const input = openpyxlBook(`ws = wb.active\nws.title = '客户'\nws.append(${HEADER})\nfor r in ${ROWS}: ws.append(r)\nws.cell(row=1, column=16384, value='备注')`);
    const run = gradeWorkbook(FileWorkbook.open(input, 'book.xlsx'), { lang: 'zh-CN', today: 46000 });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toMatchObject({ code: 'no-room', text: { 'zh-CN': expect.stringMatching(/XFD.*没有空间/), 'en-US': expect.stringMatching(/no room for 7 output columns/) } });
  });

  it('keep the bytes of cells written without r=', async () => {
    const input = withPart(customers(), 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="[A-Z]+\d+"/g, '<c'));
    const before = text(zipEntries(input)['xl/worksheets/sheet1.xml']);
    const cellsOf = (xml: string, r: number) => /<row r="(\d+)"[^>]*>(.*?)<\/row>/g.exec(xml.slice(xml.indexOf(`<row r="${r}"`)))![2]!;
    const out = await grade(input);
    const after = text(zipEntries(out)['xl/worksheets/sheet1.xml']);
    for (const r of [1, 2, 3, 4]) expect(cellsOf(after, r).startsWith(cellsOf(before, r))).toBe(true);
    const cells = openpyxlCells(out)['客户']!;
    expect(cells.A2).toEqual(['s', 'C1']);
    expect(cells.E4).toEqual(['n', 0]);
    expect(cells.F1).toEqual(['s', '客户等级']);
  });
});

describe('files that are not .xlsx', () => {
  it('say what they are in both languages', () => {
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = (bytes: Uint8Array) => {
      try {
        FileWorkbook.open(bytes, 'book.xlsx');
      } catch (e) {
        return (e as XlsxError).text;
      }
      return null;
    };
    expect(error(xls)).toEqual({ 'zh-CN': expect.stringMatching(/旧版 Excel 工作簿（\.xls）/), 'en-US': expect.stringMatching(/old-format Excel workbook \(\.xls\)/) });
    expect(error(new TextEncoder().encode('客户编号,金额'))).toEqual({ 'zh-CN': expect.stringMatching(/不是 zip/), 'en-US': expect.stringMatching(/not a zip/) });
  });
});
