// The output columns built in blocks (a pane on the UI thread yields between them) equal the one-pass build.
import { describe, it, expect } from 'vitest';
import { getPreset, grade, tableFromRecords } from '../../src/core/index.ts';
import { outputColumns, outputColumnsInBlocks, placeOutputColumns, type WriteContext } from '../../src/run/write-back.ts';

describe('output columns in blocks', () => {
  it('are the same columns, with a pause between every block', async () => {
    const scheme = getPreset('b2b-value')!;
    // Spend and years as users type them, with some unreadable cells (issues) among them.
    const records = Array.from({ length: 2_345 }, (_, i) => ({
      id: `C${i}`,
      name: `客户${i}`,
      row: i + 2,
      values: { annualSpend: i % 97 === 0 ? '待定' : `${(i * 7919) % 1_500_000}元`, cooperationYears: i % 13 },
    }));
    const table = tableFromRecords(scheme, records);
    const result = grade(scheme, table);
    const rows = table.ids.map((_, i) => i + 2);
    const ctx: WriteContext = { result, lang: 'zh-CN', sheetRows: rows, firstRow: 2, lastRow: rows.length + 1, cols: placeOutputColumns({ existing: {}, lastCol: 10 }), previous: null, held: null };
    let pauses = 0;
    const blocks = await outputColumnsInBlocks(ctx, async () => void pauses++, 500);
    expect(pauses).toBe(5);
    expect(blocks).toEqual(outputColumns(ctx));
  });
});
