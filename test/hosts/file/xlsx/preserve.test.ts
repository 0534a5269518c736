import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XlsxWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import {
  ExcelJS,
  SOFFICE,
  cellModels,
  changedEntries,
  excelJsBytes,
  libreConvert,
  libreCsv,
  loadExcelJs,
  readFile,
  sameBytes,
  tempDir,
  text,
  writeFile,
  zipEntries,
} from './helpers.ts';

/** Worksheet members exceljs has but does not declare in its types. */
interface WorksheetExtras {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void; model: Record<string, ExcelJS.DataValidation> };
  conditionalFormattings: unknown[];
}

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const original = await excelJsBytes((wb) => {
  const ws = wb.addWorksheet('Customers');
  ws.addRow(['Name', 'Spend', 'Grade']);
  ws.addRow(['甲', 1_250_000, 'A']);
  ws.addRow(['乙', 800, 'B']);
  ws.addRow(['丙', { formula: 'B2+B3', result: 1_250_800 }, 'C']);
  const image = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'G2:I8');
  (ws as unknown as WorksheetExtras).dataValidations.add('C2:C10', { type: 'list', allowBlank: true, formulae: ['"A,B,C"'] });
  ws.addConditionalFormatting({
    ref: 'B2:B10',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: [1000], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
  });
  wb.definedNames.add('Customers!$A$1:$C$4', 'CustomerTable');
  ws.getCell('A2').note = 'VIP since 2019';
  wb.addWorksheet('Other').addRow(['untouched', 7]);
});

function patch(bytes: Uint8Array): Uint8Array {
  const wb = XlsxWorkbook.open(bytes);
  wb.writeColumns({
    sheet: 'Customers',
    headerRow: 1,
    firstRow: 2,
    columns: [
      { col: 3, header: '等级', values: ['金卡', '普通', '银卡'], fills: ['#FFD700', null, '#C0C0C0'], width: 10 },
      { col: 4, header: '原因', values: ['=1+1', null, 'ok'], wrap: true },
    ],
  });
  return wb.save();
}

/** The sheet XML without the three elements a patch may rewrite. */
function outsideCells(xml: string): string {
  return xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<dimension [^>]*\/>/, '').replace(/<cols>[\s\S]*?<\/cols>/, '');
}

describe('patching a workbook with an image, validation, conditional format, defined name and comments', () => {
  const patched = patch(original);
  const before = zipEntries(original);
  const after = zipEntries(patched);

  it('keeps every other part byte-identical (image, drawing, comments, VML, relationships, …)', () => {
    expect(changedEntries(original, patched)).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const kept = Object.keys(before).filter((n) => /media|drawing|comments|vml|_rels/.test(n));
    expect(kept.length).toBeGreaterThanOrEqual(5);
    for (const name of kept) expect(sameBytes(after[name], before[name]), name).toBe(true);
  });

  it('keeps the sheet XML outside the cells exactly (validations, conditional formats, drawing links)', () => {
    const a = text(before['xl/worksheets/sheet1.xml']);
    const b = text(after['xl/worksheets/sheet1.xml']);
    expect(a).toMatch(/<dataValidations/);
    expect(a).toMatch(/<conditionalFormatting/);
    expect(a).toMatch(/<drawing r:id=/);
    expect(a).toMatch(/<legacyDrawing r:id=/);
    expect(outsideCells(b)).toBe(outsideCells(a));
    expect(text(after['xl/workbook.xml'])).toContain('<definedName name="CustomerTable">Customers!$A$1:$C$4</definedName>');
  });

  it('exceljs still sees the image, validation, conditional format, name, note and every original cell', async () => {
    const wb = await loadExcelJs(patched);
    const ws = wb.getWorksheet('Customers')!;
    expect(ws.getImages()).toHaveLength(1);
    // exceljs expands a validated range into one entry per cell.
    const validations = (ws as unknown as WorksheetExtras).dataValidations.model;
    for (const addr of ['C2', 'C6', 'C10']) expect(validations[addr]).toMatchObject({ type: 'list', formulae: ['"A,B,C"'] });
    expect((ws as unknown as WorksheetExtras).conditionalFormattings).toHaveLength(1);
    expect(wb.definedNames.getRanges('CustomerTable').ranges).toEqual(['Customers!$A$1:$C$4']);
    expect(ws.getCell('A2').note).toBe('VIP since 2019');
    const a = cellModels(await loadExcelJs(original));
    const b = cellModels(wb);
    for (const [sheet, cells] of a) for (const [addr, m] of cells) expect(b.get(sheet)!.get(addr), `${sheet}!${addr}`).toEqual(m);
    expect(ws.getCell('E2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E2').value).toBe('=1+1');
  });

  it.skipIf(!SOFFICE)('LibreOffice opens it and keeps the image and the comment when it saves', { timeout: 240_000 }, () => {
    const dir = tempDir('lo-preserve');
    const file = writeFile(dir, 'preserved.xlsx', patched);
    const resaved = zipEntries(readFile(path.join(libreConvert([file], 'xlsx', path.join(dir, 'out')), 'preserved.xlsx')));
    expect(Object.keys(resaved).some((n) => n.startsWith('xl/media/'))).toBe(true);
    expect(Object.keys(resaved).some((n) => /comments/.test(n))).toBe(true);
    const csv = libreCsv([file]).get(file)!;
    expect(csv.get('Customers')).toEqual([
      ['Name', 'Spend', 'Grade', '等级', '原因'],
      ['甲', '1250000', 'A', '金卡', '=1+1'],
      ['乙', '800', 'B', '普通', ''],
      ['丙', '1250800', 'C', '银卡', 'ok'],
    ]);
    expect(csv.get('Other')).toEqual([['untouched', '7']]);
  });
});
