// The summaries capability as a contract between hosts: the same summary specs, written by the file host
// (PivotTable parts in an .xlsx) and by the Office host (PivotTables through Office.js, on the Excel fake),
// describe the same PivotTables — name, row / column / value fields in order, row items in order, and
// every number. Column items may be ordered differently (Excel sorts new items; the file host writes them
// in tier order), so columns are compared by label.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/index.ts';
import { generateSample } from '../../scripts/sample/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { XlsxWorkbook, createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { OfficeWorkbook } from '../../src/hosts/office/index.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { summarySpecs } from '../../src/run/summary-specs.ts';
import type { SummarySpec } from '../../src/port/workbook.ts';
import { FakeExcel } from '../support/excel-fake/index.ts';

interface PivotDescription {
  name: string;
  rows: string[];
  columns: string[];
  values: { caption: string; field: string; summarizeBy: string; showAs: string | null; numberFormat: string | null }[];
  /** Labels of the innermost row field, in order (grand total left out). */
  rowOrder: string[];
  /** Row label (or TOTAL) → column label (column item, value caption, or TOTAL) → number (blank = 0). */
  cells: Record<string, Record<string, number>>;
}

const TOTAL = '(grand total)';
const n = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : 0);

/** The grid of a rendered PivotTable as the description: header row, lines, the grand-total line last. */
function fromGrid(header: unknown[], lines: unknown[][], labelCol: number, firstDataCol: number, hasColumnField: boolean): Pick<PivotDescription, 'rowOrder' | 'cells'> {
  const labels = header.slice(firstDataCol).map((h, i, all) => (hasColumnField && i === all.length - 1 ? TOTAL : String(h)));
  const cells: PivotDescription['cells'] = {};
  const rowOrder: string[] = [];
  lines.forEach((line, i) => {
    const label = i === lines.length - 1 ? TOTAL : String(line[labelCol]);
    if (label !== TOTAL) rowOrder.push(label);
    cells[label] = Object.fromEntries(labels.map((l, c) => [l, n(line[firstDataCol + c])]));
  });
  return { rowOrder, cells };
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const BUILTIN_FORMATS: Record<string, string> = { '3': '#,##0', '9': '0%', '10': '0.00%' };

/** The file host's PivotTables, read from the package parts and the cells of the sheet they sit on. */
function describeFile(bytes: Uint8Array): PivotDescription[] {
  const entries = unzipSync(bytes);
  const text = (p: string) => new TextDecoder().decode(entries[p]);
  const book = XlsxWorkbook.open(bytes);
  const styles = text('xl/styles.xml');
  const formatOf = (id: string | undefined) => (!id || id === '0' ? null : (BUILTIN_FORMATS[id] ?? unescape(attr(new RegExp(`<numFmt [^>]*numFmtId="${id}"[^>]*>`).exec(styles)![0], 'formatCode')!)));
  const workbookRels = text('xl/_rels/workbook.xml.rels');
  const sheetOfPart = (part: string) => {
    const rel = [...workbookRels.matchAll(/<Relationship\b[^>]*>/g)].find((m) => attr(m[0], 'Target')!.endsWith(part.replace('xl/', '')))!;
    return unescape(attr(new RegExp(`<sheet [^>]*:id="${attr(rel[0], 'Id')}"[^>]*>`).exec(text('xl/workbook.xml'))![0], 'name')!);
  };
  const out: PivotDescription[] = [];
  for (const pivotPart of Object.keys(entries).filter((p) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(p)).sort()) {
    const xml = text(pivotPart);
    const cachePart = `xl/pivotCache/${attr(/<Relationship\b[^>]*>/.exec(text(pivotPart.replace('pivotTables/', 'pivotTables/_rels/') + '.rels'))![0], 'Target')!.replace('../pivotCache/', '')}`;
    const fields = [...text(cachePart).matchAll(/<cacheField\b[^>]*>/g)].map((m) => unescape(attr(m[0], 'name')!));
    const list = (el: string) => [...(new RegExp(`<${el}\\b[^>]*>(.*?)</${el}>`).exec(xml)?.[1] ?? '').matchAll(/<field x="(-?\d+)"\/>/g)].map((m) => Number(m[1]));
    const location = /<location\b[^>]*>/.exec(xml)![0];
    const sheetPart = Object.keys(entries).find((p) => /^xl\/worksheets\/_rels\//.test(p) && text(p).includes(pivotPart.replace('xl/', '../')))!.replace('_rels/', '').replace(/\.rels$/, '');
    const [from, to] = attr(location, 'ref')!.split(':').map((r) => /([A-Z]+)(\d+)/.exec(r)!);
    const col = (letters: string) => [...letters].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(from![2]);
    const r1 = Number(to![2]);
    const c0 = col(from![1]!);
    const values = book.readSheet(sheetOfPart(sheetPart)).values;
    const cell = (r: number, c: number): CellValue => values[r - 1]?.[c] ?? null;
    const firstDataRow = Number(attr(location, 'firstDataRow'));
    const firstDataCol = Number(attr(location, 'firstDataCol'));
    const width = col(to![1]!) - c0 + 1;
    const rowOf = (r: number) => Array.from({ length: width }, (_, c) => cell(r, c0 + c));
    const lines = Array.from({ length: r1 - (r0 + firstDataRow) + 1 }, (_, i) => rowOf(r0 + firstDataRow + i));
    const columns = list('colFields').filter((x) => x >= 0);
    out.push({
      name: unescape(attr(/<pivotTableDefinition\b[^>]*>/.exec(xml)![0], 'name')!),
      rows: list('rowFields').map((x) => fields[x]!),
      columns: columns.map((x) => fields[x]!),
      values: [...xml.matchAll(/<dataField\b[^>]*>/g)].map((m) => ({
        caption: unescape(attr(m[0], 'name')!),
        field: fields[Number(attr(m[0], 'fld'))]!,
        summarizeBy: attr(m[0], 'subtotal') ?? 'sum',
        showAs: attr(m[0], 'showDataAs') === 'percentOfTotal' ? 'percentOfGrandTotal' : null,
        numberFormat: formatOf(attr(m[0], 'numFmtId')),
      })),
      ...fromGrid(rowOf(r0 + firstDataRow - 1), lines, firstDataCol - 1, firstDataCol, columns.length > 0),
    });
  }
  return out;
}

/** The Office host's PivotTables on the fake: its model and the cells it rendered. */
function describeFake(fake: FakeExcel): PivotDescription[] {
  return fake.pivots.map((p) => {
    const o = p.output;
    const rowOf = (r: number) => Array.from({ length: o.cols }, (_, c) => p.sheet.get(r, o.c0 + c));
    const lines = Array.from({ length: o.rows - 1 }, (_, i) => rowOf(o.r0 + 1 + i));
    return {
      name: p.name,
      rows: p.rows,
      columns: p.columns,
      values: p.data.map((d) => ({ caption: d.name, field: d.field, summarizeBy: d.summarizeBy.toLowerCase(), showAs: d.showAs === 'PercentOfGrandTotal' ? 'percentOfGrandTotal' : null, numberFormat: d.numberFormat })),
      ...fromGrid(rowOf(o.r0), lines, p.rows.length - 1, p.rows.length, p.columns.length > 0),
    };
  });
}

/** Specs of a review run with an earlier period: the tier mix and the movement (新客户, 流失 included). */
async function reviewSpecs(): Promise<SummarySpec[]> {
  const sample = generateSample({ customers: 240, periods: ['2025H1', '2025H2'], seed: 11 });
  const spend = sample.customers[0]!.indexOf('年度消费金额');
  const customers = sample.customers.map((r) => r.filter((_, c) => c !== spend));
  let book = FileWorkbook.open(createWorkbook([{ name: '客户信息', values: customers.slice(0, 200) }, { name: '订单记录', values: sample.orders }]), 'p.xlsx');
  await gradeWorkbook(book, { lang: 'zh-CN', period: '2025H1' });
  // The next half-year: 30 customers are gone from the list, 40 join.
  const history = (await book.readSheet('等级历史')).values;
  const rules = (await book.readSheet('等级规则')).values;
  book = FileWorkbook.open(createWorkbook([{ name: '客户信息', values: [customers[0]!, ...customers.slice(31, 241)] }, { name: '订单记录', values: sample.orders }, { name: '等级规则', values: rules }, { name: '等级历史', values: history }]), 'p.xlsx');
  const run = await gradeWorkbook(book, { lang: 'zh-CN', period: '2025H2', writeSummaries: false });
  return summarySpecs(run, 'zh-CN', { period: '2025H2' });
}

describe('summaries contract: file host and Office host', () => {
  it('describe the same PivotTables (fields, order, values) for the same specs', async () => {
    const specs = await reviewSpecs();
    expect(specs.map((s) => s.key)).toEqual(['mix', 'movement']);

    const file = FileWorkbook.open(createWorkbook([{ name: 'Sheet1', values: [['x']] }]), 'c.xlsx');
    const fileReport = await file.summaries!(specs);
    const fake = new FakeExcel([{ name: 'Sheet1', values: [['x']] }]);
    const officeReport = await new OfficeWorkbook({ run: fake.run, requirements: fake.requirements }).summaries(specs);
    expect(fileReport.results.map((r) => [r.key, r.sheet, r.mode])).toEqual(officeReport.results.map((r) => [r.key, r.sheet, r.mode]));

    const fromFile = describeFile(file.toXlsx());
    const fromOffice = describeFake(fake);
    expect(fromFile.map((p) => p.name)).toEqual(['TierBookMix', 'TierBookMovement']);
    expect(fromFile.map((p) => p.name)).toEqual(fromOffice.map((p) => p.name));
    for (const [i, f] of fromFile.entries()) {
      const o = fromOffice[i]!;
      expect(f.rows, f.name).toEqual(o.rows);
      expect(f.columns, f.name).toEqual(o.columns);
      expect(f.values, f.name).toEqual(o.values);
      expect(f.rowOrder, f.name).toEqual(o.rowOrder);
      expect(f.cells, f.name).toEqual(o.cells);
    }
    // Not empty: every record is counted, and the movement has the pseudo rows and columns.
    expect(fromFile[0]!.cells[TOTAL]!['客户数']).toBe(specs[0]!.source.rows.length);
    expect(fromFile[0]!.rowOrder.length).toBeGreaterThanOrEqual(3);
    const move = fromFile[1]!;
    expect(move.cells[TOTAL]![TOTAL]).toBe(specs[1]!.source.rows.length);
    expect(move.rowOrder).toContain('新客户');
    expect(Object.keys(move.cells[TOTAL]!)).toContain('流失');
  }, 120_000);
});
