// A CSV orders export is aggregated from coded columns read straight from its bytes (the port's readColumns),
// not from a string per cell: the run asks the CSV for the mapped columns only, and never for the whole sheet
// until the workbook is written. The result — tiers, messages naming cells, the written workbook — is the
// same as the run over every cell read as text (the path before, which a port without readColumns takes).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../src/core/index.ts';
import { CsvBytes } from '../../src/hosts/file/csv-bytes.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { XlsxWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import type { WorkbookPort } from '../../src/port/workbook.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';

const CSV = [
  '订单号,客户编号,日期,金额,备注',
  'D1,K1,2025-03-01,¥1.2万,老客户',
  'D2,K2,2025-04-02,800,6年',
  'D2,K2,2025-04-02,待定,',
  'D3,K1,2025-05-02,300,',
  'D4,K3,2025-05-09,6年,待定',
  'D5,K3,2025-06-11,"¥1,500",',
  'C6,K1,2025-06-12,-300,退货',
  'D7,K4,2025-06-20,¥0.5万,',
  ',,,,',
  'D8,K2,2025-07-01,2400,',
].join('\r\n');

const bytes = () => new TextEncoder().encode(CSV);
const options = { lang: 'zh-CN' as const, scheme: getPreset('rfm-5')!, gradedAt: new Date('2026-01-05T09:00:00Z'), today: 46000 };

/** The port without readColumns: the run reads every cell as text, as before. */
function withoutColumns(book: FileWorkbook): WorkbookPort {
  return {
    listSheets: () => book.listSheets(),
    readSheet: (n, o) => book.readSheet(n, o),
    readMarks: () => book.readMarks(),
    writeColumns: (p, f) => book.writeColumns(p, f),
    replaceSheet: (s) => book.replaceSheet(s),
    appendRows: (...a) => book.appendRows(...a),
    summaries: (s, f) => book.summaries(s, f),
  };
}

function sheetsOf(xlsx: Uint8Array) {
  const book = XlsxWorkbook.open(xlsx);
  return book.listSheets().map((s) => ({ name: s.name, values: book.readSheet(s.name).values }));
}

afterEach(() => vi.restoreAllMocks());

describe('an orders CSV in the run', () => {
  it('reads the order columns coded from the bytes, and no string per cell until the workbook is written', async () => {
    const columns = vi.spyOn(CsvBytes.prototype, 'columns');
    const sheet = vi.spyOn(CsvBytes.prototype, 'sheet');
    const book = FileWorkbook.open(bytes(), '订单.csv');
    const run = await gradeWorkbook(book, options);
    expect(run.related.orders).toBe('订单');
    expect(columns).toHaveBeenCalledTimes(1);
    expect([...columns.mock.calls[0]![0]].sort()).toEqual([0, 1, 2, 3]); // 订单号 客户编号 日期 金额, not 备注
    expect(columns.mock.calls[0]![1]).toBe(2);
    // Only the header rows were read as text (head → sheet with a limit), never the whole file.
    expect(sheet.mock.calls.every((c) => c[0] !== undefined && c[0] <= 40)).toBe(true);
    book.toXlsx();
    expect(sheet.mock.calls.some((c) => c[0] === undefined)).toBe(true); // the workbook copies the orders: now
  });

  it('grades and writes the same as the run over every cell as text (¥1.2万, 待定, 6年)', async () => {
    const coded = FileWorkbook.open(bytes(), '订单.csv');
    const text = FileWorkbook.open(bytes(), '订单.csv');
    const a = await gradeWorkbook(coded, options);
    const b = await gradeWorkbook(withoutColumns(text), options);
    const tiers = (r: typeof a) => r.customers.table.ids.map((id, i) => [id, r.result.tier[i]]);
    expect(tiers(a)).toEqual(tiers(b));
    expect(tiers(a).length).toBe(4);
    const issues = (r: typeof a) => r.customers.table.issues.map((x) => [x.sheet, x.row, x.cell, x.value, x.message['zh-CN'], x.message['en-US']]);
    expect(issues(a)).toEqual(issues(b));
    // 待定 and 6年 are named by cell, never graded as 0.
    expect(issues(a).map((x) => `${x[0]}!${x[2]}=${x[3]}`)).toEqual(expect.arrayContaining(['订单!D4=待定', '订单!D6=6年']));
    expect(a.warnings).toEqual(b.warnings);
    expect(sheetsOf(coded.toXlsx())).toEqual(sheetsOf(text.toXlsx()));
  });
});
