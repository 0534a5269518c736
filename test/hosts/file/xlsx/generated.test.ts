import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedSheet } from '../../../../src/port/workbook.ts';
import { XlsxError, XlsxWorkbook, createWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { excelStyleWorkbook, exceljsCustomers } from './fixtures.ts';
import { ExcelJS, SOFFICE, changedEntries, libreConvert, libreCsv, loadExcelJs, tempDir, text, writeFile, zipEntries } from './helpers.ts';

function handbook(name: string, round = 1): GeneratedSheet {
  return {
    name,
    tables: [
      {
        title: '客户等级规则',
        notes: ['金额单位：元', `Round ${round}`],
        header: ['等级', '门槛', '权益'],
        rows: [
          ['钻石', 1_000_000 * round, '专属经理'],
          ['金卡', 500_000, '9折'],
          ['普通', 0, null],
        ],
        numberFormats: [null, '¥#,##0', null],
        rowFills: ['#B9F2FF', '#FFD700', null],
        tableName: 'TierRules',
      },
      { title: 'Review', header: ['Step', 'When'], rows: [['复核', 'Q1'], ['调整', 'Q3']] },
    ],
    widths: [12, 14, 30],
    print: { landscape: true, fitToWidth: true, repeatRows: [1, 4] },
    freezeRows: 5,
  };
}

const EXPECTED_VALUES = (round: number): (string | number | null)[][] => [
  ['客户等级规则', null, null],
  ['金额单位：元', null, null],
  [`Round ${round}`, null, null],
  ['等级', '门槛', '权益'],
  ['钻石', 1_000_000 * round, '专属经理'],
  ['金卡', 500_000, '9折'],
  ['普通', 0, null],
  [null, null, null],
  ['Review', null, null],
  ['Step', 'When', null],
  ['复核', 'Q1', null],
  ['调整', 'Q3', null],
];

/** The crafted workbook with "Tier Rules" replaced twice and a new "打印手册" sheet. */
const original = excelStyleWorkbook();
const wb1 = XlsxWorkbook.open(original);
wb1.replaceSheet(handbook('Tier Rules'));
const replacedOnce = wb1.save();
const wb2 = XlsxWorkbook.open(replacedOnce);
wb2.replaceSheet(handbook('Tier Rules', 2));
wb2.replaceSheet(handbook('打印手册'));
const replacedTwice = wb2.save();

describe('replaceSheet', () => {
  it('replaces the sheet in place: same tab, sheetId and part; other parts untouched', () => {
    const wb = XlsxWorkbook.open(replacedOnce);
    expect(wb.listSheets().map((s) => s.name)).toEqual(['Data', 'Hidden Sheet', 'Tier Rules', '等级历史']);
    expect(wb.readSheet('Tier Rules').values).toEqual(EXPECTED_VALUES(1));
    const entries = zipEntries(replacedOnce);
    expect(text(entries['xl/workbook.xml'])).toContain('<sheet name="Tier Rules" sheetId="3" r:id="rId3"/>');
    expect(changedEntries(original, replacedOnce)).toEqual([
      '[Content_Types].xml',
      'xl/styles.xml',
      'xl/tables/table1.xml',
      'xl/workbook.xml',
      'xl/worksheets/_rels/sheet3.xml.rels',
      'xl/worksheets/sheet3.xml',
    ]);
  });

  it('replaces rather than duplicates: one sheet, one table part, one set of print names', () => {
    const wb = XlsxWorkbook.open(replacedTwice);
    expect(wb.listSheets().map((s) => s.name)).toEqual(['Data', 'Hidden Sheet', 'Tier Rules', '等级历史', '打印手册']);
    expect(wb.readSheet('Tier Rules').values).toEqual(EXPECTED_VALUES(2));
    expect(wb.readSheet('打印手册').values).toEqual(EXPECTED_VALUES(1));
    const entries = zipEntries(replacedTwice);
    const workbookXml = text(entries['xl/workbook.xml']);
    expect(workbookXml.match(/<sheet /g)).toHaveLength(5);
    expect(workbookXml).toContain('<sheet name="打印手册" sheetId="6" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="');
    const names = [...workbookXml.matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?>([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(names).toEqual([
      ['SpendRange', undefined, 'Data!$B$4:$B$7'],
      ['_xlnm.Print_Area', '2', "'Tier Rules'!$A$1:$C$12"],
      ['_xlnm.Print_Titles', '2', "'Tier Rules'!$1:$4"],
      ['_xlnm.Print_Area', '4', "'打印手册'!$A$1:$C$12"],
      ['_xlnm.Print_Titles', '4', "'打印手册'!$1:$4"],
    ]);
    const tables = Object.keys(entries).filter((n) => n.startsWith('xl/tables/'));
    expect(tables).toHaveLength(2);
    const tableXml = tables.map((n) => text(entries[n]));
    expect(tableXml.map((x) => /name="([^"]+)"/.exec(x)?.[1]).sort()).toEqual(['TierRules', 'TierRules_2']);
    expect(tableXml.map((x) => /\sid="(\d+)"/.exec(x)?.[1]).sort()).toEqual(['1', '2']);
    for (const x of tableXml) expect(x).toContain('ref="A4:C7"');
    // Untouched parts of the original are still byte-identical.
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/calcChain.xml', 'docProps/app.xml']) {
      expect(changedEntries(original, replacedTwice)).not.toContain(name);
    }
  });

  it('writes the print setup, frozen rows and widths into the sheet XML', () => {
    const xml = text(zipEntries(replacedTwice)['xl/worksheets/sheet3.xml']);
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<col min="3" max="3" width="30" customWidth="1"/>');
    expect(xml).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
  });

  it('exceljs reads the styles, print setup, frozen pane and table', async () => {
    const wb = await loadExcelJs(replacedTwice);
    const ws = wb.getWorksheet('Tier Rules')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A4').font?.bold).toBe(true);
    expect((ws.getCell('A4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
    expect((ws.getCell('C5').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFB9F2FF');
    expect(ws.getCell('B5').numFmt).toBe('¥#,##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.getTable('TierRules')).toBeTruthy();
  });

  it('rejects invalid sheet names', () => {
    const wb = XlsxWorkbook.open(original);
    expect(() => wb.replaceSheet({ name: 'a/b', tables: [] })).toThrow(XlsxError);
    expect(() => wb.replaceSheet({ name: 'x'.repeat(32), tables: [] })).toThrow(/31/);
  });
});

describe('appendRows', async () => {
  const header = ['期间', '客户', '等级'];
  const bytes = await exceljsCustomers();
  const wb = XlsxWorkbook.open(bytes);
  wb.appendRows('等级历史', header, [
    ['2024-Q1', '甲公司', '金卡'],
    ['2024-Q1', '乙公司', '银卡'],
  ], { col: 0, key: '2024-Q1' });
  wb.appendRows('等级历史', header, [['2024-Q2', '甲公司', '钻石']], { col: 0, key: '2024-Q2' });
  wb.appendRows('等级历史', header, [
    ['2024-Q1', '甲公司', '金卡'],
    ['2024-Q1', '乙公司', '金卡'],
    ['2024-Q1', '丙公司', '普通'],
  ], { col: 0, key: '2024-Q1' });
  wb.appendRows('Years', ['Year', 'n'], [[2023, 1], [2024, 2]]);
  wb.appendRows('Years', ['Year', 'n'], [[2024, 3]], { col: 0, key: '2024' });
  const out = wb.save();

  const HISTORY = [
    header,
    ['2024-Q2', '甲公司', '钻石'],
    ['2024-Q1', '甲公司', '金卡'],
    ['2024-Q1', '乙公司', '金卡'],
    ['2024-Q1', '丙公司', '普通'],
  ];

  it('creates the sheet with a header, replaces the rows of a re-run period and appends after the last row', () => {
    const r = XlsxWorkbook.open(out);
    expect(r.listSheets().map((s) => s.name)).toEqual(['客户 List', 'Notes', 'Secret', '等级历史', 'Years']);
    expect(r.readSheet('等级历史').values).toEqual(HISTORY);
    expect(r.readSheet('Years').values).toEqual([
      ['Year', 'n'],
      [2023, 1],
      [2024, 3],
    ]);
    expect(text(zipEntries(out)['xl/worksheets/sheet4.xml'])).toContain('<dimension ref="A1:C5"/>');
  });

  it('leaves the existing sheets byte-identical and exceljs reads the history with a bold header', async () => {
    const changed = changedEntries(bytes, out);
    expect(changed.filter((n) => /sheet[123]\.xml$|sharedStrings/.test(n))).toEqual([]);
    const ws = (await loadExcelJs(out)).getWorksheet('等级历史')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('C5').value).toBe('普通');
    expect(ws.rowCount).toBe(5);
  });
});

describe('createWorkbook', () => {
  const bytes = createWorkbook([
    { name: '客户', values: [['名称', '金额'], ['甲', 1200], ['=SUM(A1)', true], [null, -0.5]] },
    { name: "It's", values: [] },
  ]);

  it('builds a valid workbook our reader and exceljs read', async () => {
    const wb = XlsxWorkbook.open(bytes);
    expect(wb.listSheets()).toEqual([
      { name: '客户', lastRow: 4, lastCol: 1, visible: true },
      { name: "It's", lastRow: 0, lastCol: -1, visible: true },
    ]);
    expect(wb.readSheet('客户').values).toEqual([['名称', '金额'], ['甲', 1200], ['=SUM(A1)', true], [null, -0.5]]);
    const ws = (await loadExcelJs(bytes)).getWorksheet('客户')!;
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe(1200);
    expect(ws.getCell('B3').value).toBe(true);
  });

  it('refuses duplicate sheet names', () => {
    expect(() => createWorkbook([{ name: 'A', values: [] }, { name: 'a', values: [] }])).toThrow(XlsxError);
  });
});

describe.skipIf(!SOFFICE)('LibreOffice opens generated sheets', () => {
  it('renders them to PDF and reads their values', { timeout: 240_000 }, async () => {
    const dir = tempDir('lo-gen');
    const handbookFile = writeFile(dir, 'handbook.xlsx', replacedTwice);
    const wb = XlsxWorkbook.open(await exceljsCustomers());
    wb.appendRows('等级历史', ['期间', '等级'], [['2024-Q1', '金卡']]);
    const historyFile = writeFile(dir, 'history.xlsx', wb.save());
    const createdFile = writeFile(dir, 'created.xlsx', createWorkbook([{ name: '客户', values: [['名称', '金额'], ['甲', 1200]] }]));
    const pdfDir = libreConvert([handbookFile, historyFile, createdFile], 'pdf', path.join(dir, 'pdf'));
    for (const name of ['handbook', 'history', 'created']) {
      const pdf = fs.readFileSync(path.join(pdfDir, `${name}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1000);
    }
    const csv = libreCsv([handbookFile, historyFile, createdFile]);
    const rules = csv.get(handbookFile)!.get('Tier Rules')!;
    expect(rules[3]).toEqual(['等级', '门槛', '权益']);
    expect(rules[4]).toEqual(['钻石', '2000000', '专属经理']);
    expect(csv.get(handbookFile)!.get('打印手册')![0]).toEqual(['客户等级规则', '', '']);
    expect(csv.get(historyFile)!.get('等级历史')).toEqual([
      ['期间', '等级'],
      ['2024-Q1', '金卡'],
    ]);
    expect(csv.get(createdFile)!.get('客户')).toEqual([
      ['名称', '金额'],
      ['甲', '1200'],
    ]);
  });
});
