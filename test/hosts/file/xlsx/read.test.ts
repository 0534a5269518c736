import { describe, expect, it } from 'vitest';
import { XlsxError, XlsxWorkbook, createWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { EXPECTED_DATA, excelStyleParts, excelStyleWorkbook, exceljsCustomers, libreOfficeCopy, zipParts } from './fixtures.ts';
import { SOFFICE, excelJsBytes } from './helpers.ts';

describe('reading an Excel-written workbook', () => {
  const wb = XlsxWorkbook.open(excelStyleWorkbook());

  it('lists worksheets in tab order with visibility and the real extent (not the <dimension>)', () => {
    expect(wb.listSheets()).toEqual([
      { name: 'Data', lastRow: 11, lastCol: 6, visible: true },
      { name: 'Hidden Sheet', lastRow: 1, lastCol: 0, visible: false },
      { name: 'Tier Rules', lastRow: 2, lastCol: 2, visible: true },
      { name: '等级历史', lastRow: 2, lastCol: 1, visible: false },
    ]);
  });

  it('reads shared, rich, inline and escaped strings, numbers, booleans, errors and cached formula values', () => {
    const { sheet, firstRow, values } = wb.readSheet('Data');
    expect(sheet).toBe('Data');
    expect(firstRow).toBe(1);
    expect(values).toEqual(EXPECTED_DATA);
  });

  it('reads hidden columns and hidden rows like any other', () => {
    const { values } = wb.readSheet('Data');
    // Column C is hidden (<col hidden="1">), row 11 is hidden (<row hidden="1">).
    expect(values.slice(3, 7).map((r) => r[2])).toEqual([3, 0, 2, 4]);
    expect(values[10]).toEqual(['Wang', 0.001, null, null, null, null, null]);
  });

  it('reads a row window', () => {
    const { firstRow, values } = wb.readSheet('Data', { firstRow: 3, lastRow: 5 });
    expect(firstRow).toBe(3);
    expect(values).toEqual(EXPECTED_DATA.slice(2, 5).map((r) => r.slice(0, 7)));
    expect(wb.readSheet('Data', { firstRow: 4, lastRow: 4 }).values).toEqual([EXPECTED_DATA[3]!.slice(0, 6)]);
    expect(wb.readSheet('Data', { firstRow: 50 }).values).toEqual([]);
  });

  it('keeps a merged title in its top-left cell and reports the merge', () => {
    expect(wb.readMerges('Data')).toEqual([{ firstRow: 1, lastRow: 1, firstCol: 0, lastCol: 5 }]);
    expect(wb.readSheet('Data').values[0]!.slice(0, 3)).toEqual(['Customer report 2024', null, null]);
  });

  it('reads hidden sheets, Chinese names, names with spaces (case-insensitively) and t="d" dates as serials', () => {
    expect(wb.readSheet('Hidden Sheet').values).toEqual([['Wang']]);
    expect(wb.readSheet('tier rules').values).toEqual([
      ['等级', '门槛', null],
      ['金卡', 1_000_000, 45306],
    ]);
    expect(wb.readSheet('等级历史').values).toEqual([
      [null, null],
      [null, 42],
    ]);
    expect(wb.isDate1904()).toBe(false);
  });

  it('reads 1904-system workbooks as 1900-system serials: date-styled numbers move by 1,462 days, t="d" dates are the same day', () => {
    const w = XlsxWorkbook.open(excelStyleWorkbook({ date1904: true }));
    expect(w.isDate1904()).toBe(true);
    expect(w.readSheet('Data').values[3]![4]).toBe(45306 + 1462);
    expect(w.readSheet('Tier Rules').values[1]![2]).toBe(45306);
  });

  it('names the sheet it cannot find', () => {
    expect(() => wb.readSheet('Nope')).toThrow(XlsxError);
    expect(() => wb.readSheet('Nope')).toThrow(/no sheet named "Nope"/);
  });
});

describe('reading an exceljs-written workbook', async () => {
  const bytes = await exceljsCustomers();
  const wb = XlsxWorkbook.open(bytes);

  it('lists and reads it', () => {
    expect(wb.listSheets()).toEqual([
      { name: '客户 List', lastRow: 6, lastCol: 4, visible: true },
      { name: 'Notes', lastRow: 1, lastCol: 1, visible: true },
      { name: 'Secret', lastRow: 1, lastCol: 0, visible: false },
    ]);
    const { values } = wb.readSheet('客户 List');
    expect(values).toEqual([
      ['客户分级 2024', null, null, null, null],
      ['客户', '年度消费', '下单次数', '合计', '首次合作'],
      ['甲公司', 1_250_000, 12, 15_000_000, 43586],
      ['乙公司', 980_000, 5, 4_900_000, 44197],
      ['丙公司', null, 0, 0, null],
      ['=SUM(A1)', '+86 138', true, '#N/A', 'end'],
    ]);
    expect(wb.readMerges('客户 List')).toEqual([{ firstRow: 1, lastRow: 1, firstCol: 0, lastCol: 3 }]);
  });
});

describe.skipIf(!SOFFICE)('reading a LibreOffice-written workbook', async () => {
  const bytes = SOFFICE ? await libreOfficeCopy(await exceljsCustomers(), 'customers-lo') : new Uint8Array();

  it('reads the same values as the exceljs original', { timeout: 120_000 }, () => {
    const wb = XlsxWorkbook.open(bytes);
    expect(wb.listSheets().map((s) => [s.name, s.visible])).toEqual([
      ['客户 List', true],
      ['Notes', true],
      ['Secret', false],
    ]);
    expect(wb.readSheet('客户 List').values).toEqual([
      ['客户分级 2024', null, null, null, null],
      ['客户', '年度消费', '下单次数', '合计', '首次合作'],
      ['甲公司', 1_250_000, 12, 15_000_000, 43586],
      ['乙公司', 980_000, 5, 4_900_000, 44197],
      ['丙公司', null, 0, 0, null],
      ['=SUM(A1)', '+86 138', true, '#N/A', 'end'],
    ]);
    expect(wb.readMerges('客户 List')).toEqual([{ firstRow: 1, lastRow: 1, firstCol: 0, lastCol: 3 }]);
  });
});

describe('opening what is not a readable workbook', () => {
  const codeOf = (bytes: Uint8Array): string => {
    try {
      XlsxWorkbook.open(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError);
      return (e as XlsxError).code;
    }
    return 'opened';
  };

  it('rejects bytes that are not a zip', () => {
    expect(codeOf(new TextEncoder().encode('name,spend\nA,1\n'))).toBe('not-zip');
    expect(codeOf(new Uint8Array(0))).toBe('not-zip');
  });

  it('recognises encrypted (password-protected) files and old .xls files', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const withName = ole.slice();
    withName.set(Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    expect(codeOf(withName)).toBe('encrypted');
    expect(() => XlsxWorkbook.open(withName)).toThrow(/password/);
    expect(codeOf(ole)).toBe('not-xlsx');
  });

  it('rejects zips that are not workbooks', () => {
    expect(codeOf(zipParts({ 'mimetype': 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).toBe('not-xlsx');
    expect(codeOf(zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe('not-xlsx');
    const parts = excelStyleParts();
    delete parts['xl/worksheets/sheet1.xml'];
    const broken = XlsxWorkbook.open(zipParts(parts));
    expect(() => broken.readSheet('Data')).toThrow(XlsxError);
  });

  it('opens a workbook built from scratch and an empty exceljs workbook', async () => {
    const wb = XlsxWorkbook.open(createWorkbook([{ name: 'CSV', values: [['a', 1]] }]));
    expect(wb.readSheet('CSV').values).toEqual([['a', 1]]);
    const empty = XlsxWorkbook.open(await excelJsBytes((w) => void w.addWorksheet('Empty')));
    expect(empty.listSheets()).toEqual([{ name: 'Empty', lastRow: 0, lastCol: -1, visible: true }]);
    expect(empty.readSheet('Empty').values).toEqual([]);
  });
});

describe('a damaged row close tag', () => {
  it('stops with the row named instead of merging two rows (fuzz case: </rwo>)', async () => {
    const { newRowSpan, nextRow, sheetTags } = await import('../../../../src/hosts/file/xlsx/sheet-scan.ts');
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></rwo><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>';
    const tags = sheetTags(xml);
    expect(() => nextRow(xml, tags, 0, xml.length, 0, newRowSpan())).toThrow(/row 1 is not closed/);
  });
});
