// Ownership marks are one format on both hosts: the same writes leave the same hidden workbook-level names in an
// .xlsx (file host) and in Excel (Office host, workbook.names, ExcelApi 1.4), and each host reads the other's.
import { describe, expect, it } from 'vitest';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { OpcPackage } from '../../src/hosts/file/xlsx/package.ts';
import { OfficeWorkbook } from '../../src/hosts/office/index.ts';
import type { CellValue, WorkbookPort } from '../../src/port/workbook.ts';
import { FakeExcel } from '../support/excel-fake/index.ts';

const DATA: CellValue[][] = [
  ['客户编号', '年度消费金额', '合作年限'],
  ['K1', 1200, 3],
  ['K2', 800, 1],
];

/** The same marked writes on any port: two output columns, a generated sheet, a history sheet. */
async function markedWrites(port: WorkbookPort): Promise<void> {
  await port.writeColumns({ sheet: 'Data', headerRow: 1, firstRow: 2, columns: [{ key: 'tier', col: 3, header: '客户等级', values: ['金卡', '银卡'] }, { key: 'issues', col: 4, header: '数据问题', values: [null, null] }] });
  await port.replaceSheet({ name: '等级规则', kind: 'rules', tables: [{ header: ['项目', '值'], rows: [['方案标识', 'b2b-value']] }] });
  await port.appendRows('等级历史', ['期间', '客户编号'], [['2025H1', 'K1']], { col: 0, key: '2025H1' }, 'history');
}

/** Workbook-level defined names of an .xlsx: name → reference (without "="), hidden or not. */
function xlsxNames(bytes: Uint8Array): { name: string; ref: string; hidden: boolean }[] {
  const xml = OpcPackage.open(bytes).text('xl/workbook.xml');
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)]
    .filter((m) => !/localSheetId=/.test(m[1]!))
    .map((m) => ({ name: unescape(/name="([^"]*)"/.exec(m[1]!)![1]!), ref: unescape(m[2]!), hidden: /hidden="(1|true)"/.test(m[1]!) }));
}

const byName = <T extends { name: string }>(a: T[]) => [...a].sort((x, y) => x.name.localeCompare(y.name));

describe('ownership marks on both hosts', () => {
  it('the same writes leave the same hidden names in the .xlsx and in Excel', async () => {
    const file = FileWorkbook.open(createWorkbook([{ name: 'Data', values: DATA }]), 'data.xlsx');
    await markedWrites(file);
    const fake = new FakeExcel([{ name: 'Data', values: DATA as (string | number)[][] }]);
    await markedWrites(new OfficeWorkbook({ run: fake.run, requirements: fake.requirements }));
    const inFile = byName(xlsxNames(file.toXlsx()));
    const inExcel = byName(fake.names.map((n) => ({ name: n.name, ref: n.formula.replace(/^=/, ''), hidden: !n.visible })));
    expect(inFile.length).toBe(4);
    expect(inExcel).toEqual(inFile);
    expect(inExcel.every((n) => n.hidden)).toBe(true);
  });

  it('Excel reads the marks a file graded by the file host carries, and the other way round', async () => {
    const file = FileWorkbook.open(createWorkbook([{ name: 'Data', values: DATA }]), 'data.xlsx');
    await markedWrites(file);
    const want = await file.readMarks();
    expect(want.columns.length + want.sheets.length).toBe(4);
    // The .xlsx opened in Excel: its names, as workbook.names gives them.
    const fake = new FakeExcel([{ name: 'Data', values: [] }, { name: '等级规则', values: [] }, { name: '等级历史', values: [] }]);
    for (const n of xlsxNames(file.toXlsx())) fake.names.push({ name: n.name, formula: `=${n.ref}`, visible: !n.hidden });
    const office = new OfficeWorkbook({ run: fake.run, requirements: fake.requirements });
    expect(await office.readMarks()).toEqual(want);
    // Below ExcelApi 1.7 (no NamedItem.formula) the marks are read from NamedItem.value.
    const older = new OfficeWorkbook({ run: fake.run, requirements: { isSetSupported: (s, v) => s === 'ExcelApi' && Number(v ?? 0) <= 1.6 } });
    expect(await older.readMarks()).toEqual(want);
  });
});
