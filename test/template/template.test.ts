// The committed template workbooks (assets/template): what three independent readers see in them —
// LibreOffice, exceljs and our own file host — and that they are exactly what the build script makes.
import { describe, it, expect, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import {
  getPreset,
  interactionColumns,
  orderColumns,
  satisfactionColumns,
  schemeFromSheet,
  schemeToSheet,
  sheetValues,
  type CellValue,
  type Lang,
} from '../../src/core/index.ts';
import { SAMPLE_HEADERS, sampleChoices } from '../../scripts/sample/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { XlsxWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { templateBytes, templateUrl } from '../../src/cli/init.ts';
import {
  DATE_FORMAT,
  MONEY_FORMAT,
  TEMPLATE_ROWS,
  TEMPLATE_SHEETS,
  TEMPLATE_TABLES,
  buildTemplate,
  templateExamples,
} from '../../scripts/template.ts';
import { hasSoffice, libreOfficeSheets } from '../support/libreoffice.ts';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const b2b = getPreset('b2b-value')!;

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

interface TableModel {
  name: string;
  tableRef: string;
  columns: { name: string }[];
}
/** exceljs's tables of a sheet (getTables is typed as tuples but returns Table objects). */
function tablesOf(ws: ExcelJS.Worksheet): TableModel[] {
  return (ws.getTables() as unknown as { table: TableModel }[]).map((t) => t.table);
}

/** Every sheet as exceljs sees it: values and number formats by address, tables, validations, views, widths. */
function describeWorkbook(wb: ExcelJS.Workbook) {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        cells[c.address] = { v: c.value instanceof Date ? c.value.toISOString() : c.value, f: c.numFmt ?? null };
      }),
    );
    out[ws.name] = {
      cells,
      tables: tablesOf(ws).map((m) => ({ name: m.name, ref: m.tableRef, columns: m.columns.map((c) => c.name) })),
      validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model,
      views: ws.views,
      widths: ws.columns?.map((c) => c.width ?? null) ?? [],
    };
  });
  return out;
}

/** Values grid with trailing blanks trimmed (readers differ in how far they pad). */
function trim(grid: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = grid.map((r) => {
    const row = [...r];
    while (row.length && (row[row.length - 1] === null || row[row.length - 1] === undefined || row[row.length - 1] === '')) row.pop();
    return row.map((v) => (v === undefined ? null : v));
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

describe.each(LANGS)('the %s template', (lang) => {
  const names = TEMPLATE_SHEETS[lang];
  const H = SAMPLE_HEADERS[lang];
  let committed: Uint8Array;
  let fresh: Uint8Array;

  beforeAll(async () => {
    expect(existsSync(templateUrl(lang)), `${templateUrl(lang).pathname}: run npm run build:template`).toBe(true);
    committed = templateBytes(lang);
    fresh = await buildTemplate(lang);
  });

  it('the committed file is what `npm run build:template` makes (same content), and the build is deterministic', async () => {
    expect(describeWorkbook(await loadExcelJs(committed))).toEqual(describeWorkbook(await loadExcelJs(fresh)));
    const again = await buildTemplate(lang);
    expect(Buffer.from(again).equals(Buffer.from(fresh))).toBe(true);
  });

  it('has the sheets in order, each data sheet with its headers and ~20 example rows', () => {
    const book = XlsxWorkbook.open(committed);
    expect(book.listSheets().map((s) => [s.name, s.visible])).toEqual(
      [names.guide, names.customers, names.orders, names.interactions, names.satisfaction, names.rules].map((n) => [n, true]),
    );
    const examples = templateExamples(lang);
    for (const key of ['customers', 'orders', 'interactions', 'satisfaction'] as const) {
      const values = book.readSheet(names[key]).values;
      expect(values[0]).toEqual(H[key]);
      expect(trim(values)).toEqual(trim(examples[key]));
      expect(values.length - 1).toBeGreaterThanOrEqual(15);
      expect(values.length - 1).toBeLessThanOrEqual(25);
    }
  });

  it('the instructions: steps in both languages, one text cell per row (never mistaken for a table)', () => {
    const values = XlsxWorkbook.open(committed).readSheet(names.guide).values;
    const text = values.map((r) => r[0] ?? '').join('\n');
    expect(values.every((r) => r.slice(1).every((v) => v === null || v === undefined))).toBe(true);
    for (const word of ['使用步骤', 'Steps', `"${names.customers}"表`, `into the "${names.customers}" sheet`, `"${names.orders}"`, `"${names.rules}"`, 'tierbook grade', '--period 2025H2', '客户等级', 'Gap to next tier'])
      expect(text).toContain(word);
    expect(text.indexOf(lang === 'zh-CN' ? '使用步骤' : 'Steps')).toBeLessThan(text.indexOf(lang === 'zh-CN' ? 'Steps' : '使用步骤')); // the template's language first
  });

  it.skipIf(!hasSoffice)('LibreOffice reads every sheet and its header row', () => {
    const sheets = libreOfficeSheets(committed, Object.values(names));
    expect([...sheets.keys()].sort()).toEqual(Object.values(names).sort());
    expect(sheets.get(names.customers)![0]).toEqual(H.customers);
    expect(sheets.get(names.orders)![0]).toEqual(H.orders);
    expect(sheets.get(names.interactions)![0]).toEqual(H.interactions);
    expect(sheets.get(names.satisfaction)![0]).toEqual(H.satisfaction);
    expect(sheets.get(names.customers)!.filter((r) => r.some((v) => v !== '')).length).toBe(21);
    expect(sheets.get(names.customers)![1]![9]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // first cooperation date, as a date
    expect(sheets.get(names.guide)![0]![0]).toContain('TierBook');
    const rules = sheets.get(names.rules)!;
    expect(rules[0]![0]).toContain(b2b.name[lang]);
  });

  it('exceljs reads the tables, frozen headers, number formats and validations', async () => {
    const wb = await loadExcelJs(committed);
    const sheetOf = (name: string) => wb.getWorksheet(name)!;
    const expectations = [
      [names.customers, TEMPLATE_TABLES.customers, H.customers, 'M'],
      [names.orders, TEMPLATE_TABLES.orders, H.orders, 'D'],
      [names.interactions, TEMPLATE_TABLES.interactions, H.interactions, 'D'],
      [names.satisfaction, TEMPLATE_TABLES.satisfaction, H.satisfaction, 'C'],
    ] as const;
    const examples = templateExamples(lang);
    for (const [sheet, table, header, last] of expectations) {
      const ws = sheetOf(sheet);
      const key = (Object.keys(names) as (keyof typeof names)[]).find((k) => names[k] === sheet) as 'customers' | 'orders' | 'interactions' | 'satisfaction';
      const [t] = tablesOf(ws);
      expect(t?.name).toBe(table);
      expect(t?.tableRef).toBe(`A1:${last}${examples[key].length}`);
      expect(t?.columns.map((c) => c.name)).toEqual(header);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    const customers = sheetOf(names.customers);
    expect(customers.getColumn(10).numFmt).toBe(DATE_FORMAT);
    expect(customers.getColumn(12).numFmt).toBe(MONEY_FORMAT);
    expect(customers.getCell('J2').numFmt).toBe(DATE_FORMAT);
    expect(customers.getCell('J2').value).toBeInstanceOf(Date);
    expect(customers.getCell('L2').numFmt).toBe(MONEY_FORMAT);
    expect(sheetOf(names.orders).getCell('C2').numFmt).toBe(MONEY_FORMAT);
    expect(sheetOf(names.orders).getColumn(2).numFmt).toBe(DATE_FORMAT);

    const dv = (ws: ExcelJS.Worksheet, address: string) => (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model[address];
    const choices = sampleChoices(lang);
    const last = TEMPLATE_ROWS + 1;
    for (const row of [2, last]) {
      expect(dv(customers, `G${row}`)).toMatchObject({ type: 'list', formulae: [`"${choices.industries.join(',')}"`] });
      expect(dv(customers, `H${row}`)).toMatchObject({ type: 'list', formulae: [`"${choices.companySizes.join(',')}"`] });
      expect(dv(customers, `L${row}`)).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
      expect(dv(customers, `M${row}`)).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
      expect(dv(sheetOf(names.interactions), `C${row}`)).toMatchObject({ type: 'list', formulae: [`"${choices.interactionTypes.join(',')}"`] });
      expect(dv(sheetOf(names.satisfaction), `C${row}`)).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 10] });
    }
    expect(dv(customers, `G${last + 1}`)).toBeUndefined();
    expect(dv(customers, 'G1')).toBeUndefined(); // not on the header
    expect(choices.interactionTypes).toEqual(lang === 'zh-CN' ? ['电话', '会议', '邮件', '服务'] : ['Phone', 'Meeting', 'Email', 'Service']);
  });

  it('the rules sheet is schemeToSheet(b2b-value) laid out as sheetValues, and reads back to the preset', async () => {
    const values = XlsxWorkbook.open(committed).readSheet(names.rules).values;
    expect(trim(values)).toEqual(trim(sheetValues(schemeToSheet(b2b, lang))));
    const read = schemeFromSheet(values, 1, names.rules);
    expect(read.ok ? read.scheme : read.problems).toEqual(b2b);
    // exceljs agrees on the values
    const ws = (await loadExcelJs(committed)).getWorksheet(names.rules)!;
    const grid: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      grid[r - 1] = [];
      row.eachCell({ includeEmpty: false }, (c, k) => (grid[r - 1]![k - 1] = c.value as CellValue));
    });
    const dense = Array.from({ length: grid.length }, (_, r) => Array.from({ length: grid[r]?.length ?? 0 }, (_, c) => grid[r]?.[c] ?? null));
    const fromExcelJs = schemeFromSheet(dense, 1, names.rules);
    expect(fromExcelJs.ok ? fromExcelJs.scheme : fromExcelJs.problems).toEqual(b2b);
  });

  it('each related sheet is recognised by its headers; the customer sheet by the mapper', () => {
    expect(orderColumns(H.orders)).not.toBeNull();
    expect(interactionColumns(H.interactions)).not.toBeNull();
    expect(satisfactionColumns(H.satisfaction)).not.toBeNull();
  });

  it('grades out of the box through the file host: rules from the sheet, examples across all four tiers', async () => {
    const book = FileWorkbook.open(committed, 't.xlsx');
    const run = await gradeWorkbook(book, { lang, today: 45_930 });
    expect(run.schemeSource).toBe('rules-sheet');
    expect(run.scheme).toEqual(b2b);
    expect(run.customers.sheet).toBe(names.customers);
    expect(run.related).toEqual({ orders: names.orders, interactions: names.interactions, satisfaction: names.satisfaction });
    expect(run.customers.table.size).toBe(20);
    expect(run.result.issues).toEqual([]);
    expect(run.notes).toEqual([]);
    const tiers = run.mix.rows.filter((r) => r.customers > 0).map((r) => r.tier);
    expect(tiers.sort()).toEqual(['key', 'potential', 'regular', 'vip']);
    // the output columns land right of the table, and the result opens in exceljs
    const out = book.toXlsx();
    const graded = XlsxWorkbook.open(out).readSheet(names.customers).values;
    expect(graded[0]!.slice(0, 13)).toEqual(H.customers);
    expect(graded[0]![13]).toBe(lang === 'zh-CN' ? '客户等级' : 'Tier');
    const wb = await loadExcelJs(out);
    expect(wb.getWorksheet(names.customers)!.getTables()).toHaveLength(1);
    // a period run reads the orders too
    const again = await gradeWorkbook(FileWorkbook.open(committed, 't.xlsx'), { lang, period: '2025', gradedAt: new Date('2025-12-31T00:00:00Z') });
    expect(again.customers.table.size).toBe(20);
  });
});

describe('template options', () => {
  it('examples: 0 gives headers only (an empty table row), still a valid workbook for every reader', async () => {
    const bytes = await buildTemplate('zh-CN', { examples: 0 });
    const book = XlsxWorkbook.open(bytes);
    expect(book.readSheet('客户信息').values).toEqual([SAMPLE_HEADERS['zh-CN'].customers]);
    const wb = await loadExcelJs(bytes);
    expect(tablesOf(wb.getWorksheet('客户信息')!).map((t) => t.tableRef)).toEqual(['A1:M2']);
    const read = schemeFromSheet(book.readSheet('等级规则').values, 1);
    expect(read.ok).toBe(true);
    await expect(buildTemplate('zh-CN', { examples: -1 })).rejects.toThrow(RangeError);
  });
});
