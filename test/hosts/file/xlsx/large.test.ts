import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellValue, ColumnWrite } from '../../../../src/port/workbook.ts';
import { XlsxWorkbook } from '../../../../src/hosts/file/xlsx/index.ts';
import { ExcelJS, tempDir } from './helpers.ts';

const ROWS = 100_000;
const COLS = 12;
const TIERS = ['钻石', '金卡', '银卡', '普通'];
const FILLS = ['#B9F2FF', '#FFD700', '#C0C0C0', null];

/** The generated value of data row i (0-based), column c. */
function sourceValue(i: number, c: number): CellValue {
  switch (c) {
    case 0:
      return `C${String(i + 1).padStart(6, '0')}`;
    case 1:
      return `客户 ${i + 1} 有限公司`;
    case 2:
      return ['华东', '华南', '华北', '西部'][i % 4]!;
    default:
      return c % 2 ? (i * 37 + c) % 100_000 : Math.round(((i % 997) * c + 0.25) * 100) / 100;
  }
}

/** A 100,000-row × 12-column customer sheet written with exceljs's streaming writer (shared strings on). */
async function writeLargeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Customers');
  ws.addRow(['客户清单 2024']).commit();
  ws.addRow(Array.from({ length: COLS }, (_, c) => `Field ${c + 1}`)).commit();
  for (let i = 0; i < ROWS; i++) {
    ws.addRow(Array.from({ length: COLS }, (_, c) => sourceValue(i, c))).commit();
  }
  ws.commit();
  wb.addWorksheet('Notes').addRow(['untouched']).commit();
  await wb.commit();
}

describe('a 100,000-row × 12-column workbook', () => {
  it('opens, reads, patches 8 columns and saves', { timeout: 300_000 }, async () => {
    const dir = tempDir('large');
    const file = path.join(dir, 'large.xlsx');
    await writeLargeWorkbook(file);
    const bytes = new Uint8Array(fs.readFileSync(file));

    const t0 = performance.now();
    const wb = XlsxWorkbook.open(bytes);
    const sheets = wb.listSheets();
    const t1 = performance.now();
    const { values } = wb.readSheet('Customers', { firstRow: 3 });
    const t2 = performance.now();
    const columns: ColumnWrite[] = Array.from({ length: 8 }, (_, k) => {
      const col = COLS + k;
      if (k === 0) {
        return {
          col,
          header: '客户等级',
          values: values.map((_, i) => TIERS[i % 4]!),
          fills: values.map((_, i) => FILLS[i % 4]!),
          width: 10,
        };
      }
      if (k === 1) return { col, header: '原因', values: values.map((row) => `消费 ${String(row[3])} ≥ 门槛`), wrap: true };
      return { col, header: `指标 ${k}`, values: values.map((row, i) => (i % 50 === 0 ? null : Number(row[k + 2]) * 1.5)), numberFormat: '#,##0.0' };
    });
    wb.writeColumns({ sheet: 'Customers', headerRow: 2, firstRow: 3, columns });
    const t3 = performance.now();
    const out = wb.save();
    const t4 = performance.now();
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    console.info(
      `[xlsx 100k×12] open+list ${Math.round(t1 - t0)} ms, read ${Math.round(t2 - t1)} ms, patch 8 columns ${Math.round(t3 - t2)} ms, ` +
        `save ${Math.round(t4 - t3)} ms, total ${Math.round(t4 - t0)} ms; input ${(bytes.length / 1e6).toFixed(1)} MB, ` +
        `output ${(out.length / 1e6).toFixed(1)} MB; heap ${heapMb} MB, rss ${rssMb} MB`,
    );

    expect(sheets[0]).toEqual({ name: 'Customers', lastRow: ROWS + 2, lastCol: COLS - 1, visible: true });
    expect(values).toHaveLength(ROWS);
    for (const i of [0, 1, 4999, 77_777, ROWS - 1]) {
      for (let c = 0; c < COLS; c++) expect(values[i]![c]).toEqual(sourceValue(i, c));
    }

    const back = XlsxWorkbook.open(out);
    expect(back.listSheets()[0]).toEqual({ name: 'Customers', lastRow: ROWS + 2, lastCol: COLS + 7, visible: true });
    const header = back.readSheet('Customers', { firstRow: 2, lastRow: 2 }).values[0]!;
    expect(header.slice(COLS)).toEqual(['客户等级', '原因', '指标 2', '指标 3', '指标 4', '指标 5', '指标 6', '指标 7']);
    for (const i of [0, 1, 50, 4999, 77_777, ROWS - 1]) {
      const row = back.readSheet('Customers', { firstRow: i + 3, lastRow: i + 3 }).values[0]!;
      for (let c = 0; c < COLS; c++) expect(row[c]).toEqual(sourceValue(i, c));
      expect(row[COLS]).toBe(TIERS[i % 4]);
      expect(row[COLS + 1]).toBe(`消费 ${String(sourceValue(i, 3))} ≥ 门槛`);
      expect(row[COLS + 5] ?? null).toEqual(i % 50 === 0 ? null : Number(sourceValue(i, 7)) * 1.5);
    }
    expect(back.readSheet('Notes').values).toEqual([['untouched']]);
  });
});
